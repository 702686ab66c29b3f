// API answers compressed for slow phones (compression.ts): JSON lists come back brotli or gzip when the client asks,
// byte for byte the same once decoded; office documents, small answers and answers that carry a secret do not; a
// compressed request body is refused, never inflated.
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../tests/setup/test-app.js';
import { buildWorld } from '../../tests/setup/world.js';
import { registerCompression, secretRoutesOf } from './compression.js';
import { opinionCategories } from './db/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.db);
});
afterAll(() => t.close());

const decode = (encoding: string | undefined, body: Buffer) =>
  encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body;

describe('API compression', () => {
  it('sends a list compressed when asked (brotli first, else gzip), the same JSON once decoded, and plain otherwise', async () => {
    const admin = await login(t.app, 'admin');
    const plain = await admin.get('/api/v1/regions');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    for (const [asked, got] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await admin.get('/api/v1/regions', { 'accept-encoding': asked });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(got);
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(JSON.parse(decode(got, res.rawPayload).toString('utf8'))).toEqual(plain.json());
    }
  });

  it('sends public answers compressed too (a citizen on a phone), and small answers as they are', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `交通出行第${i}类：道路、桥梁与公交站点`);
    await t.db.insert(opinionCategories).values(names.map((name) => ({ name })));
    const url = '/api/v1/public/categories';
    const plain = await t.app.inject({ method: 'GET', url });
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode('gzip', res.rawPayload).toString('utf8'))).toEqual(plain.json());
    const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'gzip' } });
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('leaves office documents as they are (an xlsx is a zip already)', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.get('/api/v1/imports/templates/members', { 'accept-encoding': 'gzip, br' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('never compresses an answer whose route carries a secret', async () => {
    // A bare app with the same registration: one route marked secret, one not, both answering the same 8 KB.
    const app = Fastify();
    await registerCompression(app);
    const big = { csrfToken: 'x'.repeat(64), filler: 'ab'.repeat(4096) };
    app.get('/secret', { config: { secret: true } }, async () => big);
    app.get('/plain', async () => big);
    const secret = await app.inject({ method: 'GET', url: '/secret', headers: { 'accept-encoding': 'gzip, br' } });
    const plain = await app.inject({ method: 'GET', url: '/plain', headers: { 'accept-encoding': 'gzip, br' } });
    expect(plain.headers['content-encoding']).toBe('br');
    expect(secret.headers['content-encoding']).toBeUndefined();
    expect(secret.json()).toEqual(big);
    await app.close();
  });

  it('marks the sign-in answers secret: a session answer is never compressed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'Demo@2026' },
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    // The route table says which routes carry a secret: the session's answers and a new API token.
    expect([...secretRoutesOf(t.app)].sort()).toEqual([
      'GET /api/v1/auth/me',
      'HEAD /api/v1/auth/me',
      'POST /api/v1/api-tokens',
      'POST /api/v1/auth/login',
    ]);
  });

  it('refuses a compressed request body instead of inflating it', async () => {
    const body = zlib.gzipSync(JSON.stringify({ title: '村口道路坑洼积水', content: '雨天积水', consent: true }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/opinions',
      payload: body,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', message: '提交的数据有误，请检查标注的字段' });
  });
});
