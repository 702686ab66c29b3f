// Scores from the records, evidence links, snapshots: a closed year never changes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildActivity } from '../../db/seed/factories.js';
import { put, scheme } from './test-helpers.js';

let t: TestApp;
let w: World;
let admin: Client;
let rules: Array<{ id: number; name: string }>;
const ruleId = (name: string) => rules.find((r) => r.name === name)!.id;
const lineOf = (body: any, name: string) => body.lines.find((l: any) => l.ruleId === ruleId(name));

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await login(t.app, 'admin');
  const res = await put(t.app, admin, '/api/v1/assessment-rules/2026', scheme());
  expect(res.statusCode).toBe(200);
  rules = res.json().rules;
  const db = t.db;
  // m1: one more activity, a village visit (visit at a village), an item, a bulletin adopted by the county and a 批示.
  await db.execute(sql`update activities set methods = '{visit}' where id = ${w.act1.id}`);
  await buildActivity(db, { memberIds: [w.m1.id], date: '2026-06-01', methods: ['talk'], regionId: w.townA.id });
  await buildActivity(db, { memberIds: [w.m1.id], date: '2025-06-01', methods: ['visit'] });
  const [o] = (
    await db.execute(sql`insert into opinions (tracking_code, title, content, channel, status, received_at)
      values ('T-1', '养殖污染', '内容', 'activity', 'accepted', '2026-03-01T02:00:00Z') returning id`)
  ).rows as any[];
  await db.execute(sql`insert into opinions (tracking_code, title, content, channel, status, received_at)
      values ('T-2', '被合并', '内容', 'activity', 'merged', '2026-03-02T02:00:00Z')`);
  await db.execute(sql`insert into opinion_originators (opinion_id, kind, member_id)
    select id, 'member', ${w.m1.id} from opinions where tracking_code in ('T-1','T-2')`);
  await db.execute(
    sql`insert into opinion_originators (opinion_id, kind, member_id) values (${o.id}, 'member', ${w.m3.id})`,
  );
  const [b] = (
    await db.execute(
      sql`insert into bulletins (year, number, title, body, status) values (2026, 1, '关于养殖污染', '正文', 'issued') returning id`,
    )
  ).rows as any[];
  await db.execute(sql`insert into bulletin_items (bulletin_id, opinion_id) values (${b.id}, ${o.id})`);
  await db.execute(
    sql`insert into bulletin_outcomes (bulletin_id, kind, level, date) values (${b.id}, 'adoption', 'county', '2026-05-01')`,
  );
  await db.execute(
    sql`insert into bulletin_outcomes (bulletin_id, kind, leader_name, date, text) values (${b.id}, 'instruction', '县长', '2026-05-03', '请研究')`,
  );
  const [rd] = (
    await db.execute(
      sql`insert into reception_days (title, date, place, status) values ('三月接待日', '2026-03-15', '县政协', 'held') returning id`,
    )
  ).rows as any[];
  await db.execute(sql`insert into reception_day_members (reception_day_id, member_id) values (${rd.id}, ${w.m1.id})`);
  const [p] = (
    await db.execute(
      sql`insert into proposals (year, title, content, proposer_member_id, status) values (2026, '关于断头路', '内容', ${w.m2.id}, 'registered') returning id`,
    )
  ).rows as any[];
  await db.execute(
    sql`insert into proposal_cosigners (proposal_id, member_id, status) values (${p.id}, ${w.m1.id}, 'accepted'), (${p.id}, ${w.m3.id}, 'declined')`,
  );
});
afterAll(() => t.close());

