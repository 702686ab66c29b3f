// Short daily paths: 受理并转办 and 审核通过并反馈 as one all-or-nothing request (single and bulk), the forward plan the
// dialog shows, the automatic close after a 满意 rating and its setting, and the pickers' links to issues and proposals.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Client;
let dept1: Client;
let member1: Client;
let otherDept: number;
let catWater: number;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  otherDept = (await buildDepartment(t.db, { name: '递铺街道城建办', townshipId: w.townA.id })).id;
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  catWater = (
    (await t.db.execute(sql`insert into opinion_categories (name) values ('测试·供水') returning id`)).rows[0] as {
      id: number;
    }
  ).id;
  admin = await login(t.app, 'admin');
  dept1 = await login(t.app, 'dept1');
  member1 = await login(t.app, 'member1');
});
afterAll(() => t.close());

async function newItem(title: string, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/opinions', {
    title,
    content: `${title}，请尽快处理。`,
    channel: 'letter',
    regionId: w.villA1.id,
    originators: [{ kind: 'member', memberId: w.m1.id }],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; trackingCode: string };
}

const move = (c: Client, id: number, body: Record<string, unknown>) =>
  c.post(`/api/v1/opinions/${id}/transitions`, body);
const forward = (over: Record<string, unknown> = {}) => ({
  action: 'forward',
  leadDepartmentId: w.deptA.id,
  instructions: '请核实办理',
  ...over,
});
const acceptAndForward = (over: Record<string, unknown> = {}) => ({ steps: [{ action: 'accept' }, forward(over)] });
const approveAndFeedback = { steps: [{ action: 'approve_reply' }, { action: 'send_feedback' }] };

/** The item's status and event types, straight from the database (what "unchanged" means). */
async function snapshot(id: number) {
  const o = await t.db.execute(sql`select status, deadline::text as deadline, lead_department_id as lead
    from opinions where id = ${id}`);
  const e = await t.db.execute(sql`select type, actor_kind as "actorKind" from opinion_events
    where opinion_id = ${id} order by id`);
  const a = await t.db.execute(sql`select count(*)::int as n from opinion_assignments where opinion_id = ${id}`);
  return { ...(o.rows[0] as object), events: e.rows, assignments: (a.rows[0] as { n: number }).n };
}

async function toReplied(title: string) {
  const { id, trackingCode } = await newItem(title);
  expect((await move(admin, id, acceptAndForward())).statusCode).toBe(200);
  const r = await move(dept1, id, { action: 'reply', content: '已安排维修' });
  expect(r.statusCode, r.body).toBe(200);
  return { id, trackingCode };
}

