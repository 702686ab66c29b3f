// The member's side of feedback: GET /opinions/mine, recording the relay to representatives, and the member's rating.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildRepresentative, buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Client;
let member1: Client;
let member2: Client;
let dept1: Client;
let linkedRep: number;
let elsewhereRep: number;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  // member1's contacts: one in the item's village (古城村), one elsewhere (not offered for this item).
  linkedRep = (
    await buildRepresentative(t.db, { name: '周四', phone: '13800000004', regionId: w.villA1.id, memberIds: [w.m1.id] })
  ).id;
  elsewhereRep = (
    await buildRepresentative(t.db, { name: '吴五', phone: '13800000005', regionId: w.villA2.id, memberIds: [w.m1.id] })
  ).id;
  admin = await login(t.app, 'admin');
  member1 = await login(t.app, 'member1');
  member2 = await login(t.app, 'member2');
  dept1 = await login(t.app, 'dept1');
});
afterAll(() => t.close());

const move = async (c: Client, id: number, action: string, payload: Record<string, unknown> = {}) => {
  const res = await c.post(`/api/v1/opinions/${id}/transitions`, { action, ...payload });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
};

async function newItem(title: string) {
  const res = await admin.post('/api/v1/opinions', {
    title,
    content: `${title}，请尽快处理。`,
    channel: 'activity',
    regionId: w.villA1.id,
    originators: [
      { kind: 'member', memberId: w.m1.id },
      { kind: 'representative', representativeId: w.rep1.id },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

async function feedBack(id: number) {
  await move(admin, id, 'accept');
  await move(admin, id, 'forward', { leadDepartmentId: w.deptA.id, deadline: '2099-03-20', instructions: '请核实' });
  await move(dept1, id, 'reply', { content: '已安排维修' });
  await move(admin, id, 'approve_reply', { publicReply: '已安排维修，下周完成。' });
  await move(admin, id, 'send_feedback');
}

const mineItem = async (c: Client, id: number) => {
  const res = await c.get('/api/v1/opinions/mine?pageSize=100');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.find((x: any) => x.id === id);
};
const relay = (c: Client, id: number, body: Record<string, unknown>) => c.post(`/api/v1/opinions/${id}/relay`, body);
const counts = async (id: number) =>
  (
    await t.db.execute(sql`select (select count(*)::int from opinion_events where opinion_id = ${id}) as events,
      (select count(*)::int from opinion_originators where opinion_id = ${id} and relayed_at is not null) as relayed,
      (select count(*)::int from audit_log where entity = 'opinion' and entity_id = ${String(id)}) as audits,
      (select status from opinions where id = ${id}) as status`)
  ).rows[0];

describe('GET /opinions/mine', () => {
  it('lists only the member’s own items; reply and representatives appear once feedback is sent', async () => {
    const id = await newItem('古城村路灯损坏');
    const before = await mineItem(member1, id);
    expect(before).toMatchObject({ status: 'received', statusLabel: '已接收', publicReply: null, canRate: false });
    expect(before.representatives).toEqual([]);
    expect(await mineItem(member2, id)).toBeUndefined();
    expect((await dept1.get('/api/v1/opinions/mine')).statusCode).toBe(403);

    await feedBack(id);
    const after = await mineItem(member1, id);
    expect(after).toMatchObject({
      status: 'feedback_sent',
      publicReply: '已安排维修，下周完成。',
      canRate: true,
      canRelay: true,
      relayedAt: null,
      myRating: null,
    });
    expect(after.representatives).toEqual([
      { id: w.rep1.id, name: '赵大', phone: '13800000001', source: 'originator', relayedAt: null, masked: false },
      { id: linkedRep, name: '周四', phone: '13800000004', source: 'linked', relayedAt: null, masked: false },
    ]);
    const forMember = (await admin.get(`/api/v1/opinions/mine?memberId=${w.m1.id}`)).json();
    expect(forMember.items.map((x: any) => x.id)).toContain(id);
    expect((await member2.get(`/api/v1/opinions/mine?memberId=${w.m1.id}`)).statusCode).toBe(403);
  });
});

describe('POST /opinions/:id/relay', () => {
  it('refuses before feedback (409) and for strangers (404/403), changing nothing', async () => {
    const id = await newItem('古城村道路坑洼');
    const c0 = await counts(id);
    const early = await relay(member1, id, { representativeIds: [w.rep1.id], method: 'visit' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'feedback_not_sent' });
    expect(early.json().message).toContain('尚未');
    await feedBack(id);
    const c1 = await counts(id);
    expect((await relay(member2, id, { representativeIds: [], method: 'phone' })).statusCode).toBe(404);
    expect((await relay(dept1, id, { representativeIds: [], method: 'phone' })).statusCode).toBe(403);
    expect((await relay(member1, id, { memberId: w.m2.id, method: 'phone' })).statusCode).toBe(403);
    expect((await relay(admin, id, { memberId: w.m2.id, method: 'phone' })).statusCode).toBe(404);
    expect((await relay(admin, id, { method: 'phone' })).statusCode).toBe(400);
    expect((await relay(member1, 999_999, { method: 'phone' })).statusCode).toBe(404);
    const bad = await relay(member1, id, { representativeIds: [elsewhereRep], method: 'visit' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('representativeIds');
    expect((await relay(member1, id, { representativeIds: [], method: 'letter' })).statusCode).toBe(400);
    expect(c0.relayed).toBe(0);
    expect(await counts(id)).toEqual(c1);
  });

  it('records the relay on the originator rows and as a non-status event with an audit row', async () => {
    const id = await newItem('古城村垃圾清运');
    await feedBack(id);
    const c1 = await counts(id);
    const res = await relay(member1, id, {
      representativeIds: [w.rep1.id, linkedRep],
      method: 'visit',
      note: '入户告知',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await counts(id)).toEqual({ ...c1, events: c1.events + 1, relayed: 2, audits: c1.audits + 1 });
    const ev = (await member1.get(`/api/v1/opinions/${id}/events`)).json().items.at(-1);
    expect(ev).toMatchObject({
      type: 'relayed',
      fromStatus: 'feedback_sent',
      toStatus: 'feedback_sent',
      actorName: '张三',
    });
    expect(ev.payload).toMatchObject({ memberId: w.m1.id, representativeIds: [w.rep1.id, linkedRep], method: 'visit' });
    const mine = await mineItem(member1, id);
    expect(mine.relayedAt).not.toBeNull();
    expect(mine.status).toBe('feedback_sent');
    expect(mine.representatives.every((r: any) => r.relayedAt)).toBe(true);

    const byAdmin = await relay(admin, id, { memberId: w.m1.id, representativeIds: [linkedRep], method: 'phone' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
  });
});

describe('member rating', () => {
  it('rates once after feedback; the rating shows on the list; a second rating is refused', async () => {
    const id = await newItem('古城村自来水水压低');
    const early = await member1.post(`/api/v1/opinions/${id}/transitions`, { action: 'rate', rating: 'satisfied' });
    expect(early.statusCode).toBe(409);
    await feedBack(id);
    const res = await member1.post(`/api/v1/opinions/${id}/transitions`, {
      action: 'rate',
      rating: 'basically_satisfied',
      comment: '还需跟进',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('rated');
    const mine = await mineItem(member1, id);
    expect(mine).toMatchObject({ status: 'rated', canRate: false });
    expect(mine.myRating).toMatchObject({ rating: 'basically_satisfied', comment: '还需跟进' });
    const again = await member1.post(`/api/v1/opinions/${id}/transitions`, { action: 'rate', rating: 'satisfied' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');
  });

  it('不满意 needs a comment and reopens the item', async () => {
    const id = await newItem('古城村桥梁护栏缺失');
    await feedBack(id);
    const noComment = await member1.post(`/api/v1/opinions/${id}/transitions`, {
      action: 'rate',
      rating: 'unsatisfied',
    });
    expect(noComment.statusCode).toBe(400);
    const res = await member1.post(`/api/v1/opinions/${id}/transitions`, {
      action: 'rate',
      rating: 'unsatisfied',
      comment: '护栏仍未安装',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('reopened');
    expect(await mineItem(member1, id)).toMatchObject({ status: 'reopened', canRate: false });
  });
});
