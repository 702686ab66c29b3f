// The hostile half of the OpenAPI fuzz (src/server/fuzz.test.ts): one mutation of a valid body per request, hostile
// path and query values, and malformed multipart bodies, all drawn from the seeded PRNG so a run replays exactly.
import type { Param, Rng, Schema } from './openapi-fuzz.js';

// Values of the wrong kind, for any field.
const WRONG = [123, -1, 1.5, 'abc', '', true, false, [], {}, [1, 2], { a: 1 }, '1', 'null', 'true'];
const HUGE_NUMBERS = [2147483648, -2147483649, 1e30, 1e308, -1, 0, 2 ** 53 + 2, 0.5, -0.0000001, 2.5];
const HOSTILE_STRINGS = [
  "'; drop table users; --",
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '\u202eevil',
  '🀄️👨‍👩‍👧',
  'ئۇيغۇرچە',
  ' ',
  '%s%n%x',
  '\\',
  '\r\n\t',
  'a\u0000b',
  '\u0000',
  'x\ud800y',
  '\udc00',
  '\ufeff',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '0000-01-01T00:00:00+00:00',
  '2026-02-29',
  '1900-01-01',
  'a\\',
  '%_[(*',
  'a & !b | c:*',
];
// Dates that match \d{4}-\d{2}-\d{2} but are not days (or are days PostgreSQL or JavaScript find odd).
const NEAR_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31', '2026-04-31', '1000-01-01'];
const INVALID_JSON = ['{', '{"a":', 'nul', '{"a":1}}', "{'a':1}", '[1,2', '{"a":01}', '\u0000', '{"a":"\\x"}', '😀'];

/** A request body as it goes on the wire. */
export interface Body {
  contentType?: string;
  payload?: string | Buffer;
  mutation: string;
}

type Path = (string | number)[];
function leaves(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length) out.push(at);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) leaves(v[i], [...at, i], out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...at, k], out);
  return out;
}
function setAt(root: unknown, at: Path, value: unknown): unknown {
  if (!at.length) return value;
  const copy = structuredClone(root) as any;
  let o = copy;
  for (const k of at.slice(0, -1)) o = o[k];
  o[at[at.length - 1]] = value;
  return copy;
}
const nest = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const json = (v: unknown, mutation: string): Body => ({
  contentType: 'application/json',
  payload: JSON.stringify(v),
  mutation,
});