describe('受理并转办 in one request', () => {
  it('accepts and forwards in order, one typed event each, with the deadline the forward plan showed', async () => {
    const { id } = await newItem('古城村自来水浑浊', { categoryId: catWater });
    const plan = await admin.get(`/api/v1/opinions/${id}/forward-plan`);
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json()).toMatchObject({ basis: 'normal', workingDays: 15, deadline: expect.any(String) });
    const res = await move(admin, id, acceptAndForward());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      compound: 'accept_and_forward',
      status: 'forwarded',
      steps: [
        { action: 'accept', status: 'accepted' },
        { action: 'forward', status: 'forwarded' },
      ],
      item: { status: 'forwarded', leadDepartmentId: w.deptA.id, deadline: plan.json().deadline },
    });
    const events = (await admin.get(`/api/v1/opinions/${id}/events`)).json().items as any[];
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['received', null, 'received'],
      ['accept', 'received', 'accepted'],
      ['forward', 'accepted', 'forwarded'],
    ]);
    expect(events[2].payload).toMatchObject({ leadDepartmentId: w.deptA.id, instructions: '请核实办理' });
  });

  it('changes nothing when the second step fails (unknown department, missing instructions)', async () => {
    const { id } = await newItem('古城村路面塌陷');
    const before = await snapshot(id);
    const noDept = await move(admin, id, acceptAndForward({ leadDepartmentId: 999999 }));
    expect(noDept.statusCode, noDept.body).toBe(400);
    expect(noDept.json().details[0].path).toBe('leadDepartmentId');
    const noText = await move(admin, id, acceptAndForward({ instructions: '  ' }));
    expect(noText.statusCode).toBe(400);
    expect(noText.json().details[0].path).toBe('instructions');
    const past = await move(admin, id, acceptAndForward({ deadline: '2000-01-03' }));
    expect(past.statusCode).toBe(400);
    expect(await snapshot(id)).toEqual(before);
    expect(before).toMatchObject({ status: 'received', events: [{ type: 'received' }], assignments: 0 });
  });

  it('refuses sequences that are not named compounds, and an item already accepted, touching nothing', async () => {
    const { id } = await newItem('古城村垃圾清运');
    const reversed = await move(admin, id, { steps: [forward(), { action: 'accept' }] });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().details[0].path).toBe('steps');
    expect((await move(admin, id, { steps: [{ action: 'accept' }] })).statusCode).toBe(400);
    await move(admin, id, { action: 'accept' });
    const before = await snapshot(id);
    const again = await move(admin, id, acceptAndForward());
    expect(again.statusCode).toBe(409);
    expect(again.json().details).toMatchObject({ step: 0, stepAction: 'accept', currentStatus: 'accepted' });
    expect(await snapshot(id)).toEqual(before);
  });

  it('is the office’s: a department gets 404 on an item it cannot see and 409 on its own, a member 409', async () => {
    const { id: unseen } = await newItem('古城村排水沟堵塞');
    const before = await snapshot(unseen);
    expect((await move(dept1, unseen, acceptAndForward())).statusCode).toBe(404);
    expect((await move(member1, unseen, acceptAndForward())).statusCode).toBe(409);
    expect(await snapshot(unseen)).toEqual(before);
    const { id: own } = await newItem('古城村桥面破损');
    await move(admin, own, acceptAndForward());
    const mine = await snapshot(own);
    const res = await move(dept1, own, acceptAndForward({ leadDepartmentId: otherDept }));
    expect(res.statusCode).toBe(409);
    expect(await snapshot(own)).toEqual(mine);
    expect((await admin.get(`/api/v1/opinions/${own}`)).json().compounds).toEqual([]);
    expect((await dept1.get(`/api/v1/opinions/${own}`)).json().compounds).toEqual([]);
  });

  it('is listed in the item’s compounds while received, for the office only', async () => {
    const { id } = await newItem('古城村广场路灯');
    expect((await admin.get(`/api/v1/opinions/${id}`)).json().compounds).toEqual(['accept_and_forward']);
    expect((await member1.get(`/api/v1/opinions/${id}`)).json().compounds).toEqual([]);
  });
});

