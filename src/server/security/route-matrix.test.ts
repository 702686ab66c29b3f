// The generated role × endpoint test: every operation of the OpenAPI document, called as anonymous and as each
// demo role (and through encoded path variants), on own and foreign records, against the expectation table in
// route-matrix.table.ts. A route missing from the table fails; a refused write must leave the database unchanged.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  databaseFingerprint,
  encodedVariant,
  fillPath,
  innerEncodedVariant,
  type Operation,
  readOperations,
  setFixtureIds,
  worldPathIds,
} from '../../../tests/setup/openapi-walk.js';
import { type Client, createTestApp, login, type TestApp } from '../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../tests/setup/world.js';
import { buildUser } from '../db/seed/factories.js';
import { type Access, PRINCIPALS, type Principal, ROUTE_MATRIX } from './route-matrix.table.js';

/** Bodies the schema alone cannot make valid (formats, cross-field rules), so a refusal is a role's, not a field's. */
const BODIES: Record<string, () => unknown> = {
  'POST /api/v1/users': () => ({
    username: 'matrixuser',
    displayName: '矩阵',
    password: 'Xk#9vLq2!mZa',
    roles: ['member'],
  }),
  'POST /api/v1/regions': () => ({ code: '330523001299', name: '矩阵村', level: 'village', parentId: w.townA.id }),
  'POST /api/v1/representatives': () => ({
    name: '周测',
    gender: '1',
    phone: '13900000098',
    regionId: w.villA1.id,
    memberIds: [w.m1.id],
  }),
  'PUT /api/v1/calendar/overrides/{date}': () => ({ kind: 'holiday', note: '矩阵' }),
  // Stays normal, so the fixture item keeps its audience for every operation after this one.
  'PUT /api/v1/opinions/{id}/confidentiality': () => ({ confidentiality: 'normal' }),
};

const USERNAMES: Record<Exclude<Principal, 'anon'>, string> = {
  admin: 'admin',
  leader: 'leader1',
  member: 'member1',
  member2: 'member2',
  grouplead: 'grouplead',
  officer: 'officer1',
  dept: 'dept1',
};

let t: TestApp;
let w: World;
let ops: Operation[];
const clients = new Map<Principal, Client>();
let pathIds: Record<string, number | string>;
const tally = { operations: 0, calls: 0, leaks: 0, refusedWrites: 0, refusedByBody: 0 };
const statuses: Record<string, string[]> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  const spare = await buildUser(t.db, { username: 'spare', roles: ['member'] });
  for (const [p, u] of Object.entries(USERNAMES)) clients.set(p as Principal, await login(t.app, u));
  const admin = clients.get('admin')!;
  const item = await admin.post('/api/v1/opinions', {
    activityId: w.act1.id,
    title: '村口道路破损',
    content: '村口道路破损严重，雨天积水，群众出行不便。',
    regionId: w.villA1.id,
    originators: [{ kind: 'member', memberId: w.m1.id }],
  });
  const category = (await t.db.execute(sql`select id from opinion_categories order by id limit 1`)).rows[0] as any;
  // A 民生问题 in 递铺 led by 递铺街道农业办 (dept1's department): the sample of every /problems/{id} path.
  const problem = await admin.post('/api/v1/problems', {
    title: '村口道路破损',
    regionId: w.townA.id,
    year: 2026,
    leadDepartmentId: w.deptA.id,
  });
  const token = (await admin.post('/api/v1/api-tokens', { name: 'matrix', roles: ['admin'], userId: spare.id })).json();
  pathIds = worldPathIds(w, {
    users: spare.id,
    'api-tokens': token.id ?? 1,
    opinions: item.json().id,
    problems: problem.json().id,
    'opinion-categories': category?.id ?? 1,
    trackingCode: item.json().trackingCode ?? 'X',
    date: '2026-10-10',
    kind: 'representatives',
    villages: w.villA1.id,
  });
  setFixtureIds({
    regionId: w.villA1.id,
    villageId: w.villA1.id,
    townshipId: w.townA.id,
    memberId: w.m1.id,
    representativeId: w.rep1.id,
    sectorId: w.sectorA.id,
    groupId: w.groupA.id,
    departmentId: w.deptA.id,
    activityId: w.act1.id,
    termId: w.term.id,
    categoryId: category?.id ?? 1,
    opinionId: item.json().id,
    userId: spare.id,
  });
  ({ ops } = await readOperations(t.app));
  for (const op of ops) if (op.key in BODIES) op.body = BODIES[op.key]();
});

afterAll(async () => {
  console.log(
    `route matrix: ${tally.operations} operations × ${PRINCIPALS.length} principals, ${tally.calls} calls, ` +
      `${tally.refusedWrites} refused writes checked unchanged, ${tally.refusedByBody} refused by the body alone, leaks ${tally.leaks}`,
  );
  if (process.env.MATRIX_RECORD)
    fs.writeFileSync(
      process.env.MATRIX_RECORD,
      JSON.stringify(
        ops.map((o) => ({ key: o.key, isPublic: o.isPublic, statuses: statuses[o.key] })),
        null,
        1,
      ),
    );
  await t?.close();
});

