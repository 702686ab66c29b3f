import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import {
  buildActivity,
  buildDepartment,
  buildMember,
  buildRegion,
  buildRepresentative,
} from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Awaited<ReturnType<typeof login>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

let phoneSeq = 0;
const addReps = async (n: number, over: { memberIds?: number[]; regionId?: number; departmentId?: number }) => {
  for (let i = 0; i < n; i++) {
    phoneSeq++;
    await buildRepresentative(t.db, {
      phone: `1361000${String(phoneSeq).padStart(4, '0')}`,
      regionId: over.regionId ?? w.villA1.id,
      ...over,
    });
  }
};

/** The row of one entity (problems or not) from the admin's view for 2026. */
const rowOf = async (kind: string, id: number, extra = '') => {
  const res = await admin.get(`/api/v1/compliance?year=2026&kind=${kind}&onlyProblems=false&pageSize=500${extra}`);
  expect(res.statusCode).toBe(200);
  return res.json().items.find((r: any) => r.id === id);
};
const rulesOf = (row: any) => row.shortfalls.map((s: any) => s.rule).sort();

describe('compliance rules at their boundaries', () => {
  it('member with 4 representatives is short by 1; 5 is fine; 11 is 1 too many', async () => {
    const m = await buildMember(t.db, { name: '边界委员', groupId: w.groupA.id, villageIds: [w.villA1.id] });
    await buildActivity(t.db, { memberIds: [m.id], regionId: w.villA1.id, date: '2026-02-01' });
    await addReps(4, { memberIds: [m.id] });
    let row = await rowOf('member', m.id);
    expect(row.shortfalls).toEqual([
      { rule: 'member_reps_min', expected: 5, actual: 4, gap: 1, fixUrl: `/representatives/new?memberId=${m.id}` },
    ]);
    expect(row.fixUrl).toBe(`/members/${m.id}`);
    await addReps(1, { memberIds: [m.id] });
    row = await rowOf('member', m.id);
    expect(row.compliant).toBe(true);
    expect(row.facts).toEqual({ repCount: 5, villageCount: 1 });
    await addReps(6, { memberIds: [m.id] });
    row = await rowOf('member', m.id);
    expect(row.shortfalls).toMatchObject([{ rule: 'member_reps_max', expected: 10, actual: 11, gap: 1 }]);
  });

  it('a member without a village breaks member_villages_min', async () => {
    const m = await buildMember(t.db, { name: '无村委员', groupId: w.groupB.id });
    const row = await rowOf('member', m.id);
    expect(rulesOf(row)).toEqual(['member_reps_min', 'member_villages_min']);
    expect(row.shortfalls.find((s: any) => s.rule === 'member_villages_min')).toMatchObject({
      expected: 1,
      actual: 0,
      gap: 1,
    });
  });

  it('a village with 1 representative is short by 1', async () => {
    const row = await rowOf('village', w.villA1.id);
    const reps = Number(
      (await t.db.execute(sql`select count(*) from representatives where region_id = ${w.villA1.id}`)).rows[0].count,
    );
    const v = await buildRegion(t.db, { name: '一人村', parentId: w.townA.id });
    await buildMember(t.db, { groupId: w.groupA.id, villageIds: [v.id] });
    await addReps(1, { regionId: v.id });
    const one = await rowOf('village', v.id);
    expect(one.shortfalls).toEqual([
      { rule: 'village_reps_min', expected: 2, actual: 1, gap: 1, fixUrl: `/representatives/new?regionId=${v.id}` },
    ]);
    expect(one.fixUrl).toBe(`/regions/${v.id}`);
    expect(one.groupId).toBe(w.groupA.id);
    expect(row.facts.repCount).toBe(reps);
  });

  it('an unlinked village breaks village_unlinked', async () => {
    const v = await buildRegion(t.db, { name: '无人村', parentId: w.townB.id });
    const row = await rowOf('village', v.id);
    expect(row.shortfalls).toEqual([
      { rule: 'village_reps_min', expected: 2, actual: 0, gap: 2, fixUrl: `/representatives/new?regionId=${v.id}` },
      { rule: 'village_unlinked', expected: 1, actual: 0, gap: 1, fixUrl: `/regions/${v.id}` },
    ]);
  });

  it('a department with 2 representatives is short by 1, with 6 it has 1 too many', async () => {
    const d = await buildDepartment(t.db, { name: '孝丰镇民政办', townshipId: w.townB.id });
    await addReps(2, { departmentId: d.id, regionId: undefined });
    let row = await rowOf('department', d.id);
    expect(row.shortfalls).toEqual([
      { rule: 'dept_reps_min', expected: 3, actual: 2, gap: 1, fixUrl: `/representatives/new?departmentId=${d.id}` },
    ]);
    await addReps(4, { departmentId: d.id, regionId: undefined });
    row = await rowOf('department', d.id);
    expect(row.shortfalls).toEqual([
      { rule: 'dept_reps_max', expected: 5, actual: 6, gap: 1, fixUrl: `/departments/${d.id}` },
    ]);
  });

  it('a linked village not visited this year is flagged until a visit in that year is recorded', async () => {
    const visitRule = async () =>
      (await rowOf('member', w.m3.id)).shortfalls.filter((s: any) => s.rule === 'village_visits_min');
    expect(await visitRule()).toEqual([
      {
        rule: 'village_visits_min',
        expected: 1,
        actual: 0,
        gap: 1,
        villageId: w.villA2.id,
        villageName: '鹤鹿溪村',
        fixUrl: `/activities/new?memberId=${w.m3.id}&regionId=${w.villA2.id}`,
      },
    ]);
    await buildActivity(t.db, { memberIds: [w.m3.id], regionId: w.villA2.id, date: '2025-12-31' });
    await buildActivity(t.db, { memberIds: [w.m1.id], regionId: w.villA2.id, date: '2026-06-01' });
    expect(await visitRule()).toHaveLength(1);
    await buildActivity(t.db, { memberIds: [w.m1.id, w.m3.id], regionId: w.villA2.id, date: '2026-01-01' });
    expect(await visitRule()).toEqual([]);
    const last = await admin.get(`/api/v1/compliance?year=2025&kind=member&onlyProblems=false&pageSize=500`);
    const m3In2025 = last.json().items.find((r: any) => r.id === w.m3.id);
    expect(m3In2025.shortfalls.some((s: any) => s.rule === 'village_visits_min')).toBe(false);
  });

  it('lists only problems by default, pages, and aggregates a group row', async () => {
    const res = await admin.get('/api/v1/compliance?year=2026&pageSize=2');
    const body = res.json();
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    expect(body.items.every((r: any) => !r.compliant)).toBe(true);
    const groups = (await admin.get('/api/v1/compliance?year=2026&kind=group&onlyProblems=false')).json().items;
    const a = groups.find((g: any) => g.id === w.groupA.id);
    const members = (
      await admin.get(`/api/v1/compliance?year=2026&kind=member&onlyProblems=false&groupId=${w.groupA.id}`)
    ).json();
    expect(a.counts.member.total).toBe(members.total);
    expect(a.counts.member.nonCompliant).toBe(members.items.filter((m: any) => !m.compliant).length);
    const reps = a.shortfalls.find((s: any) => s.rule === 'member_reps_min');
    expect(reps).toMatchObject({
      entities: expect.any(Number),
      fixUrl: `/compliance?groupId=${w.groupA.id}&kind=member`,
    });
    expect(a.fixUrl).toBe(`/compliance?groupId=${w.groupA.id}`);
    expect(body.summary.byKind.group.total).toBe(2);
    expect(body.summary.byRule.member_reps_min.nonCompliant).toBeGreaterThan(0);
    const sum = (await admin.get('/api/v1/compliance/summary?year=2026')).json();
    expect(sum.summary).toEqual(body.summary);
    expect(sum.quotas.repsPerMemberMin).toBe(5);
  });
});

