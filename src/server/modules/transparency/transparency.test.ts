// The public transparency board: its numbers are the KPI table's for the same months (both read the rollups), and
// the published answers list only consented, normal, answered items with a reply, with no phone number and no
// originator's name anywhere in the answer (the seeded item's text holds its citizen's name, phone and address).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories, opinionEvents, opinionOriginators, opinions } from '../../db/schema.js';
import { buildDepartment } from '../../db/seed/factories.js';
import { rebuildKpiRollups } from '../kpis/rollups.js';

let t: TestApp;
let w: World;
let catRoad: number;
let catWater: number;
let deptB: number;
let seq = 0;
const ids: Record<string, number> = {};
const NOW = new Date('2026-11-20T04:00:00Z');

interface Seed {
  status: string;
  title?: string;
  content?: string;
  publicReply?: string;
  publishConsent?: boolean;
  confidentiality?: 'normal' | 'internal' | 'confidential';
  regionId?: number;
  categoryId?: number;
  dept?: number | null;
  received: string;
  deadline?: string;
  citizen?: { name: string; phone: string };
  memberId?: number;
  events?: { type: string; at: string; rating?: string }[];
}

async function seed(s: Seed): Promise<number> {
  const [o] = await t.db
    .insert(opinions)
    .values({
      trackingCode: `T${String(++seq).padStart(9, '0')}`,
      title: s.title ?? '路灯不亮',
      content: s.content ?? '村口路灯坏了。',
      categoryId: s.categoryId ?? catRoad,
      regionId: s.regionId ?? w.villA1.id,
      channel: 'web',
      status: s.status,
      confidentiality: s.confidentiality ?? 'normal',
      publishConsent: s.publishConsent ?? false,
      publicReply: s.publicReply ?? '',
      leadDepartmentId: s.dept === undefined ? w.deptA.id : s.dept,
      deadline: s.deadline ?? null,
      receivedAt: new Date(s.received),
      closedAt: s.status === 'closed' ? new Date(NOW.getTime() - 86_400_000) : null,
    })
    .returning();
  const c = s.citizen ?? { name: '某群众', phone: '13700000000' };
  await t.db.insert(opinionOriginators).values({ opinionId: o.id, kind: 'citizen', name: c.name, phone: c.phone });
  if (s.memberId)
    await t.db.insert(opinionOriginators).values({ opinionId: o.id, kind: 'member', memberId: s.memberId });
  for (const e of s.events ?? [])
    await t.db.insert(opinionEvents).values({
      opinionId: o.id,
      type: e.type,
      actorKind: 'user',
      at: new Date(e.at),
      payload: e.rating ? { rating: e.rating } : {},
    });
  return o.id;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  w = await buildWorld(t.db);
  const [road, water] = await t.db
    .insert(opinionCategories)
    .values([{ name: '道路交通' }, { name: '饮水安全' }])
    .returning();
  [catRoad, catWater] = [road.id, water.id];
  deptB = (await buildDepartment(t.db, { name: '县水利局' })).id;
  const done = (m: string, rating = 'satisfied') => [
    { type: 'reply', at: `2026-${m}-10T02:00:00Z` },
    { type: 'approve_reply', at: `2026-${m}-11T02:00:00Z` },
    { type: 'send_feedback', at: `2026-${m}-12T02:00:00Z` },
    { type: 'rate', at: `2026-${m}-13T02:00:00Z`, rating },
  ];
  // The board's material: items over several months, two departments, two townships, on time or late, rated.
  await seed({ status: 'closed', received: '2026-03-02T02:00:00Z', deadline: '2026-03-20', events: done('03') });
  await seed({
    status: 'rated',
    received: '2026-03-05T02:00:00Z',
    deadline: '2026-03-06',
    events: done('03', 'unsatisfied'),
  });
  await seed({ status: 'not_accepted', received: '2026-03-09T02:00:00Z', dept: null });
  await seed({ status: 'forwarded', received: '2026-05-01T02:00:00Z', dept: deptB, regionId: w.villB1.id });
  await seed({
    status: 'closed',
    received: '2026-05-03T02:00:00Z',
    dept: deptB,
    regionId: w.villB1.id,
    deadline: '2026-06-30',
    events: done('06'),
  });
  await seed({ status: 'received', received: '2026-10-30T17:00:00Z', dept: null });

  // The answers' material. The published one holds its citizen's name, phone and address, and names its member.
  ids.published = await seed({
    status: 'closed',
    publishConsent: true,
    received: '2026-07-01T02:00:00Z',
    title: '刘秀英反映村口路灯不亮',
    content: '我是刘秀英，电话150 1234 5678，住古城村3组8号。村口路灯坏了一个月，张三委员也来看过。',
    publicReply: '经核实，路灯已于7月5日修复。已电话告知刘秀英（15012345678），感谢张三委员。维修费用1200元。',
    citizen: { name: '刘秀英', phone: '15012345678' },
    memberId: w.m1.id,
    events: done('07'),
  });
  ids.direct = await seed({
    status: 'replied_directly',
    publishConsent: true,
    categoryId: catWater,
    regionId: w.villB1.id,
    received: '2026-08-01T02:00:00Z',
    publicReply: '自来水管网改造已列入2027年计划。',
    events: [{ type: 'reply_directly', at: '2026-08-03T02:00:00Z' }],
  });
  const answered = { status: 'closed', received: '2026-07-02T02:00:00Z', publicReply: '已处理。' };
  ids.noConsent = await seed({ ...answered });
  ids.internal = await seed({ ...answered, publishConsent: true, confidentiality: 'internal' });
  ids.confidential = await seed({ ...answered, publishConsent: true, confidentiality: 'confidential' });
  ids.unanswered = await seed({ ...answered, status: 'forwarded', publishConsent: true });
  ids.blankReply = await seed({ ...answered, status: 'feedback_sent', publishConsent: true, publicReply: '  ' });
  await rebuildKpiRollups(t.db);
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: `10.6.0.${++seq % 250}` });
const lastDay = (m: string) => new Date(Date.UTC(2026, Number(m), 0)).getUTCDate();