/** Calls one operation as a principal; a session ended by an earlier call (logout) is opened again. */
async function call(op: Operation, who: Principal, url: string) {
  tally.calls++;
  const payload = op.multipart ? undefined : (op.body as any);
  if (who === 'anon') return t.app.inject({ method: op.method, url, payload });
  let c = clients.get(who)!;
  let res = await c[verb(op.method)](url, payload);
  if (res.statusCode === 401) {
    c = await login(t.app, USERNAMES[who]);
    clients.set(who, c);
    res = await c[verb(op.method)](url, payload);
  }
  return res;
}

/** Opens the principal's session again if an earlier call (logout) ended it. */
async function ensureSignedIn(who: Principal) {
  if (who === 'anon') return;
  if ((await clients.get(who)!.get('/api/v1/auth/me')).statusCode === 401)
    clients.set(who, await login(t.app, USERNAMES[who]));
}

const verb = (m: Operation['method']) =>
  (({ GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'del' }) as const)[m];

const isRefused = (s: number) => s === 403 || s === 404;
const allows = (access: Access, who: Principal) =>
  access === 'public' || (who !== 'anon' && (access === 'signed-in' || access.split(' ').includes(who)));

const urlOf = (op: Operation) => {
  const q = new URLSearchParams(Object.entries(op.query).map(([k, v]) => [k, String(v)])).toString();
  return `${fillPath(op.path, pathIds)}${q ? `?${q}` : ''}`;
};

describe('role × endpoint matrix', () => {
  it('has an expectation for every operation in the OpenAPI document, and none for a removed one', () => {
    const keys = new Set(ops.map((o) => o.key));
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((o) => !(o.key in ROUTE_MATRIX)).map((o) => o.key)).toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('anonymous callers reach only public operations, through any spelling of the path', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const access = ROUTE_MATRIX[op.key];
      if (!access) continue;
      for (const url of [urlOf(op), encodedVariant(urlOf(op)), innerEncodedVariant(urlOf(op))]) {
        const res = await call(op, 'anon', url);
        if (access === 'public') {
          if (res.statusCode === 401 && res.json().code === 'unauthenticated')
            wrong.push(`${op.key} ${url}: public route asked for a sign-in`);
        } else if (res.statusCode !== 401 && res.statusCode !== 404) {
          tally.leaks++;
          wrong.push(`${op.key} ${url}: anonymous got ${res.statusCode}`);
        } else if (res.statusCode === 404 && url === urlOf(op)) {
          wrong.push(`${op.key} ${url}: anonymous got 404 instead of 401`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('each role is refused (403/404, nothing changed) where the table says so, and reaches the rest', {
    timeout: 600_000,
  }, async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const access = ROUTE_MATRIX[op.key] ?? (process.env.MATRIX_RECORD ? 'nobody' : undefined);
      if (!access) continue;
      tally.operations++;
      const order = [
        ...PRINCIPALS.filter((p) => p !== 'anon' && !allows(access, p)),
        ...PRINCIPALS.filter((p) => p !== 'anon' && allows(access, p)),
      ];
      const results = new Map<Principal, number>();
      for (const who of order) {
        const isWrite = op.method !== 'GET';
        if (isWrite) await ensureSignedIn(who); // a sign-in is audited: it must not count as the refused write's change
        const before = isWrite && !allows(access, who) ? await databaseFingerprint(t.db) : null;
        const res = await call(op, who, urlOf(op));
        results.set(who, res.statusCode);
        if (process.env.MATRIX_RECORD) {
          statuses[op.key] ??= [];
          statuses[op.key].push(`${who}:${res.statusCode}${res.statusCode === 400 ? res.body.slice(0, 200) : ''}`);
        }
        if (allows(access, who)) {
          if (res.statusCode === 403 || res.statusCode === 401)
            wrong.push(`${op.key} as ${who}: expected to reach it, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        } else if (before !== null) {
          tally.refusedWrites++;
          if ((await databaseFingerprint(t.db)) !== before)
            wrong.push(`${op.key} as ${who}: refused write changed data`);
        }
      }
      // A 400 is a refusal by the body, not by the role: accepted only where the sample body is invalid for every
      // principal (an allowed one got 400 too), and counted, so the table never hides a role that gets through.
      const sampleInvalid = order.some((p) => allows(access, p) && results.get(p) === 400);
      for (const who of order) {
        if (allows(access, who)) continue;
        const status = results.get(who)!;
        if (isRefused(status)) continue;
        if (status === 400 && sampleInvalid) {
          tally.refusedByBody++;
          continue;
        }
        tally.leaks++;
        wrong.push(`${op.key} as ${who}: expected 403/404, got ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
