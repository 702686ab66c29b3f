import { describe, expect, it } from 'vitest';
import { addressKey, backoffMinutes, minutesLeft } from './login-throttle';

describe('addressKey', () => {
  it.each([
    ['10.1.2.3', '10.1.2.3'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::10.1.2.3', '64:ff9b:0:0::/64'],
    ['not-an-address', 'not-an-address'],
  ])('%s → %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });

  it('puts every address of one IPv6 /64 together', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::2'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});

describe('backoffMinutes', () => {
  const rule = { maxFailures: 5, baseMinutes: 1, capMinutes: 15 };
  it('waits nothing below the limit, then doubles up to the cap', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10, 1000].map((n) => backoffMinutes(n, rule))).toEqual([0, 0, 1, 2, 4, 8, 15, 15, 15]);
  });

  it('blocks for a fixed time when base and cap are equal', () => {
    expect(backoffMinutes(30, { maxFailures: 30, baseMinutes: 15, capMinutes: 15 })).toBe(15);
    expect(backoffMinutes(31, { maxFailures: 30, baseMinutes: 15, capMinutes: 15 })).toBe(15);
  });
});

describe('minutesLeft', () => {
  it('rounds up and says at least one minute', () => {
    const now = new Date('2026-06-01T08:00:00Z');
    expect(minutesLeft(new Date(now.getTime() + 61_000), now)).toBe(2);
    expect(minutesLeft(new Date(now.getTime() + 1_000), now)).toBe(1);
    expect(minutesLeft(now, now)).toBe(1);
  });
});
