// Role × action permissions, appeals, manual entries, evaluations, the 述职 report and the responsiveness table.
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { put, scheme } from './test-helpers.js';

let t: TestApp;
let w: World;
let admin: Client;
let leader: Client;
let m1: Client;
let m2: Client;
let lead: Client;
let officer: Client;
let rules: Array<{ id: number; name: string }>;
const ruleId = (name: string) => rules.find((r) => r.name === name)!.id;
const count = async (table: string) =>
  ((await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0] as any).n as number;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  [admin, leader, m1, m2, lead, officer] = await Promise.all(
    ['admin', 'leader1', 'member1', 'member2', 'grouplead', 'officer1'].map((u) => login(t.app, u)),
  );
  rules = (await put(t.app, admin, '/api/v1/assessment-rules/2026', scheme())).json().rules;
});
afterAll(() => t.close());

describe('scheme editing', () => {
  it('only admin writes; others 404 or 403, nothing changes', async () => {
    const before = await count('assessment_rules');
    expect((await put(t.app, m1, '/api/v1/assessment-rules/2026', scheme('x'))).statusCode).toBe(404);
    expect((await put(t.app, leader, '/api/v1/assessment-rules/2026', scheme('x'))).statusCode).toBe(403);
    expect((await put(t.app, officer, '/api/v1/assessment-rules/2026', scheme('x'))).statusCode).toBe(404);
    expect(await count('assessment_rules')).toBe(before);
    expect((await m1.get('/api/v1/assessment-rules/2026')).json().abilities.canEdit).toBe(false);
    expect((await officer.get('/api/v1/assessment-rules/2026')).statusCode).toBe(404);
  });
  it('refuses bad input', async () => {
    const dup = { ...scheme(), rules: [scheme().rules[0], scheme().rules[0]] };
    expect((await put(t.app, admin, '/api/v1/assessment-rules/2026', dup)).statusCode).toBe(400);
    const bad = { ...scheme(), rules: [{ name: 'x', source: 'nope', points: 1 }] };
    expect((await put(t.app, admin, '/api/v1/assessment-rules/2026', bad)).statusCode).toBe(400);
    const neg = { ...scheme(), rules: [{ name: 'x', source: 'activities', points: -1 }] };
    expect((await put(t.app, admin, '/api/v1/assessment-rules/2026', neg)).statusCode).toBe(400);
    expect((await admin.get('/api/v1/assessment-rules/1999')).statusCode).toBe(400);
    const missing = await admin.get('/api/v1/assessment-rules/2030');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('2030');
  });
  it('edits lines in place (ids kept) and removes dropped ones', async () => {
    const cur = (await admin.get('/api/v1/assessment-rules/2026')).json().rules;
    const next = cur.slice(0, 9).map((r: any) => ({ ...r, points: r.points + 1 }));
    next.push({ name: '培训', source: 'training', points: 1, cap: 5, isDeduction: false, note: '' });
    const res = await put(t.app, admin, '/api/v1/assessment-rules/2026', { ...scheme(), rules: next });
    expect(res.statusCode).toBe(200);
    const after = res.json().rules;
    expect(after).toHaveLength(10);
    expect(after[0]).toMatchObject({ id: cur[0].id, points: cur[0].points + 1 });
    expect(after.some((r: any) => r.name === '无故缺席')).toBe(false);
    rules = (await put(t.app, admin, '/api/v1/assessment-rules/2026', scheme())).json().rules;
  });
});

