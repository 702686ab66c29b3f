// 民生问题 for staff: the status machine, the progress rule, linking items (their own lifecycle kept, merged items once,
// people counted once), role × action (404 outside the scope, leaders read only, departments read and report),
// bad input as 400 with field errors, originators told once per move, and the suggestions.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../i18n/messages.js';
import { buildProblemWorld, PDF, PNG, type ProblemWorld, uploadEvidence } from './problems.test-helper.js';

let p: ProblemWorld;

beforeAll(async () => {
  p = await buildProblemWorld();
});
afterAll(async () => {
  await p?.t.close();
});

const create = async (over: Record<string, unknown> = {}) => {
  const res = await p.admin.post('/api/v1/problems', {
    title: '农村养殖污染严重',
    regionId: p.w.townA.id,
    year: 2026,
    leadDepartmentId: p.w.deptA.id,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};
const detail = async (id: number) => (await p.admin.get(`/api/v1/problems/${id}`)).json();
const events = async (id: number) =>
  (
    await p.t.db.execute(sql`select type, from_status as "from", to_status as "to" from problem_events
    where problem_id = ${id} order by id`)
  ).rows as { type: string; from: string | null; to: string | null }[];
const audits = async (id: number) =>
  (
    (
      await p.t.db.execute(
        sql`select count(*)::int as n from audit_log where entity = 'problem' and entity_id = ${String(id)}`,
      )
    ).rows[0] as { n: number }
  ).n;

describe('status machine', () => {
  it('moves collecting → confirmed → in_progress → solved, refuses wrong moves with 409 in the caller language', async () => {
    const id = await create();
    let d = await detail(id);
    expect(d).toMatchObject({ status: 'collecting', progress: 0, allowedStatuses: ['confirmed'], published: true });
    const wrong = await p.admin.post(`/api/v1/problems/${id}/status`, { status: 'solved', outcome: '已整治' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().code).toBe('problem_invalid_status');
    expect(wrong.json().message).toContain('征集中');
    const en = await p.admin.post(
      `/api/v1/problems/${id}/status`,
      { status: 'in_progress' },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(409);
    expect(en.json().message).toContain('collecting');
    expect((await p.admin.post(`/api/v1/problems/${id}/status`, { status: 'confirmed' })).statusCode).toBe(200);
    d = await detail(id);
    expect(d.allowedStatuses).toEqual(['in_progress', 'solved', 'partly_solved']);
    expect((await p.admin.post(`/api/v1/problems/${id}/status`, { status: 'in_progress' })).statusCode).toBe(200);
    // solved needs what was done
    const noOutcome = await p.admin.post(`/api/v1/problems/${id}/status`, { status: 'solved' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().details[0].path).toBe('outcome');
    const solved = await p.admin.post(`/api/v1/problems/${id}/status`, { status: 'solved', outcome: '建成污水管网' });
    expect(solved.statusCode, solved.body).toBe(200);
    d = await detail(id);
    expect(d).toMatchObject({
      status: 'solved',
      progress: 100,
      outcome: '建成污水管网',
      allowedStatuses: ['in_progress'],
    });
    // reopening: progress falls back to the reached milestones (none)
    expect((await p.admin.post(`/api/v1/problems/${id}/status`, { status: 'in_progress' })).statusCode).toBe(200);
    expect((await detail(id)).progress).toBe(0);
    const ev = await events(id);
    expect(ev.map((e) => e.type)).toEqual(['created', 'status', 'status', 'status', 'status']);
    expect(ev[3]).toEqual({ type: 'status', from: 'in_progress', to: 'solved' });
    expect(await audits(id)).toBe(5);
  });
});

describe('progress', () => {
  it('is the highest progress among reached milestones, 100 once solved', async () => {
    const id = await create({ title: '自来水未全域覆盖' });
    const m1 = await p.admin.post(`/api/v1/problems/${id}/milestones`, { title: '完成管网设计', progress: 30 });
    expect(m1.statusCode, m1.body).toBe(201);
    expect((await detail(id)).progress).toBe(0);
    const m2 = await p.admin.post(`/api/v1/problems/${id}/milestones`, {
      title: '主管网通水',
      progress: 60,
      dueDate: '2026-09-30',
      reachedAt: '2026-09-20',
    });
    expect(m2.statusCode).toBe(201);
    expect((await detail(id)).progress).toBe(60);
    await p.admin.patch(`/api/v1/problems/${id}/milestones/${m1.json().id}`, { reachedAt: '2026-06-01' });
    expect((await detail(id)).progress).toBe(60);
    await p.admin.patch(`/api/v1/problems/${id}/milestones/${m1.json().id}`, { progress: 80 });
    const d = await detail(id);
    expect(d.progress).toBe(80);
    expect(d.milestones.map((m: any) => m.title)).toEqual(['完成管网设计', '主管网通水']);
    expect(d.milestones[1]).toMatchObject({ dueDate: '2026-09-30', reachedAt: '2026-09-20', progress: 60 });
    await p.admin.patch(`/api/v1/problems/${id}/milestones/${m1.json().id}`, { reachedAt: null });
    expect((await detail(id)).progress).toBe(60);
    const other = await create({ title: '别的问题' });
    expect(
      (await p.admin.patch(`/api/v1/problems/${other}/milestones/${m1.json().id}`, { note: 'x' })).statusCode,
    ).toBe(404);
  });
});

describe('linked items', () => {
  it('counts items and distinct people, merged items once, and leaves the items in their own status', async () => {
    const a = await p.item({
      regionId: p.w.villA1.id,
      originators: [
        { kind: 'citizen', name: '陈女士', phone: '13912345678' },
        { kind: 'member', memberId: p.w.m1.id },
      ],
    });
    const b = await p.item({
      regionId: p.w.villA2.id,
      channel: 'phone',
      originators: [{ kind: 'citizen', name: '陈女士', phone: '139-1234-5678' }],
    });
    const c = await p.item({
      regionId: p.w.villA2.id,
      originators: [{ kind: 'citizen', name: '刘先生', phone: '13700000001' }],
    });
    const dup = await p.item({ regionId: p.w.villA1.id, originators: [{ kind: 'member', memberId: p.w.m1.id }] });
    const merged = await p.admin.post(`/api/v1/opinions/${dup.id}/transitions`, { action: 'merge', targetId: a.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const id = await create({ title: '养殖污染', opinionIds: [a.id, b.id] });
    const link = await p.admin.post(`/api/v1/problems/${id}/items`, { opinionIds: [c.id, dup.id] });
    expect(link.statusCode, link.body).toBe(200);
    const d = await detail(id);
    expect(d.itemCount).toBe(3);
    expect(d.peopleCount).toBe(3); // 陈女士 (two items), 张三, 刘先生
    expect(d.items).toHaveLength(4);
    expect(d.countsByVillage).toEqual(
      expect.arrayContaining([
        { regionId: p.w.villA1.id, name: '古城村', count: 1 },
        { regionId: p.w.villA2.id, name: '鹤鹿溪村', count: 2 },
      ]),
    );
    expect(d.countsByChannel).toEqual(
      expect.arrayContaining([
        { channel: 'letter', count: 2 },
        { channel: 'phone', count: 1 },
      ]),
    );
    const item = (await p.admin.get(`/api/v1/opinions/${a.id}`)).json();
    expect(item.status).toBe('received');
    const list = (await p.admin.get('/api/v1/problems?year=2026')).json();
    expect(list.items.find((x: any) => x.id === id)).toMatchObject({
      itemCount: 3,
      peopleCount: 3,
      regionName: '递铺街道',
    });
    expect((await p.admin.del(`/api/v1/problems/${id}/items/${c.id}`)).statusCode).toBe(200);
    expect((await detail(id)).peopleCount).toBe(2);
    expect((await p.admin.del(`/api/v1/problems/${id}/items/${c.id}`)).statusCode).toBe(404);
    // an officer links only items of their own township
    const far = await p.item({ regionId: p.w.villB1.id });
    const refused = await p.officerA.post(`/api/v1/problems/${id}/items`, { opinionIds: [far.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].path).toBe('opinionIds');
  });
});

describe('who may do what', () => {
  it('office all; township officer own township only (404 elsewhere); leader reads; departments read and report', async () => {
    const id = await create({ title: '断头路影响出行', departmentIds: [p.w.deptA.id] });
    const inB = await p.admin.post('/api/v1/problems', { title: '孝丰问题', regionId: p.w.townB.id, year: 2026 });
    const idB = inB.json().id as number;
    const before = await p.count('problem_events');
    // township officer of 孝丰: 404 on 递铺's problem, also for writes, nothing changes
    expect((await p.officerB.get(`/api/v1/problems/${id}`)).statusCode).toBe(404);
    expect((await p.officerB.patch(`/api/v1/problems/${id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await p.officerB.post(`/api/v1/problems/${id}/status`, { status: 'confirmed' })).statusCode).toBe(404);
    expect((await p.officerB.get(`/api/v1/problems/${idB}`)).statusCode).toBe(200);
    const listB = (await p.officerB.get('/api/v1/problems')).json().items.map((x: any) => x.id);
    expect(listB).toContain(idB);
    expect(listB).not.toContain(id);
    // officer of 递铺 manages it
    expect((await p.officerA.patch(`/api/v1/problems/${id}`, { goal: '年底前打通' })).statusCode).toBe(200);
    expect(
      (await p.officerA.post('/api/v1/problems', { title: 'x', regionId: p.w.townB.id, year: 2026 })).statusCode,
    ).toBe(400);
    // leader reads, never writes
    expect((await p.leader.get(`/api/v1/problems/${id}`)).statusCode).toBe(200);
    expect((await p.leader.patch(`/api/v1/problems/${id}`, { title: 'x' })).statusCode).toBe(403);
    expect(
      (await p.leader.post('/api/v1/problems', { title: 'x', regionId: p.w.townA.id, year: 2026 })).statusCode,
    ).toBe(403);
    // lead department reads and reports; another department sees nothing
    expect((await p.dept1.get(`/api/v1/problems/${id}`)).statusCode).toBe(200);
    expect((await p.dept1.patch(`/api/v1/problems/${id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await p.dept2.get(`/api/v1/problems/${id}`)).statusCode).toBe(404);
    expect((await uploadEvidence(p.dept2, id, { kind: 'report', title: '报告' }, PDF)).statusCode).toBe(404);
    expect((await uploadEvidence(p.dept1, id, { kind: 'photo', title: '现场' }, PNG)).statusCode).toBe(403);
    const deptList = (await p.dept1.get('/api/v1/problems')).json().items.map((x: any) => x.id);
    expect(deptList).toContain(id);
    expect(deptList).not.toContain(idB);
    // members and anonymous callers: nothing
    expect((await p.member1.get(`/api/v1/problems/${id}`)).statusCode).toBe(404);
    expect((await p.member1.get('/api/v1/problems')).statusCode).toBe(404);
    expect((await p.member1.post(`/api/v1/problems/${id}/status`, { status: 'confirmed' })).statusCode).toBe(404);
    expect((await p.t.app.inject({ method: 'GET', url: `/api/v1/problems/${id}` })).statusCode).toBe(401);
    expect(await p.count('problem_events')).toBe(before + 1); // only the officer's edit
    const report = await uploadEvidence(p.dept1, id, { kind: 'report', title: '进展报告' }, PDF);
    expect(report.statusCode, report.body).toBe(201);
    const file = await p.dept1.get(`/api/v1/problems/${id}/evidence/${report.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await p.dept2.get(`/api/v1/problems/${id}/evidence/${report.json().id}`)).statusCode).toBe(404);
    const d = await detail(id);
    expect(d.evidence).toEqual([
      expect.objectContaining({ kind: 'report', title: '进展报告', mime: 'application/pdf' }),
    ]);
    expect(d.departments).toEqual([{ id: p.w.deptA.id, name: '递铺街道农业办' }]);
  });
});

describe('bad input', () => {
  it('answers 400 with field errors, never 5xx', async () => {
    const id = await create({ title: '困难群众大病救助' });
    const cases: [string, string, unknown][] = [
      ['POST', '/api/v1/problems', {}],
      ['POST', '/api/v1/problems', { title: 'x'.repeat(201), regionId: p.w.townA.id, year: 2026 }],
      ['POST', '/api/v1/problems', { title: 'x', regionId: 99999999999, year: 2026 }],
      ['POST', '/api/v1/problems', { title: 'x', regionId: p.w.townA.id, year: 'abc' }],
      ['POST', '/api/v1/problems', { title: 'x', regionId: 424242, year: 2026 }],
      ['POST', '/api/v1/problems', { title: 'x', regionId: p.w.villA1.id, year: 2026 }],
      ['POST', '/api/v1/problems', { title: 'x', regionId: p.w.townA.id, year: 2026, leadDepartmentId: 424242 }],
      ['POST', '/api/v1/problems', { title: 'x', regionId: p.w.townA.id, year: 2026, opinionIds: [424242] }],
      ['PATCH', `/api/v1/problems/${id}`, {}],
      ['PATCH', `/api/v1/problems/${id}`, { departmentIds: [424242] }],
      ['POST', `/api/v1/problems/${id}/status`, { status: 'done' }],
      ['POST', `/api/v1/problems/${id}/items`, { opinionIds: [] }],
      ['POST', `/api/v1/problems/${id}/items`, { opinionIds: [0] }],
      ['POST', `/api/v1/problems/${id}/milestones`, { title: 'x', progress: 150 }],
      ['POST', `/api/v1/problems/${id}/milestones`, { title: 'x', progress: 10, dueDate: '2026-02-30' }],
      ['POST', `/api/v1/problems/${id}/milestones`, { title: '', progress: 10 }],
      ['GET', '/api/v1/problems?year=abc', undefined],
      ['GET', '/api/v1/problems?status=x', undefined],
      ['GET', '/api/v1/problems/suggestions?days=0', undefined],
    ];
    for (const [method, url, body] of cases) {
      const res =
        method === 'GET'
          ? await p.admin.get(url)
          : method === 'PATCH'
            ? await p.admin.patch(url, body)
            : await p.admin.post(url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}: ${res.body}`).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().details.length, url).toBeGreaterThan(0);
    }
    expect((await p.admin.get('/api/v1/problems/99999999999')).statusCode).toBe(400);
    expect((await uploadEvidence(p.admin, id, { kind: 'photo', title: 'x' })).statusCode).toBe(400);
    expect((await uploadEvidence(p.admin, id, { kind: 'video', title: 'x' }, PNG)).statusCode).toBe(400);
    expect(
      (await uploadEvidence(p.admin, id, { kind: 'photo' }, Buffer.from('<html>not an image</html>'))).statusCode,
    ).toBe(415);
    expect(await p.count('problem_evidence')).toBe(1); // the department's report above only
  });
});

describe('originators are told', () => {
  it('by SMS/e-mail (citizens) and in-app (members), once per person and move', async () => {
    const a = await p.item({
      originators: [
        { kind: 'citizen', name: '周先生', phone: '13600000011', email: 'zhou@example.org' },
        { kind: 'member', memberId: p.w.m1.id },
      ],
    });
    const b = await p.item({ originators: [{ kind: 'citizen', name: '周先生', phone: '13600000011' }] });
    const id = await create({ title: '农业生产需帮扶', opinionIds: [a.id, b.id] });
    const outbox = async () =>
      (
        await p.t.db.execute(sql`select channel, recipient, body from outbox where dedupe_key like ${`problem:${id}:%`}
        order by id`)
      ).rows as { channel: string; recipient: string; body: string }[];
    const inApp = async () =>
      (
        (
          await p.t.db.execute(sql`select count(*)::int as n from notifications where kind = 'problem_update'
        and link = ${`/public/problems/${id}`}`)
        ).rows[0] as { n: number }
      ).n;
    expect(await outbox()).toEqual([]); // creating and linking is no move
    await p.admin.post(`/api/v1/problems/${id}/status`, { status: 'confirmed' });
    let rows = await outbox();
    expect(rows.map((r) => `${r.channel}:${r.recipient}`).sort()).toEqual([
      'email:zhou@example.org',
      'sms:13600000011',
    ]);
    expect(rows.find((r) => r.channel === 'sms')!.body).toContain(`/public/opinions/${a.trackingCode}`);
    expect(await inApp()).toBe(1);
    // a milestone added without being reached tells nobody; reaching it does
    const m = await p.admin.post(`/api/v1/problems/${id}/milestones`, { title: '技术员入户', progress: 40 });
    expect((await outbox()).length).toBe(2);
    await p.admin.patch(`/api/v1/problems/${id}/milestones/${m.json().id}`, { reachedAt: '2026-10-01' });
    rows = await outbox();
    expect(rows.length).toBe(4);
    expect(await inApp()).toBe(2);
    // editing the reached milestone's note is no new move
    await p.admin.patch(`/api/v1/problems/${id}/milestones/${m.json().id}`, { note: '已完成' });
    expect((await outbox()).length).toBe(4);
  });
});

describe('suggestions', () => {
  it('groups similar recent unlinked items by township', async () => {
    const texts = [
      ['横溪坞村道路坑洼', '横溪坞村主干道路面坑洼不平，雨天积水，车辆通行困难，希望尽快修复道路。'],
      ['道路坑洼积水', '横溪坞村道路坑洼严重，下雨积水，车辆难以通行，请修复路面。'],
      ['村道路面破损坑洼', '横溪坞村的道路路面坑洼积水，通行困难，群众希望修复道路。'],
      ['学校午餐', '孝丰镇中学午餐质量需提高，孩子反映饭菜偏凉。'],
    ];
    const ids: number[] = [];
    for (const [title, content] of texts) ids.push((await p.item({ title, content, regionId: p.w.villB1.id })).id);
    const res = await p.admin.get(`/api/v1/problems/suggestions?regionId=${p.w.townB.id}&days=90`);
    expect(res.statusCode, res.body).toBe(200);
    const groups = res.json().groups;
    const road = groups.find((g: any) => g.opinionIds.includes(ids[0]));
    expect(road).toMatchObject({ regionId: p.w.townB.id, regionName: '孝丰镇', count: 3 });
    expect(road.opinionIds.sort()).toEqual(ids.slice(0, 3).sort());
    expect(groups.some((g: any) => g.opinionIds.includes(ids[3]))).toBe(false);
    // once linked, they are no longer suggested; the officer of 递铺 sees none of 孝丰's
    await p.admin.post('/api/v1/problems', {
      title: '道路',
      regionId: p.w.townB.id,
      year: 2026,
      opinionIds: ids.slice(0, 2),
    });
    const after = (await p.admin.get(`/api/v1/problems/suggestions?regionId=${p.w.townB.id}`)).json().groups;
    expect(after.some((g: any) => g.opinionIds.includes(ids[0]))).toBe(false);
    const officer = (await p.officerA.get('/api/v1/problems/suggestions')).json().groups;
    expect(officer.every((g: any) => g.regionId === p.w.townA.id)).toBe(true);
    expect((await p.member1.get('/api/v1/problems/suggestions')).statusCode).toBe(404);
  });
});

it('has catalogue texts for its errors', () => {
  expect(messages.problem_invalid_status.zh).toBeTruthy();
});
