// Triage tools: similar items (ranked, scoped), merge from them, bulk transitions (all or nothing) and the new filters.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Client;
let catRoad: number;
let catSchool: number;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  const cat = async (name: string) =>
    ((await t.db.execute(sql`insert into opinion_categories (name) values (${name}) returning id`)).rows[0] as any).id;
  catRoad = await cat('测试·交通');
  catSchool = await cat('测试·教育');
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

async function newItem(title: string, content: string, extra: Record<string, unknown> = {}, c: Client = admin) {
  const res = await c.post('/api/v1/opinions', { title, content, channel: 'letter', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

const move = (c: Client, id: number, action: string, payload: Record<string, unknown> = {}) =>
  c.post(`/api/v1/opinions/${id}/transitions`, { action, ...payload });
async function closeItem(id: number) {
  for (const [action, payload] of [
    ['accept', {}],
    ['reply_directly', { content: '已答复' }],
    ['send_feedback', {}],
    ['close', {}],
  ] as const)
    expect((await move(admin, id, action, payload)).statusCode).toBe(200);
}
const statusOf = async (id: number) =>
  ((await t.db.execute(sql`select status from opinions where id = ${id}`)).rows[0] as { status: string }).status;

describe('similar items', () => {
  let base: number;
  let dup: number;
  let cousin: number;
  let unrelated: number;
  beforeAll(async () => {
    const road = { categoryId: catRoad, regionId: w.villA2.id };
    base = await newItem('鹤鹿溪村路灯损坏', '鹤鹿溪村主干道路灯损坏多日，夜间出行不安全，希望尽快维修路灯。', {
      ...road,
      originators: [{ kind: 'member', memberId: w.m1.id }],
    });
    dup = await newItem('鹤鹿溪村路灯坏了', '鹤鹿溪村主干道路灯坏了很久，晚上出行不安全，请求维修路灯。', {
      ...road,
      originators: [{ kind: 'member', memberId: w.m2.id }],
    });
    cousin = await newItem('古城村路灯不亮', '古城村有几盏路灯不亮，晚上看不清路。', {
      categoryId: catRoad,
      regionId: w.villA1.id,
    });
    unrelated = await newItem('孝丰镇中学食堂饭菜质量', '学生反映食堂饭菜价格偏高、品种单一。', {
      categoryId: catSchool,
      regionId: w.villB1.id,
    });
  });

  it('ranks the near-duplicate first, with its score and shared keywords; unrelated text stays out', async () => {
    const res = await admin.get(`/api/v1/opinions/${base}/similar`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as any[];
    expect(items[0]).toMatchObject({ id: dup, abilities: { canMergeHere: true, canMergeInto: true } });
    expect(items[0].score).toBeGreaterThan(items.find((i) => i.id === cousin)?.score ?? 0);
    expect(items[0].sharedKeywords).toContain('路灯');
    expect(items.map((i) => i.id)).not.toContain(unrelated);
    expect(items.map((i) => i.id)).not.toContain(base);
  });

  it('leaves closed and merged items out', async () => {
    const extra = await newItem('鹤鹿溪村路灯损坏维修', '鹤鹿溪村路灯损坏，请维修路灯。', { categoryId: catRoad });
    await closeItem(extra);
    const ids = ((await admin.get(`/api/v1/opinions/${base}/similar`)).json().items as any[]).map((i) => i.id);
    expect(ids).not.toContain(extra);
  });

  it('is scoped: out-of-scope item → 404, candidates only from what the actor sees', async () => {
    const member2 = await login(t.app, 'member2');
    expect((await member2.get(`/api/v1/opinions/${base}/similar`)).statusCode).toBe(404);
    const mine = await member2.get(`/api/v1/opinions/${dup}/similar`);
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as any[];
    expect(items.map((i) => i.id)).not.toContain(base);
    expect(items.every((i) => !i.abilities.canMergeHere && !i.abilities.canMergeInto)).toBe(true);
    expect((await admin.get('/api/v1/opinions/999999/similar')).statusCode).toBe(404);
  });

  it('merges the duplicate into this item through the merge transition, keeping every originator', async () => {
    const res = await move(admin, dup, 'merge', { targetId: base });
    expect(res.statusCode, res.body).toBe(200);
    const item = (await admin.get(`/api/v1/opinions/${base}`)).json();
    expect(item.originators.map((p: any) => p.memberId).sort()).toEqual([w.m1.id, w.m2.id].sort());
    const ids = ((await admin.get(`/api/v1/opinions/${base}/similar`)).json().items as any[]).map((i) => i.id);
    expect(ids).not.toContain(dup);
  });
});

describe('bulk transitions', () => {
  it('accepts many items in one go', async () => {
    const ids = [await newItem('批量一', '内容一'), await newItem('批量二', '内容二')];
    const res = await admin.post('/api/v1/opinions/bulk-transitions', { ids, action: 'accept', note: '批量受理' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ action: 'accept', count: 2 });
    for (const id of ids) expect(await statusOf(id)).toBe('accepted');
    const ev = await admin.get(`/api/v1/opinions/${ids[0]}/events`);
    expect((ev.json().items as any[]).at(-1)).toMatchObject({ type: 'accept', payload: { note: '批量受理' } });
  });

  it('forwards with one department and deadline', async () => {
    const ids = [await newItem('转办一', '内容'), await newItem('转办二', '内容')];
    await admin.post('/api/v1/opinions/bulk-transitions', { ids, action: 'accept' });
    const body = {
      ids,
      action: 'forward',
      leadDepartmentId: w.deptA.id,
      deadline: '2099-01-10',
      instructions: '请办理',
    };
    const res = await admin.post('/api/v1/opinions/bulk-transitions', body);
    expect(res.statusCode, res.body).toBe(200);
    const item = (await admin.get(`/api/v1/opinions/${ids[1]}`)).json();
    expect(item).toMatchObject({ status: 'forwarded', leadDepartmentId: w.deptA.id, deadline: '2099-01-10' });
    const urge = await admin.post('/api/v1/opinions/bulk-transitions', { ids, action: 'urge', note: '请加快' });
    expect(urge.statusCode, urge.body).toBe(200);
    for (const id of ids) expect(await statusOf(id)).toBe('forwarded');
    const drill = `status=forwarded&departmentId=${w.deptA.id}&from=2026-01-01&overdue=1&channel=letter`;
    expect((await admin.get(`/api/v1/opinions?${drill}`)).statusCode).toBe(200);
  });

  it('changes nothing when one item refuses, and names each failing id with its status', async () => {
    const ok = await newItem('可受理', '内容');
    const done = await newItem('已受理', '内容');
    const closed = await newItem('已关闭', '内容');
    await move(admin, done, 'accept');
    await closeItem(closed);
    const res = await admin.post('/api/v1/opinions/bulk-transitions', { ids: [ok, done, closed], action: 'accept' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('bulk_refused');
    expect(res.json().message).toContain(`#${done}（已受理）`);
    expect(res.json().message).toContain('未作更改');
    expect(res.json().details.failures).toEqual([
      expect.objectContaining({ id: done, status: 'accepted' }),
      expect.objectContaining({ id: closed, status: 'closed' }),
    ]);
    expect(await statusOf(ok)).toBe('received');
    const events = (await admin.get(`/api/v1/opinions/${ok}/events`)).json().items as any[];
    expect(events.map((e) => e.type)).toEqual(['received']);
  });

  it('refuses bad input with 400 and unknown ids with 404, touching nothing', async () => {
    const id = await newItem('坏输入', '内容');
    const post = (body: unknown) => admin.post('/api/v1/opinions/bulk-transitions', body);
    expect((await post({ ids: [], action: 'accept' })).statusCode).toBe(400);
    expect((await post({ ids: Array.from({ length: 201 }, (_, i) => i + 1), action: 'accept' })).statusCode).toBe(400);
    expect((await post({ ids: [id], action: 'reply', content: 'x' })).statusCode).toBe(400);
    const noReason = await post({ ids: [id], action: 'not_accept' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].path).toBe('reason');
    const missing = await post({ ids: [id, 999999], action: 'accept' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().details.missingIds).toEqual([999999]);
    expect(await statusOf(id)).toBe('received');
  });

  it('is for the office only', async () => {
    const id = await newItem('权限', '内容', { originators: [{ kind: 'member', memberId: w.m1.id }] });
    for (const who of ['member1', 'leader1', 'dept1']) {
      const c = await login(t.app, who);
      const res = await c.post('/api/v1/opinions/bulk-transitions', { ids: [id], action: 'accept' });
      expect(res.statusCode, who).toBe(403);
    }
    expect(await statusOf(id)).toBe('received');
  });
});

describe('inbox filters', () => {
  it('filters by sector and originating member', async () => {
    const a = await newItem('界别筛选', '内容', {
      sectorId: w.sectorB.id,
      originators: [{ kind: 'member', memberId: w.m3.id }],
    });
    const bySector = (await admin.get(`/api/v1/opinions?sectorId=${w.sectorB.id}`)).json();
    expect(bySector.items.map((i: any) => i.id)).toEqual([a]);
    const byMember = (await admin.get(`/api/v1/opinions?memberId=${w.m3.id}`)).json();
    expect(byMember.items.map((i: any) => i.id)).toEqual([a]);
    expect((await admin.get('/api/v1/opinions?memberId=abc')).statusCode).toBe(400);
    const member2 = await login(t.app, 'member2');
    expect((await member2.get(`/api/v1/opinions?memberId=${w.m3.id}`)).json().total).toBe(0);
  });

  it('finds an item by its tracking code, and lists only compilable items for the bulletin picker', async () => {
    const fresh = await newItem('编刊筛选甲', '内容');
    const accepted = await newItem('编刊筛选乙', '内容');
    expect((await move(admin, accepted, 'accept')).statusCode).toBe(200);
    const code = (await admin.get(`/api/v1/opinions/${fresh}`)).json().trackingCode as string;
    const byCode = (await admin.get(`/api/v1/opinions?q=${code.toLowerCase()}`)).json();
    expect(byCode.items.map((i: any) => i.id)).toEqual([fresh]);
    const pick = (await admin.get('/api/v1/opinions?q=编刊筛选&compilable=1')).json();
    expect(pick.items.map((i: any) => i.id)).toEqual([accepted]);
  });
});
