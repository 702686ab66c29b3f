// The whole staff path through the transitions endpoint, its events in order, refusals (409) and payload errors (400).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Client;
let coDept: number;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  coDept = (await buildDepartment(t.db, { name: '递铺街道城建办', townshipId: w.townA.id })).id;
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  await buildUser(t.db, { username: 'dept3', displayName: '城建办', roles: ['dept_handler'], departmentId: coDept });
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

async function newItem(title = '鹤鹿溪村路灯不亮') {
  const res = await admin.post('/api/v1/opinions', {
    title,
    content: `${title}，夜间出行不安全。`,
    channel: 'letter',
    regionId: w.villA2.id,
    originators: [{ kind: 'member', memberId: w.m1.id }],
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
}

const move = (c: Client, id: number, action: string, payload: Record<string, unknown> = {}) =>
  c.post(`/api/v1/opinions/${id}/transitions`, { action, ...payload });

describe('transitions', () => {
  it('runs received → accepted → forwarded → replied → reviewed → feedback_sent → rated → closed', async () => {
    const id = await newItem();
    const dept1 = await login(t.app, 'dept1');
    const dept3 = await login(t.app, 'dept3');
    const member1 = await login(t.app, 'member1');
    const steps: [Client, string, Record<string, unknown>, string][] = [
      [admin, 'accept', {}, 'accepted'],
      [
        admin,
        'forward',
        { leadDepartmentId: w.deptA.id, coHandlerIds: [coDept], deadline: '2099-03-20', instructions: '请核实' },
        'forwarded',
      ],
      [dept3, 'add_co_opinion', { content: '同意主办单位意见' }, 'forwarded'],
      [dept1, 'reply', { content: '已更换灯具' }, 'replied'],
      [admin, 'approve_reply', {}, 'reviewed'],
      [admin, 'send_feedback', {}, 'feedback_sent'],
      // 基本满意 waits for the office to close (满意 closes by itself: compound.test.ts).
      [member1, 'rate', { rating: 'basically_satisfied' }, 'rated'],
      [admin, 'close', {}, 'closed'],
    ];
    for (const [c, action, payload, to] of steps) {
      const res = await move(c, id, action, payload);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      expect(res.json().status).toBe(to);
    }
    const item = (await admin.get(`/api/v1/opinions/${id}`)).json();
    expect(item).toMatchObject({ status: 'closed', leadDepartmentId: w.deptA.id, deadline: '2099-03-20' });
    expect(item.publicReply).toBe('已更换灯具');
    expect(item.closedAt).not.toBeNull();
    expect(item.assignments.map((a: any) => [a.departmentId, a.role, a.active])).toEqual([
      [w.deptA.id, 'lead', true],
      [coDept, 'co', true],
    ]);
    const events = (await admin.get(`/api/v1/opinions/${id}/events`)).json().items as any[];
    expect(events.map((e) => e.type)).toEqual([
      'received',
      'accept',
      'forward',
      'add_co_opinion',
      'reply',
      'approve_reply',
      'send_feedback',
      'rate',
      'close',
    ]);
    expect(events[4]).toMatchObject({ fromStatus: 'forwarded', toStatus: 'replied', actorName: '农业办' });
    const audits = await t.db.execute(
      sql`select count(*)::int as n from audit_log where entity = 'opinion' and entity_id = ${String(id)}`,
    );
    expect((audits.rows[0] as any).n).toBe(9);
  });

  it('refuses a move the state does not allow with 409 naming the state and the allowed actions', async () => {
    const id = await newItem('古城村垃圾清运不及时');
    const res = await move(admin, id, 'approve_reply');
    expect(res.statusCode).toBe(409);
    const b = res.json();
    expect(b.code).toBe('invalid_transition');
    expect(b.message).toContain('已接收');
    expect(b.message).toContain('受理');
    expect(b.details).toMatchObject({ currentStatus: 'received', allowedActions: ['accept', 'not_accept', 'merge'] });
    const member1 = await login(t.app, 'member1');
    const byMember = await move(member1, id, 'accept');
    expect(byMember.statusCode).toBe(409);
    expect(byMember.json().details).toMatchObject({ currentStatus: 'received', allowedActions: [], cause: 'role' });
  });

  it('answers 400 with field paths for a bad payload and changes nothing', async () => {
    const id = await newItem('横溪坞村饮水问题');
    await move(admin, id, 'accept');
    const res = await move(admin, id, 'forward', { leadDepartmentId: w.deptA.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: any) => d.path)).toEqual(['instructions']); // the deadline defaults
    const missing = await move(admin, id, 'forward', {
      leadDepartmentId: 999_999,
      deadline: '2099-01-01',
      instructions: 'x',
    });
    expect(missing.statusCode).toBe(400);
    const row = (await t.db.execute(sql`select status from opinions where id = ${id}`)).rows[0] as any;
    expect(row.status).toBe('accepted');
  });

  it('handles extensions: request sets the pending flag, approval moves the deadline', async () => {
    const id = await newItem('递铺街道农贸市场排水');
    const dept1 = await login(t.app, 'dept1');
    await move(admin, id, 'accept');
    await move(admin, id, 'forward', { leadDepartmentId: w.deptA.id, deadline: '2099-02-01', instructions: '请办理' });
    expect(
      (await move(dept1, id, 'request_extension', { reason: '需协调资金', requestedDeadline: '2099-03-01' }))
        .statusCode,
    ).toBe(200);
    expect((await admin.get(`/api/v1/opinions/${id}`)).json().hasPendingExtension).toBe(true);
    expect((await move(admin, id, 'approve_extension', { newDeadline: '2099-03-01' })).statusCode).toBe(200);
    const item = (await admin.get(`/api/v1/opinions/${id}`)).json();
    expect(item).toMatchObject({ hasPendingExtension: false, deadline: '2099-03-01', status: 'forwarded' });
  });

  it('merges a duplicate into another item, moving its originators', async () => {
    const target = await newItem('古城村断头路打通');
    const res = await admin.post('/api/v1/opinions', {
      title: '古城村断头路',
      content: '断头路影响出行',
      channel: 'phone',
      originators: [{ kind: 'citizen', name: '周一', phone: '13700000000' }],
    });
    const dup = res.json().id;
    expect((await move(admin, dup, 'merge', { targetId: target })).statusCode).toBe(200);
    const t2 = (await admin.get(`/api/v1/opinions/${target}`)).json();
    expect(t2.originators.map((o: any) => o.name || o.memberName)).toEqual(['张三', '周一']);
    expect((await admin.get(`/api/v1/opinions/${dup}`)).json()).toMatchObject({
      status: 'merged',
      mergedIntoId: target,
    });
  });
});
