// Password policy for staff and member accounts (等级保护 practice: length, character variety, no common or known
// passwords).
import { COMMON_PASSWORDS } from './common-passwords';

// Rule codes the client translates; order is stable so messages list consistently. `same_as_current` needs the stored
// hash, so the server adds it (see assertStrongPassword); the others come from checkPassword.
export type PasswordViolation =
  | 'too_short'
  | 'too_long'
  | 'too_simple'
  | 'contains_username'
  | 'common_password'
  | 'demo_password'
  | 'control_character'
  | 'same_as_current';

// The demo data's shared password: published on the sign-in page of a demo, so never acceptable on a real server.
export const DEMO_PASSWORD = 'Demo@2026';

// Shortest accepted password, in characters.
export const PASSWORD_MIN_LENGTH = 8;
// Longest accepted password; bounds hashing cost.
export const PASSWORD_MAX_LENGTH = 128;
// How many of the four classes (upper, lower, digit, symbol) a password needs.
export const PASSWORD_MIN_CLASSES = 3;

// Counts upper-case, lower-case, digit and "anything else" (symbols, spaces, Chinese characters).
function classCount(pw: string): number {
  let upper = false;
  let lower = false;
  let digit = false;
  let other = false;
  for (const ch of pw) {
    if (/\p{Lu}/u.test(ch)) upper = true;
    else if (/\p{Ll}/u.test(ch)) lower = true;
    else if (/\p{Nd}/u.test(ch)) digit = true;
    else other = true;
  }
  return [upper, lower, digit, other].filter(Boolean).length;
}

/** Options of checkPassword: demoMode = the server runs the demo data, where the demo password is allowed. */
export interface PasswordCheckOptions {
  demoMode?: boolean;
}

// Every rule the password breaks, [] when it is acceptable; the username, deny-list and demo checks ignore case.
export function checkPassword(pw: string, username: string, opts: PasswordCheckOptions = {}): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = Array.from(pw).length;
  if (length < PASSWORD_MIN_LENGTH) violations.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) violations.push('too_long');
  if (classCount(pw) < PASSWORD_MIN_CLASSES) violations.push('too_simple');
  const lower = pw.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name !== '' && lower.includes(name)) violations.push('contains_username');
  if (COMMON_PASSWORDS.has(lower)) violations.push('common_password');
  if (!opts.demoMode && lower === DEMO_PASSWORD.toLowerCase()) violations.push('demo_password');
  if (/\p{Cc}/u.test(pw)) violations.push('control_character');
  return violations;
}
