// Duplicates at the door: the citizen form's look-up (same township, open and public only, no personal data, opaque
// refs), following an open item (merged in the same transaction, bad/expired refs refused in the user's language, an
// item closed meanwhile leaves a normal submission), the target's feedback reaching the follower, and the staff list.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';
import { notifyFeedback } from '../reminders/feedback.js';

let t: TestApp;
let w: World;
let admin: Client;
let clock = new Date('2026-06-01T02:00:00Z');
let categoryId: number;
let ip = 0;

const LIGHT = {
  title: '古城村村口路灯坏了',
  content: '古城村村口三盏路灯坏了一个多月，晚上出行很不安全，希望尽快修好路灯。',
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await buildWorld(t.db);
  categoryId = (
    (await t.db.execute(sql`insert into opinion_categories (name) values ('路灯照明') returning id`)).rows[0] as any
  ).id;
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

/** An item registered by the office for a citizen (name and phone), in a village, with the given status. */
async function item(regionId: number, text = LIGHT, over: { status?: string; confidentiality?: string } = {}) {
  const res = await admin.post('/api/v1/opinions', {
    ...text,
    categoryId,
    regionId,
    channel: 'phone',
    confidentiality: 'normal',
    originators: [{ kind: 'citizen', name: '王小明', phone: '13912345678', email: '' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  if (over.status || over.confidentiality)
    await t.db.execute(sql`update opinions set status = coalesce(${over.status ?? null}, status),
      confidentiality = coalesce(${over.confidentiality ?? null}, confidentiality) where id = ${id}`);
  return id;
}

const lookup = (body: object, lang = 'zh-CN') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions/similar-open',
    payload: body,
    headers: { 'accept-language': lang },
    remoteAddress: `10.1.0.${++ip % 250}`,
  });
const submit = (body: object, lang = 'zh-CN') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions',
    payload: { categoryId, consent: true, ...body },
    headers: { 'accept-language': lang },
    remoteAddress: `10.2.0.${++ip % 250}`,
  });
const statusOf = async (id: number) =>
  ((await t.db.execute(sql`select status, merged_into_id as "mergedIntoId" from opinions where id = ${id}`))
    .rows[0] as any) ?? null;
const idOfCode = async (code: string) =>
  ((await t.db.execute(sql`select id from opinions where tracking_code = ${code}`)).rows[0] as any).id as number;

describe('similar-open (citizen form)', () => {
  let open: number;
  let other: number;
  beforeAll(async () => {
    open = await item(w.villA1.id);
    other = await item(w.villB1.id);
  });

  it('lists the open item of the same township only, county-wide without a region', async () => {
    const res = await lookup({ title: '村口路灯坏了', content: '晚上路灯不亮', regionId: w.villA2.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ status: 'received', peopleCount: 1, handlingUnit: null });
    expect(res.json().items[0].month).toBe('2026-06');
    const byTownship = await lookup({ title: '村口路灯坏了', content: '晚上路灯不亮', regionId: w.townA.id });
    expect(byTownship.json().items).toHaveLength(1);
    const county = await lookup({ title: '村口路灯坏了', content: '晚上路灯不亮' });
    expect(county.json().items).toHaveLength(2);
  });

  it('shows no name, phone, tracking code or id, and the title without the originator’s name', async () => {
    const named = await item(w.villA1.id, {
      title: '王小明反映古城村路灯坏了，电话13912345678',
      content: '古城村村口路灯坏了，晚上很黑。',
    });
    const res = await lookup({ title: '古城村路灯坏了', regionId: w.villA1.id });
    const body = res.body;
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(body).not.toContain('王小明');
    expect(body).not.toContain('13912345678');
    const codes = (await t.db.execute(sql`select tracking_code as c from opinions`)).rows.map((r: any) => r.c);
    for (const c of codes) expect(body).not.toContain(c);
    expect(body).not.toMatch(/"id"|content|trackingCode/);
    // Sealed afresh each time: the same item never shows the same ref (nothing to compare or count across pages).
    const again = await lookup({ title: '古城村路灯坏了', regionId: w.villA1.id });
    expect(again.json().items[0].ref).not.toBe(res.json().items[0].ref);
    await t.db.execute(sql`update opinions set status = 'closed' where id = ${named}`);
  });

  it.each([['closed'], ['merged'], ['not_accepted'], ['feedback_sent']])(
    'leaves out an item that is %s',
    async (status) => {
      const text = { title: `横溪坞村水塘发臭${status}`, content: `横溪坞村的水塘夏天发臭，蚊子很多${status}。` };
      const id = await item(w.villB1.id, text, { status });
      const res = await lookup({ ...text, regionId: w.villB1.id });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
      await t.db.execute(sql`update opinions set status = 'received' where id = ${id}`);
      expect((await lookup({ ...text, regionId: w.villB1.id })).json().items).toHaveLength(1);
      await t.db.execute(sql`update opinions set status = 'closed' where id = ${id}`);
    },
  );

  it.each([['internal'], ['confidential']])('leaves out an %s item', async (tier) => {
    const text = { title: `鹤鹿溪村桥面开裂${tier}`, content: `鹤鹿溪村的石桥桥面开裂，车辆通行危险${tier}。` };
    const id = await item(w.villA2.id, text, { confidentiality: tier });
    expect((await lookup({ ...text, regionId: w.villA2.id })).json().items).toEqual([]);
    await t.db.execute(sql`update opinions set status = 'closed' where id = ${id}`);
  });

  it('refuses empty text with a 400', async () => {
    expect((await lookup({ title: ' ', content: '' })).statusCode).toBe(400);
  });

  it('counts the people of the item and of the items merged into it', async () => {
    const dup = await item(w.villA1.id);
    await t.db.execute(
      sql`update opinion_originators set phone = '13700000000', name = '李大' where opinion_id = ${dup}`,
    );
    const res = await admin.post(`/api/v1/opinions/${dup}/transitions`, { action: 'merge', targetId: open });
    expect(res.statusCode, res.body).toBe(200);
    const after = await lookup({ ...LIGHT, regionId: w.villA1.id });
    expect(after.json().items[0].peopleCount).toBe(2);
    expect(after.body).not.toContain('李大');
    expect(other).toBeGreaterThan(0);
  });
});

describe('follow (我也反映这个问题)', () => {
  let target: number;
  const refOf = async () => (await lookup({ ...LIGHT, regionId: w.villA1.id })).json().items[0].ref as string;
  beforeAll(async () => {
    const text = { title: '鹤鹿溪村垃圾桶满了没人清', content: '鹤鹿溪村路边的垃圾桶满了一个星期没人清运，臭味很大。' };
    target = await item(w.villA2.id, text);
    LIGHT_B.ref = (await lookup({ ...text, regionId: w.villA2.id })).json().items[0].ref;
  });
  const LIGHT_B = { ref: '' };

  it('records the item and merges it into the followed one in the same transaction', async () => {
    const before = (await lookup({ title: '鹤鹿溪村垃圾桶满了', regionId: w.villA2.id })).json().items[0].peopleCount;
    const res = await submit({
      title: '垃圾桶没人清',
      content: '鹤鹿溪村垃圾桶满了没人清运',
      regionId: w.villA2.id,
      phone: '13855556666',
      followRef: LIGHT_B.ref,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().followed).toBe(true);
    const id = await idOfCode(res.json().trackingCode);
    expect(await statusOf(id)).toEqual({ status: 'merged', mergedIntoId: target });
    // The KPIs count the matter once: the joined item has no facts of its own.
    const facts = await t.db.execute(sql`select count(*)::int as n from kpi_item_facts where opinion_id = ${id}`);
    expect((facts.rows[0] as any).n).toBe(0);
    const events = (
      await t.db.execute(sql`select opinion_id as o, type, actor_kind as k from opinion_events
        where opinion_id in (${id}, ${target}) order by id`)
    ).rows;
    expect(events).toEqual(
      expect.arrayContaining([
        { o: id, type: 'merge', k: 'citizen' },
        { o: target, type: 'merged_in', k: 'citizen' },
      ]),
    );
    const view = await t.app.inject({ url: `/api/v1/public/opinions/${res.json().trackingCode}` });
    expect(view.json().status).toBe('merged');
    const now = (await lookup({ title: '鹤鹿溪村垃圾桶满了', regionId: w.villA2.id })).json().items[0].peopleCount;
    expect(now).toBe(before + 1);
    // The target's feedback reaches the follower (their originator row moved to the target).
    await t.db.execute(sql`update opinions set public_reply = '已清运' where id = ${target}`);
    await notifyFeedback(t.db, target, { now: clock, eventId: 1 });
    const sms = (await t.db.execute(sql`select recipient from outbox where channel = 'sms' and opinion_id = ${target}`))
      .rows as any[];
    expect(sms.map((r) => r.recipient)).toContain('13855556666');
    await t.db.execute(sql`update opinions set public_reply = '' where id = ${target}`);
  });

  it.each([
    ['zh-CN', '无法并入所选事项'],
    ['en', 'Cannot join the chosen matter'],
    ['ug', 'قوشۇلغىلى بولمىدى'],
  ])('refuses an altered ref with a 400 in %s, writing nothing', async (lang, text) => {
    const n = async () => ((await t.db.execute(sql`select count(*)::int as n from opinions`)).rows[0] as any).n;
    const count = await n();
    const ref = await refOf();
    const bad = `${ref.slice(0, 10)}${ref[10] === 'A' ? 'B' : 'A'}${ref.slice(11)}`;
    for (const followRef of [bad, 'not-a-ref', String(target)]) {
      const res = await submit({ ...LIGHT, regionId: w.villA1.id, followRef }, lang);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'follow_ref_invalid' });
      expect(res.json().message).toContain(text);
    }
    expect(await n()).toBe(count);
  });

  it('refuses an expired ref (hours later) with a 400', async () => {
    const ref = await refOf();
    const saved = clock;
    clock = new Date(saved.getTime() + 5 * 3600_000);
    try {
      const res = await submit({ ...LIGHT, regionId: w.villA1.id, followRef: ref }, 'en');
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('follow_ref_invalid');
    } finally {
      clock = saved;
    }
  });

  it('submits normally (not merged) when the followed item was closed meanwhile, and says so', async () => {
    const text = { title: '古城村小桥栏杆断了', content: '古城村小桥的栏杆断了，小孩过桥很危险，请尽快修复。' };
    const id = await item(w.villA1.id, text);
    const ref = (await lookup({ ...text, regionId: w.villA1.id })).json().items[0].ref;
    await t.db.execute(sql`update opinions set status = 'closed' where id = ${id}`);
    const res = await submit({ ...text, regionId: w.villA1.id, followRef: ref });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().followed).toBe(false);
    expect((await statusOf(await idOfCode(res.json().trackingCode))).status).toBe('received');
  });

  it('follows from the form with files (multipart) too', async () => {
    const ref = (await lookup({ title: '鹤鹿溪村垃圾桶满了', regionId: w.villA2.id })).json().items[0].ref;
    const b = 'XdoorBoundary';
    const fields = {
      title: '垃圾桶满了',
      content: '附照片',
      categoryId: String(categoryId),
      regionId: String(w.villA2.id),
      consent: 'true',
      followRef: ref,
    };
    let body = '';
    for (const [k, v] of Object.entries(fields))
      body += `--${b}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    body += `--${b}\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n`;
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/opinions',
      payload: Buffer.concat([Buffer.from(body), png, Buffer.from(`\r\n--${b}--\r\n`)]),
      remoteAddress: '10.3.0.1',
      headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().followed).toBe(true);
    expect((await statusOf(await idOfCode(res.json().trackingCode))).mergedIntoId).toBe(target);
  });

  it('answers without `followed` when nothing was followed', async () => {
    const res = await submit({ title: '测试', content: '没有跟随', regionId: w.villA1.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().followed).toBeUndefined();
  });
});

describe('similar-draft (staff new-item form)', () => {
  let mine: number;
  let theirs: number;
  const text = { title: '孝丰镇横溪坞村道路积水', content: '横溪坞村主路下雨就积水，车辆行人无法通行。' };
  beforeAll(async () => {
    theirs = await item(w.villB1.id, text);
    const m2 = await login(t.app, 'member2');
    const res = await m2.post('/api/v1/opinions', { ...text, regionId: w.villB1.id, channel: 'reception' });
    expect(res.statusCode, res.body).toBe(201);
    mine = res.json().id;
  });
  const draft = (c: Client, body: object = text) => c.post('/api/v1/opinions/similar-draft', body);

  it('gives the office ids, scores, people count and status', async () => {
    const res = await draft(admin, { ...text, regionId: w.villB1.id });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: any) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mine, theirs]));
    const first = res.json().items[0];
    expect(first.score).toBeGreaterThan(0.5);
    expect(first).toMatchObject({ status: 'received', statusLabel: '已接收', peopleCount: 1 });
  });

  it('shows a member only what the member may see', async () => {
    const m2 = await login(t.app, 'member2');
    const ids = (await draft(m2)).json().items.map((i: any) => i.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    const m1 = await login(t.app, 'member1');
    expect((await draft(m1)).json().items.map((i: any) => i.id)).not.toContain(mine);
  });

  it('puts the chosen village first among equally close texts', async () => {
    const same = { title: '递铺街道菜市场门口占道经营', content: '菜市场门口摊贩占道经营，早上交通堵塞。' };
    const a = await item(w.villA1.id, same);
    const b = await item(w.villA2.id, same);
    const first = async (regionId: number) => (await draft(admin, { ...same, regionId })).json().items[0].id;
    expect(await first(w.villA1.id)).toBe(a);
    expect(await first(w.villA2.id)).toBe(b);
  });

  it('refuses a department handler and the anonymous', async () => {
    await buildUser(t.db, { username: 'dept9', roles: ['dept_handler'], departmentId: w.deptA.id });
    const d = await login(t.app, 'dept9');
    expect((await draft(d)).statusCode).toBe(403);
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/opinions/similar-draft', payload: text });
    expect(anon.statusCode).toBe(401);
  });
});