describe('quota settings', () => {
  const put = (c: typeof admin, body: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/quotas',
      payload: body as any,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken },
    });
  const quotas = {
    repsPerMemberMin: 1,
    repsPerMemberMax: 10,
    repsPerVillageMin: 2,
    repsPerDeptMin: 3,
    repsPerDeptMax: 5,
    villagesPerMemberMin: 1,
    visitsPerLinkedVillagePerYear: 1,
  };
  const auditCount = async () =>
    Number((await t.db.execute(sql`select count(*) from audit_log where entity = 'settings'`)).rows[0].count);

  it('refuses non-admins and changes nothing', async () => {
    for (const u of ['leader1', 'grouplead', 'member1', 'officer1']) {
      const c = await login(t.app, u);
      const res = await put(c, quotas);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    expect((await t.db.execute(sql`select * from settings where key = 'quotas'`)).rows).toHaveLength(0);
    expect(await auditCount()).toBe(0);
    expect((await admin.get('/api/v1/settings/quotas')).json().quotas.repsPerMemberMin).toBe(5);
  });

  it('rejects a minimum above its maximum', async () => {
    const res = await put(admin, { ...quotas, repsPerDeptMin: 6 });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('repsPerDeptMax');
  });

  it('changing a quota changes the result and is audited', async () => {
    const before = await rowOf('member', w.m1.id);
    expect(rulesOf(before)).toContain('member_reps_min');
    const res = await put(admin, quotas);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ quotas, defaults: { repsPerMemberMin: 5 }, abilities: { canEdit: true } });
    expect(await auditCount()).toBe(1);
    const after = await rowOf('member', w.m1.id);
    expect(rulesOf(after)).not.toContain('member_reps_min');
    const view = (await admin.get('/api/v1/compliance?year=2026&kind=member')).json();
    expect(view.quotas.repsPerMemberMin).toBe(1);
    const member = await login(t.app, 'member1');
    expect((await member.get('/api/v1/settings/quotas')).json()).toMatchObject({
      quotas,
      abilities: { canEdit: false },
    });
  });
});
