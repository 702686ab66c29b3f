// Who may do what to a proposal (404 outside scope, 409 naming the status and allowed actions, nothing changed),
// co-signing after the deadline, submitting too early, and bad inputs.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let clock = new Date('2026-05-11T02:00:00Z');
let otherDept: number;
const clients = new Map<string, Client>();

function setClock(iso: string) {
  clock = new Date(iso);
  clients.clear();
}
async function as(user: string) {
  if (!clients.has(user)) clients.set(user, await login(t.app, user));
  return clients.get(user) as Client;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await buildWorld(t.db);
  otherDept = (await buildDepartment(t.db, { name: '县交通局' })).id;
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  await buildUser(t.db, { username: 'dept2', displayName: '交通局', roles: ['dept_handler'], departmentId: otherDept });
});
afterAll(() => t.close());

async function draft(title = '关于改善校园周边交通的提案') {
  const res = await (await as('member1')).post('/api/v1/proposals', { title, content: '正文' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

const snapshot = async (id: number) => {
  const res = await t.db.execute(sql`select p.status, p.title, p.number, p.reply, p.rating,
    (select count(*)::int from record_events e where e.entity = 'proposal' and e.entity_id = p.id) as events,
    (select json_agg(c.status order by c.member_id) from proposal_cosigners c where c.proposal_id = p.id) as cosigners
    from proposals p where p.id = ${id}`);
  return res.rows[0];
};

describe('scope and roles', () => {
  it('hides proposals outside scope with 404 and changes nothing', async () => {
    setClock('2026-05-11T02:00:00Z');
    const id = await draft();
    const before = await snapshot(id);
    for (const user of ['member2', 'grouplead', 'officer1', 'dept1']) {
      const c = await as(user);
      expect((await c.get(`/api/v1/proposals/${id}`)).statusCode, user).toBe(404);
      expect((await c.get(`/api/v1/proposals/${id}/events`)).statusCode, user).toBe(404);
      expect((await c.patch(`/api/v1/proposals/${id}`, { title: '篡改' })).statusCode, user).toBe(404);
      expect((await c.post(`/api/v1/proposals/${id}/submit`)).statusCode, user).toBe(404);
      expect((await c.post(`/api/v1/proposals/${id}/cosign`, { accept: true })).statusCode, user).toBe(404);
      expect((await c.get('/api/v1/proposals')).json().items.map((x: any) => x.id)).not.toContain(id);
    }
    expect(await snapshot(id)).toEqual(before);
    expect((await (await as('leader1')).get(`/api/v1/proposals/${id}`)).statusCode).toBe(200);
  });

  it('refuses steps not open to the actor with 409 naming the status and the allowed actions', async () => {
    const id = await draft();
    const before = await snapshot(id);
    const admin = await as('admin');
    const res = await admin.post(`/api/v1/proposals/${id}/decide`, { decision: 'register' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('草稿');
    expect(res.json().details).toMatchObject({ currentStatus: 'draft', allowedActions: [] });
    expect((await admin.patch(`/api/v1/proposals/${id}`, { title: 'x' })).statusCode).toBe(409);
    const leader = await as('leader1');
    expect((await leader.post(`/api/v1/proposals/${id}/submit`)).statusCode).toBe(409);
    const m1 = await as('member1');
    const rate = await m1.post(`/api/v1/proposals/${id}/rate`, { rating: 'satisfied' });
    expect(rate.statusCode).toBe(409);
    expect(rate.json().details.allowedActions).toEqual(['edit', 'invite', 'submit']);
    expect(await snapshot(id)).toEqual(before);
  });

  it('lets only members draft', async () => {
    for (const user of ['admin', 'leader1', 'officer1', 'dept1']) {
      const res = await (await as(user)).post('/api/v1/proposals', { title: '提案', content: '正文' });
      expect(res.statusCode, user).toBe(403);
    }
  });

  it('shows a unit only the proposals assigned to it, and only the lead unit replies', async () => {
    const id = await draft();
    await (await as('member1')).post(`/api/v1/proposals/${id}/submit`);
    const admin = await as('admin');
    await admin.post(`/api/v1/proposals/${id}/decide`, { decision: 'register' });
    expect((await (await as('dept1')).get(`/api/v1/proposals/${id}`)).statusCode).toBe(404);
    await admin.post(`/api/v1/proposals/${id}/assign`, { leadDepartmentId: w.deptA.id, coDepartmentIds: [] });
    const dept1 = await as('dept1');
    expect((await dept1.get('/api/v1/proposals?box=department')).json().items.map((x: any) => x.id)).toEqual([id]);
    expect((await (await as('dept2')).get(`/api/v1/proposals/${id}`)).statusCode).toBe(404);
    expect((await (await as('dept2')).post(`/api/v1/proposals/${id}/reply`, { content: '答复' })).statusCode).toBe(404);
    const before = await snapshot(id);
    expect((await (await as('member1')).post(`/api/v1/proposals/${id}/reply`, { content: '答复' })).statusCode).toBe(
      409,
    );
    expect(await snapshot(id)).toEqual(before);
    // The office may record the reply on the unit's behalf.
    expect((await admin.post(`/api/v1/proposals/${id}/reply`, { content: '代录答复' })).json().status).toBe('replied');
    expect((await (await as('member2')).post(`/api/v1/proposals/${id}/rate`, { rating: 'satisfied' })).statusCode).toBe(
      404,
    );
  });
});

describe('co-signing', () => {
  it('refuses an answer after the deadline with a clear 409 and waits for the deadline to submit', async () => {
    setClock('2026-05-11T02:00:00Z');
    const id = await draft();
    const m1 = await as('member1');
    const inv = await m1.post(`/api/v1/proposals/${id}/cosigners`, {
      memberIds: [w.m2.id, w.m3.id],
      deadline: '2026-05-13',
    });
    expect(inv.statusCode, inv.body).toBe(200);
    const early = await m1.post(`/api/v1/proposals/${id}/submit`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('2026-05-13');
    await (await as('member2')).post(`/api/v1/proposals/${id}/cosign`, { accept: true });
    setClock('2026-05-14T02:00:00Z');
    const before = await snapshot(id);
    const late = await (await as('grouplead')).post(`/api/v1/proposals/${id}/cosign`, { accept: true });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'proposal_cosign_closed' });
    expect(late.json().message).toContain('联名截止日期已过');
    expect(await snapshot(id)).toEqual(before);
    // The unanswered invitee simply does not count.
    const sub = await (await as('member1')).post(`/api/v1/proposals/${id}/submit`);
    expect(sub.json()).toMatchObject({ status: 'submitted', cosignerCount: 1 });
  });
});

describe('bad inputs', () => {
  it('answers 400 with field paths and writes nothing', async () => {
    setClock('2026-05-11T02:00:00Z');
    const id = await draft();
    const m1 = await as('member1');
    const bad: [string, unknown, string][] = [
      ['/api/v1/proposals', { title: '', content: '正文' }, 'title'],
      ['/api/v1/proposals', { title: 't', content: '正文', opinionIds: [1, 1] }, 'opinionIds'],
      [`/api/v1/proposals/${id}/cosigners`, { memberIds: [], deadline: '2026-06-01' }, 'memberIds'],
      [`/api/v1/proposals/${id}/cosigners`, { memberIds: [w.m2.id], deadline: '2026-13-45' }, 'deadline'],
      [`/api/v1/proposals/${id}/cosigners`, { memberIds: [999999], deadline: '2026-06-01' }, 'memberIds'],
      [`/api/v1/proposals/${id}/cosign`, { accept: 'yes' }, 'accept'],
    ];
    const before = await snapshot(id);
    for (const [url, body, path] of bad) {
      const res = await m1.post(url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().details.map((d: any) => d.path)).toContain(path);
    }
    const past = await m1.post(`/api/v1/proposals/${id}/cosigners`, { memberIds: [w.m2.id], deadline: '2026-05-10' });
    expect(past.statusCode).toBe(400);
    expect(past.json().code).toBe('proposal_deadline_past');
    expect((await m1.get('/api/v1/proposals/abc')).statusCode).toBe(400);
    expect(await snapshot(id)).toEqual(before);

    await m1.post(`/api/v1/proposals/${id}/submit`);
    const admin = await as('admin');
    const noReason = await admin.post(`/api/v1/proposals/${id}/decide`, { decision: 'not_register', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await admin.post(`/api/v1/proposals/${id}/decide`, { decision: 'maybe' })).statusCode).toBe(400);
    await admin.post(`/api/v1/proposals/${id}/decide`, { decision: 'register' });
    const leadIsCo = await admin.post(`/api/v1/proposals/${id}/assign`, {
      leadDepartmentId: w.deptA.id,
      coDepartmentIds: [w.deptA.id],
    });
    expect(leadIsCo.statusCode).toBe(400);
    const missing = await admin.post(`/api/v1/proposals/${id}/assign`, { leadDepartmentId: 999999 });
    expect(missing.statusCode).toBe(400);
    expect((await snapshot(id)).status).toBe('registered');
    await admin.post(`/api/v1/proposals/${id}/assign`, { leadDepartmentId: w.deptA.id });
    await admin.post(`/api/v1/proposals/${id}/reply`, { content: '答复' });
    const noComment = await m1.post(`/api/v1/proposals/${id}/rate`, { rating: 'unsatisfied', comment: '' });
    expect(noComment.statusCode).toBe(400);
    expect((await snapshot(id)).status).toBe('replied');
  });

  it('refuses drafting from an item the member cannot see, rolling the draft back', async () => {
    const count = async () =>
      ((await t.db.execute(sql`select count(*)::int as n from proposals`)).rows[0] as { n: number }).n;
    const n = await count();
    const admin = await as('admin');
    const item = await admin.post('/api/v1/opinions', {
      title: '别人的意见',
      content: '内容',
      channel: 'letter',
      originators: [{ kind: 'member', memberId: w.m2.id }],
    });
    const res = await (await as('member1')).post('/api/v1/proposals', {
      title: '提案',
      content: '正文',
      opinionIds: [item.json().id],
    });
    expect(res.statusCode).toBe(404);
    expect(await count()).toBe(n);
  });
});
