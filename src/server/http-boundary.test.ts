// The HTTP boundary as an attacker meets it: public-ness from route config only, sign-in and CSRF before the body,
// forced password change enforced by the server, forwarded addresses trusted only from proxies, browser headers,
// and hostile input (huge ids, NUL bytes, lone surrogates, empty PATCH bodies, FK conflicts) answered with a 4xx.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../tests/setup/world.js';
import { buildApp } from './app.js';
import { buildUser } from './db/seed/factories.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
});
afterAll(() => t.close());

const countUsers = async () => Number((await t.db.execute(sql`select count(*)::int as n from users`)).rows[0].n);

describe('public or not comes from the route, never the URL text', () => {
  const variants = [
    '/%61pi/v1/regions',
    '/api/v1/%72egions',
    '/API/v1/regions',
    '/api//v1/regions',
    '/api/v1/regions/',
    '/api/v1/./regions',
    '/api/v1/regions?x=/api/',
    '/%2561pi/v1/regions',
  ];
  for (const url of variants)
    it(`GET ${url} anonymously never reaches the data`, async () => {
      const res = await t.app.inject({ method: 'GET', url });
      expect([401, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain('13800000001');
      expect(res.body).not.toContain('古城村');
    });

  for (const path of ['/liaison-groups', '/departments', '/sectors', '/terms'])
    it(`encoded ${path} is 401 anonymously`, async () => {
      const res = await t.app.inject({ method: 'GET', url: `/%61pi/v1${path}` });
      expect([401, 404]).toContain(res.statusCode);
    });

  it('an encoded path does not skip CSRF on a session write', async () => {
    const admin = await login(t.app, 'admin');
    const before = await countUsers();
    const res = await t.app.inject({
      method: 'POST',
      url: '/%61pi/v1/users',
      headers: { cookie: admin.cookie },
      payload: { username: 'evil', displayName: 'evil', roles: ['admin'], password: 'Xk#9vLq2!mZ' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    expect(await countUsers()).toBe(before);
  });

  it('an anonymous bad body gets 401, not field details', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/representatives', payload: { name: 1 } });
    expect(res.statusCode).toBe(401);
    expect(res.json().details ?? null).toBeNull();
  });

  it('a signed-in write without a CSRF token is refused before the body is validated', async () => {
    const admin = await login(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/representatives',
      headers: { cookie: admin.cookie },
      payload: { name: 1 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });
});

describe('a forced password change is enforced by the server', () => {
  it('refuses everything but me, password and logout', async () => {
    await buildUser(t.db, { username: 'fresh', roles: ['admin'], mustChangePassword: true });
    const c = await login(t.app, 'fresh');
    const me = await c.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    const list = await c.get('/api/v1/representatives');
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('password_change_required');
    const out = await c.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
  });
});

describe('client address', () => {
  const probe = async (trustProxy: string | undefined, remoteAddress: string) => {
    const p = await createTestApp({ config: { trustProxy } as any });
    p.app.get('/api/v1/__ip', { config: { public: true } }, async (req) => ({ ip: req.ip }));
    const res = await p.app.inject({
      method: 'GET',
      url: '/api/v1/__ip',
      remoteAddress,
      headers: { 'x-forwarded-for': '6.6.6.6' },
    });
    await p.close();
    return res.json().ip;
  };

  it('ignores X-Forwarded-For by default', async () => {
    expect(await probe(undefined, '127.0.0.1')).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For from a peer that is not a configured proxy', async () => {
    expect(await probe('10.0.0.5', '127.0.0.1')).toBe('127.0.0.1');
  });

  it('trusts X-Forwarded-For from a configured proxy', async () => {
    expect(await probe('10.0.0.5,127.0.0.1', '127.0.0.1')).toBe('6.6.6.6');
  });

  it('writes the real peer into the audit log', async () => {
    const admin = await login(t.app, 'admin');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/representatives',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'x-forwarded-for': '6.6.6.6' },
      payload: { name: '周七', phone: '13900000077', regionId: w.villA1.id, memberIds: [w.m1.id] },
    });
    const rows = (await t.db.execute(sql`select ip from audit_log where ip = '6.6.6.6'`)).rows;
    expect(rows).toHaveLength(0);
  });
});

describe('browser headers', () => {
  it('sends CSP, frame, referrer and no-store headers on the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS when cookies are secure', async () => {
    const s = await createTestApp({ config: { secureCookies: true } as any });
    const res = await s.app.inject({ method: 'GET', url: '/api/health' });
    expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=\d{7,}/);
    await s.close();
  });
});

describe('hostile input is a clear 4xx, logged 5xx carry a request id', () => {
  it('ids above 2^31-1 are 404 or 400, also anonymously', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/public/reception-days/2147483648' });
    expect(anon.statusCode).toBeLessThan(500);
    const admin = await login(t.app, 'admin');
    for (const url of [
      '/api/v1/representatives/2147483648',
      '/api/v1/members/99999999999999999999',
      '/api/v1/activities/2147483648',
      '/api/v1/opinions/2147483648',
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it('NUL bytes in strings and in q are refused with 400', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/public/villages?q=%00' });
    expect(anon.statusCode).toBe(400);
    const lg = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ad\u0000min', password: 'x' },
    });
    expect(lg.statusCode).toBe(400);
    const admin = await login(t.app, 'admin');
    const q = await admin.get('/api/v1/representatives?q=%00');
    expect(q.statusCode).toBe(400);
    const body = await admin.post('/api/v1/representatives', {
      name: 'a\u0000b',
      phone: '13900000009',
      regionId: w.villA1.id,
      memberIds: [w.m1.id],
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().code).toBe('validation_failed');
  });

  it('lone surrogates are refused with 400', async () => {
    const admin = await login(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/representatives',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      payload: `{"name":"a\\ud800b","phone":"13900000008","regionId":${w.villA1.id},"memberIds":[${w.m1.id}]}`,
    });
    expect(res.statusCode).toBe(400);
    const q = await admin.get('/api/v1/representatives?q=%ED%A0%80');
    expect(q.statusCode).toBeLessThan(500);
  });

  it('an empty PATCH body is a 400 in the catalogue language', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.patch(`/api/v1/representatives/${w.rep1.id}`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const en = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${w.m1.id}`,
      payload: {},
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toMatch(/[a-z]/i);
  });

  it('deleting an activity with a linked item is a 409 with the reason, and nothing changes', async () => {
    const admin = await login(t.app, 'admin');
    const op = await admin.post('/api/v1/opinions', {
      activityId: w.act1.id,
      title: '村口道路破损',
      content: '村口道路破损严重，雨天积水，群众出行不便。',
      originators: [{ kind: 'member', memberId: w.m1.id }],
    });
    expect(op.statusCode, op.body).toBeLessThan(300);
    const del = await admin.del(`/api/v1/activities/${w.act1.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toMatch(/社情民意/);
    const still = await admin.get(`/api/v1/activities/${w.act1.id}`);
    expect(still.statusCode).toBe(200);
  });

  it('every response carries a request id, and a 5xx is logged with its stack and the id in the body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const lines: string[] = [];
    const app = await buildApp(
      { ...t.deps, config: { ...t.deps.config, logLevel: 'info' } },
      { logStream: { write: (l: string) => lines.push(l) } },
    );
    app.get('/api/v1/__boom', { config: { public: true } }, async () => {
      throw new Error('boom');
    });
    const boom = await app.inject({ method: 'GET', url: '/api/v1/__boom' });
    await app.close();
    expect(boom.statusCode).toBe(500);
    const id = boom.headers['x-request-id'];
    expect(boom.json().requestId).toBe(id);
    expect(boom.body).not.toContain('boom');
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.level >= 50);
    expect(logged.reqId).toBe(id);
    expect(logged.err.stack).toContain('boom');
  });
});

describe('database errors the schemas did not foresee', () => {
  it('tells a missing reference (400) from a record still in use (409)', async () => {
    const { mapDatabaseError } = await import('./http-guards.js');
    const fk = (detail: string) => Object.assign(new Error('fk'), { code: '23503', detail });
    expect(mapDatabaseError(fk('Key (category_id)=(99) is not present in table "opinion_categories".'))).toEqual({
      status: 400,
      code: 'reference_missing',
    });
    expect(mapDatabaseError(fk('Key (id)=(3) is still referenced from table "opinions".'))).toEqual({
      status: 409,
      code: 'in_use',
    });
    expect(mapDatabaseError(new Error('socket hang up'))).toBeNull();
  });
});