describe('score visibility', () => {
  it('admin and leader see all; group leader their group; member only their row', async () => {
    const all = (await leader.get('/api/v1/assessments/2026/scores')).json().items.map((r: any) => r.memberId);
    expect(all.sort()).toEqual([w.m1.id, w.m2.id, w.m3.id].sort());
    const grp = (await lead.get('/api/v1/assessments/2026/scores')).json().items.map((r: any) => r.memberId);
    expect(grp.sort()).toEqual([w.m1.id, w.m3.id].sort());
    const own = (await m1.get('/api/v1/assessments/2026/scores')).json().items;
    expect(own.map((r: any) => r.memberId)).toEqual([w.m1.id]);
    expect(own[0].rankInSector).toBeGreaterThan(0);
    expect((await officer.get('/api/v1/assessments/2026/scores')).statusCode).toBe(404);
  });
  it('member detail: self yes, other 404; group leader inside group only', async () => {
    expect((await m1.get(`/api/v1/assessments/2026/members/${w.m1.id}`)).statusCode).toBe(200);
    expect((await m1.get(`/api/v1/assessments/2026/members/${w.m2.id}`)).statusCode).toBe(404);
    expect((await lead.get(`/api/v1/assessments/2026/members/${w.m1.id}`)).statusCode).toBe(200);
    expect((await lead.get(`/api/v1/assessments/2026/members/${w.m2.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/assessments/2026/members/999999')).statusCode).toBe(404);
  });
});

describe('manual entries', () => {
  it('admin CRUD with evidence; non-manual rule refused; others 404', async () => {
    const body = { ruleId: ruleId('出席会议'), memberId: w.m2.id, date: '2026-03-10', evidence: '全会签到' };
    expect((await m1.post('/api/v1/assessments/2026/entries', body)).statusCode).toBe(404);
    expect((await admin.post('/api/v1/assessments/2026/entries', { ...body, evidence: '' })).statusCode).toBe(400);
    expect(
      (await admin.post('/api/v1/assessments/2026/entries', { ...body, ruleId: ruleId('联系活动') })).statusCode,
    ).toBe(400);
    const c = await admin.post('/api/v1/assessments/2026/entries', body);
    expect(c.statusCode).toBe(201);
    const id = c.json().id;
    expect((await admin.patch(`/api/v1/assessments/2026/entries/${id}`, { quantity: 3 })).json().quantity).toBe(3);
    const line = (await admin.get(`/api/v1/assessments/2026/members/${w.m2.id}`))
      .json()
      .lines.find((l: any) => l.ruleId === ruleId('出席会议'));
    expect(line).toMatchObject({ units: 3, points: 6 });
    expect(line.evidence[0]).toMatchObject({ kind: 'entry', id, title: '全会签到' });
    expect((await admin.get('/api/v1/assessments/2026/entries')).json().items).toHaveLength(1);
    expect((await m2.get('/api/v1/assessments/2026/entries')).statusCode).toBe(404);
    expect((await admin.del(`/api/v1/assessments/2026/entries/${id}`)).statusCode).toBe(200);
    expect(await count('assessment_entries')).toBe(0);
    const ev = (
      await t.db.execute(sql`select type from record_events where entity = 'assessment_entry' order by id`)
    ).rows.map((r: any) => r.type);
    expect(ev).toEqual(['created', 'updated', 'deleted']);
  });
});

describe('appeals', () => {
  it('member appeals own line; admin accepts with an adjustment that shows on the line', async () => {
    const before = (await m1.get(`/api/v1/assessments/2026/members/${w.m1.id}`)).json();
    expect(before.abilities.canAppeal).toBe(true);
    const a = await m1.post('/api/v1/assessments/2026/appeals', { ruleId: ruleId('联系活动'), reason: '3月走访漏记' });
    expect(a.statusCode).toBe(201);
    expect((await m1.post('/api/v1/assessments/2026/appeals', { ruleId: 999999, reason: 'x' })).statusCode).toBe(400);
    expect(
      (await leader.post('/api/v1/assessments/2026/appeals', { ruleId: ruleId('联系活动'), reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await m2.get('/api/v1/assessments/2026/appeals')).json().items).toHaveLength(0);
    const id = a.json().id;
    expect(
      (await m1.post(`/api/v1/assessments/2026/appeals/${id}/decision`, { decision: 'accept', adjustment: 2 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await admin.post(`/api/v1/assessments/2026/appeals/${id}/decision`, { decision: 'accept' })).statusCode,
    ).toBe(400);
    const d = await admin.post(`/api/v1/assessments/2026/appeals/${id}/decision`, {
      decision: 'accept',
      adjustment: 2,
      text: '核实属实',
    });
    expect(d.json()).toMatchObject({ status: 'accepted', adjustment: 2 });
    expect(
      (await admin.post(`/api/v1/assessments/2026/appeals/${id}/decision`, { decision: 'reject' })).statusCode,
    ).toBe(409);
    const after = (await m1.get(`/api/v1/assessments/2026/members/${w.m1.id}`)).json();
    expect(after.total).toBe(before.total + 2);
    expect(after.lines.find((l: any) => l.ruleId === ruleId('联系活动')).adjustment).toBe(2);
    const ev = (
      await t.db.execute(
        sql`select type from record_events where entity = 'assessment_appeal' and entity_id = ${id} order by id`,
      )
    ).rows.map((r: any) => r.type);
    expect(ev).toEqual(['raised', 'accepted']);
  });
});

describe('述职 report and evaluations', () => {
  it('generates a Word document from the record', async () => {
    const res = await m1.get(`/api/v1/assessments/2026/members/${w.m1.id}/report?format=docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('张三委员2026年度履职述职报告');
    expect(xml).toContain('联系活动');
    expect((await m1.get(`/api/v1/assessments/2026/members/${w.m2.id}/report`)).statusCode).toBe(404);
  });
  it('records evaluations by admin (staff or for a representative)', async () => {
    const url = `/api/v1/assessments/2026/members/${w.m1.id}/evaluations`;
    expect((await m1.post(url, { evaluatorKind: 'staff', evaluatorName: 'x', grade: 'good' })).statusCode).toBe(404);
    expect(
      (await admin.post(url, { evaluatorKind: 'representative', evaluatorName: '赵大', grade: 'good' })).statusCode,
    ).toBe(400);
    expect(
      (await admin.post(url, { evaluatorKind: 'staff', evaluatorName: '办公室', grade: 'great' })).statusCode,
    ).toBe(400);
    expect(
      (
        await admin.post(url, {
          evaluatorKind: 'representative',
          representativeId: w.rep1.id,
          evaluatorName: '赵大',
          grade: 'excellent',
          comment: '常来村里',
        })
      ).statusCode,
    ).toBe(201);
    expect((await admin.post(url, { evaluatorKind: 'staff', evaluatorName: '办公室', grade: 'good' })).statusCode).toBe(
      201,
    );
    const list = (await m1.get(url)).json().items;
    expect(list.map((e: any) => e.grade)).toEqual(['excellent', 'good']);
    expect(list[0].representativeName).toBe('赵大');
    expect((await m2.get(url)).statusCode).toBe(404);
  });
});

describe('responsiveness', () => {
  it('shares fed back and relayed, median days to feedback', async () => {
    const db = t.db;
    for (const [code, status, day] of [
      ['R-1', 'feedback_sent', 2],
      ['R-2', 'closed', 4],
      ['R-3', 'forwarded', 0],
    ] as const) {
      const [o] = (
        await db.execute(sql`insert into opinions (tracking_code, title, content, channel, status, received_at)
        values (${code}, ${code}, 'c', 'web', ${status}, '2026-02-01T00:00:00Z') returning id`)
      ).rows as any[];
      await db.execute(sql`insert into opinion_originators (opinion_id, kind, member_id, relayed_at)
        values (${o.id}, 'member', ${w.m2.id}, ${code === 'R-1' ? sql`now()` : null})`);
      if (day)
        await db.execute(sql`insert into opinion_events (opinion_id, type, actor_kind, at)
        values (${o.id}, 'send_feedback', 'admin', ${`2026-02-0${1 + day}T00:00:00Z`}::timestamptz)`);
    }
    const rows = (await admin.get('/api/v1/assessments/2026/responsiveness')).json().items;
    expect(rows.find((r: any) => r.memberId === w.m2.id)).toMatchObject({
      items: 3,
      fedBack: 2,
      fedBackShare: 66.7,
      relayed: 1,
      relayedShare: 33.3,
      medianDaysToFeedback: 3,
    });
    expect(
      (await m1.get('/api/v1/assessments/2026/responsiveness')).json().items.every((r: any) => r.memberId === w.m1.id),
    ).toBe(true);
    expect((await officer.get('/api/v1/assessments/2026/responsiveness')).statusCode).toBe(404);
  });
});
