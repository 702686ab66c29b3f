// Saved views: each user lists, saves and deletes only their own; names are unique per user (409 in Chinese).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';

let t: TestApp;
let admin: Client;
let member1: Client;

beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.db);
  admin = await login(t.app, 'admin');
  member1 = await login(t.app, 'member1');
});
afterAll(() => t.close());

describe('saved views', () => {
  it('saves, lists by name and deletes the owner’s views', async () => {
    const query = { status: 'forwarded', departmentId: '3', overdue: '1' };
    const res = await admin.post('/api/v1/saved-views', { name: '逾期转办', query });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '逾期转办', scope: 'opinions', query });
    await admin.post('/api/v1/saved-views', { name: '待受理', query: { status: 'received' } });
    const list = (await admin.get('/api/v1/saved-views')).json().items as any[];
    expect(list.map((v) => v.name).sort()).toEqual(['待受理', '逾期转办'].sort());
    const del = await admin.del(`/api/v1/saved-views/${res.json().id}`);
    expect(del.statusCode).toBe(200);
    expect(((await admin.get('/api/v1/saved-views')).json().items as any[]).map((v) => v.name)).toEqual(['待受理']);
  });

  it('refuses a name the user already has with a Chinese 409; another user may reuse it', async () => {
    await admin.post('/api/v1/saved-views', { name: '本周', query: {} });
    const dup = await admin.post('/api/v1/saved-views', { name: '本周', query: { status: 'received' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'duplicate_view_name', message: '已有同名的视图「本周」' });
    expect((await member1.post('/api/v1/saved-views', { name: '本周', query: {} })).statusCode).toBe(201);
  });

  it('hides other users’ views: not listed, delete → 404 and nothing changes', async () => {
    const mine = (await admin.post('/api/v1/saved-views', { name: '私有', query: {} })).json();
    const theirs = (await member1.get('/api/v1/saved-views')).json().items as any[];
    expect(theirs.map((v) => v.id)).not.toContain(mine.id);
    expect((await member1.del(`/api/v1/saved-views/${mine.id}`)).statusCode).toBe(404);
    const still = (await admin.get('/api/v1/saved-views')).json().items as any[];
    expect(still.map((v) => v.id)).toContain(mine.id);
  });

  it('refuses bad input', async () => {
    for (const body of [{ name: '', query: {} }, { name: 'x'.repeat(51) }, { name: '坏', query: { a: { b: 1 } } }]) {
      const res = await admin.post('/api/v1/saved-views', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await admin.get('/api/v1/saved-views?scope=other')).statusCode).toBe(400);
  });
});
