import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';
import { DEMO_CATEGORIES, seedOpinionCategories } from '../../db/seed/demo-categories.js';
import { replyWorkingDaysFor } from './service.js';

let t: TestApp;
let admin: Client;
let member: Client;
let leader: Client;
beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.db);
  admin = await login(t.app, 'admin');
  member = await login(t.app, 'member1');
  leader = await login(t.app, 'leader1');
});
afterAll(() => t.close());

const URL = '/api/v1/opinion-categories';
const snapshot = async () =>
  (await t.db.execute(sql`select * from opinion_categories order by id`)).rows.map((r: unknown) => JSON.stringify(r));
const audits = async (action: string) =>
  Number(
    (
      await t.db.execute(
        sql`select count(*)::int as n from audit_log where entity = 'opinion_category' and action = ${action}`,
      )
    ).rows[0].n,
  );

let env: number;
let water: number;
describe('category CRUD', () => {
  it('an admin builds two levels and everyone signed in reads the tree', async () => {
    const top = await admin.post(URL, { name: '生态环境', sortOrder: 20 });
    expect(top.statusCode).toBe(201);
    env = top.json().id;
    expect(top.json()).toMatchObject({ name: '生态环境', parentId: null, replyWorkingDays: null, active: true });
    const sub = await admin.post(URL, { name: '水污染', parentId: env, replyWorkingDays: 10 });
    expect(sub.statusCode).toBe(201);
    water = sub.json().id;
    await admin.post(URL, { name: '噪声扰民', parentId: env, sortOrder: 1 });
    await admin.post(URL, { name: '教育', sortOrder: 10 });
    expect(await audits('create')).toBe(4);

    const res = await member.get(URL);
    expect(res.statusCode).toBe(200);
    const { tree, items } = res.json();
    expect(items).toHaveLength(4);
    expect(tree.map((n: any) => n.name)).toEqual(['教育', '生态环境']);
    expect(tree[1].children.map((c: any) => [c.name, c.replyWorkingDays, c.itemCount])).toEqual([
      ['水污染', 10, 0],
      ['噪声扰民', null, 0],
    ]);
    expect(tree[0].children).toEqual([]);
  });

  it('refuses a duplicate name under the same parent with 409, but allows it under another', async () => {
    const dup = await admin.post(URL, { name: '水污染', parentId: env });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('conflict');
    expect(dup.json().details).toEqual([{ path: 'name', message: '同一上级分类下已有同名分类' }]);
    expect((await admin.post(URL, { name: '生态环境' })).statusCode).toBe(409);
    const edu = (await member.get(URL)).json().tree[0].id;
    expect((await admin.post(URL, { name: '水污染', parentId: edu })).statusCode).toBe(201);
    const rename = await admin.patch(`${URL}/${water}`, { name: '噪声扰民' });
    expect(rename.statusCode).toBe(409);
  });

  it('keeps the taxonomy two levels deep', async () => {
    const third = await admin.post(URL, { name: '河道', parentId: water });
    expect(third.statusCode).toBe(400);
    expect(third.json().details[0].path).toBe('parentId');
    expect((await admin.post(URL, { name: 'x', parentId: 999999 })).json().details[0].message).toBe('上级分类不存在');
    const edu = (await member.get(URL)).json().tree[0].id;
    expect((await admin.patch(`${URL}/${env}`, { parentId: edu })).statusCode).toBe(400);
    expect((await admin.patch(`${URL}/${edu}`, { parentId: edu })).statusCode).toBe(400);
  });

  it('validates the reply period (1–60 working days or null)', async () => {
    for (const replyWorkingDays of [0, 61, 2.5]) {
      const res = await admin.patch(`${URL}/${water}`, { replyWorkingDays });
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].path).toBe('replyWorkingDays');
    }
    const ok = await admin.patch(`${URL}/${water}`, { replyWorkingDays: 60, name: '水环境污染' });
    expect(ok.json()).toMatchObject({ replyWorkingDays: 60, name: '水环境污染', parentId: env });
    expect((await admin.patch(`${URL}/${water}`, { replyWorkingDays: null })).json().replyWorkingDays).toBe(null);
    expect(await audits('update')).toBe(2);
  });

  it('takes the reply period from the category, else its parent', async () => {
    await admin.patch(`${URL}/${env}`, { replyWorkingDays: 12 });
    expect(await replyWorkingDaysFor(t.db, water)).toBe(12);
    await admin.patch(`${URL}/${water}`, { replyWorkingDays: 7 });
    expect(await replyWorkingDaysFor(t.db, water)).toBe(7);
    expect(await replyWorkingDaysFor(t.db, null)).toBe(null);
  });

  it('hides inactive categories unless asked', async () => {
    const noise = (await member.get(URL)).json().items.find((c: any) => c.name === '噪声扰民');
    expect((await admin.patch(`${URL}/${noise.id}`, { active: false })).statusCode).toBe(200);
    expect((await member.get(URL)).json().items.some((c: any) => c.id === noise.id)).toBe(false);
    const all = (await admin.get(`${URL}?includeInactive=true`)).json();
    expect(all.items.find((c: any) => c.id === noise.id).active).toBe(false);
  });

  it('refuses to delete a category an item uses, or one with sub-categories (409 in_use)', async () => {
    await t.db.execute(sql`insert into opinions (tracking_code, title, content, channel, category_id)
      values ('T-CAT-1', '河水发黑', '村口小河发黑发臭', 'phone', ${water})`);
    const used = await admin.del(`${URL}/${water}`);
    expect(used.statusCode).toBe(409);
    expect(used.json().code).toBe('in_use');
    expect(used.json().message).toBe('该记录正在被使用，不能删除');
    expect((await admin.del(`${URL}/${env}`)).json().code).toBe('in_use');
    const sub = (await member.get(URL)).json().tree.find((n: any) => n.id === env).children;
    expect(sub.find((c: any) => c.id === water).itemCount).toBe(1);
    expect(await audits('delete')).toBe(0);
  });

  it('deletes an unused category, audited; a missing one is 404', async () => {
    const tmp = (await admin.post(URL, { name: '临时分类' })).json().id;
    expect((await admin.del(`${URL}/${tmp}`)).statusCode).toBe(200);
    expect(await audits('delete')).toBe(1);
    expect((await admin.del(`${URL}/${tmp}`)).statusCode).toBe(404);
    expect((await admin.patch(`${URL}/${tmp}`, { name: 'x' })).statusCode).toBe(404);
  });
});

