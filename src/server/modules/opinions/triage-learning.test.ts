// The triage suggestions learn from the office's decisions as they happen, in every server process: a category
// correction made through one process changes what another suggests (the classifiers catch up by event id), and the
// lead departments of forwards teach the department suggestion. Runs on PGlite and on PostgreSQL.

import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestAppOn,
  login,
  openTestDatabase,
  type TestApp,
} from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';
import type { Database, Db } from '../../db/client.js';
import * as schema from '../../db/schema.js';
import { buildDepartment } from '../../db/seed/factories.js';

let database: Database;
let one: TestApp;
let two: TestApp;
let adminOne: Client;
let adminTwo: Client;
const cat: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  one = await createTestAppOn(database, {}, true);
  // A second "process": its own database handle on the same data, so its own in-memory text state.
  const db = (database.pglite
    ? drizzlePglite(database.pglite, { schema })
    : drizzlePg(database.pool!, { schema })) as unknown as Db;
  two = await createTestAppOn({ ...database, db }, {}, true);
  await buildWorld(one.db);
  const add = async (name: string, parentId: number | null = null) =>
    (
      (
        await one.db.execute(
          sql`insert into opinion_categories (name, parent_id) values (${name}, ${parentId}) returning id`,
        )
      ).rows[0] as { id: number }
    ).id;
  cat.town = await add('试·城乡建设');
  cat.lights = await add('路灯照明', cat.town);
  cat.drains = await add('排水管网', cat.town);
  cat.edu = await add('试·教育文体');
  cat.school = await add('学校管理', cat.edu);
  adminOne = await login(one.app, 'admin');
  adminTwo = await login(two.app, 'admin');
}, 60_000);
afterAll(async () => {
  await one.close();
  await two.close();
  await database.close();
});

const manhole = (i: number) => ({
  title: `小区井盖缺失${i}`,
  content: `幸福小区${i}号楼门前的井盖丢了好几天，雨天积水，老人小孩经过很危险。`,
  channel: 'letter',
});

const topCategory = async (c: Client, text: { title: string; content: string }) => {
  const res = await c.post('/api/v1/opinions/suggest-category', text);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0]?.categoryId as number | undefined;
};

describe('learning from corrections', () => {
  it('follows the office’s corrections, made through another process', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await adminOne.post('/api/v1/opinions', { ...manhole(i), categoryId: cat.school });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    // Both processes have learned the (wrong) first decisions.
    expect(await topCategory(adminOne, manhole(100))).toBe(cat.school);
    expect(await topCategory(adminTwo, manhole(101))).toBe(cat.school);
    // The office corrects them through process one only.
    for (const id of ids) {
      const res = await adminOne.put(`/api/v1/opinions/${id}/category`, { categoryId: cat.drains });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await topCategory(adminTwo, manhole(102))).toBe(cat.drains);
    expect(await topCategory(adminOne, manhole(103))).toBe(cat.drains);
    const s = await adminTwo.get(`/api/v1/opinions/${ids[0]}/suggestions`);
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().categories[0]).toMatchObject({ categoryId: cat.drains, name: '排水管网' });
  });

  it('suggests the lead department the office forwards such items to, in both processes', async () => {
    const water = await buildDepartment(one.db, { name: '县水务局' });
    const edu = await buildDepartment(one.db, { name: '县教育局' });
    const forward = async (text: { title: string; content: string }, dept: number) => {
      const res = await adminOne.post('/api/v1/opinions', { ...text, channel: 'letter' });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as number;
      const f = await adminOne.post(`/api/v1/opinions/${id}/transitions`, {
        steps: [{ action: 'accept' }, { action: 'forward', leadDepartmentId: dept, instructions: '请办理' }],
      });
      expect(f.statusCode, f.body).toBe(200);
    };
    // Process two learns before the forwards, so what it knows afterwards comes from the events.
    const probe = await adminTwo.post('/api/v1/opinions', manhole(200));
    const probeId = probe.json().id as number;
    expect((await adminTwo.get(`/api/v1/opinions/${probeId}/suggestions`)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) {
      await forward(manhole(300 + i), water.id);
      await forward({ title: `学校食堂饭菜差${i}`, content: `孩子说学校食堂的饭菜不好吃，分量也少${i}。` }, edu.id);
    }
    for (const c of [adminTwo, adminOne]) {
      const res = await c.get(`/api/v1/opinions/${probeId}/suggestions`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().departments[0]).toMatchObject({ departmentId: water.id, name: '县水务局', basis: 'text' });
      expect(res.json().learnedFrom.departments).toBeGreaterThanOrEqual(10);
      const plan = await c.get(`/api/v1/opinions/${probeId}/forward-plan`);
      expect(plan.json().suggestions[0]).toMatchObject({ departmentId: water.id });
      expect(plan.json().suggestions[0].probability).toBeGreaterThan(0.3);
    }
  });
});
