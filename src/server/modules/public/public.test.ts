// The citizen's path without an account: submit, honeypot, rate limits, the tracking view's privacy, rating to reopen.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Client;
let categoryId: number;
let ipSeq = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const [top] = await t.db.insert(opinionCategories).values({ name: '城乡建设' }).returning();
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明', parentId: top.id }).returning();
  categoryId = leaf.id;
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办王科长',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

/** A fresh client address per call site, so one test's submissions never hit another's limit. */
const newIp = () => `10.0.0.${++ipSeq}`;

const form = (over: Record<string, unknown> = {}) => ({
  title: '鹤鹿溪村路灯不亮',
  content: '村口路灯坏了一个月，夜间出行不安全。',
  categoryId,
  regionId: w.villA2.id,
  name: '张大爷',
  phone: '13912345678',
  email: 'zhang@example.com',
  consent: true,
  website: '',
  ...over,
});

const submit = (body: unknown, ip = newIp()) =>
  t.app.inject({ method: 'POST', url: '/api/v1/public/opinions', payload: body as any, remoteAddress: ip });
const view = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/opinions/${code}` });
const rate = (code: string, body: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1/public/opinions/${code}/rating`, payload: body as any });
const countItems = async () =>
  ((await t.db.execute(sql`select count(*)::int as n from opinions`)).rows[0] as { n: number }).n;