describe('roles', () => {
  it('only admins write; others get 403 and nothing changes', async () => {
    const before = await snapshot();
    for (const c of [member, leader]) {
      expect((await c.post(URL, { name: '新分类' })).statusCode).toBe(403);
      expect((await c.patch(`${URL}/${water}`, { name: '改名' })).statusCode).toBe(403);
      expect((await c.del(`${URL}/${water}`)).statusCode).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('needs a sign-in to read', async () => {
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
  });
});

describe('demo seed', () => {
  it('seeds eleven fields with 3–5 sub-categories each, idempotently', async () => {
    const first = await seedOpinionCategories(t.db);
    const again = await seedOpinionCategories(t.db);
    expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(DEMO_CATEGORIES).toHaveLength(11);
    const tree = (await admin.get(`${URL}?includeInactive=true`)).json().tree;
    for (const top of DEMO_CATEGORIES) {
      expect(top.children.length).toBeGreaterThanOrEqual(3);
      expect(top.children.length).toBeLessThanOrEqual(5);
      const names = tree.find((n: any) => n.name === top.name).children.map((c: any) => c.name);
      for (const c of top.children) expect(names).toContain(typeof c === 'string' ? c : c.name);
    }
    const farm = first.find((c) => c.name === '养殖污染')!;
    expect(farm.parentName).toBe('生态环境');
    expect(await replyWorkingDaysFor(t.db, farm.id)).toBe(10);
  });
});
