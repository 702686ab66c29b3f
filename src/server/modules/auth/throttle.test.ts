// Sign-in throttling: one answer for every failure, back-off per account and address, a per-address limit, and an
// account-wide lock only at a high count (with an alert to the admins); every attempt is audited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let clock = Date.parse('2026-06-01T08:00:00Z');
const tick = (ms: number) => {
  clock += ms;
};
const MIN = 60_000;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
  w = await buildWorld(t.db);
});
afterAll(() => t.close());

const attempt = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
const body = (r: Awaited<ReturnType<typeof attempt>>) => ({ status: r.statusCode, ...r.json() });
const rows = async (q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as any[];

describe('sign-in answers', () => {
  it('answers an unknown user, a wrong password and a disabled account identically', async () => {
    await buildUser(t.db, { username: 'retired1', roles: ['leader'], active: false });
    const unknown = body(await attempt('nobody', 'Wrong#Pass1', '10.1.0.1'));
    const wrong = body(await attempt('member1', 'Wrong#Pass1', '10.1.0.2'));
    const disabled = body(await attempt('retired1', 'Wrong#Pass1', '10.1.0.3'));
    expect(unknown).toEqual({ status: 401, code: 'bad_credentials', message: '用户名或密码错误', details: null });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
    // Only the right password learns that the account is disabled.
    expect(body(await attempt('retired1', 'Demo@2026', '10.1.0.3')).code).toBe('account_disabled');
  });
});

describe('back-off per account and address', () => {
  it('makes one address wait after 5 failures, while the owner signs in from another address', async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(body(await attempt('admin', 'Guess#Pass1', '10.2.0.1')));
      unknown.push(body(await attempt('ghost', 'Guess#Pass1', '10.2.0.2')));
    }
    expect(known.slice(0, 4).every((b: any) => b.code === 'bad_credentials')).toBe(true);
    expect(known[4]).toMatchObject({ status: 429, code: 'too_many_attempts', details: { retryAfterSeconds: 60 } });
    expect((known[4] as any).message).toContain('1 分钟');
    expect(unknown).toEqual(known);
    // The right password from the blocked address waits too: the answer must not tell a guess was right.
    expect(body(await attempt('admin', 'Demo@2026', '10.2.0.1'))).toMatchObject({ status: 429 });
    // The office, from its own address, is not locked out.
    expect((await attempt('admin', 'Demo@2026', '10.2.0.9')).statusCode).toBe(200);
  });

  it('doubles the wait with each further failure up to 15 minutes, and a success clears it', async () => {
    const ip = '10.3.0.1';
    for (let i = 0; i < 5; i++) await attempt('leader1', 'Guess#Pass1', ip);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await attempt('leader1', 'Guess#Pass1', ip);
      expect(r.statusCode).toBe(429); // still waiting
      const wait = r.json().details.retryAfterSeconds as number;
      tick(wait * 1000 + 1000);
      const next = await attempt('leader1', 'Guess#Pass1', ip);
      expect(next.statusCode).toBe(429);
      waits.push(next.json().details.retryAfterSeconds / 60);
    }
    expect(waits).toEqual([2, 4, 8, 15, 15, 15]);
    tick(15 * MIN + 1000);
    expect((await attempt('leader1', 'Demo@2026', ip)).statusCode).toBe(200);
    expect((await attempt('leader1', 'Guess#Pass1', ip)).statusCode).toBe(401);
  });
});

describe('per-address limit', () => {
  it('refuses an address after 30 failures over any usernames for 15 minutes', async () => {
    const ip = '10.4.0.1';
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await attempt(`spray${i}`, 'Guess#Pass1', ip)).statusCode);
    expect(codes.slice(0, 29).every((c) => c === 401)).toBe(true);
    expect(codes[29]).toBe(429);
    const blocked = await attempt('member2', 'Demo@2026', ip);
    expect(blocked.json()).toMatchObject({ code: 'too_many_attempts', details: { retryAfterSeconds: 15 * 60 } });
    expect((await attempt('member2', 'Demo@2026', '10.4.0.2')).statusCode).toBe(200);
    tick(15 * MIN + 1000);
    expect((await attempt('member2', 'Demo@2026', ip)).statusCode).toBe(200);
  });
});

