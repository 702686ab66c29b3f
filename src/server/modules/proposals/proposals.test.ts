// The whole 提案 path over HTTP: drafting from items, 联名 with its deadline, decision and numbering, assignment with the
// 3-month clock across a holiday, reply, rating, conversion into an item, and the timeline.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let clock = new Date('2025-11-10T02:00:00Z');
let coDept: number;
const clients = new Map<string, Client>();

/** Moves the test clock (sessions idle out, so clients log in again). */
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
  coDept = (await buildDepartment(t.db, { name: '县住建局', townshipId: w.townA.id })).id;
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  await buildUser(t.db, { username: 'dept3', displayName: '住建局', roles: ['dept_handler'], departmentId: coDept });
});
afterAll(() => t.close());

/** An accepted item raised by member1 (张三). */
async function acceptedItem(title: string) {
  const admin = await as('admin');
  const res = await admin.post('/api/v1/opinions', {
    title,
    content: `${title}，群众反映强烈。`,
    channel: 'letter',
    regionId: w.villA1.id,
    originators: [{ kind: 'member', memberId: w.m1.id }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  expect((await admin.post(`/api/v1/opinions/${id}/transitions`, { action: 'accept' })).statusCode).toBe(200);
  return id;
}

async function draft(title = '关于加强农村道路养护的提案', opinionIds: number[] = []) {
  const res = await (await as('member1')).post('/api/v1/proposals', { title, content: `${title}的正文。`, opinionIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>, code = 200) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(code);
  return res.json();
};

describe('proposal path', () => {
  it('runs draft → cosigning → submitted → registered → assigned → replied → rated', async () => {
    setClock('2025-11-10T02:00:00Z');
    const itemId = await acceptedItem('村道坑洼');
    const id = await draft('关于村道养护的提案', [itemId]);
    const m1 = await as('member1');
    let p = await ok(m1.get(`/api/v1/proposals/${id}`));
    expect(p).toMatchObject({ status: 'draft', year: 2025, number: null, proposerName: '张三' });
    expect(p.opinions.map((o: any) => o.id)).toEqual([itemId]);
    expect(p.abilities.actions).toEqual(['edit', 'invite', 'submit']);
    const item = await ok((await as('admin')).get(`/api/v1/opinions/${itemId}`));
    expect(item.isEscalated).toBe(true);

    await ok(m1.patch(`/api/v1/proposals/${id}`, { title: '关于加强村道养护的提案' }));
    p = await ok(
      m1.post(`/api/v1/proposals/${id}/cosigners`, { memberIds: [w.m2.id, w.m3.id], deadline: '2025-11-14' }),
    );
    expect(p).toMatchObject({ status: 'cosigning', cosignDeadline: '2025-11-14', title: '关于加强村道养护的提案' });
    const m2 = await as('member2');
    const invited = await ok(m2.get('/api/v1/proposals?box=invited'));
    expect(invited.items.map((x: any) => [x.id, x.myInvitation])).toEqual([[id, 'invited']]);
    expect(await ok(m2.get('/api/v1/proposals/invitations'))).toEqual({ pending: 1 });
    expect((await ok(m2.get(`/api/v1/proposals/${id}`))).abilities.canCosign).toBe(true);
    await ok(m2.post(`/api/v1/proposals/${id}/cosign`, { accept: true }));
    await ok((await as('grouplead')).post(`/api/v1/proposals/${id}/cosign`, { accept: false }));
    // Everyone answered, so the proposer need not wait for the deadline.
    p = await ok(m1.post(`/api/v1/proposals/${id}/submit`));
    expect(p.status).toBe('submitted');
    expect(p.cosignerCount).toBe(1);

    setClock('2025-11-17T02:00:00Z');
    const admin = await as('admin');
    p = await ok(admin.post(`/api/v1/proposals/${id}/decide`, { decision: 'register', reason: '' }));
    expect(p).toMatchObject({ status: 'registered', year: 2025, number: 1 });
    p = await ok(
      admin.post(`/api/v1/proposals/${id}/assign`, { leadDepartmentId: w.deptA.id, coDepartmentIds: [coDept] }),
    );
    // 2026-02-17 falls in the Spring Festival break; the first working day after it is the 24th.
    expect(p).toMatchObject({ status: 'assigned', replyDue: '2026-02-24', leadDepartmentName: '递铺街道农业办' });
    expect(p.departments.map((d: any) => d.role)).toEqual(['lead', 'co']);

    const dept3 = await as('dept3');
    expect((await dept3.get(`/api/v1/proposals/${id}`)).statusCode).toBe(200);
    const refused = await dept3.post(`/api/v1/proposals/${id}/reply`, { content: '协办意见' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details).toMatchObject({ currentStatus: 'assigned', allowedActions: [] });

    setClock('2026-02-25T02:00:00Z');
    const late = await ok((await as('admin')).get('/api/v1/proposals?overdue=true'));
    expect(late.items.map((x: any) => x.id)).toContain(id);
    p = await ok((await as('dept1')).post(`/api/v1/proposals/${id}/reply`, { content: '已列入2026年养护计划。' }));
    expect(p).toMatchObject({ status: 'replied', reply: '已列入2026年养护计划。', overdue: false });
    p = await ok(
      (await as('member1')).post(`/api/v1/proposals/${id}/rate`, { rating: 'basically_satisfied', comment: '' }),
    );
    expect(p).toMatchObject({ status: 'rated', rating: 'basically_satisfied' });

    const events = await ok((await as('member1')).get(`/api/v1/proposals/${id}/events`));
    expect(events.items.map((e: any) => e.type)).toEqual([
      'create',
      'edit',
      'invite',
      'cosign',
      'cosign',
      'submit',
      'decide',
      'assign',
      'reply',
      'rate',
    ]);
    const audits = await t.db.execute(
      sql`select count(*)::int as n from audit_log where entity = 'proposal' and entity_id = ${String(id)}`,
    );
    expect((audits.rows[0] as { n: number }).n).toBe(10);
  });

  it('offers the member their own escalatable items and other members to invite', async () => {
    setClock('2026-04-01T02:00:00Z');
    const itemId = await acceptedItem('桥梁护栏破损');
    const m1 = await as('member1');
    const src = await ok(m1.get('/api/v1/proposals/source-options'));
    expect(src.items.map((x: any) => x.id)).toContain(itemId);
    expect((await ok((await as('member2')).get('/api/v1/proposals/source-options'))).items).toEqual([]);
    const names = (await ok(m1.get('/api/v1/proposals/cosigner-options?q=李'))).items.map((x: any) => x.name);
    expect(names).toEqual(['李四']);
    expect((await ok((await as('officer1')).get('/api/v1/proposals/cosigner-options'))).items).toEqual([]);
  });

  it('numbers registrations per year, restarting in a new year', async () => {
    const register = async (iso: string) => {
      setClock(iso);
      const id = await draft();
      await ok((await as('member1')).post(`/api/v1/proposals/${id}/submit`));
      return ok((await as('admin')).post(`/api/v1/proposals/${id}/decide`, { decision: 'register' }));
    };
    expect((await register('2025-12-01T02:00:00Z')).number).toBe(2);
    expect((await register('2025-12-02T02:00:00Z')).number).toBe(3);
    expect(await register('2026-01-05T02:00:00Z')).toMatchObject({ year: 2026, number: 1 });
  });

  it('converts a proposal into an item credited to the proposer and accepted co-signers', async () => {
    setClock('2026-03-02T02:00:00Z');
    const id = await draft('关于增设公交站点的提案');
    await ok(
      (await as('member1')).post(`/api/v1/proposals/${id}/cosigners`, {
        memberIds: [w.m2.id, w.m3.id],
        deadline: '2026-03-02',
      }),
    );
    await ok((await as('member2')).post(`/api/v1/proposals/${id}/cosign`, { accept: true }));
    setClock('2026-03-03T02:00:00Z');
    await ok((await as('member1')).post(`/api/v1/proposals/${id}/submit`));
    const p = await ok(
      (await as('admin')).post(`/api/v1/proposals/${id}/decide`, {
        decision: 'convert',
        reason: '更适合作为社情民意办理',
      }),
    );
    expect(p.status).toBe('converted');
    expect(p.number).toBeNull();
    const res =
      await t.db.execute(sql`select o.channel, o.title, array_agg(oo.member_id order by oo.member_id) as members
      from opinions o join opinion_originators oo on oo.opinion_id = o.id where o.id = ${p.convertedOpinionId} group by o.id`);
    expect(res.rows[0]).toMatchObject({ channel: 'officer', title: '关于增设公交站点的提案' });
    expect((res.rows[0] as any).members).toEqual([w.m1.id, w.m2.id].sort((a, b) => a - b));
  });
});