describe('public intake', () => {
  it('answers a tracking code; the item reaches the admin inbox with the citizen as originator', async () => {
    const res = await submit(form());
    expect(res.statusCode, res.body).toBe(201);
    const { trackingCode } = res.json();
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    const list = (await admin.get('/api/v1/opinions?pageSize=100')).json();
    const hit = list.items.find((i: any) => i.trackingCode === trackingCode);
    expect(hit).toMatchObject({ channel: 'web', status: 'received', regionId: w.villA2.id, categoryId });
    const item = (await admin.get(`/api/v1/opinions/${hit.id}`)).json();
    expect(item.originators).toMatchObject([{ kind: 'citizen', name: '张大爷', phone: '13912345678' }]);
    const v = await view(trackingCode.toLowerCase());
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ title: '鹤鹿溪村路灯不亮', status: 'received', statusLabel: '已接收' });
    expect(v.json().timeline.map((e: any) => e.type)).toEqual(['received']);
  });

  it('refuses a missing consent and an unknown village with field errors', async () => {
    const before = await countItems();
    const a = await submit(form({ consent: false }));
    expect(a.statusCode).toBe(400);
    expect(a.json().details[0].path).toBe('consent');
    const b = await submit(form({ regionId: w.townA.id }));
    expect(b.json().details[0].path).toBe('regionId');
    expect(await countItems()).toBe(before);
  });

  it('a filled honeypot gets a generic 400 and writes nothing', async () => {
    const before = await countItems();
    const res = await submit(form({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(res.json().details ?? null).toBeNull();
    expect(await countItems()).toBe(before);
  });

  it('limits submissions per address: the sixth in ten minutes is 429 and not stored', async () => {
    const ip = newIp();
    for (let i = 0; i < 5; i++) expect((await submit(form({ title: `第${i}条` }), ip)).statusCode).toBe(201);
    const before = await countItems();
    const res = await submit(form({ title: '第六条' }), ip);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
    expect(await countItems()).toBe(before);
    expect((await submit(form(), newIp())).statusCode).toBe(201); // other addresses are unaffected
  });

  it('keeps HTML and script as plain text', async () => {
    const evil = '<script>alert(1)</script><b>路灯</b>';
    const { trackingCode } = (await submit(form({ title: evil, content: evil }))).json();
    const v = (await view(trackingCode)).json();
    expect(v.title).toBe(evil);
    expect(v.content).toBe(evil);
  });
});

describe('tracking and rating', () => {
  it('answers 404 for unknown or malformed codes', async () => {
    for (const code of ['ABCDEFGHJK', 'nope', '0000000000', "x' or 1=1"]) {
      const res = await view(encodeURIComponent(code));
      expect(res.statusCode).toBe(404);
    }
    expect((await rate('ABCDEFGHJK', { rating: 'satisfied' })).statusCode).toBe(404);
  });

  it('runs to feedback, shows only the public view, and 不满意 reopens', async () => {
    const { trackingCode } = (await submit(form({ content: '路灯坏了' }))).json();
    const id = (await admin.get('/api/v1/opinions?pageSize=100'))
      .json()
      .items.find((i: any) => i.trackingCode === trackingCode).id;
    const early = await rate(trackingCode, { rating: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('已接收');
    const dept1 = await login(t.app, 'dept1');
    const move = (c: Client, action: string, payload: Record<string, unknown> = {}) =>
      c.post(`/api/v1/opinions/${id}/transitions`, { action, ...payload });
    const steps: [Client, string, Record<string, unknown>][] = [
      [admin, 'accept', {}],
      [admin, 'forward', { leadDepartmentId: w.deptA.id, deadline: '2099-03-20', instructions: '内部批示：尽快核实' }],
      [dept1, 'reply', { content: '内部答复草稿' }],
      [admin, 'approve_reply', { publicReply: '已更换灯具，感谢反映。' }],
    ];
    for (const [c, action, payload] of steps) expect((await move(c, action, payload)).statusCode).toBe(200);
    const before = (await view(trackingCode)).json();
    expect(before).toMatchObject({ status: 'processing', publicReply: null, canRate: false });
    const sent = await move(admin, 'send_feedback');
    expect(sent.statusCode, sent.body).toBe(200);

    const res = await view(trackingCode);
    const v = res.json();
    expect(v).toMatchObject({
      status: 'answered',
      publicReply: '已更换灯具，感谢反映。',
      canRate: true,
      myRating: null,
    });
    expect(v.timeline.map((e: any) => e.type)).toEqual(['received', 'accept', 'forward', 'send_feedback']);
    // Issue 9: the handling unit (the lead department, once forwarded) is shown; staff names stay hidden.
    expect(v.handlingUnit).toContain('农业办');
    for (const secret of ['13912345678', '张大爷', 'zhang@example.com', '王科长', '内部', '系统管理员', 'admin'])
      expect(res.body, secret).not.toContain(secret);

    const bad = await rate(trackingCode, { rating: 'unsatisfied', comment: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('comment');
    const ok = await rate(trackingCode, { rating: 'unsatisfied', comment: '灯又坏了' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'reopened', myRating: { rating: 'unsatisfied', comment: '灯又坏了' } });
    expect((await admin.get(`/api/v1/opinions/${id}`)).json().status).toBe('reopened');
    const events = (await admin.get(`/api/v1/opinions/${id}/events`)).json().items as any[];
    expect(events.at(-1)).toMatchObject({ type: 'rate', actorKind: 'citizen', toStatus: 'reopened' });

    const again = await rate(trackingCode, { rating: 'satisfied' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('重新督办');
  });

  it('lists categories and villages without signing in', async () => {
    const cats = (await t.app.inject({ method: 'GET', url: '/api/v1/public/categories' })).json();
    expect(cats.items).toEqual([
      { id: expect.any(Number), name: '城乡建设', children: [{ id: categoryId, name: '道路照明' }] },
    ]);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/public/villages' })).json().items;
    expect(all.map((v: any) => v.id)).toEqual(expect.arrayContaining([w.villA1.id, w.villA2.id, w.villB1.id]));
    expect(all.map((v: any) => v.id)).not.toContain(w.townA.id);
    const one = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/villages?q=${encodeURIComponent(w.villA2.name)}` })
    ).json();
    expect(one.items[0]).toMatchObject({ id: w.villA2.id, name: w.villA2.name });
    expect(Object.keys(one.items[0]).sort()).toEqual(['id', 'name', 'townshipName']);
  });
});
