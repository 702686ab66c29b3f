// The citizen form in one statement (submit.ts): its KPI rollups equal a full recount, an edited deadline setting is
// used by the very next item, and refused forms count against the address's limit before their 400, as the gate did.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';
import { rebuildKpiRollups } from '../kpis/rollups.js';

let t: TestApp;
let w: World;
let categoryId: number;
let ipSeq = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const [top] = await t.db.insert(opinionCategories).values({ name: '城乡建设' }).returning();
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明', parentId: top.id }).returning();
  categoryId = leaf.id;
});
afterAll(() => t.close());

const newIp = () => `10.9.0.${++ipSeq}`;
const form = (over: Record<string, unknown> = {}) => ({
  title: '村口路灯不亮',
  content: '村口路灯坏了一个月，夜间出行不安全。',
  categoryId,
  regionId: w.villA2.id,
  name: '张大爷',
  phone: '13912345678',
  consent: true,
  ...over,
});
const submit = (body: unknown, ip = newIp(), headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/public/opinions', payload: body as any, remoteAddress: ip, headers });
const rows = async (q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows;

describe('citizen form in one statement', () => {
  it('keeps the KPI rollups equal to a full recount', async () => {
    for (const regionId of [w.villA1.id, w.villA2.id, w.villB1.id])
      expect((await submit(form({ regionId }))).statusCode).toBe(201);
    const rollups = sql`select * from kpi_rollups order by dim, day, key`;
    const facts = sql`select * from kpi_item_facts order by opinion_id`;
    const [before, beforeFacts] = [await rows(rollups), await rows(facts)];
    expect(beforeFacts.length).toBe(3);
    await rebuildKpiRollups(t.db);
    expect(await rows(rollups)).toEqual(before);
    expect(await rows(facts)).toEqual(beforeFacts);
  });

  it('uses an edited acceptance period for the very next item', async () => {
    const due = async (code: string) =>
      new Date(
        ((await rows(sql`select accept_due_at as d from opinions where tracking_code = ${code}`))[0] as any).d,
      ).getTime();
    const first = (await submit(form())).json().trackingCode;
    await t.db.execute(sql`insert into settings (key, value) values ('opinion_deadlines', '{"acceptWorkingDays": 10}')
      on conflict (key) do update set value = excluded.value`);
    const second = (await submit(form())).json().trackingCode;
    await t.db.execute(sql`delete from settings where key = 'opinion_deadlines'`);
    const third = (await submit(form())).json().trackingCode;
    expect((await due(second)) - (await due(first))).toBeGreaterThan(8 * 86_400_000);
    expect(await due(third)).toBe(await due(first));
  });

  it('counts refused forms against the limit first: five 400s, then 429 for a valid form', async () => {
    const ip = newIp();
    const refused = [
      form({ title: '' }),
      form({ website: 'http://spam' }),
      form({ consent: false }),
      form({ regionId: 999_999 }),
      form({ categoryId: 999_999 }),
    ];
    for (const body of refused) expect((await submit(body, ip)).statusCode).toBe(400);
    const n = (await rows(sql`select count(*)::int as n from opinions`))[0] as { n: number };
    const res = await submit(form(), ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await rows(sql`select count(*)::int as n from opinions`))[0]).toEqual(n);
  });

  it('answers a repeat of a keyed form with the first code, and counts it', async () => {
    const ip = newIp();
    const key = { 'idempotency-key': 'k-123' };
    const first = await submit(form(), ip, key);
    expect(first.statusCode).toBe(201);
    for (let i = 0; i < 4; i++) {
      const again = await submit(form(), ip, key);
      expect([again.statusCode, again.json().trackingCode]).toEqual([200, first.json().trackingCode]);
    }
    expect((await submit(form(), ip, key)).statusCode).toBe(429);
  });
});
