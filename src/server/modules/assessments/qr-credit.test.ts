// Issue 13: items that came through a member's QR code (the citizen form addressed to the member) or through a contact
// station the member belongs to count for that member in the assessment as items they raised, with the item as the
// evidence; a member of no station and not addressed gets nothing from them.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';
import { put, scheme } from './test-helpers.js';

let t: TestApp;
let w: World;
let admin: Client;
let categoryId: number;
let ruleId: number;
let ipSeq = 0;
const clock = new Date('2026-06-10T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await buildWorld(t.db);
  admin = await login(t.app, 'admin');
  const [cat] = await t.db.insert(opinionCategories).values({ name: '道路交通' }).returning();
  categoryId = cat.id;
  const res = await put(t.app, admin, '/api/v1/assessment-rules/2026', scheme());
  ruleId = res.json().rules.find((r: any) => r.source === 'opinions_submitted').id;
});
afterAll(() => t?.close());

const submit = (over: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions',
    remoteAddress: `10.6.0.${++ipSeq}`,
    payload: {
      title: '村口路灯不亮',
      content: '村口路灯坏了一个月，夜间出行不安全。',
      categoryId,
      name: '张大爷',
      phone: '13912345678',
      consent: true,
      ...over,
    },
  });
const raised = async (memberId: number) => {
  const line = (await admin.get(`/api/v1/assessments/2026/members/${memberId}`))
    .json()
    .lines.find((l: any) => l.ruleId === ruleId);
  return { units: line.units as number, titles: (line.evidence as any[]).map((e) => e.title).sort() };
};

describe('QR credit in the assessment', () => {
  it("counts an item through a member's QR code for that member only", async () => {
    const before = await raised(w.m1.id);
    const res = await submit({ title: '扫码反映：路灯', regionId: w.villA1.id, memberId: w.m1.id });
    expect(res.statusCode).toBe(201);
    const after = await raised(w.m1.id);
    expect(after.units).toBe(before.units + 1);
    expect(after.titles).toContain('扫码反映：路灯');
    expect((await raised(w.m2.id)).titles).not.toContain('扫码反映：路灯');
  });

  it("counts an item through a contact station's QR code for each of the station's members", async () => {
    const station = await admin.post('/api/v1/contact-stations', {
      name: '横溪坞联络站',
      regionId: w.villB1.id,
      memberIds: [w.m2.id, w.m3.id],
    });
    expect(station.statusCode).toBe(201);
    const before = { m1: await raised(w.m1.id), m2: await raised(w.m2.id), m3: await raised(w.m3.id) };
    const res = await submit({ title: '联络站反映：断头路', stationId: station.json().id });
    expect(res.statusCode).toBe(201);
    for (const m of [w.m2.id, w.m3.id]) {
      const after = await raised(m);
      expect(after.titles).toContain('联络站反映：断头路');
    }
    expect((await raised(w.m2.id)).units).toBe(before.m2.units + 1);
    expect((await raised(w.m3.id)).units).toBe(before.m3.units + 1);
    expect(await raised(w.m1.id)).toEqual(before.m1);
    const row = await t.db.execute(
      sql`select contact_station_id as s from opinions where title = '联络站反映：断头路'`,
    );
    expect((row.rows[0] as any).s).toBe(station.json().id);
  });
});