/** One mutation of a valid body (indexes 0 and 1 send the valid body itself, so each operation also does real work). */
export function mutateBody(valid: unknown, s: Schema, r: Rng, index: number): Body {
  if (index < 2) return json(valid, 'valid');
  const paths = leaves(valid);
  const somePath = () => (paths.length ? r.pick(paths) : ['x']);
  const byType = (t: string) => paths.filter((p) => fieldSchema(s, p)?.type === t);
  const kind = r.int(23);
  switch (kind) {
    case 0: {
      const req = s.required ?? [];
      if (!req.length || !valid || typeof valid !== 'object') return json({}, 'empty-object');
      const copy = { ...(valid as Record<string, unknown>) };
      delete copy[r.pick(req)];
      return json(copy, 'drop-required');
    }
    case 1:
    case 2:
      return json(setAt(valid, somePath(), r.pick(WRONG)), 'wrong-type');
    case 3:
      return json(setAt(valid, somePath(), null), 'null-field');
    case 4:
      return json(r.pick([null, 0, 'x', true, [valid]]), 'not-an-object');
    case 5: {
      const strs = byType('string');
      const big = r.chance(0.5) ? 'x'.repeat(100_000) : '界'.repeat(34_000);
      return json(setAt(valid, strs.length ? r.pick(strs) : somePath(), big), 'huge-string');
    }
    case 6: {
      const depth = r.pick([64, 1000, 20_000]);
      const text = JSON.stringify(setAt(valid, somePath(), '__NEST__')).replace('"__NEST__"', nest(depth));
      return { contentType: 'application/json', payload: text, mutation: `deep-nesting-${depth}` };
    }
    case 7: {
      const extra = { zzz: 1, '': 'x', constructor: { prototype: { admin: true } }, 'a.b': [1], '\u0000k': 1 };
      return json({ ...(valid as object), ...extra }, 'extra-fields');
    }
    case 8: {
      const text = JSON.stringify(valid ?? {}).replace(/^\{/, '{"__proto__":{"isAdmin":true},');
      return { contentType: 'application/json', payload: text, mutation: 'proto-key' };
    }
    case 9:
    case 10: {
      const strs = byType('string');
      return json(setAt(valid, strs.length ? r.pick(strs) : somePath(), r.pick(HOSTILE_STRINGS)), 'hostile-string');
    }
    case 11: {
      // A lone surrogate as JSON escape text: JSON.stringify writes \ud800 for a lone surrogate.
      const strs = byType('string');
      return json(
        setAt(valid, strs.length ? r.pick(strs) : somePath(), r.pick(['\ud800', 'a\udfffb'])),
        'lone-surrogate',
      );
    }
    case 12:
    case 13: {
      const nums = [...byType('integer'), ...byType('number')];
      return json(setAt(valid, nums.length ? r.pick(nums) : somePath(), r.pick(HUGE_NUMBERS)), 'number-range');
    }
    case 14: {
      const nums = [...byType('integer'), ...byType('number')];
      const text = JSON.stringify(setAt(valid, nums.length ? r.pick(nums) : somePath(), '__N__'));
      return {
        contentType: 'application/json',
        payload: text.replace('"__N__"', r.pick(['1e400', '-1e400', '-0', '1E2'])),
        mutation: 'number-text',
      };
    }
    case 15:
    case 22: {
      // Strings that look like days (the date pattern accepts 2026-02-30): keep any time suffix, change the day.
      const dated = paths.filter((p) => /^\d{4}-\d{2}-\d{2}/.test(String(getAt(valid, p))));
      const anyStr = byType('string');
      const target = dated.length ? r.pick(dated) : anyStr.length ? r.pick(anyStr) : somePath();
      const old = String(getAt(valid, target) ?? '');
      return json(setAt(valid, target, r.pick(NEAR_DATES) + old.slice(10)), 'near-date');
    }
    case 16: {
      const arrays = byType('array');
      const target = arrays.length ? r.pick(arrays) : somePath();
      const item = (getAt(valid, target) as unknown[] | undefined)?.[0] ?? 1;
      const value = r.chance(0.5) ? Array.from({ length: 20_000 }, () => item) : [item, item];
      return json(setAt(valid, target, value), 'big-or-duplicate-array');
    }
    case 17: {
      const nums = byType('integer');
      return json(setAt(valid, nums.length ? r.pick(nums) : somePath(), r.pick([2147483647, 999_999])), 'missing-id');
    }
    case 18:
      return { contentType: 'application/json', payload: r.pick(INVALID_JSON), mutation: 'invalid-json' };
    case 19: {
      const text = JSON.stringify(valid);
      return r.pick<Body>([
        { contentType: 'text/plain', payload: text, mutation: 'text-plain' },
        { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=%00', mutation: 'form-urlencoded' },
        { contentType: 'application/xml', payload: '<a>1</a>', mutation: 'xml' },
        { contentType: 'application/json; charset=utf-16', payload: text, mutation: 'json-utf16-label' },
        { contentType: 'multipart/form-data; boundary=x', payload: text, mutation: 'json-as-multipart' },
        { contentType: '', payload: text, mutation: 'blank-content-type' },
      ]);
    }
    case 20:
      return { contentType: 'application/json', payload: '', mutation: 'empty-body' };
    default:
      return json(valid && typeof valid === 'object' && !Array.isArray(valid) ? {} : [], 'empty-object');
  }
}

function getAt(v: unknown, at: Path): unknown {
  let o = v as any;
  for (const k of at) o = o?.[k];
  return o;
}
function fieldSchema(s: Schema, at: Path): Schema | undefined {
  let cur: Schema | undefined = s;
  for (const k of at) {
    if (!cur) return undefined;
    const alt: Schema = cur.anyOf?.[0] ?? cur.oneOf?.[0] ?? cur;
    cur = typeof k === 'number' ? alt.items : alt.properties?.[k];
  }
  const alt = cur?.anyOf?.find((a) => a.type) ?? cur?.oneOf?.find((a) => a.type);
  return alt ? { ...cur, ...alt } : cur;
}

/** Path parameter values: a real id (or a valid value), then the hostile forms, already URL-encoded. */
export function pathValue(p: Param, valid: string, r: Rng): { value: string; hostile: boolean } {
  if (r.chance(0.4)) return { value: encodeURIComponent(valid), hostile: false };
  const v = r.pick([
    '0',
    '-1',
    '2147483648',
    '99999999999999999999',
    '1e30',
    'abc',
    '%00',
    `${valid}%00`,
    'x'.repeat(101),
    'x'.repeat(5000),
    '%E7%95%8C%E8%81%94',
    '%F0%9F%80%84',
    '..%2F..%2Fetc%2Fpasswd',
    '..',
    '%2e%2e',
    '%',
    '%ZZ',
    '%ED%A0%80',
    '1.5',
    `00${valid}`,
    `+${valid}`,
    `${valid}.0`,
    `${valid}%20`,
    `%20${valid}`,
    '0x1',
    'null',
    'NaN',
    'Infinity',
    '2026-02-30',
    '0000-01-01',
    ...(p.schema.enum ? ['REGIONS', 'regions%00'] : []),
  ]);
  return { value: v, hostile: true };
}

const HOSTILE_QUERY = [
  'abc',
  '-1',
  '0',
  '1.5',
  '2147483648',
  '1e30',
  '',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%uD800',
  '%',
  '%ZZ',
  'x'.repeat(10_000),
  '%E7%95%8C',
  'true',
  'null',
  '[]',
  'NaN',
  'Infinity',
  '0x10',
  '%201',
  '1,2',
  ...NEAR_DATES,
  '99999-01-01',
  '2026-05-01T00:00:00Z',
  '9007199254740991',
];
// LIKE, regular-expression and tsquery syntax, for the search boxes.
const SEARCH_QUERY = [
  '%5C',
  'a%5C',
  '%25%25',
  '_',
  '%5B',
  '(',
  '*',
  '%26%7C!',
  'a%3A*',
  "'",
  '%22',
  '%E7%95%8C%20%26%20!%E8%81%94',
  '%00',
  '%ED%A0%80',
  'x'.repeat(60),
];

/** A query string: valid values for some parameters, hostile ones (wrong types, arrays, NUL, surrogates) for others. */
export function queryString(params: Param[], valid: Record<string, unknown>, r: Rng, index: number): string {
  const parts: string[] = [];
  const enc = (k: string, v: unknown) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`;
  for (const p of params) {
    const v = valid[p.name];
    const hostile = index > 1 && r.chance(0.45);
    if (!hostile) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) parts.push(enc(p.name, x));
      else parts.push(enc(p.name, v));
      continue;
    }
    const form = r.int(6);
    if (form === 0) parts.push(enc(p.name, v ?? 1), enc(p.name, 2));
    else if (form === 1) parts.push(`${p.name}[]=1`, `${p.name}[a]=%00`);
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && r.chance(0.6))
      parts.push(`${encodeURIComponent(p.name)}=${r.pick(NEAR_DATES)}`);
    else if (p.name === 'q' && r.chance(0.6)) parts.push(`q=${r.pick(SEARCH_QUERY)}`);
    else parts.push(`${encodeURIComponent(p.name)}=${r.pick([...HOSTILE_QUERY, ...SEARCH_QUERY])}`);
  }
  if (index > 1 && r.chance(0.15))
    parts.push(r.pick(['zzz=1', '__proto__=1', 'constructor[prototype]=1', '%00=1', '=']));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** How many malformed multipart forms multipartBody knows; a caller cycling `which` through them sends each once. */
export const MULTIPART_FORMS = 15;

/** Malformed multipart bodies for the routes that read parts in the handler (the document declares no body there). */
export function multipartBody(r: Rng, maxUploadBytes: number, which: number): Body {
  const b = `----fz${r.int(1e6)}`;
  const ct = `multipart/form-data; boundary=${b}`;
  const part = (headers: string, data: string | Buffer) =>
    Buffer.concat([Buffer.from(`--${b}\r\n${headers}\r\n\r\n`), Buffer.from(data), Buffer.from('\r\n')]);
  const end = Buffer.from(`--${b}--\r\n`);
  const file = (name: string, data: string | Buffer, type = 'application/octet-stream') =>
    part(`Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}`, data);
  const field = (name: string, value: string) => part(`Content-Disposition: form-data; name="${name}"`, value);
  const pdf = Buffer.from('%PDF-1.4\n% fuzz\n1 0 obj<<>>endobj\n');
  const forms: [string, string, Buffer | string][] = [
    ['no-boundary', 'multipart/form-data', 'abc'],
    ['empty', ct, ''],
    [
      'truncated',
      ct,
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4`),
    ],
    ['no-disposition', ct, Buffer.concat([part('Content-Type: text/plain', 'x'), end])],
    ['path-filename', ct, Buffer.concat([file('../../etc/passwd', pdf, 'application/pdf'), end])],
    ['nul-filename', ct, Buffer.concat([file('a\u0000.pdf', pdf), end])],
    ['empty-file', ct, Buffer.concat([file('a.pdf', ''), end])],
    ['lying-type', ct, Buffer.concat([file('a.png', 'not a png at all', 'image/png'), end])],
    [
      'fake-xlsx',
      ct,
      Buffer.concat([file('a.xlsx', Buffer.from('PK\u0003\u0004[Content_Types].xml xl/workbook.xml junk')), end]),
    ],
    ['nul-field', ct, Buffer.concat([field('title', 'a\u0000b'), field('content', '\ud800'), end])],
    ['many-fields', ct, Buffer.concat([...Array.from({ length: 25 }, (_, i) => field(`f${i}`, 'x')), end])],
    ['many-files', ct, Buffer.concat([...Array.from({ length: 12 }, (_, i) => file(`f${i}.pdf`, pdf)), end])],
    ['too-large', ct, Buffer.concat([file('big.pdf', Buffer.concat([pdf, Buffer.alloc(maxUploadBytes + 10)])), end])],
    ['long-boundary', `multipart/form-data; boundary=${'b'.repeat(200)}`, `--${'b'.repeat(200)}--\r\n`],
    ['garbage', ct, Buffer.from([0xff, 0xfe, 0, 1, 2, 3, 0x0d, 0x0a])],
  ];
  const [mutation, contentType, payload] = forms[which % forms.length];
  return { contentType, payload, mutation: `multipart-${mutation}` };
}
