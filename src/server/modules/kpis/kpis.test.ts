// KPI numerators and denominators on hand-built items and events: each rate, groupings, period edges, scoping, xlsx.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildDepartment } from '../../db/seed/factories.js';
import { rebuildKpiRollups } from './rollups.js';

let t: TestApp;
let w: World;
let admin: Client;
let deptB: number;
let seq = 0;

type Ev = [type: string, at: string, payload?: Record<string, unknown>];
interface Item {
  at: string;
  channel: string;
  status: string;
  regionId?: number;
  dept?: number;
  deadline?: string;
  memberIds?: number[];
  events?: Ev[];
}

/** Inserts one item with its originators and events directly. */
async function item(i: Item) {
  seq += 1;
  const res = await t.db.execute(sql`insert into opinions (tracking_code, title, content, channel, status, region_id,
      lead_department_id, deadline, received_at)
    values (${`KPI${seq}`}, ${`件${seq}`}, '内容', ${i.channel}, ${i.status}, ${i.regionId ?? null},
      ${i.dept ?? null}, ${i.deadline ?? null}, ${i.at}::timestamptz) returning id`);
  const id = (res.rows[0] as { id: number }).id;
  for (const m of i.memberIds ?? [])
    await t.db.execute(
      sql`insert into opinion_originators (opinion_id, kind, member_id) values (${id}, 'member', ${m})`,
    );
  for (const [type, at, payload] of i.events ?? [])
    await t.db.execute(sql`insert into opinion_events (opinion_id, type, payload, actor_kind, at)
      values (${id}, ${type}, ${JSON.stringify(payload ?? {})}::jsonb, 'user', ${at}::timestamptz)`);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  deptB = (await buildDepartment(t.db, { name: '孝丰镇城建办', townshipId: w.townB.id })).id;
  admin = await login(t.app, 'admin');
  // i1: on time on the deadline day (15:00 China = 07:00 UTC), feedback after 26 days, rated twice.
  await item({
    at: '2026-03-10T10:00:00+08:00',
    channel: 'letter',
    status: 'closed',
    regionId: w.villA1.id,
    dept: w.deptA.id,
    deadline: '2026-03-31',
    memberIds: [w.m1.id],
    events: [
      ['accept', '2026-03-10T11:00:00+08:00'],
      ['forward', '2026-03-11T09:00:00+08:00'],
      ['reply', '2026-03-31T15:00:00+08:00'],
      ['approve_reply', '2026-04-01T09:00:00+08:00'],
      ['send_feedback', '2026-04-05T10:00:00+08:00'],
      ['rate', '2026-04-06T10:00:00+08:00', { rating: 'satisfied' }],
      ['rate', '2026-04-07T10:00:00+08:00', { rating: 'unsatisfied', comment: '慢' }],
    ],
  });
  // i2: received 23:30 China on 31 March (March), replied 00:30 China the day after its deadline (late).
  await item({
    at: '2026-03-31T23:30:00+08:00',
    channel: 'phone',
    status: 'replied',
    regionId: w.villB1.id,
    dept: deptB,
    deadline: '2026-04-10',
    memberIds: [w.m2.id],
    events: [
      ['accept', '2026-04-01T09:00:00+08:00'],
      ['forward', '2026-04-01T10:00:00+08:00'],
      ['reply', '2026-04-11T00:30:00+08:00'],
    ],
  });
  // i3: 00:10 China on 1 April (still 31 March in UTC): April; not accepted.
  await item({
    at: '2026-04-01T00:10:00+08:00',
    channel: 'letter',
    status: 'not_accepted',
    regionId: w.villA2.id,
    memberIds: [w.m1.id],
    events: [['not_accept', '2026-04-01T09:00:00+08:00', { reason: '不属于受理范围' }]],
  });
  // i4: the office answers directly, feedback after 2 days, rated basically satisfied.
  await item({
    at: '2026-04-15T10:00:00+08:00',
    channel: 'web',
    status: 'rated',
    regionId: w.villB1.id,
    events: [
      ['accept', '2026-04-15T11:00:00+08:00'],
      ['reply_directly', '2026-04-16T10:00:00+08:00'],
      ['send_feedback', '2026-04-17T10:00:00+08:00'],
      ['rate', '2026-04-18T10:00:00+08:00', { rating: 'basically_satisfied' }],
    ],
  });
  // i5: waiting for triage.
  await item({ at: '2026-04-20T10:00:00+08:00', channel: 'web', status: 'received', regionId: w.villA1.id });
  // i8: answered directly, no feedback yet.
  await item({
    at: '2026-05-01T10:00:00+08:00',
    channel: 'phone',
    status: 'replied_directly',
    events: [
      ['accept', '2026-05-01T11:00:00+08:00'],
      ['reply_directly', '2026-05-02T10:00:00+08:00'],
    ],
  });
  // Left out: a merged duplicate and an item of the year before.
  await item({ at: '2026-05-02T10:00:00+08:00', channel: 'web', status: 'merged' });
  await item({ at: '2025-12-31T23:00:00+08:00', channel: 'web', status: 'received' });
  // The items above were written past the services (which keep the rollups current): count them once.
  await rebuildKpiRollups(t.db);
});
afterAll(() => t.close());

