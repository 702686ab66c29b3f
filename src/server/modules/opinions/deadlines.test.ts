// Deadlines over the API: default reply deadlines from settings and categories, the 信访 clock, releasing contacts.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Client;
// 2026-09-30 10:00 in China: the National Day week follows, with 2026-10-10 (Saturday) a make-up working day.
let clock = new Date('2026-09-30T02:00:00Z');
// Moves the clock and signs the office in again (a jump of days idles the old session out).
async function at(iso: string) {
  clock = new Date(iso);
  admin = await login(t.app, 'admin');
}
const put = (c: Client, url: string, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url,
    payload: payload as any,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await buildWorld(t.db);
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

async function newItem(over: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/opinions', {
    title: '村口路灯不亮',
    content: '夜间出行不安全。',
    channel: 'letter',
    regionId: w.villA2.id,
    originators: [{ kind: 'citizen', name: '王小明', phone: '13812345678' }],
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; acceptDueAt: string; deadline: string | null };
}

const move = (c: Client, id: number, action: string, payload: Record<string, unknown> = {}) =>
  c.post(`/api/v1/opinions/${id}/transitions`, { action, ...payload });

async function forwarded(over: Record<string, unknown> = {}, deadline?: string) {
  const { id } = await newItem(over);
  expect((await move(admin, id, 'accept')).statusCode).toBe(200);
  const res = await move(admin, id, 'forward', {
    leadDepartmentId: w.deptA.id,
    instructions: '请核实办理',
    ...(deadline ? { deadline } : {}),
  });
  return { id, res };
}

describe('default reply deadlines', () => {
  it('fills 15 working days over the National Day week when the office names none', async () => {
    const { res } = await forwarded();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().item.deadline).toBe('2026-10-27');
  });

  it('gives urgent items 5 working days and a category its own period', async () => {
    expect((await forwarded({ urgency: 'urgent' })).res.json().item.deadline).toBe('2026-10-13');
    const [water] = await t.db.insert(opinionCategories).values({ name: '供水', replyWorkingDays: 2 }).returning();
    const { res } = await forwarded({ urgency: 'urgent', categoryId: water.id });
    expect(res.json().item.deadline).toBe('2026-10-09');
  });

  it('keeps an explicit deadline but refuses one in the past, changing nothing', async () => {
    expect((await forwarded({}, '2026-11-02')).res.json().item.deadline).toBe('2026-11-02');
    const { id, res } = await forwarded({}, '2026-09-29');
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'deadline', message: '期限不能早于今天' }]);
    const item = (await admin.get(`/api/v1/opinions/${id}`)).json();
    expect(item).toMatchObject({ status: 'accepted', deadline: null });
  });

  it('reads the settings the office saves, for reply and acceptance', async () => {
    const member = await login(t.app, 'member1');
    expect((await member.get('/api/v1/settings/opinion-deadlines')).statusCode).toBe(403);
    const bad = await put(admin, '/api/v1/settings/opinion-deadlines', {
      acceptWorkingDays: 1,
      urgentAcceptHours: 2,
      replyWorkingDays: 0,
      urgentReplyWorkingDays: 5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('replyWorkingDays');
    const saved = await put(admin, '/api/v1/settings/opinion-deadlines', {
      acceptWorkingDays: 2,
      urgentAcceptHours: 2,
      replyWorkingDays: 10,
      urgentReplyWorkingDays: 5,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().settings.replyWorkingDays).toBe(10);
    const { id, res } = await forwarded();
    expect(res.json().item.deadline).toBe('2026-10-20');
    const item = (await admin.get(`/api/v1/opinions/${id}`)).json();
    const newer = await newItem();
    expect(new Date(item.acceptDueAt).toISOString()).toBe('2026-10-09T09:30:00.000Z');
    // The citizen form counts acceptance by the same settings as the staff entry form.
    const [cat] = await t.db.insert(opinionCategories).values({ name: '公共照明' }).returning();
    const pub = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/opinions',
      remoteAddress: '10.9.9.9',
      payload: {
        title: '路灯不亮',
        content: '夜间出行不安全。',
        categoryId: cat.id,
        regionId: w.villA2.id,
        name: '',
        phone: '',
        email: '',
        consent: true,
        website: '',
      },
    });
    expect(pub.statusCode, pub.body).toBe(201);
    const due = await t.db.execute(
      sql`select accept_due_at as "at" from opinions where tracking_code = ${pub.json().trackingCode}`,
    );
    expect(new Date((due.rows[0] as { at: string }).at).toISOString()).toBe(new Date(newer.acceptDueAt).toISOString());
    await put(
      admin,
      '/api/v1/settings/opinion-deadlines',
      (await admin.get('/api/v1/settings/opinion-deadlines')).json().defaults,
    );
  });
});

