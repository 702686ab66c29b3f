// PUT /opinions/:id/category (the office corrects an item's category) and GET /opinions/:id/suggestions: only the
// office may triage, outsiders get 404 with nothing written, a top level with children or an inactive category is a
// 400 in the user's language, and each change is one event (shown in the timeline) plus its audit row.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';

let t: TestApp;
let w: World;
let admin: Client;
const cat: Record<string, number> = {};
let itemId: number;

const addCategory = async (name: string, parentId: number | null = null, active = true) =>
  (
    (
      await t.db.execute(
        sql`insert into opinion_categories (name, parent_id, active) values (${name}, ${parentId}, ${active}) returning id`,
      )
    ).rows[0] as { id: number }
  ).id;

const counts = async (id: number) =>
  (
    await t.db.execute(sql`select
      (select count(*)::int from opinion_events where opinion_id = ${id} and type = 'categorised') as events,
      (select count(*)::int from audit_log where entity = 'opinion' and entity_id = ${String(id)}
        and action = 'update_category') as audits,
      (select category_id from opinions where id = ${id}) as "categoryId"`)
  ).rows[0] as { events: number; audits: number; categoryId: number | null };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  cat.town = await addCategory('试·城乡建设');
  cat.lights = await addCategory('路灯照明', cat.town);
  cat.roads = await addCategory('道路维修', cat.town);
  cat.old = await addCategory('旧分类', cat.town, false);
  admin = await login(t.app, 'admin');
  const res = await admin.post('/api/v1/opinions', {
    title: '村口路灯坏了',
    content: '古城村村口的路灯坏了一个月，晚上出行不安全。',
    channel: 'letter',
    regionId: w.villA1.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  itemId = res.json().id;
});
afterAll(() => t.close());

const put = (c: Client, id: number, body: unknown, lang = 'zh') =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/opinions/${id}/category`,
    payload: body as any,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'accept-language': lang },
  });

describe('PUT /opinions/:id/category', () => {
  it('lets the office set the category: one event with from/to, one audit row, the item answered', async () => {
    const res = await put(admin, itemId, { categoryId: cat.roads });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().categoryId).toBe(cat.roads);
    const again = await put(admin, itemId, { categoryId: cat.lights, suggested: true });
    expect(again.statusCode, again.body).toBe(200);
    expect(await counts(itemId)).toEqual({ events: 2, audits: 2, categoryId: cat.lights });
    const events = (await admin.get(`/api/v1/opinions/${itemId}/events`)).json();
    const list = (Array.isArray(events) ? events : events.items) as { type: string; payload: any }[];
    const last = list.filter((e) => e.type === 'categorised').at(-1);
    expect(last?.payload).toMatchObject({ from: cat.roads, to: cat.lights, suggested: true });
  });

  it.each([
    ['a top level with children', () => cat.town, 'zh', '顶层'],
    ['an inactive category', () => cat.old, 'en', 'cannot be chosen'],
    ['an unknown category', () => 999_999, 'zh', '分类'],
  ])('refuses %s with a 400 in the user’s language, nothing written', async (_, id, lang, words) => {
    const before = await counts(itemId);
    const res = await put(admin, itemId, { categoryId: id() }, lang);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('category_not_pickable');
    expect(res.json().message).toContain(words);
    expect(await counts(itemId)).toEqual(before);
  });

  it('gives 404 to those who do not see the item and 403 to a leader who sees but does not triage', async () => {
    const before = await counts(itemId);
    for (const [user, status] of [
      ['member2', 404],
      ['officer1', 404],
      ['leader1', 403],
    ] as const) {
      const c = await login(t.app, user);
      expect((await put(c, itemId, { categoryId: cat.roads })).statusCode, user).toBe(status);
      expect((await c.get(`/api/v1/opinions/${itemId}/suggestions`)).statusCode, user).toBe(status);
    }
    expect((await put(admin, 999_999, { categoryId: cat.roads })).statusCode).toBe(404);
    expect(await counts(itemId)).toEqual(before);
  });

  it('refuses a merged item with a 409', async () => {
    const other = await admin.post('/api/v1/opinions', {
      title: '路灯又坏了',
      content: '同一盏路灯。',
      channel: 'letter',
    });
    const id = other.json().id as number;
    const merge = await admin.post(`/api/v1/opinions/${id}/transitions`, { action: 'merge', targetId: itemId });
    expect(merge.statusCode, merge.body).toBe(200);
    const res = await put(admin, id, { categoryId: cat.roads });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('opinion_category_locked');
  });
});

describe('GET /opinions/:id/suggestions', () => {
  it('gives the office the top categories (leaves only) and departments with probabilities', async () => {
    const res = await admin.get(`/api/v1/opinions/${itemId}/suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.categories.length).toBeGreaterThan(0);
    expect(body.categories.length).toBeLessThanOrEqual(3);
    expect(body.categories[0]).toMatchObject({ categoryId: cat.lights, name: '路灯照明', parentName: '试·城乡建设' });
    expect(body.categories.map((c: any) => c.categoryId)).not.toContain(cat.town);
    expect(body.categories.map((c: any) => c.categoryId)).not.toContain(cat.old);
    for (const d of body.departments) expect(d.probability).toBeGreaterThanOrEqual(0);
    expect(body.learnedFrom).toMatchObject({ categories: expect.any(Number), departments: expect.any(Number) });
  });
});
