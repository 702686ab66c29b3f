// GET /notifications lists only one's own, unread first; read and read-all change only one's own.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { chinaInstant } from '../../../core/calendar/index.js';
import { scanDeadlines } from '../reminders/scan.js';

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

describe("notifications in the reader's language", () => {
  const zh = { 'accept-language': 'zh-CN' };
  const en = { 'accept-language': 'en-US,en;q=0.9' };
  const titles = async (c: Client, headers: Record<string, string>) =>
    (await c.get('/api/v1/notifications?pageSize=50', headers)).json().items.map((n: any) => [n.title, n.body]);

  it('words one deadline reminder row in Chinese and in English, saying how many working days overdue', async () => {
    const res = await t.db.execute(sql`insert into opinions (tracking_code, title, content, channel, status, deadline)
      values ('NTFLANG00001', '村口路灯不亮', '内容', 'letter', 'forwarded', '2026-03-02') returning id`);
    const id = (res.rows[0] as { id: number }).id;
    const out = await scanDeadlines(t.db, chinaInstant('2026-03-05', '10:00'));
    expect(out.created).toBeGreaterThan(0);
    const admin = await login(t.app, 'admin');
    const mine = async (h: Record<string, string>) =>
      (await admin.get('/api/v1/notifications?pageSize=50', h)).json().items.filter((n: any) => n.opinionId === id);
    const [inZh] = await mine(zh);
    const [inEn] = await mine(en);
    expect(inZh.id).toBe(inEn.id);
    expect(inZh).toMatchObject({
      kind: 'reply_overdue',
      title: '已超过办理期限 3 个工作日：村口路灯不亮',
      body: '期限：2026-03-02 17:30',
    });
    expect(inEn).toMatchObject({
      title: 'Reply 3 working day(s) overdue: 村口路灯不亮',
      body: 'Due: 2026-03-02 17:30',
    });
    const stored = await t.db.execute(sql`select title, data from notifications where id = ${inZh.id}`);
    expect(stored.rows[0]).toMatchObject({ title: '已超过办理期限 3 个工作日：村口路灯不亮' });
    expect((stored.rows[0] as any).data).toMatchObject({ title: '村口路灯不亮', overdueDays: 3 });
  });

  it("words feedback from its data but keeps the office's answer as written", async () => {
    await t.db.execute(sql`insert into notifications (user_id, kind, title, body, data)
      values (${w.users.member2.id}, 'feedback', '办理结果已反馈：水渠', '已安排维修。', ${JSON.stringify({ title: '水渠' })}::jsonb)`);
    const member2 = await login(t.app, 'member2');
    expect(await titles(member2, en)).toContainEqual(['Feedback on: 水渠', '已安排维修。']);
    expect(await titles(member2, zh)).toContainEqual(['办理结果已反馈：水渠', '已安排维修。']);
    const lock = { username: 'member9', minutes: 15, hours: 24, failures: 10, addresses: 3, ip: '10.0.0.9' };
    await t.db.execute(sql`insert into notifications (user_id, kind, title, body, data)
      values (${w.users.member2.id}, 'account_locked', '账号「member9」登录失败次数过多，已锁定 15 分钟', '…',
        ${JSON.stringify(lock)}::jsonb)`);
    const [title] = (await titles(member2, en)).find(([x]: string[]) => x.includes('member9'));
    expect(title).toBe('Account "member9" is locked for 15 minutes after too many failed sign-ins');
  });

  it('shows the stored text of rows written before notifications kept their data, in any language', async () => {
    await t.db.execute(sql`insert into notifications (user_id, kind, title, body)
      values (${w.users.member2.id}, 'reply_overdue', '已超过办理期限：旧提醒', '期限：2025-12-01 17:30')`);
    await t.db.execute(sql`insert into notifications (user_id, kind, title, body, data)
      values (${w.users.member2.id}, 'something_new', '新类型的消息', '正文', '{"x":1}'::jsonb)`);
    const member2 = await login(t.app, 'member2');
    const inEn = await titles(member2, en);
    expect(inEn).toContainEqual(['已超过办理期限：旧提醒', '期限：2025-12-01 17:30']);
    expect(inEn).toContainEqual(['新类型的消息', '正文']);
  });
});