describe('信访 clock', () => {
  it('runs acceptance (15 days), conclusion (60 days), one extension and the review window', async () => {
    await at('2026-03-02T02:00:00Z');
    const created = await newItem({ channel: 'petition' });
    const id = created.id;
    expect(new Date(created.acceptDueAt).toISOString()).toBe('2026-03-17T09:30:00.000Z');
    await at('2026-03-10T02:00:00Z');
    expect((await move(admin, id, 'accept')).json().item.deadline).toBe('2026-05-09'); // a make-up working Saturday
    const fw = await move(admin, id, 'forward', { leadDepartmentId: w.deptA.id, instructions: '请依法办理' });
    expect(fw.json().item.deadline).toBe('2026-05-09');
    const late = await move(admin, id, 'forward', {
      leadDepartmentId: w.deptA.id,
      instructions: '请依法办理',
      deadline: '2026-05-20',
    });
    expect(late.statusCode).toBe(400);
    const dept = await login(t.app, 'dept1');
    const ask = () => move(dept, id, 'request_extension', { reason: '情况复杂', requestedDeadline: '2026-06-20' });
    expect((await ask()).statusCode).toBe(200);
    const tooLong = await move(admin, id, 'approve_extension', { newDeadline: '2026-06-12' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().details[0].path).toBe('newDeadline');
    expect((await move(admin, id, 'approve_extension', { newDeadline: '2026-06-05' })).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(200);
    const second = await move(admin, id, 'approve_extension', { newDeadline: '2026-06-08' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('petition_extension_used');
    expect(second.json().message).toContain('只能延期一次');
    expect((await move(admin, id, 'refuse_extension', { reason: '不再延期' })).statusCode).toBe(200);
    const view = (await admin.get(`/api/v1/opinions/${id}/deadlines`)).json();
    expect(view.petition).toMatchObject({ conclusionDue: '2026-06-05', extensionDays: [27], extensionsLeft: 0 });

    expect((await move(dept, id, 'reply', { content: '已依法处理' })).statusCode).toBe(200);
    expect((await move(admin, id, 'approve_reply')).statusCode).toBe(200);
    await at('2026-05-20T02:00:00Z');
    expect((await move(admin, id, 'send_feedback')).statusCode).toBe(200);
    expect((await move(admin, id, 'close')).statusCode).toBe(200);
    // 30 days end on 06-19, the Dragon Boat Festival, so the last day is Monday 06-22.
    await at('2026-06-23T02:00:00Z');
    const refused = await move(admin, id, 'reopen', { reason: 'petition_review' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      '已超过申请复查的期限：答复日期 2026-05-20，复查申请应在 2026-06-22 前提出（答复之日起30日内）',
    );
    expect((await admin.get(`/api/v1/opinions/${id}`)).json().status).toBe('closed');
    await at('2026-06-22T02:00:00Z');
    const review = await move(admin, id, 'reopen', { reason: 'petition_review' });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json().item).toMatchObject({ status: 'reopened', deadline: '2026-07-22' });
  });

  it('refuses the review flag on an item that is not a petition', async () => {
    const { id } = await newItem();
    await move(admin, id, 'not_accept', { reason: '重复' });
    const res = await move(admin, id, 'accept');
    expect(res.statusCode).toBe(200);
    await t.db.execute(sql`update opinions set status = 'closed' where id = ${id}`);
    const r = await move(admin, id, 'reopen', { reason: 'petition_review' });
    expect(r.statusCode).toBe(400);
    expect(r.json().details[0].message).toBe('只有信访事项可以申请复查');
  });
});

describe('release contact', () => {
  it('shows departments the phone only after the office releases it', async () => {
    await at('2026-09-30T02:00:00Z');
    const { id } = await forwarded();
    const dept = await login(t.app, 'dept1');
    const member = await login(t.app, 'member1');
    const phone = async () => (await dept.get(`/api/v1/opinions/${id}`)).json().originators[0].phone as string;
    expect(await phone()).not.toBe('13812345678');
    expect((await dept.post(`/api/v1/opinions/${id}/release-contact`, { reason: '需电话核实' })).statusCode).toBe(403);
    expect((await member.post(`/api/v1/opinions/${id}/release-contact`, { reason: '需电话核实' })).statusCode).toBe(
      404,
    );
    expect(await phone()).not.toBe('13812345678');
    expect((await admin.post(`/api/v1/opinions/${id}/release-contact`, { reason: '' })).statusCode).toBe(400);
    const ok = await admin.post(`/api/v1/opinions/${id}/release-contact`, { reason: '需电话核实' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().item).toMatchObject({ contactReleased: true, status: 'forwarded' });
    expect(await phone()).toBe('13812345678');
    const again = await admin.post(`/api/v1/opinions/${id}/release-contact`, { reason: '再次' });
    expect(again.statusCode).toBe(409);
    const events = (await admin.get(`/api/v1/opinions/${id}/events`)).json().items as any[];
    expect(events.filter((e) => e.type === 'contact_released').map((e) => e.payload)).toEqual([
      { reason: '需电话核实' },
    ]);
    const audit = await t.db.execute(
      sql`select count(*)::int as n from audit_log where entity = 'opinion' and entity_id = ${String(id)} and action = 'release_contact'`,
    );
    expect((audit.rows[0] as { n: number }).n).toBe(1);
  });
});
