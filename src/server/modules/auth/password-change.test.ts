// Changing and resetting passwords: guesses of the current password are throttled and audited, and the new password
// must not be common, the demo password, the current one, or contain control characters.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let clock = Date.parse('2026-06-01T08:00:00Z');
const MIN = 60_000;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
  w = await buildWorld(t.db);
});
afterAll(() => t.close());

const rows = async (q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as any[];

describe('guessing the current password', () => {
  it('ends the session after 5 wrong current passwords and refuses changes for 15 minutes', async () => {
    const c = await login(t.app, 'member2');
    const change = (currentPassword: string, client = c) =>
      client.post('/api/v1/auth/password', { currentPassword, newPassword: 'Fresh#Start42' });
    for (let i = 0; i < 4; i++) expect((await change(`Guess#${i}abc`)).json().code).toBe('wrong_password');
    const fifth = await change('Guess#5abc');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'password_attempts_exceeded', details: { retryAfterSeconds: 900 } });
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);

    const again = await login(t.app, 'member2');
    expect((await change('Demo@2026', again)).statusCode).toBe(429);
    const audit = await rows(sql`select action, after from audit_log
      where entity = 'user' and entity_id = ${String(w.users.member2.id)} order by id`);
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'change_password_failed')).toHaveLength(5);
    expect(actions).toContain('password_change_throttled');
    expect(JSON.stringify(audit)).not.toContain('Guess#');

    clock += 15 * MIN + 1000;
    const later = await login(t.app, 'member2');
    expect((await change('Demo@2026', later)).statusCode).toBe(200);
    const done = await rows(sql`select action from audit_log where action = 'change_password'
      and entity_id = ${String(w.users.member2.id)}`);
    expect(done).toHaveLength(1);
  });
});

describe('new password rules', () => {
  it('refuses common passwords, the demo password, the current password and control characters', async () => {
    await buildUser(t.db, { username: 'clerk3', roles: ['leader'] });
    const c = await login(t.app, 'clerk3');
    const rulesOf = async (newPassword: string) => {
      const r = await c.post('/api/v1/auth/password', { currentPassword: 'Demo@2026', newPassword });
      expect(r.statusCode).toBe(400);
      return r.json().details.rules as string[];
    };
    expect(await rulesOf('P@ssw0rd')).toContain('common_password');
    expect(await rulesOf('Woaini1314')).toContain('common_password');
    expect(await rulesOf('Demo@2026')).toContain('demo_password');
    expect(await rulesOf('Good#Pass\u0007x')).toContain('control_character');
    const en = await c.post(
      '/api/v1/auth/password',
      { currentPassword: 'Demo@2026', newPassword: '1qaz@WSX' },
      { 'accept-language': 'en' },
    );
    expect(en.json()).toMatchObject({ code: 'weak_password', details: { rules: ['common_password'] } });
  });

  it('refuses to set the current password again, on change and on an admin reset', async () => {
    const u = await buildUser(t.db, { username: 'clerk4', roles: ['leader'], password: 'Mine#Secret42' });
    const c = await login(t.app, 'clerk4', 'Mine#Secret42');
    const same = await c.post('/api/v1/auth/password', {
      currentPassword: 'Mine#Secret42',
      newPassword: 'Mine#Secret42',
    });
    expect(same.json().details.rules).toEqual(['same_as_current']);
    const admin = await login(t.app, 'admin');
    const reset = await admin.post(`/api/v1/users/${u.id}/reset-password`, { password: 'Mine#Secret42' });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().details.rules).toEqual(['same_as_current']);
    expect((await admin.post(`/api/v1/users/${u.id}/reset-password`, { password: 'Other#Secret43' })).statusCode).toBe(
      200,
    );
  });

  it('allows the demo password only when the server runs the demo', async () => {
    const demo = await createTestApp({ config: { demoMode: true } as never });
    try {
      await buildUser(demo.db, { username: 'demo1', roles: ['leader'], password: 'Own#Pass2026' });
      const c = await login(demo.app, 'demo1', 'Own#Pass2026');
      const r = await c.post('/api/v1/auth/password', { currentPassword: 'Own#Pass2026', newPassword: 'Demo@2026' });
      expect(r.statusCode).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
