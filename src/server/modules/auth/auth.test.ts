import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
});
afterAll(() => t.close());

describe('auth', () => {
  it('logs in and returns the user with a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'member1', password: 'Demo@2026' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'member1', roles: ['member'], memberId: w.m1.id });
    expect(res.json().csrfToken).toMatch(/.{20,}/);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Strict/i);
  });

  it('tells a department handler their department in /auth/me', async () => {
    await buildUser(t.db, {
      username: 'depth1',
      displayName: '农业办',
      roles: ['dept_handler'],
      departmentId: w.deptA.id,
    });
    const me = (await (await login(t.app, 'depth1')).get('/api/v1/auth/me')).json().user;
    expect(me).toMatchObject({ roles: ['dept_handler'], departmentId: w.deptA.id });
    expect((await (await login(t.app, 'member1')).get('/api/v1/auth/me')).json().user.departmentId).toBeNull();
  });

  it('refuses anonymous API calls with 401 and a Chinese message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/members' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated', message: '请先登录' });
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/members',
      headers: { 'accept-language': 'en-US,en' },
    });
    expect(res.json().message).toBe('Please sign in');
  });

  it('rejects a write without the CSRF header', async () => {
    const c = await login(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sectors',
      payload: { name: '新界别' },
      headers: { cookie: c.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const n = await t.db.execute(sql`select count(*)::int as n from sectors where name = '新界别'`);
    expect((n.rows[0] as any).n).toBe(0);
  });

  it('makes an address that failed 5 times wait, without locking the account for anyone else', async () => {
    const attempt = (password: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'member2', password },
        remoteAddress,
      });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong-Pass1', '10.0.0.7')).statusCode).toBe(401);
    const fifth = await attempt('wrong-Pass1', '10.0.0.7');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().message).toContain('1 分钟');
    expect(fifth.headers['retry-after']).toBe('60');
    expect((await attempt('Demo@2026', '10.0.0.7')).statusCode).toBe(429);
    expect((await attempt('Demo@2026', '10.0.0.8')).statusCode).toBe(200);
  });

  it('expires a session idle for more than 30 minutes', async () => {
    const c = await login(t.app, 'leader1');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes'`);
    const res = await c.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');
  });

  it('enforces password rules when a user changes their password', async () => {
    const c = await login(t.app, 'member1');
    const weak = await c.post('/api/v1/auth/password', { currentPassword: 'Demo@2026', newPassword: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.rules).toContain('too_short');
    const ok = await c.post('/api/v1/auth/password', { currentPassword: 'Demo@2026', newPassword: 'Better#Pass9' });
    expect(ok.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'member1', password: 'Better#Pass9' },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('accepts a Bearer API token scoped to fewer roles, without CSRF', async () => {
    const admin = await login(t.app, 'admin');
    const tok = await admin.post('/api/v1/api-tokens', {
      name: '大数据局对接',
      userId: w.users.admin.id,
      roles: ['admin'],
    });
    expect(tok.statusCode).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sectors',
      payload: { name: '经济' },
      headers: { authorization: `Bearer ${tok.json().token}` },
    });
    expect(res.statusCode).toBe(200);
    const tooMuch = await admin.post('/api/v1/api-tokens', { name: 'x', userId: w.users.leader1.id, roles: ['admin'] });
    expect(tooMuch.statusCode).toBe(400);
  });

  it('an account created by an admin must change its password first', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.post('/api/v1/users', {
      username: 'newclerk',
      displayName: '新同事',
      password: 'Start#Pass1',
      roles: ['leader'],
    });
    expect(res.statusCode).toBe(201);
    const weak = await admin.post('/api/v1/users', {
      username: 'weakling',
      displayName: 'x',
      password: 'weakling1',
      roles: ['leader'],
    });
    expect(weak.statusCode).toBe(400);
    const dup = await admin.post('/api/v1/users', {
      username: 'newclerk',
      displayName: 'x',
      password: 'Start#Pass1',
      roles: ['leader'],
    });
    expect(dup.statusCode).toBe(409);
    const clerk = await login(t.app, 'newclerk', 'Start#Pass1');
    expect((await clerk.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    expect(
      (await clerk.post('/api/v1/auth/password', { currentPassword: 'Start#Pass1', newPassword: 'Own#Pass2026' }))
        .statusCode,
    ).toBe(200);
    const again = await login(t.app, 'newclerk', 'Own#Pass2026');
    expect((await again.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);
  });
});
