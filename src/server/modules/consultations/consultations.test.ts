// Consultations: office writes, scoped reads, outcomes with working-day deadlines, progress by the right department, grading, public page.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let deptB: { id: number };
let admin: Client;
let leader: Client;
let member1: Client;
let officer: Client;
let dept1: Client;
let dept2: Client;
const clock = new Date('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await buildWorld(t.db);
  deptB = await buildDepartment(t.db, { name: '县住建局', kind: 'county' });
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  await buildUser(t.db, { username: 'dept2', displayName: '住建局', roles: ['dept_handler'], departmentId: deptB.id });
  [admin, leader, member1, officer, dept1, dept2] = await Promise.all(
    ['admin', 'leader1', 'member1', 'officer1', 'dept1', 'dept2'].map((u) => login(t.app, u)),
  );
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  topic: '农村生活污水治理设施运维',
  description: '围绕农村污水设施“重建轻管”问题开展专题协商',
  meetingAt: '2026-03-10T09:00:00+08:00',
  place: '县政协三楼会议室',
  agenda: '一、通报情况；二、委员发言；三、部门回应',
  participants: [
    { kind: 'member', memberId: w.m1.id },
    { kind: 'representative', representativeId: w.rep1.id },
    { kind: 'citizen', name: '村民代表吴师傅' },
    { kind: 'department', departmentId: w.deptA.id },
  ],
  ...over,
});
const snapshot = async () =>
  (
    await t.db.execute(sql`select
    (select string_agg(status || topic, ',' order by id) from consultations) as c,
    (select string_agg(status || progress || coalesce(grade, '-') || coalesce(department_id, 0), ',' order by id) from consultation_outcomes) as o,
    (select count(*)::int from record_events) as e`)
  ).rows[0];

let cid: number;
let outA: number;
let outB: number;