describe('account-wide lock', () => {
  it('one address alone never locks an account, however long it keeps guessing', async () => {
    const ip = '10.5.0.1';
    for (let i = 0; i < 60; i++) {
      const r = await attempt('officer1', 'Guess#Pass1', ip);
      expect(r.statusCode === 401 || r.statusCode === 429).toBe(true);
      if (r.statusCode === 429) tick(r.json().details.retryAfterSeconds * 1000 + 1000);
    }
    expect((await attempt('officer1', 'Demo@2026', '10.5.0.2')).statusCode).toBe(200);
  });

  it('locks the account after 50 failures from many addresses, audits it and alerts every admin', async () => {
    const admin2 = await buildUser(t.db, { username: 'admin2', roles: ['admin'] });
    const answers = [];
    for (let ip = 1; ip <= 10; ip++)
      for (let i = 0; i < 5; i++) answers.push(body(await attempt('grouplead', 'Guess#Pass1', `10.6.0.${ip}`)));
    expect(answers.at(-1)).toMatchObject({ status: 423, code: 'account_locked' });
    const locked = await attempt('grouplead', 'Demo@2026', '10.6.1.1');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toContain('60 分钟');
    // The same answer for a username that does not exist, so the lock tells nothing about the account.
    for (let ip = 1; ip <= 10; ip++)
      for (let i = 0; i < 5; i++) await attempt('grouplead9', 'Guess#Pass1', `10.7.0.${ip}`);
    const ghost = await attempt('grouplead9', 'Demo@2026', '10.7.1.1');
    expect(body(ghost)).toEqual(body(locked));

    const alerts = await rows(
      sql`select user_id as "userId", kind, title from notifications where kind = 'account_locked'`,
    );
    expect(alerts.map((a) => a.userId).sort()).toEqual([w.users.admin.id, admin2.id].sort());
    expect(alerts[0].title).toContain('grouplead');
    const audit = await rows(sql`select entity_id as "entityId", after from audit_log where action = 'account_locked'`);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ entityId: String(w.users.grouplead.id), after: { username: 'grouplead' } });

    tick(60 * MIN + 1000);
    expect((await attempt('grouplead', 'Demo@2026', '10.6.1.1')).statusCode).toBe(200);
  });

  it('shows the lock on the user list, and a password reset by an admin lifts it', async () => {
    const u = await buildUser(t.db, { username: 'clerk7', roles: ['leader'] });
    for (let ip = 1; ip <= 10; ip++) for (let i = 0; i < 5; i++) await attempt('clerk7', 'Guess#Pass1', `10.8.0.${ip}`);
    const admin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'Demo@2026' },
      remoteAddress: '10.8.9.9',
    });
    const cookie = String(admin.headers['set-cookie']).split(';')[0];
    const headers = { cookie, 'x-csrf-token': admin.json().csrfToken };
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users?q=clerk7', headers });
    expect(new Date(list.json().items[0].lockedUntil).getTime()).toBeGreaterThan(clock);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${u.id}/reset-password`,
      payload: { password: 'Fresh#Start42' },
      headers,
    });
    expect(reset.statusCode).toBe(200);
    expect((await attempt('clerk7', 'Fresh#Start42', '10.8.0.1')).statusCode).toBe(200);
  });
});

describe('sign-in audit', () => {
  it('records successes and failures with the username, address and reason, never the password', async () => {
    await attempt('member1', 'Secret#Guess9', '10.9.0.1');
    await attempt('nobody2', 'Secret#Guess9', '10.9.0.1');
    await attempt('member1', 'Demo@2026', '10.9.0.1');
    const audit = await rows(sql`select action, actor_user_id as "actorUserId", entity_id as "entityId", after, ip
      from audit_log where ip = '10.9.0.1' order by id`);
    expect(audit).toMatchObject([
      { action: 'login_failed', actorUserId: null, after: { username: 'member1', reason: 'wrong_password' } },
      {
        action: 'login_failed',
        actorUserId: null,
        entityId: '',
        after: { username: 'nobody2', reason: 'unknown_user' },
      },
      { action: 'login', actorUserId: w.users.member1.id, entityId: String(w.users.member1.id) },
    ]);
    const all = JSON.stringify(await rows(sql`select * from audit_log`));
    expect(all).not.toContain('Secret#Guess9');
    expect(all).not.toContain('Guess#Pass1');
    const throttled = await rows(
      sql`select action, after from audit_log where action = 'login_throttled' and ip = '10.2.0.1'`,
    );
    expect(throttled[0]?.after).toMatchObject({ username: 'admin', scope: 'account_ip', minutes: 1 });
  });
});

describe('counter housekeeping', () => {
  it('forgets counters idle for longer than every window, but never one that still blocks', async () => {
    const long = new Date(clock - 25 * 60 * MIN).toISOString();
    const later = new Date(clock + 60 * MIN).toISOString();
    await t.db.execute(sql`insert into login_throttle (kind, key, failures, window_start, blocked_until, updated_at)
      values ('account', 'stale-guess', 3, ${long}::timestamptz, null, ${long}::timestamptz),
             ('account', 'stale-locked', 60, ${long}::timestamptz, ${later}::timestamptz, ${long}::timestamptz)`);
    await attempt('someone', 'Guess#Pass1', '10.10.0.1');
    const keys = (await rows(sql`select key from login_throttle where key like 'stale-%'`)).map((r) => r.key);
    expect(keys).toEqual(['stale-locked']);
  });
});
