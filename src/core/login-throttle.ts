// Rules of sign-in throttling that need no database: which address a client counts as, and how long it waits.

/**
 * The address a throttle counts: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 network, because one IPv6
 * subscriber usually holds a whole /64 and could otherwise take a fresh address for every guess.
 */
export function addressKey(ip: string): string {
  const bare = ip.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped) return mapped[1];
  if (!bare.includes(':')) return bare;
  const groups = expandIpv6(bare);
  if (!groups) return bare;
  return `${groups.slice(0, 4).join(':')}::/64`;
}

// The eight groups of an IPv6 address without leading zeros, or null when it does not parse.
function expandIpv6(ip: string): string[] | null {
  const halves = ip.split('::');
  if (halves.length > 2) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  // A trailing dotted IPv4 (::1.2.3.4) stands for two groups.
  const last = tail.length ? tail : head;
  if (last.length && last[last.length - 1].includes('.')) last.splice(last.length - 1, 1, '0', '0');
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => g.replace(/^0+(?=.)/, ''));
}

/** How a failure counter blocks: after `maxFailures` failures the wait doubles from `baseMinutes` to `capMinutes`. */
export interface BackoffRule {
  maxFailures: number;
  baseMinutes: number;
  capMinutes: number;
}

/** Minutes to wait after the `failures`-th failure: 0 below the limit, then base, 2×base, 4×base … up to the cap. */
export function backoffMinutes(failures: number, rule: BackoffRule): number {
  if (failures < rule.maxFailures) return 0;
  const doublings = Math.min(failures - rule.maxFailures, 30);
  return Math.min(rule.capMinutes, rule.baseMinutes * 2 ** doublings);
}

/** Whole minutes left until `until`, at least 1, for messages ("try again in N minutes"). */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