describe('scores from records', () => {
  it('counts every source with evidence links for m1', async () => {
    expect(
      (
        await admin.post('/api/v1/assessments/2026/entries', {
          ruleId: ruleId('出席会议'),
          memberId: w.m1.id,
          date: '2026-03-10',
          quantity: 2,
          evidence: '县政协全会签到表',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await admin.post('/api/v1/assessments/2026/entries', {
          ruleId: ruleId('无故缺席'),
          memberId: w.m1.id,
          date: '2026-09-10',
          evidence: '常委会缺席',
        })
      ).statusCode,
    ).toBe(201);
    const res = await admin.get(`/api/v1/assessments/2026/members/${w.m1.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(lineOf(body, '联系活动')).toMatchObject({ units: 2, points: 2 });
    expect(lineOf(body, '进村走访')).toMatchObject({ units: 1, points: 2 });
    expect(lineOf(body, '进村走访').evidence[0]).toMatchObject({ kind: 'activity', id: w.act1.id, date: '2026-04-02' });
    expect(lineOf(body, '提交社情民意')).toMatchObject({ units: 1, points: 2 });
    expect(lineOf(body, '县政协采用')).toMatchObject({ units: 1, points: 3 });
    expect(lineOf(body, '县政协采用').evidence[0]).toMatchObject({ kind: 'bulletin', title: '关于养殖污染' });
    expect(lineOf(body, '领导批示')).toMatchObject({ units: 1, points: 5 });
    expect(lineOf(body, '委员接待日')).toMatchObject({ units: 1, points: 2 });
    expect(lineOf(body, '提交提案')).toMatchObject({ units: 1, points: 2 });
    expect(lineOf(body, '提案立案')).toMatchObject({ units: 1, points: 3 });
    expect(lineOf(body, '出席会议')).toMatchObject({ units: 2, points: 4 });
    expect(lineOf(body, '无故缺席')).toMatchObject({ units: 1, points: -3 });
    expect(body.total).toBe(60 + 2 + 2 + 2 + 3 + 5 + 2 + 2 + 3 + 4 - 3);
  });

  it('credits every originator of an adopted bulletin and ranks within sector and group', async () => {
    const res = await admin.get('/api/v1/assessments/2026/scores');
    expect(res.statusCode).toBe(200);
    const rows = res.json().items;
    const m1 = rows.find((r: any) => r.memberId === w.m1.id);
    const m3 = rows.find((r: any) => r.memberId === w.m3.id);
    expect(m1.total).toBe(82);
    expect(m3.lines.find((l: any) => l.ruleId === ruleId('县政协采用')).points).toBe(3);
    expect(m3.lines.find((l: any) => l.ruleId === ruleId('提交提案')).points).toBe(0);
    expect(m1.rankInSector).toBe(1);
    expect(m3.rankInGroup).toBe(2);
    const m2 = rows.find((r: any) => r.memberId === w.m2.id);
    expect(m2.rankInSector).toBe(1);
    expect(m2.belowThreshold).toBe(false);
    const below = await admin.get('/api/v1/assessments/2026/scores?belowThreshold=true');
    expect(below.json().items.every((r: any) => r.total < 62)).toBe(true);
    const bySector = await admin.get(`/api/v1/assessments/2026/scores?sectorId=${w.sectorB.id}`);
    expect(bySector.json().items.map((r: any) => r.memberId)).toEqual([w.m2.id]);
  });

  it('table total equals the detail total for every member', async () => {
    const rows = (await admin.get('/api/v1/assessments/2026/scores')).json().items;
    for (const r of rows)
      expect((await admin.get(`/api/v1/assessments/2026/members/${r.memberId}`)).json().total).toBe(r.total);
  });

  it('exports xlsx', async () => {
    const res = await admin.get('/api/v1/assessments/2026/scores?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('closing a year freezes it', () => {
  it('keeps the closed year identical after new records and rule edits, and refuses writes with 409', async () => {
    const beforeScores = (await admin.get('/api/v1/assessments/2026/scores')).json().items;
    const beforeDetail = (await admin.get(`/api/v1/assessments/2026/members/${w.m1.id}`)).json();
    const close = await admin.post('/api/v1/assessments/2026/close');
    expect(close.statusCode).toBe(200);
    const snaps = (await t.db.execute(sql`select count(*)::int as n from assessment_snapshots where year = 2026`))
      .rows[0] as any;
    expect(snaps.n).toBe(beforeScores.length);

    await buildActivity(t.db, { memberIds: [w.m1.id], date: '2026-07-07', methods: ['visit'], regionId: w.villA1.id });
    const edit = await put(t.app, admin, '/api/v1/assessment-rules/2026', {
      ...scheme(),
      rules: scheme().rules.map((r) => ({ ...r, points: 9 })),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'assessment_year_closed' });
    expect(edit.json().message).toContain('年度已关闭');
    const entry = await admin.post('/api/v1/assessments/2026/entries', {
      ruleId: ruleId('出席会议'),
      memberId: w.m2.id,
      date: '2026-03-10',
      evidence: 'x',
    });
    expect(entry.statusCode).toBe(409);
    const m1 = await login(t.app, 'member1');
    expect(
      (await m1.post('/api/v1/assessments/2026/appeals', { ruleId: ruleId('联系活动'), reason: '漏计' })).statusCode,
    ).toBe(409);
    expect((await admin.post('/api/v1/assessments/2026/close')).statusCode).toBe(409);
    // Even a direct change to a rule row (bypassing the API) leaves the archive alone.
    await t.db.execute(sql`update assessment_rules set points = 50 where year = 2026`);

    expect((await admin.get('/api/v1/assessments/2026/scores')).json().items).toEqual(beforeScores);
    const after = (await admin.get(`/api/v1/assessments/2026/members/${w.m1.id}`)).json();
    expect(after.lines).toEqual(beforeDetail.lines);
    expect(after.total).toBe(beforeDetail.total);
    expect(after.abilities.canAppeal).toBe(false);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assessments/2026/close',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'en' },
    });
    expect(en.json().message).toMatch(/closed/);
  });

  it('copies a closed year into a new open one', async () => {
    const res = await admin.post('/api/v1/assessment-rules/2027/copy', { fromYear: 2026 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, status: 'open', schemeName: '2027年度委员履职考核（试行）' });
    expect(res.json().rules).toHaveLength(10);
  });
});
