import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../tests/setup/test-app.js';
import { buildUser } from './db/seed/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system endpoints', () => {
  it('reports health and which database is in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      demo: false,
    });
  });

  it('publishes an OpenAPI 3 document listing the contract endpoints', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/sectors',
      '/api/v1/regions',
      '/api/v1/liaison-groups',
      '/api/v1/departments',
      '/api/v1/members',
      '/api/v1/representatives',
      '/api/v1/activities',
      '/api/v1/compliance',
      '/api/v1/audit',
      '/api/v1/exports/registration',
      '/api/v1/exports/record-card',
      '/api/v1/exports/summary',
      '/api/v1/imports/{kind}',
      '/api/v1/imports/templates/{kind}',
      '/api/v1/api-tokens',
      '/api/v1/users',
      // 社情民意 (issue 3 contract)
      '/api/v1/opinions',
      '/api/v1/opinions/{id}',
      '/api/v1/opinions/{id}/transitions',
      '/api/v1/opinions/{id}/events',
      '/api/v1/public/opinions',
      '/api/v1/public/opinions/{trackingCode}',
      '/api/v1/public/opinions/{trackingCode}/rating',
      '/api/v1/kpis',
      '/api/v1/calendar/working-days',
      '/api/v1/search',
      // bulletins, assessment, reception days, consultations, proposals (issue 4 contract)
      '/api/v1/bulletins',
      '/api/v1/bulletins/{id}/document',
      '/api/v1/assessment-rules/{year}',
      '/api/v1/assessments/{year}/scores',
      '/api/v1/assessments/{year}/members/{memberId}',
      '/api/v1/reception-days',
      '/api/v1/public/reception-days',
      '/api/v1/consultations',
      '/api/v1/proposals',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/api/v1/representatives'].post.requestBody).toBeTruthy();
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    await buildUser(t.db, { username: 'reader', roles: ['leader'] });
    const c = await login(t.app, 'reader');
    const res = await c.get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', message: '记录不存在或无权查看' });
  });

  it('turns malformed JSON into a 400 without internals', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.body).not.toMatch(/at .*\.js:\d+/);
  });
});
