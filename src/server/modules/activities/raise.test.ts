// 转为社情民意 from a contact activity: with the record (also when the phone syncs it later) or one opinion at a time
// from the activity page; the item is linked to the activity, credits its members and representatives, and never twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { splitActivityOpinions } from '../../../core/activity-opinions.js';

let t: TestApp;
let w: World;
let member1: Client;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  member1 = await login(t.app, 'member1');
});
afterAll(() => t.close());

const TEXT = '1、村口路灯坏了三个月，夜里出行不便。\n2、垃圾清运不及时\n夏天气味很大。';
const [lamp, rubbish] = splitActivityOpinions(TEXT);

const visit = (over: Record<string, unknown> = {}) => ({
  date: '2026-07-01',
  regionId: w.villA1.id,
  methods: ['visit'],
  representativeIds: [w.rep1.id],
  opinions: TEXT,
  ...over,
});

async function itemsOf(activityId: number) {
  const res = await t.db.execute(sql`select o.id, o.title, o.content, o.channel, o.region_id as "regionId",
      o.activity_opinion_key as key,
      (select json_agg(json_build_array(p.kind, coalesce(p.member_id, p.representative_id)) order by p.kind, p.member_id, p.representative_id)
        from opinion_originators p where p.opinion_id = o.id) as people
    from opinions o where o.activity_id = ${activityId} order by o.id`);
  return res.rows as any[];
}

describe('转为社情民意 from a contact activity', () => {
  let activityId: number;

  it('raises the ticked opinions with the record: linked, the village, the member and representatives as originators', async () => {
    const body = visit({ clientId: 'raise-visit-0001', raiseOpinions: [lamp.key] });
    const res = await member1.post('/api/v1/activities', body);
    expect(res.statusCode, res.body).toBe(201);
    activityId = res.json().id;
    expect(res.json().raised).toEqual([
      { key: lamp.key, id: expect.any(Number), title: '村口路灯坏了三个月，夜里出行不便', status: 'received' },
    ]);
    expect(res.json().abilities.canRaise).toBe(true);
    const [item, ...rest] = await itemsOf(activityId);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      channel: 'activity',
      regionId: w.villA1.id,
      key: lamp.key,
      content: '村口路灯坏了三个月，夜里出行不便。',
    });
    expect(item.people).toEqual([
      ['member', w.m1.id],
      ['representative', w.rep1.id],
    ]);
  });

  it('a phone retrying the same record (the offline outbox syncing) raises nothing again', async () => {
    const again = await member1.post(
      '/api/v1/activities',
      visit({ clientId: 'raise-visit-0001', raiseOpinions: [lamp.key] }),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(activityId);
    expect(await itemsOf(activityId)).toHaveLength(1);
  });

  it('raises another opinion from the activity page in one step, and refuses the same opinion twice', async () => {
    const res = await member1.post(`/api/v1/activities/${activityId}/opinions`, { keys: [rubbish.key] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toEqual([{ key: rubbish.key, id: expect.any(Number), title: '垃圾清运不及时' }]);
    expect((await itemsOf(activityId)).map((i) => i.content)).toEqual([
      '村口路灯坏了三个月，夜里出行不便。',
      '垃圾清运不及时\n夏天气味很大。',
    ]);
    const twice = await member1.post(`/api/v1/activities/${activityId}/opinions`, { keys: [rubbish.key] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'opinion_already_raised' });
    expect(twice.json().message).toContain('垃圾清运不及时');
    const first = await member1.post(`/api/v1/activities/${activityId}/opinions`, { keys: [lamp.key] });
    expect(first.statusCode).toBe(409);
    expect(await itemsOf(activityId)).toHaveLength(2);
    const page = (await member1.get(`/api/v1/activities/${activityId}`)).json();
    expect(page.raised.map((r: any) => r.key)).toEqual([lamp.key, rubbish.key]);
  });

  it('refuses an opinion the record does not hold, and people who may not record the activity', async () => {
    const res = await member1.post('/api/v1/activities', visit({ clientId: 'raise-visit-0002' }));
    const id = res.json().id;
    const missing = await member1.post(`/api/v1/activities/${id}/opinions`, { keys: ['0123abcd'] });
    expect(missing.statusCode).toBe(400);
    const leader = await login(t.app, 'leader1');
    const seen = (await leader.get(`/api/v1/activities/${id}`)).json();
    expect(seen.abilities.canRaise).toBe(false);
    expect((await leader.post(`/api/v1/activities/${id}/opinions`, { keys: [lamp.key] })).statusCode).toBe(403);
    const member2 = await login(t.app, 'member2');
    expect((await member2.post(`/api/v1/activities/${id}/opinions`, { keys: [lamp.key] })).statusCode).toBe(404);
    expect(await itemsOf(id)).toEqual([]);
  });

  it("credits the activity's people, not the group leader who enters a member's visit", async () => {
    const res = await member1.post('/api/v1/activities', visit({ clientId: 'raise-visit-0003' }));
    const id = res.json().id;
    const lead = await login(t.app, 'grouplead');
    const raised = await lead.post(`/api/v1/activities/${id}/opinions`, { keys: [lamp.key, rubbish.key] });
    expect(raised.statusCode, raised.body).toBe(201);
    const items = await itemsOf(id);
    expect(items).toHaveLength(2);
    for (const i of items)
      expect(i.people).toEqual([
        ['member', w.m1.id],
        ['representative', w.rep1.id],
      ]);
  });

  it('a 座谈 with several members and contacts credits each of them', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.post(
      '/api/v1/activities',
      visit({
        methods: ['talk'],
        memberIds: [w.m1.id, w.m3.id],
        representativeIds: [w.rep1.id, w.rep3.id],
        opinions: '希望增设公交站点',
        raiseOpinions: splitActivityOpinions('希望增设公交站点').map((h) => h.key),
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const [item] = await itemsOf(res.json().id);
    expect(item.people).toEqual([
      ['member', w.m1.id],
      ['member', w.m3.id],
      ['representative', w.rep1.id],
      ['representative', w.rep3.id],
    ]);
    expect(item.title).toBe('希望增设公交站点');
  });
});
