// The public form's publication consent and contact station (联络站 QR) on both paths (JSON in one statement,
// multipart through recordCitizenOpinion): consent stored (off unless ticked), a station presets the region and makes
// its members originators, an unknown, unpublished or closed station is a 400 on stationId with nothing written.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { contactStationMembers, contactStations, opinionCategories } from '../../db/schema.js';
import { rebuildKpiRollups } from '../kpis/rollups.js';

let t: TestApp;
let w: World;
let categoryId: number;
let stationId: number;
let hidden: number;
let closed: number;
let ipSeq = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const [top] = await t.db.insert(opinionCategories).values({ name: '城乡建设' }).returning();
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明', parentId: top.id }).returning();
  categoryId = leaf.id;
  const [s, h, c] = await t.db
    .insert(contactStations)
    .values([
      { name: '递铺街道委员联络站', regionId: w.townA.id },
      { name: '未公开的站', regionId: w.townA.id, published: false },
      { name: '已撤销的站', regionId: w.townA.id, active: false },
    ])
    .returning();
  [stationId, hidden, closed] = [s.id, h.id, c.id];
  await t.db.insert(contactStationMembers).values([
    { stationId, memberId: w.m1.id },
    { stationId, memberId: w.m3.id },
  ]);
});
afterAll(() => t.close());

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
const submitJson = (body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/public/opinions', payload: body, remoteAddress: `10.8.0.${++ipSeq}` });

function submitMultipart(body: Record<string, unknown>) {
  const b = `----jl${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(body)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions',
    payload: Buffer.from(`${parts.join('')}--${b}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    remoteAddress: `10.8.1.${++ipSeq}`,
  });
}

const paths = [
  ['JSON', submitJson],
  ['multipart', submitMultipart],
] as const;

async function itemOf(code: string) {
  const res = await t.db.execute(sql`select o.id, o.region_id as "regionId", o.publish_consent as "publishConsent",
      o.contact_station_id as "stationId",
      coalesce((select array_agg(p.member_id order by p.member_id) from opinion_originators p
        where p.opinion_id = o.id and p.kind = 'member'), '{}') as members
    from opinions o where o.tracking_code = ${code}`);
  return res.rows[0] as {
    id: number;
    regionId: number;
    publishConsent: boolean;
    stationId: number | null;
    members: number[];
  };
}
const countItems = async () =>
  ((await t.db.execute(sql`select count(*)::int as n from opinions`)).rows[0] as { n: number }).n;

describe.each(paths)('publication consent (%s)', (_name, submit) => {
  it('is stored when ticked and off when not sent', async () => {
    const yes = await submit(form({ publishConsent: true }));
    expect(yes.statusCode).toBe(201);
    expect((await itemOf(yes.json().trackingCode)).publishConsent).toBe(true);
    const no = await submit(form());
    expect(no.statusCode).toBe(201);
    expect((await itemOf(no.json().trackingCode)).publishConsent).toBe(false);
  });
});

describe.each(paths)('contact station (%s)', (_name, submit) => {
  it("presets the station's region and makes its members originators", async () => {
    const res = await submit(form({ regionId: undefined, stationId }));
    expect(res.statusCode).toBe(201);
    const item = await itemOf(res.json().trackingCode);
    expect(item).toMatchObject({ regionId: w.townA.id, stationId, members: [w.m1.id, w.m3.id].sort((a, b) => a - b) });
  });

  it('keeps the chosen village and counts a member addressed twice once', async () => {
    const res = await submit(form({ stationId, memberId: w.m1.id }));
    expect(res.statusCode).toBe(201);
    const item = await itemOf(res.json().trackingCode);
    expect(item.regionId).toBe(w.villA2.id);
    expect(item.members).toEqual([w.m1.id, w.m3.id].sort((a, b) => a - b));
  });

  it.each([
    ['unknown', 999_999],
    ['unpublished', () => hidden],
    ['closed', () => closed],
  ])('refuses an %s station with a field error and writes nothing', async (_l, bad) => {
    const before = await countItems();
    const res = await submit(form({ regionId: undefined, stationId: typeof bad === 'function' ? bad() : bad }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'stationId', message: expect.stringContaining('联络站') }]);
    expect(await countItems()).toBe(before);
  });

  it('needs a village when no station is given', async () => {
    const res = await submit(form({ regionId: undefined }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(['regionId']);
  });
});

describe('contact station on the JSON path', () => {
  it('refuses a station id that is not a number', async () => {
    const res = await submitJson(form({ stationId: 'abc' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('stationId');
  });

  it('keeps the KPI rollups equal to a full recount, station members included', async () => {
    const rows = async (q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows;
    const rollups = sql`select * from kpi_rollups order by dim, day, key`;
    const facts = sql`select * from kpi_item_facts order by opinion_id`;
    const before = [await rows(rollups), await rows(facts)];
    expect(JSON.stringify(before[0])).toContain(`"dim":"member","day"`);
    await rebuildKpiRollups(t.db);
    expect([await rows(rollups), await rows(facts)]).toEqual(before);
  });
});
