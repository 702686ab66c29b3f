// GET /notifications lists only one's own, unread first; read and read-all change only one's own.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';

let t: TestApp;
let w: World;
let member1: Client;

async function notify(userId: number, title: string, createdAt: string) {
  const res = await t.db.execute(sql`insert into notifications (user_id, kind, title, created_at)
    values (${userId}, 'feedback', ${title}, ${createdAt}::timestamptz) returning id`);
  return Number((res.rows[0] as { id: number }).id);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  member1 = await login(t.app, 'member1');
});
afterAll(() => t.close());

describe('notifications API', () => {
  it('lists own notifications unread first, marks one and then all read', async () => {
    const old = await notify(w.users.member1.id, '较早', '2026-01-01T00:00:00Z');
    const mid = await notify(w.users.member1.id, '中间', '2026-02-01T00:00:00Z');
    await notify(w.users.member1.id, '最新', '2026-03-01T00:00:00Z');
    const other = await notify(w.users.member2.id, '别人的', '2026-03-02T00:00:00Z');

    const r1 = await member1.post(`/api/v1/notifications/${mid}/read`);
    expect(r1.statusCode, r1.body).toBe(200);
    const list = (await member1.get('/api/v1/notifications')).json();
    expect(list).toMatchObject({ total: 3, unread: 2 });
    expect(list.items.map((n: any) => n.title)).toEqual(['最新', '较早', '中间']);
    expect(list.items[2].readAt).not.toBeNull();
    expect(
      (await member1.get('/api/v1/notifications?unreadOnly=true')).json().items.map((n: any) => n.id),
    ).not.toContain(mid);

    expect((await member1.post(`/api/v1/notifications/${other}/read`)).statusCode).toBe(404);
    expect((await member1.post('/api/v1/notifications/999999/read')).statusCode).toBe(404);
    const all = await member1.post('/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ updated: 2 });
    expect((await member1.get('/api/v1/notifications')).json().unread).toBe(0);
    const member2 = await login(t.app, 'member2');
    expect((await member2.get('/api/v1/notifications')).json()).toMatchObject({ total: 1, unread: 1 });
    expect(old).toBeGreaterThan(0);
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});
