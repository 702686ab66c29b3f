// Hot problems (GET /topics): seeded similar items form one topic with counts by village, channel and sector, people
// counted once, a weekly trend; scope (an officer sees only their township, a member nothing); a new item joins an
// existing topic without a rebuild; bad queries are 400 in the caller's language.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topic } from '../../../core/text/topic-list.js';
import { buildProblemWorld, type ProblemWorld } from '../problems/problems.test-helper.js';
import { topicModelFor } from './model.js';

let p: ProblemWorld;
const ids: Record<string, number[]> = { pigs: [], lamps: [], pigsB: [], other: [] };

const PIG_TEXTS = [
  ['养殖场粪污直排河道', '村里的养猪场把粪污直接排进河道，河水发黑发臭，气味难闻，群众反映强烈。'],
  ['养猪场污染河道问题', '养猪场粪污直排河道，河水发臭，夏天气味难闻，请环保部门查处。'],
  ['反映养猪场粪污排放', '村口养猪场的粪污没有处理就排进河道，气味难闻，河水发黑。'],
  ['养猪场臭味扰民', '养猪场粪污直排，河道发臭，气味难闻，影响村民生活。'],
];
const LAMP_TEXTS = [
  ['村口路灯坏了', '村口到学校的路灯坏了三个月，晚上出行很不安全，请尽快维修路灯。'],
  ['路灯不亮晚上出行不安全', '村里主干道路灯坏了好几个月，晚上漆黑一片，出行不安全，希望尽快维修。'],
  ['请维修村里的路灯', '路灯坏了很久没人修，晚上出行不安全，老人孩子摔倒过，请尽快维修路灯。'],
];

beforeAll(async () => {
  p = await buildProblemWorld();
  const { w } = p;
  const plan: [string[], Record<string, unknown>][] = [
    [PIG_TEXTS[0], { regionId: w.villA1.id, channel: 'letter', sectorId: w.sectorA.id }],
    [
      PIG_TEXTS[1],
      {
        regionId: w.villA1.id,
        channel: 'phone',
        sectorId: w.sectorA.id,
        originators: [{ kind: 'citizen', name: '陈女士', phone: '13912345678' }],
      },
    ],
    [
      PIG_TEXTS[2],
      {
        regionId: w.villA2.id,
        channel: 'letter',
        sectorId: w.sectorB.id,
        originators: [{ kind: 'citizen', name: '王先生', phone: '13900000002' }],
      },
    ],
    [
      PIG_TEXTS[3],
      {
        regionId: w.villA2.id,
        channel: 'letter',
        originators: [{ kind: 'citizen', name: '李先生', phone: '13900000003' }],
      },
    ],
  ];
  for (const [[title, content], over] of plan) ids.pigs.push((await p.item({ title, content, ...over })).id);
  for (const [title, content] of LAMP_TEXTS)
    ids.lamps.push((await p.item({ title, content, regionId: p.w.villA2.id, channel: 'phone' })).id);
  for (const [title, content] of PIG_TEXTS.slice(0, 2))
    ids.pigsB.push((await p.item({ title, content, regionId: p.w.villB1.id, channel: 'web' })).id);
  ids.other.push(
    (await p.item({ title: '小学门口交通拥堵', content: '上下学时段小学门口车辆拥堵，没有交警疏导。' })).id,
  );
});
afterAll(async () => {
  await p?.t.close();
});

