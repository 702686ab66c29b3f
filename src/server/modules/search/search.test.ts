// GET /search: items by full text, members and representatives by name/pinyin, each within the actor's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';

let t: TestApp;
let w: World;
let admin: Client;
let lampId: number;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await login(t.app, 'admin');
  const res = await admin.post('/api/v1/opinions', {
    title: '古城村路灯不亮',
    content: '古城村路灯坏了很久。',
    channel: 'letter',
    originators: [{ kind: 'member', memberId: w.m1.id }],
  });
  lampId = res.json().id;
});
afterAll(() => t.close());

const search = (c: Client, q: string) => c.get(`/api/v1/search?q=${encodeURIComponent(q)}`);

describe('search', () => {
  it('finds items by full text, and members and representatives by name and pinyin', async () => {
    const res = await search(admin, '路灯');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().opinions).toMatchObject({ total: 1, items: [{ id: lampId, title: '古城村路灯不亮' }] });
    expect(res.json().members.items).toEqual([]);
    const byName = (await search(admin, '张三')).json();
    expect(byName.members.items.map((m: any) => m.id)).toEqual([w.m1.id]);
    const byPinyin = (await search(admin, 'zd')).json();
    expect(byPinyin.representatives.items.map((r: any) => r.id)).toEqual([w.rep1.id]);
  });

  it('keeps to the actor’s scope', async () => {
    const member2 = await login(t.app, 'member2');
    const res = (await search(member2, '路灯')).json();
    expect(res.opinions).toEqual({ items: [], total: 0 });
    const reps = (await search(member2, '赵大')).json();
    expect(reps.representatives.items).toEqual([]);
    expect((await search(member2, '钱二')).json().representatives.items.map((r: any) => r.id)).toEqual([w.rep2.id]);
  });

  it('finds nothing (not everything) for text with no searchable word', async () => {
    const res = (await search(admin, '的')).json();
    expect(res.opinions).toEqual({ items: [], total: 0 });
  });

  it('needs q of 1–100 characters, with a Chinese message', async () => {
    for (const url of ['/api/v1/search', '/api/v1/search?q=', `/api/v1/search?q=${'路'.repeat(101)}`]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=x' });
    expect(res.statusCode).toBe(401);
  });
});