describe('GET /public/transparency', () => {
  it('shows, month by month, the numbers the KPI table shows for the same months', async () => {
    const res = await get('/api/v1/public/transparency?year=2026');
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.months).toHaveLength(11); // January to the current month (November)
    expect(board.departments.map((d: { id: number }) => d.id).sort()).toEqual([w.deptA.id, deptB].sort());
    expect(board.townships.map((d: { id: number }) => d.id).sort()).toEqual([w.townA.id, w.townB.id].sort());
    const admin = await login(t.app, 'admin');
    let compared = 0;
    for (const [list, groupBy] of [
      [board.departments, 'department'],
      [board.townships, 'region'],
    ] as const) {
      for (const month of board.months as string[]) {
        const m = month.slice(5);
        const kpi = (
          await admin.get(`/api/v1/kpis?groupBy=${groupBy}&from=${month}-01&to=${month}-${lastDay(m)}`)
        ).json();
        for (const row of list) {
          const cell = row.months.find((c: { month: string }) => c.month === month);
          const k = kpi.rows.find((r: { key: string }) => r.key === String(row.id));
          const want = k
            ? {
                received: k.received,
                acceptRate: k.acceptance.rate,
                onTimeRate: k.onTime.rate,
                satisfactionRate: k.satisfaction.rate,
                avgDays: k.avgHandlingDays,
              }
            : { received: 0, acceptRate: null, onTimeRate: null, satisfactionRate: null, avgDays: null };
          expect({ ...cell, month: undefined }).toEqual({ ...want, month: undefined });
          if (k) compared++;
        }
      }
      const year = (await admin.get(`/api/v1/kpis?groupBy=${groupBy}&from=2026-01-01&to=2026-12-31`)).json();
      for (const row of list) {
        const k = year.rows.find((r: { key: string }) => r.key === String(row.id));
        expect(row.total).toEqual({
          received: k.received,
          acceptRate: k.acceptance.rate,
          onTimeRate: k.onTime.rate,
          satisfactionRate: k.satisfaction.rate,
          avgDays: k.avgHandlingDays,
        });
      }
    }
    expect(compared).toBeGreaterThan(4);
    // The March cell of department A: 2 items forwarded, one answered on time, one late; one of two ratings satisfied.
    const march = board.departments
      .find((d: { id: number }) => d.id === w.deptA.id)
      .months.find((c: { month: string }) => c.month === '2026-03');
    expect(march).toMatchObject({ received: 2, onTimeRate: 0.5, satisfactionRate: 0.5 });
  });

  it("narrows to one township's items", async () => {
    const res = await get(`/api/v1/public/transparency?year=2026&regionId=${w.townB.id}`);
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.region).toEqual({ id: w.townB.id, name: w.townB.name });
    expect(board.townships.map((r: { id: number }) => r.id)).toEqual([w.townB.id]);
    // 孝丰's items: two of the water bureau's, one answered directly by the office for department A's area.
    const received = Object.fromEntries(
      board.departments.map((r: { id: number; total: { received: number } }) => [r.id, r.total.received]),
    );
    expect(received).toEqual({ [deptB]: 2, [w.deptA.id]: 1 });
  });

  it('refuses an unknown region with a field error, and shows no month of a future year', async () => {
    const bad = await get('/api/v1/public/transparency?regionId=999999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('regionId');
    const ahead = (await get('/api/v1/public/transparency?year=2027')).json();
    expect([ahead.months, ahead.departments, ahead.townships]).toEqual([[], [], []]);
  });
});

describe('GET /public/answers', () => {
  it('lists only consented, normal, answered items with a reply', async () => {
    const res = await get('/api/v1/public/answers');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.published, ids.direct].sort());
    expect(body.total).toBe(2);
  });

  it('never shows a phone number, an address or an originator', async () => {
    const text = (await get('/api/v1/public/answers')).body;
    expect(text).not.toMatch(/1[3-9]\d[ -]?\d{4}[ -]?\d{4}/);
    for (const secret of ['刘秀英', '张三', '3组8号', '150 1234 5678']) expect(text).not.toContain(secret);
    const item = (await get('/api/v1/public/answers')).json().items.find((i: { id: number }) => i.id === ids.published);
    expect(item.reply).toContain('维修费用1200元');
    expect(item.content).toContain('村口路灯坏了一个月');
    expect(item).toMatchObject({ categoryName: '道路交通', departmentName: w.deptA.name });
    expect(item.regionName).toContain(w.villA1.name);
    expect(item.closedAt).not.toBeNull();
  });

  it('filters by township, village and category, and pages', async () => {
    const ofIds = async (q: string) =>
      (await get(`/api/v1/public/answers?${q}`)).json().items.map((i: { id: number }) => i.id);
    expect(await ofIds(`regionId=${w.townB.id}`)).toEqual([ids.direct]);
    expect(await ofIds(`regionId=${w.villA1.id}`)).toEqual([ids.published]);
    expect(await ofIds(`categoryId=${catWater}`)).toEqual([ids.direct]);
    const page2 = (await get('/api/v1/public/answers?page=2')).json();
    expect(page2).toEqual({ items: [], total: 2 });
  });
});
