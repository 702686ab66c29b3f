// How long credentials live: a session ends 12 hours after sign-in however busy it is, an API token on its expiry
// date; a token an admin issues for someone else is audited naming both.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';

let t: TestApp;
let w: World;
let clock = Date.parse('2026-06-01T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
  w = await buildWorld(t.db);
});
afterAll(() => t.close());

const rows = async (q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as any[];
const bearer = (token: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

describe('session lifetime', () => {
  it('ends a session 12 hours after sign-in even when it was used a minute ago', async () => {
    const c = await login(t.app, 'leader1');
    // Used every 25 minutes, so the 30-minute idle timeout never ends it: 28 × 25 min = 11 h 40 min.
    for (let i = 0; i < 28; i++) {
      clock += 25 * 60_000;
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    }
    clock += 25 * 60_000;
    const res = await c.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');
    expect(await rows(sql`select id from sessions where user_id = ${w.users.leader1.id}`)).toHaveLength(0);
  });
});

describe('API token expiry', () => {
  it('issues tokens for 90 days by default, up to 365, and refuses them after expiry', async () => {
    const admin = await login(t.app, 'admin');
    const std = await admin.post('/api/v1/api-tokens', { name: '默认', userId: w.users.admin.id, roles: ['admin'] });
    expect(std.statusCode).toBe(201);
    expect(Date.parse(std.json().expiresAt)).toBe(clock + 90 * DAY);
    const short = await admin.post('/api/v1/api-tokens', {
      name: '短期',
      userId: w.users.admin.id,
      roles: ['admin'],
      expiresInDays: 30,
    });
    expect(Date.parse(short.json().expiresAt)).toBe(clock + 30 * DAY);
    const tooLong = await admin.post('/api/v1/api-tokens', {
      name: '太长',
      userId: w.users.admin.id,
      roles: ['admin'],
      expiresInDays: 366,
    });
    expect(tooLong.statusCode).toBe(400);

    const list = (await admin.get('/api/v1/api-tokens')).json().items;
    expect(list.find((x: any) => x.id === short.json().id).expiresAt).toBe(short.json().expiresAt);

    expect((await bearer(short.json().token)).statusCode).toBe(200);
    clock += 30 * DAY + 1000;
    expect((await bearer(short.json().token)).statusCode).toBe(401);
    expect((await bearer(std.json().token)).statusCode).toBe(200);
  });

  it('audits a token issued for another user under both names', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.post('/api/v1/api-tokens', {
      name: '信访系统对接',
      userId: w.users.leader1.id,
      roles: ['leader'],
    });
    expect(res.statusCode).toBe(201);
    const onUser = await rows(sql`select actor_user_id as "actorUserId", actor_name as "actorName", action, after
      from audit_log where entity = 'user' and entity_id = ${String(w.users.leader1.id)} and action = 'issue_api_token'`);
    expect(onUser).toHaveLength(1);
    expect(onUser[0]).toMatchObject({
      actorUserId: w.users.admin.id,
      after: { tokenId: res.json().id, name: '信访系统对接', username: 'leader1', createdBy: 'admin' },
    });
    const own = await admin.post('/api/v1/api-tokens', { name: '自用', userId: w.users.admin.id, roles: ['admin'] });
    expect(own.statusCode).toBe(201);
    expect(
      await rows(
        sql`select id from audit_log where action = 'issue_api_token' and entity_id = ${String(w.users.admin.id)}`,
      ),
    ).toHaveLength(0);
  });
});
