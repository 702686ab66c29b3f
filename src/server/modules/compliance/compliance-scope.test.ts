import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let deptB: { id: number };
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  deptB = await buildDepartment(t.db, { name: '孝丰镇综治办', townshipId: w.townB.id });
  await buildUser(t.db, { username: 'handler1', roles: ['dept_handler'], departmentId: w.deptA.id });
});
afterAll(() => t.close());

/** Every row the user sees for 2026, problems or not, as kind:id strings. */
const seen = async (username: string, extra = '') => {
  const c = await login(t.app, username);
  const res = await c.get(`/api/v1/compliance?year=2026&onlyProblems=false&pageSize=500${extra}`);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  return { rows: body.items.map((r: any) => `${r.kind}:${r.id}`).sort(), summary: body.summary, body };
};
const ids = (...xs: string[]) => xs.sort();

describe('compliance scope', () => {
  it('admin and leader see every member, village, department and group', async () => {
    for (const u of ['admin', 'leader1']) {
      const { rows, summary } = await seen(u);
      expect(rows).toEqual(
        ids(
          `member:${w.m1.id}`,
          `member:${w.m2.id}`,
          `member:${w.m3.id}`,
          `village:${w.villA1.id}`,
          `village:${w.villA2.id}`,
          `village:${w.villB1.id}`,
          `department:${w.deptA.id}`,
          `department:${deptB.id}`,
          `group:${w.groupA.id}`,
          `group:${w.groupB.id}`,
        ),
      );
      expect(summary.byKind.member.total).toBe(3);
    }
  });

  it('a member sees only their own row', async () => {
    const { rows, summary } = await seen('member1');
    expect(rows).toEqual([`member:${w.m1.id}`]);
    expect(summary.byKind).toMatchObject({ member: { total: 1 }, village: { total: 0 }, group: { total: 0 } });
    expect((await seen('member1', `&groupId=${w.groupB.id}`)).rows).toEqual([]);
  });

  it('a group leader sees their group: its members, its township villages and departments, and the group row', async () => {
    const { rows } = await seen('grouplead');
    expect(rows).toEqual(
      ids(
        `member:${w.m1.id}`,
        `member:${w.m3.id}`,
        `village:${w.villA1.id}`,
        `village:${w.villA2.id}`,
        `department:${w.deptA.id}`,
        `group:${w.groupA.id}`,
      ),
    );
    expect((await seen('grouplead', `&groupId=${w.groupB.id}`)).rows).toEqual([]);
  });

  it("an information officer sees their township's villages and departments only", async () => {
    const { rows } = await seen('officer1');
    expect(rows).toEqual(ids(`village:${w.villB1.id}`, `department:${deptB.id}`));
  });

  it('a department handler sees nothing', async () => {
    expect((await seen('handler1')).rows).toEqual([]);
  });

  it('filters by kind and group for the office', async () => {
    expect((await seen('admin', `&groupId=${w.groupB.id}`)).rows).toEqual(
      ids(`member:${w.m2.id}`, `village:${w.villB1.id}`, `department:${deptB.id}`, `group:${w.groupB.id}`),
    );
    expect((await seen('admin', '&kind=village')).rows).toEqual(
      ids(`village:${w.villA1.id}`, `village:${w.villA2.id}`, `village:${w.villB1.id}`),
    );
  });

  it('requires sign-in and validates the query', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/compliance' })).statusCode).toBe(401);
    const c = await login(t.app, 'admin');
    expect((await c.get('/api/v1/compliance?kind=planet')).statusCode).toBe(400);
    const off = await c.get('/api/v1/compliance?onlyProblems=0&year=2026');
    expect(off.json().total).toBe(10);
  });
});