describe('forward plan', () => {
  it('suggests the department that led most items of the category; office only', async () => {
    for (const title of ['供水甲', '供水乙']) {
      const { id } = await newItem(title, { categoryId: catWater });
      await move(admin, id, acceptAndForward({ leadDepartmentId: otherDept }));
    }
    const { id } = await newItem('供水丙', { categoryId: catWater, urgency: 'urgent' });
    const plan = (await admin.get(`/api/v1/opinions/${id}/forward-plan`)).json();
    expect(plan.suggestions[0]).toMatchObject({ departmentId: otherDept, count: 2, basis: 'category' });
    expect(plan.suggestions.map((s: any) => s.departmentId)).toContain(w.deptA.id);
    expect(plan).toMatchObject({ basis: 'urgent', workingDays: 5 });
    const res = await move(admin, id, acceptAndForward({ leadDepartmentId: otherDept }));
    expect(res.json().item.deadline).toBe(plan.deadline);
    expect((await member1.get(`/api/v1/opinions/${id}/forward-plan`)).statusCode).toBe(403);
    expect((await dept1.get(`/api/v1/opinions/${id}/forward-plan`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/opinions/999999/forward-plan')).statusCode).toBe(404);
  });

  it('shows the statutory 信访 date for a petition about to be accepted', async () => {
    const { id } = await newItem('信访：征地补偿', { channel: 'petition' });
    const plan = (await admin.get(`/api/v1/opinions/${id}/forward-plan`)).json();
    expect(plan).toMatchObject({ basis: 'petition', workingDays: null });
    const res = await move(admin, id, acceptAndForward());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().item.deadline).toBe(plan.deadline);
  });
});

describe('审核通过并反馈 in one request', () => {
  it('approves the reply and sends the feedback, two events, one request', async () => {
    const { id } = await toReplied('古城村水压低');
    expect((await admin.get(`/api/v1/opinions/${id}`)).json().compounds).toEqual(['approve_and_feedback']);
    const res = await move(admin, id, {
      steps: [{ action: 'approve_reply', publicReply: '已更换水泵，水压恢复。' }, { action: 'send_feedback' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().item).toMatchObject({ status: 'feedback_sent', publicReply: '已更换水泵，水压恢复。' });
    const types = ((await admin.get(`/api/v1/opinions/${id}/events`)).json().items as any[]).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['approve_reply', 'send_feedback']);
  });

  it('refuses a department and leaves the reply waiting', async () => {
    const { id } = await toReplied('古城村水管漏水');
    const before = await snapshot(id);
    expect((await move(dept1, id, approveAndFeedback)).statusCode).toBe(409);
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('automatic close after 满意', () => {
  const rateByCode = (code: string, body: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/public/opinions/${code}/rating`, payload: body as any });
  async function fedBack(title: string) {
    const { id, trackingCode } = await toReplied(title);
    expect((await move(admin, id, approveAndFeedback)).statusCode).toBe(200);
    return { id, trackingCode };
  }
  const setAutoClose = async (on: boolean) => {
    const res = await admin.put('/api/v1/settings/opinion-handling', { autoCloseOnSatisfied: on });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('closes in the same request when the citizen rates 满意, the close recorded as the system’s', async () => {
    const { id, trackingCode } = await fedBack('古城村水质检测');
    const res = await rateByCode(trackingCode, { rating: 'satisfied' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('closed');
    const events = (await admin.get(`/api/v1/opinions/${id}/events`)).json().items as any[];
    expect(events.slice(-2)).toEqual([
      expect.objectContaining({ type: 'rate', actorKind: 'citizen', fromStatus: 'feedback_sent', toStatus: 'rated' }),
      expect.objectContaining({
        type: 'close',
        actorKind: 'system',
        fromStatus: 'rated',
        toStatus: 'closed',
        payload: { autoReason: 'satisfied_rating' },
      }),
    ]);
    const item = (await admin.get(`/api/v1/opinions/${id}`)).json();
    expect(item).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(item.abilities).not.toContain('rate');
  });

  it('closes when the member rates 满意; 基本满意 waits for the office; 不满意 still reopens', async () => {
    const a = await fedBack('古城村水费争议');
    const sat = await move(member1, a.id, { action: 'rate', rating: 'satisfied' });
    expect(sat.json()).toMatchObject({ status: 'closed', item: { status: 'closed' } });
    const b = await fedBack('古城村水表更换');
    // The item page offers the originator one rating per feedback (its relation read in the page's own statement).
    const page = async () => (await member1.get(`/api/v1/opinions/${b.id}`)).json().abilities as string[];
    expect(await page()).toContain('rate');
    const basic = await move(member1, b.id, { action: 'rate', rating: 'basically_satisfied' });
    expect(basic.json().status).toBe('rated');
    expect(await page()).not.toContain('rate');
    const item = (await admin.get(`/api/v1/opinions/${b.id}`)).json();
    expect(item.abilities).toContain('close');
    const c = await fedBack('古城村停水通知');
    const un = await rateByCode(c.trackingCode, { rating: 'unsatisfied', comment: '仍未通知' });
    expect(un.json().status).toBe('reopened');
  });

  it('leaves the item rated when the office switched it off; the setting is office-only', async () => {
    expect((await admin.get('/api/v1/settings/opinion-handling')).json()).toMatchObject({
      settings: { autoCloseOnSatisfied: true },
      defaults: { autoCloseOnSatisfied: true },
    });
    expect((await member1.put('/api/v1/settings/opinion-handling', { autoCloseOnSatisfied: false })).statusCode).toBe(
      403,
    );
    expect((await admin.put('/api/v1/settings/opinion-handling', { autoClose: false })).statusCode).toBe(400);
    await setAutoClose(false);
    try {
      const { id, trackingCode } = await fedBack('古城村消防栓');
      expect((await rateByCode(trackingCode, { rating: 'satisfied' })).statusCode).toBe(200);
      expect((await admin.get(`/api/v1/opinions/${id}`)).json().status).toBe('rated');
      const types = ((await admin.get(`/api/v1/opinions/${id}/events`)).json().items as any[]).map((e) => e.type);
      expect(types.at(-1)).toBe('rate');
    } finally {
      await setAutoClose(true);
    }
  });

  it('refuses the automatic reason from a person', async () => {
    const { id } = await fedBack('古城村水塔');
    const res = await move(admin, id, { action: 'close', autoReason: 'satisfied_rating' });
    expect(res.statusCode).toBe(400);
  });
});

describe('bulk compounds', () => {
  const bulk = (body: unknown) => admin.post('/api/v1/opinions/bulk-transitions', body);

  it('accepts and forwards many items, then approves and feeds back many', async () => {
    const ids = [(await newItem('批量供水一')).id, (await newItem('批量供水二')).id];
    const res = await bulk({ ids, steps: acceptAndForward().steps });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ action: 'accept_and_forward', count: 2 });
    for (const id of ids) expect(await snapshot(id)).toMatchObject({ status: 'forwarded', lead: w.deptA.id });
    for (const id of ids) expect((await move(dept1, id, { action: 'reply', content: '已处理' })).statusCode).toBe(200);
    const fb = await bulk({ ids, ...approveAndFeedback });
    expect(fb.statusCode, fb.body).toBe(200);
    for (const id of ids) {
      const s = (await snapshot(id)) as any;
      expect(s.status).toBe('feedback_sent');
      expect(s.events.slice(-2).map((e: any) => e.type)).toEqual(['approve_reply', 'send_feedback']);
    }
  });

  it('changes nothing when one item refuses, naming it with the compound’s label', async () => {
    const ok = (await newItem('批量供水三')).id;
    const done = (await newItem('批量供水四')).id;
    await move(admin, done, { action: 'accept' });
    const before = [await snapshot(ok), await snapshot(done)];
    const res = await bulk({ ids: [ok, done], steps: acceptAndForward().steps });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'bulk_refused',
      details: { failures: [{ id: done, status: 'accepted' }] },
    });
    expect(res.json().message).toContain('受理并转办');
    expect([await snapshot(ok), await snapshot(done)]).toEqual(before);
    const bad = await bulk({ ids: [ok], steps: [{ action: 'accept' }, { action: 'forward' }] });
    expect(bad.statusCode).toBe(400);
    expect((await bulk({ ids: [ok], steps: [{ action: 'accept' }, { action: 'close' }] })).statusCode).toBe(400);
    expect(await snapshot(ok)).toEqual(before[0]);
    const notOffice = await dept1.post('/api/v1/opinions/bulk-transitions', { ids: [ok], ...acceptAndForward() });
    expect(notOffice.statusCode).toBe(403);
  });
});

describe('pickers link the item where it was compiled or escalated', () => {
  it('adds the item to the picked draft issue; an issued or missing issue is refused', async () => {
    const { id } = await newItem('供水专报一', { categoryId: catWater });
    await move(admin, id, { action: 'accept' });
    const { id: seed } = await newItem('供水专报种子', { categoryId: catWater });
    await move(admin, seed, { action: 'accept' });
    const draft = await admin.post('/api/v1/bulletins', { opinionIds: [seed], title: '供水问题', body: '正文' });
    expect(draft.statusCode, draft.body).toBe(201);
    const bulletinId = draft.json().id as number;
    const drafts = (await admin.get('/api/v1/bulletins?status=draft&q=供水')).json().items as any[];
    expect(drafts.map((b) => b.id)).toContain(bulletinId);
    expect((await move(admin, id, { action: 'compile_into_bulletin', bulletinId: 999999 })).statusCode).toBe(400);
    const res = await move(admin, id, { action: 'compile_into_bulletin', bulletinId });
    expect(res.statusCode, res.body).toBe(200);
    const b = (await admin.get(`/api/v1/bulletins/${bulletinId}`)).json();
    expect(b.items.map((i: any) => i.id).sort()).toEqual([seed, id].sort());
  });

  it('links the item to the picked proposal; a member only to their own', async () => {
    const { id } = await newItem('供水提案来源');
    await move(admin, id, { action: 'accept' });
    const p = await member1.post('/api/v1/proposals', { title: '关于农村供水保障的提案', content: '建议……' });
    expect(p.statusCode, p.body).toBe(201);
    const proposalId = p.json().id as number;
    const byTitle = (await admin.get('/api/v1/proposals?q=供水保障')).json().items as any[];
    expect(byTitle.map((x) => x.id)).toEqual([proposalId]);
    expect((await move(admin, id, { action: 'escalate_to_proposal', proposalId: 999999 })).statusCode).toBe(400);
    const res = await move(admin, id, { action: 'escalate_to_proposal', proposalId });
    expect(res.statusCode, res.body).toBe(200);
    const linked = (await member1.get(`/api/v1/proposals/${proposalId}`)).json();
    expect(linked.opinions.map((o: any) => o.id)).toContain(id);
  });
});