describe('consultation records', () => {
  it('the office records a consultation with its participants', async () => {
    const res = await admin.post('/api/v1/consultations', body());
    expect(res.statusCode, res.body).toBe(201);
    cid = res.json().id;
    expect(res.json().participants.map((p: any) => p.name)).toEqual([
      '张三',
      '赵大',
      '村民代表吴师傅',
      '递铺街道农业办',
    ]);
    expect(res.json().abilities.nextStatus).toBe('held');
  });
  it('refuses bad input: unknown member or department, a citizen without a name, no topic', async () => {
    for (const b of [
      body({ participants: [{ kind: 'member', memberId: 999999 }] }),
      body({ participants: [{ kind: 'department', departmentId: 999999 }] }),
      body({ participants: [{ kind: 'citizen' }] }),
      body({ topic: '' }),
      body({ meetingAt: 'tomorrow' }),
    ]) {
      const res = await admin.post('/api/v1/consultations', b);
      expect(res.statusCode, JSON.stringify(b)).toBe(400);
    }
  });
  it('only the office writes; members and leaders read; officers get 404', async () => {
    const before = await snapshot();
    expect((await member1.post('/api/v1/consultations', body())).statusCode).toBe(403);
    expect((await leader.patch(`/api/v1/consultations/${cid}`, { topic: 'x' })).statusCode).toBe(404);
    expect((await member1.post(`/api/v1/consultations/${cid}/status`, { status: 'held' })).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/consultations/${cid}`)).statusCode).toBe(404);
    expect((await dept1.get(`/api/v1/consultations/${cid}`)).statusCode).toBe(404);
    expect((await member1.get(`/api/v1/consultations/${cid}`)).statusCode).toBe(200);
    expect((await leader.get('/api/v1/consultations')).json().total).toBe(1);
    expect(await snapshot()).toEqual(before);
  });
  it('steps go in order', async () => {
    expect((await admin.post(`/api/v1/consultations/${cid}/status`, { status: 'implementing' })).statusCode).toBe(409);
    const res = await admin.post(`/api/v1/consultations/${cid}/status`, { status: 'held' });
    expect(res.json().status).toBe('held');
    const upd = await admin.patch(`/api/v1/consultations/${cid}`, { minutes: '会议纪要：……' });
    expect(upd.json()).toMatchObject({ minutes: '会议纪要：……', place: '县政协三楼会议室' });
  });
});

describe('outcomes', () => {
  it('an outcome assigned to a department gets a 60-working-day deadline by default', async () => {
    const res = await admin.post(`/api/v1/consultations/${cid}/outcomes`, {
      content: '建立村级污水设施运维责任清单',
      departmentId: w.deptA.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json().outcomes[0];
    outA = o.id;
    // 60 working days after Mon 2 March 2026 (Qingming 4–6 April and Labour Day 1–5 May are off, with make-up days)
    expect(o).toMatchObject({ status: 'assigned', departmentName: '递铺街道农业办', overdue: false });
    expect(o.deadline > '2026-05-20' && o.deadline < '2026-06-05').toBe(true);
    const b = await admin.post(`/api/v1/consultations/${cid}/outcomes`, {
      content: '县级统筹运维资金',
      departmentId: deptB.id,
      deadline: '2026-02-27',
    });
    outB = b.json().outcomes[1].id;
    expect(b.json().outcomes[1].overdue).toBe(true);
    expect(
      (await admin.post(`/api/v1/consultations/${cid}/outcomes`, { content: 'x', departmentId: 999999 })).statusCode,
    ).toBe(400);
  });
  it('department handlers see only the consultations and outcomes of their unit', async () => {
    const d1 = await dept1.get(`/api/v1/consultations/${cid}`);
    expect(d1.statusCode).toBe(200);
    expect(d1.json().outcomes.map((o: any) => o.id)).toEqual([outA]);
    expect((await dept1.get('/api/v1/consultation-outcomes')).json().items.map((o: any) => o.id)).toEqual([outA]);
    expect((await dept2.get('/api/v1/consultation-outcomes?overdue=true')).json().items.map((o: any) => o.id)).toEqual([
      outB,
    ]);
    expect((await officer.get('/api/v1/consultation-outcomes')).json().total).toBe(0);
  });
  it('progress by another department, a member or a leader is 404 and changes nothing', async () => {
    const before = await snapshot();
    const p = { progress: 30, note: '已完成排查' };
    expect((await dept2.post(`/api/v1/consultations/${cid}/outcomes/${outA}/progress`, p)).statusCode).toBe(404);
    expect((await member1.post(`/api/v1/consultations/${cid}/outcomes/${outA}/progress`, p)).statusCode).toBe(404);
    expect((await leader.post(`/api/v1/consultations/${cid}/outcomes/${outA}/progress`, p)).statusCode).toBe(404);
    expect((await dept1.post(`/api/v1/consultations/${cid}/outcomes/${outA}/grade`, { grade: 'A' })).statusCode).toBe(
      404,
    );
    expect(await snapshot()).toEqual(before);
  });
  it('the handler records milestones; the consultation moves to implementing; 100 % is done; no going back', async () => {
    const r1 = await dept1.post(`/api/v1/consultations/${cid}/outcomes/${outA}/progress`, {
      progress: 40,
      note: '制定清单初稿',
    });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().status).toBe('implementing');
    expect(r1.json().outcomes[0]).toMatchObject({ progress: 40, status: 'in_progress' });
    expect(
      (await dept1.post(`/api/v1/consultations/${cid}/outcomes/${outA}/progress`, { progress: 20, note: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await dept1.post(`/api/v1/consultations/${cid}/outcomes/${outA}/progress`, { progress: 101, note: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await dept1.post(`/api/v1/consultations/${cid}/outcomes/${outA}/progress`, { progress: 60, note: '' }))
        .statusCode,
    ).toBe(400);
    const r2 = await dept1.post(`/api/v1/consultations/${cid}/outcomes/${outA}/progress`, {
      progress: 100,
      note: '清单印发',
    });
    const o = r2.json().outcomes[0];
    expect(o).toMatchObject({ progress: 100, status: 'done' });
    expect(o.events.map((e: any) => e.type)).toEqual(['created', 'progress', 'progress']);
    expect(o.events[2].payload).toMatchObject({ progress: 100, note: '清单印发' });
    expect(
      (await dept1.post(`/api/v1/consultations/${cid}/outcomes/${outA}/progress`, { progress: 100, note: 'x' }))
        .statusCode,
    ).toBe(409);
  });
  it('the office grades done outcomes only, and completes the consultation once all are done', async () => {
    expect((await admin.post(`/api/v1/consultations/${cid}/outcomes/${outB}/grade`, { grade: 'B' })).statusCode).toBe(
      409,
    );
    expect((await admin.post(`/api/v1/consultations/${cid}/outcomes/${outA}/grade`, { grade: 'D' })).statusCode).toBe(
      400,
    );
    const g = await admin.post(`/api/v1/consultations/${cid}/outcomes/${outA}/grade`, { grade: 'A' });
    expect(g.json().outcomes[0].grade).toBe('A');
    expect((await admin.post(`/api/v1/consultations/${cid}/status`, { status: 'completed' })).statusCode).toBe(409);
    await admin.post(`/api/v1/consultations/${cid}/outcomes/${outB}/progress`, { progress: 100, note: '资金列入预算' });
    const done = await admin.post(`/api/v1/consultations/${cid}/status`, { status: 'completed' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await admin.patch(`/api/v1/consultations/${cid}`, { topic: 'x' })).statusCode).toBe(409);
  });
});

describe('public progress page', () => {
  it('shows public consultations with outcomes but no participants', async () => {
    await admin.post('/api/v1/consultations', body({ topic: '内部协商', isPublic: false }));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/consultations' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0].outcomes[0]).toMatchObject({
      departmentName: '递铺街道农业办',
      progress: 100,
      grade: 'A',
    });
    expect(res.body).not.toContain('吴师傅');
    expect(res.body).not.toContain('赵大');
    expect(res.body).not.toContain('内部协商');
  });
});
