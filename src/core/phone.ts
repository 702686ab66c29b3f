// Chinese phone numbers as people type them on forms and in spreadsheets, and the masks shown to
// departments (DOMAIN: a citizen's phone is masked for departments unless the office releases it).

const SEPARATORS = /[\s\-‐‑‒–—―]+/g;
const MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;
const EXTENSION = /^(.*?)\s*(?:转|分机|ext\.?|x|#|,)\s*(\d{1,6})$/i;
const INTERNATIONAL = /^(?:\+|00)86/;

interface Landline {
  area: string;
  local: string;
  ext?: string;
}

// Full-width digits and dashes (１３８－…) come from Chinese input methods; NFKC folds them to ASCII.
function fold(s: string): string {
  return s.normalize('NFKC').trim();
}

function parseMobile(s: string): string | null {
  const m = MOBILE.exec(fold(s).replace(SEPARATORS, ''));
  return m ? m[1] : null;
}

// Area codes: 010 and 020–029 have three digits, every other one (03xx–09xx) has four.
function areaLength(digits: string): number | null {
  if (digits[0] !== '0') return null;
  if (digits[1] === '1') return digits[2] === '0' ? 3 : null;
  if (digits[1] === '2') return 3;
  return /[3-9]/.test(digits[1] ?? '') ? 4 : null;
}

function parseLandline(s: string): Landline | null {
  let text = fold(s);
  let ext: string | undefined;
  const e = EXTENSION.exec(text);
  if (e) {
    text = e[1];
    ext = e[2];
  }
  text = text.replace(/[()]/g, ' ').trim();
  if (INTERNATIONAL.test(text)) text = `0${text.replace(INTERNATIONAL, '').trim()}`;
  const tokens = text.split(SEPARATORS).filter((t) => t !== '');
  if (tokens.length === 0 || !tokens.every((t) => /^\d+$/.test(t))) return null;
  const digits = tokens.join('');
  const a = areaLength(digits);
  if (a === null) return null;
  // The first group is either the area code alone or the whole number written without a dash.
  if (tokens[0].length !== a && tokens[0].length < a + 7) return null;
  const area = digits.slice(0, a);
  const rest = digits.slice(a);
  let local = rest;
  if (rest.length > 8) {
    if (ext !== undefined) return null;
    // A trailing group after the local number is an extension (0571-12345678-123).
    let boundary = 0;
    let split = -1;
    for (const t of tokens) {
      boundary += t.length;
      const len = boundary - a;
      if (len === 7 || len === 8) split = boundary;
    }
    if (split < 0 || digits.length - split > 6) return null;
    local = digits.slice(a, split);
    ext = digits.slice(split);
  }
  // Local numbers have 7 or 8 digits and never start with 0 (the trunk prefix).
  if (!/^[1-9]\d{6,7}$/.test(local)) return null;
  return ext === undefined ? { area, local } : { area, local, ext };
}

// True for a mainland mobile number (11 digits, 13x–19x), with optional +86/86 and spaces or dashes.
export function isMobilePhone(s: string): boolean {
  return parseMobile(s) !== null;
}

// True for a fixed-line number with its area code (0571-12345678, (010)12345678, 0571 1234567 转 801).
export function isLandline(s: string): boolean {
  return parseLandline(s) !== null;
}

// True when the text is any phone number we can store, for form validation.
export function isPhone(s: string): boolean {
  return normalizePhone(s) !== null;
}

// Canonical form for storage, de-duplication and search: 13812345678 or 0571-12345678[-ext]; null if not a phone.
export function normalizePhone(s: string): string | null {
  const mobile = parseMobile(s);
  if (mobile) return mobile;
  const l = parseLandline(s);
  if (!l) return null;
  return l.ext === undefined ? `${l.area}-${l.local}` : `${l.area}-${l.local}-${l.ext}`;
}

// What departments see: 138****5678, or 0571-******78 (area code and last two digits; extension dropped).
export function maskPhone(s: string): string {
  const mobile = parseMobile(s);
  if (mobile) return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  const l = parseLandline(s);
  if (l) return `${l.area}-${'*'.repeat(l.local.length - 2)}${l.local.slice(-2)}`;
  // Unrecognised text still must not leak: hide every digit but the last two.
  const text = fold(s);
  let keep = 2;
  const out = Array.from(text).reverse();
  for (let i = 0; i < out.length; i++) {
    if (/\d/.test(out[i])) {
      if (keep > 0) keep--;
      else out[i] = '*';
    }
  }
  return out.reverse().join('');
}

// What departments see of an address: the first six characters (usually down to the township), then ****.
export function maskAddress(s: string): string {
  const chars = Array.from(s.trim());
  if (chars.length === 0) return '';
  return `${chars.slice(0, 6).join('')}****`;
}