const YEAR = 'from=2026-01-01&to=2026-12-31';
async function kpis(c: Client, query: string) {
  const res = await c.get(`/api/v1/kpis?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}
const byKey = (rows: any[], key: unknown) => rows.find((r) => r.key === String(key));

describe('GET /kpis', () => {
  it('counts each rate from its numerator and denominator', async () => {
    const r = await kpis(admin, `${YEAR}&groupBy=period`);
    expect(r.total.received).toBe(6);
    expect(r.total.acceptance).toEqual({ num: 4, den: 5, rate: 0.8 });
    expect(r.total.onTime).toEqual({ num: 1, den: 2, rate: 0.5 });
    expect(r.total.reply).toEqual({ num: 4, den: 4, rate: 1 });
    expect(r.total.feedback).toEqual({ num: 2, den: 3, rate: 0.6667 });
    expect(r.total.satisfaction).toEqual({ num: 2, den: 3, rate: 0.6667 });
    expect(r.total.avgHandlingDays).toBe(14);
    expect(Object.keys(r.definitions)).toContain('onTime');
  });

  it('buckets months in China time and drills into the bucket', async () => {
    const r = await kpis(admin, `${YEAR}&groupBy=period&period=month`);
    expect(r.rows.map((x: any) => [x.key, x.received])).toEqual([
      ['2026-03', 2],
      ['2026-04', 3],
      ['2026-05', 1],
    ]);
    expect(byKey(r.rows, '2026-04').drillUrl).toBe('/opinions?from=2026-04-01&to=2026-04-30');
    const april = await kpis(admin, 'from=2026-04-01&to=2026-04-30');
    expect(april.total.received).toBe(3);
    const q = await kpis(admin, `${YEAR}&groupBy=period&period=quarter`);
    expect(q.rows.map((x: any) => [x.key, x.received])).toEqual([
      ['2026-Q1', 2],
      ['2026-Q2', 4],
    ]);
  });

  it('groups by department, region (township) and channel', async () => {
    const d = await kpis(admin, `${YEAR}&groupBy=department`);
    expect(byKey(d.rows, w.deptA.id)).toMatchObject({
      label: '递铺街道农业办',
      received: 1,
      onTime: { num: 1, den: 1 },
    });
    expect(byKey(d.rows, deptB)).toMatchObject({ received: 1, onTime: { num: 0, den: 1, rate: 0 } });
    expect(byKey(d.rows, w.deptA.id).drillUrl).toContain(`departmentId=${w.deptA.id}`);
    const reg = await kpis(admin, `${YEAR}&groupBy=region`);
    expect(byKey(reg.rows, w.townA.id)).toMatchObject({ label: '递铺街道', received: 3 });
    expect(byKey(reg.rows, w.townB.id)).toMatchObject({ received: 2 });
    expect(reg.rows.find((x: any) => x.key === null).received).toBe(1);
    const ch = await kpis(admin, `${YEAR}&groupBy=channel`);
    expect(Object.fromEntries(ch.rows.map((x: any) => [x.key, x.received]))).toEqual({ letter: 2, phone: 2, web: 2 });
    const m = await kpis(admin, `${YEAR}&groupBy=member`);
    expect(byKey(m.rows, w.m1.id)).toMatchObject({ label: '张三', received: 2 });
  });

  it('scopes group leaders to their group and hides KPIs from others', async () => {
    const gl = await kpis(await login(t.app, 'grouplead'), `${YEAR}&groupBy=member`);
    expect(gl.total.received).toBe(2);
    expect(gl.rows.map((x: any) => x.key)).toEqual([String(w.m1.id)]);
    expect((await kpis(await login(t.app, 'leader1'), YEAR)).total.received).toBe(6);
    for (const u of ['member1', 'officer1']) {
      const res = await (await login(t.app, u)).get(`/api/v1/kpis?${YEAR}`);
      expect(res.statusCode).toBe(404);
    }
  });

  it('refuses a reversed period', async () => {
    const res = await admin.get('/api/v1/kpis?from=2026-05-01&to=2026-04-01');
    expect(res.statusCode).toBe(400);
  });

  it('exports the same table as xlsx', async () => {
    const res = await admin.get(`/api/v1/kpis?${YEAR}&groupBy=channel&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('社情民意指标');
    expect(ws?.getRow(1).getCell(1).value).toBe('渠道');
    expect(ws?.getRow(1).getCell(2).value).toBe('收件量');
    const last = ws?.getRow(ws.rowCount);
    expect(last?.getCell(1).value).toBe('合计');
    expect(last?.getCell(2).value).toBe(6);
    expect(last?.getCell(5).value).toBe(0.8);
    const labels = [2, 3, 4].map((n) => ws?.getRow(n).getCell(1).value);
    expect(labels.sort()).toEqual(['来信', '电话', '网上提交'].sort());
  });
});
