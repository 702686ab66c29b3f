// Password policy for staff and member accounts (等级保护 practice: length plus character variety).

// Rule codes the client translates; order is stable so messages list consistently.
export type PasswordViolation = 'too_short' | 'too_long' | 'too_simple' | 'contains_username';

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

// Every rule the password breaks, [] when it is acceptable; the username check ignores case.
export function checkPassword(pw: string, username: string): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = Array.from(pw).length;
  if (length < PASSWORD_MIN_LENGTH) violations.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) violations.push('too_long');
  if (classCount(pw) < PASSWORD_MIN_CLASSES) violations.push('too_simple');
  const name = username.trim().toLowerCase();
  if (name !== '' && pw.toLowerCase().includes(name)) violations.push('contains_username');
  return violations;
}