const topicsOf = async (c = p.admin, query = '') => {
  const res = await c.get(`/api/v1/topics${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { topics: Topic[]; items: number; from: string; to: string; regionId: number | null };
};
const holding = (topics: Topic[], id: number) => topics.find((t) => t.opinionIds.includes(id));

describe('GET /topics', () => {
  it('groups the same matter into one topic with counts by village, channel and sector', async () => {
    const r = await topicsOf();
    const pig = holding(r.topics, ids.pigs[0])!;
    expect(pig).toBeDefined();
    expect(pig.opinionIds).toEqual([...ids.pigs, ...ids.pigsB].sort((a, b) => a - b));
    expect(pig.count).toBe(6);
    const lamp = holding(r.topics, ids.lamps[0])!;
    expect(lamp.opinionIds).toEqual(ids.lamps);
    expect(lamp.id).not.toBe(pig.id);
    expect(holding(r.topics, ids.other[0])).toBeUndefined();
    expect(pig.byVillage).toEqual([
      { regionId: p.w.villA1.id, name: '古城村', level: 'village', count: 2 },
      { regionId: p.w.villA2.id, name: '鹤鹿溪村', level: 'village', count: 2 },
      { regionId: p.w.villB1.id, name: '横溪坞村', level: 'village', count: 2 },
    ]);
    expect(pig.byChannel).toEqual([
      { channel: 'letter', count: 3 },
      { channel: 'web', count: 2 },
      { channel: 'phone', count: 1 },
    ]);
    expect(pig.bySector).toContainEqual({ sectorId: p.w.sectorA.id, name: '农业', count: 2 });
    expect(pig.bySector).toContainEqual({ sectorId: p.w.sectorB.id, name: '教育', count: 1 });
    expect(pig.bySector).toContainEqual({ sectorId: null, name: null, count: 3 });
    // 陈女士 (13912345678) raised four of the items (the default originator and one explicit), 王 and 李 one each.
    expect(pig.people).toBe(3);
    expect(pig.trend.reduce((s, w) => s + w.count, 0)).toBe(6);
    expect(pig.trend.length).toBeGreaterThanOrEqual(13);
    expect(pig.trend.every((w) => /^\d{4}-W\d{2}$/.test(w.week))).toBe(true);
    expect(pig.newest.map((n) => n.id)).toEqual(
      [...ids.pigsB]
        .reverse()
        .concat([...ids.pigs].reverse())
        .slice(0, 5),
    );
    expect(pig.label.length).toBeGreaterThan(0);
    expect(pig.label).toMatch(/养猪|粪污|河道|气味/u);
    expect(pig.linkedCount).toBe(0);
  });

  it('narrows to an area: a township, a village', async () => {
    const town = await topicsOf(p.admin, `?regionId=${p.w.townA.id}`);
    expect(holding(town.topics, ids.pigs[0])?.count).toBe(4);
    expect(holding(town.topics, ids.pigsB[0])).toBeUndefined();
    const village = await topicsOf(p.admin, `?regionId=${p.w.villA2.id}`);
    expect(holding(village.topics, ids.lamps[0])?.count).toBe(3);
    expect(holding(village.topics, ids.pigs[2])?.count).toBe(2);
  });

  it('shows an information officer their own township only; a member gets 404', async () => {
    const own = await topicsOf(p.officerB);
    expect(own.regionId).toBe(p.w.townB.id);
    expect(own.topics.flatMap((t) => t.opinionIds).sort()).toEqual([...ids.pigsB].sort());
    expect((await p.officerB.get(`/api/v1/topics?regionId=${p.w.townA.id}`)).statusCode).toBe(404);
    expect((await p.officerB.get(`/api/v1/topics?regionId=${p.w.villA1.id}`)).statusCode).toBe(404);
    expect((await topicsOf(p.officerB, `?regionId=${p.w.villB1.id}`)).topics).toHaveLength(1);
    expect((await p.member1.get('/api/v1/topics')).statusCode).toBe(404);
    expect((await p.dept1.get('/api/v1/topics')).statusCode).toBe(404);
    expect((await topicsOf(p.leader)).topics.length).toBeGreaterThanOrEqual(2);
  });

  it('never counts an item the actor may not see', async () => {
    // A confidential item the admin is not named on: the leader sees it, the admin does not.
    const secret = (
      await p.item({
        title: '养猪场粪污直排河道',
        content: '养猪场粪污直排河道，河水发臭，气味难闻。',
        regionId: p.w.villA1.id,
        confidentiality: 'confidential',
      })
    ).id;
    await p.t.db.execute(sql`delete from opinion_named_staff where opinion_id = ${secret}`);
    expect((await p.admin.get(`/api/v1/opinions/${secret}`)).statusCode).toBe(404);
    const seen = await topicsOf(p.leader);
    expect(holding(seen.topics, ids.pigs[0])?.opinionIds).toContain(secret);
    const admin = await topicsOf(p.admin);
    expect(admin.topics.flatMap((t) => t.opinionIds)).not.toContain(secret);
    expect(holding(admin.topics, ids.pigs[0])?.count).toBe(6);
  });

  it('places a new item into the existing topic without a rebuild', async () => {
    const before = await topicsOf(p.admin, `?regionId=${p.w.townA.id}`);
    const pig = holding(before.topics, ids.pigs[0])!;
    const model = await topicModelFor(p.t.db);
    const topics = model.topicCount;
    const size = model.size;
    const id = (
      await p.item({
        title: '养猪场粪污又排进河道了',
        content: '养猪场粪污直排河道的问题还没解决，河水发臭，气味难闻。',
        regionId: p.w.villA1.id,
      })
    ).id;
    const after = await topicsOf(p.admin, `?regionId=${p.w.townA.id}`);
    const again = holding(after.topics, id)!;
    expect(again.id).toBe(pig.id);
    expect(again.count).toBe(pig.count + 1);
    expect(model).toBe(await topicModelFor(p.t.db));
    expect(model.size).toBe(size + 1);
    expect(model.topicCount).toBe(topics);
    ids.pigs.push(id);
  });

  it('names an item registered at the township itself as the township, marked as such', async () => {
    const id = (
      await p.item({
        title: '镇上养猪场粪污直排河道',
        content: '养猪场粪污直排河道，河水发臭，气味难闻，请查处。',
        regionId: p.w.townA.id,
      })
    ).id;
    const r = await topicsOf(p.admin, `?regionId=${p.w.townA.id}`);
    const pig = holding(r.topics, id)!;
    expect(pig.byVillage).toContainEqual({ regionId: p.w.townA.id, name: p.w.townA.name, level: 'township', count: 1 });
    expect(pig.byVillage.filter((v) => v.level === 'village').map((v) => v.regionId)).not.toContain(p.w.townA.id);
    ids.pigs.push(id);
  });

  it('says which items are already in a 民生问题', async () => {
    const res = await p.admin.post('/api/v1/problems', {
      title: '养殖污染',
      regionId: p.w.townA.id,
      year: 2026,
      opinionIds: ids.pigs.slice(0, 2),
    });
    expect(res.statusCode, res.body).toBe(201);
    const pig = holding((await topicsOf(p.admin, `?regionId=${p.w.townA.id}`)).topics, ids.pigs[0])!;
    expect(pig.linkedCount).toBe(2);
    expect(pig.linkedProblemIds).toEqual([res.json().id]);
    expect(pig.townshipId).toBe(p.w.townA.id);
  });

  it('refuses a bad query with 400 in the caller language', async () => {
    const order = '?from=2026-05-02&to=2026-05-01';
    for (const [lang, text] of [
      ['zh', '开始日期不能晚于结束日期'],
      ['en', 'The start date cannot be after the end date'],
      ['ug', 'باشلىنىش ۋاقتى'],
    ]) {
      const res = await p.admin.get(`/api/v1/topics${order}`, { 'accept-language': lang });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().details)).toContain(text);
    }
    const unknown = await p.admin.get('/api/v1/topics?regionId=999999', { 'accept-language': 'en' });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().details)).toContain('No such area');
    expect((await p.admin.get('/api/v1/topics?from=2026-02-30')).statusCode).toBe(400);
    expect((await p.admin.get('/api/v1/topics?from=2020-01-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await p.admin.get('/api/v1/topics?limit=0')).statusCode).toBe(400);
  });

  it('finds nothing in an empty period', async () => {
    const r = await topicsOf(p.admin, '?from=2020-01-01&to=2020-03-31');
    expect(r.topics).toEqual([]);
    expect(r.items).toBe(0);
  });
});
