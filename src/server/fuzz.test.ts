// Fuzz of the whole HTTP API from its own OpenAPI document: every operation gets a fixed-seed batch of hostile requests
// (wrong types, out-of-range numbers, NUL and lone surrogates, huge and deeply nested bodies, invalid JSON, wrong
// content types, malformed multipart) as admin, as a member and anonymously, and not one may answer with a 5xx.
// The run is deterministic: the seed fixes every request; the answers never steer what is sent next.
import fs from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Hints,
  listOperations,
  type Operation,
  type Rng,
  seeded,
  validValue,
} from '../../tests/setup/openapi-fuzz.js';
import {
  type Body,
  MULTIPART_FORMS,
  multipartBody,
  mutateBody,
  pathValue,
  queryString,
} from '../../tests/setup/openapi-fuzz-mutations.js';
import { createTestApp, login, type TestApp } from '../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../tests/setup/world.js';
import { buildApp } from './app.js';

// FUZZ_SEED explores other request sets locally; CI runs the fixed seed so a failure replays exactly.
const SEED = Number(process.env.FUZZ_SEED ?? 0x4a1e11a2);
// A fixed clock (a Friday morning in Beijing): deadlines, "today" and session idleness answer the same way every run.
const NOW = new Date('2026-05-15T02:00:00Z');
// A small upload limit so the "file too large" multipart case costs kilobytes, not the default 10 MB.
const MAX_UPLOAD = 64 * 1024;

let t: TestApp;
let w: World;
let app: FastifyInstance;
let records: Record<string, number[]>;
const errors = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp({ config: { maxUploadBytes: MAX_UPLOAD } as any, now: () => new Date(NOW) });
  w = await buildWorld(t.db);
  // A second app on the same database whose error log is kept, so a 5xx is reported with the server's own error.
  app = await buildApp(
    { ...t.deps, config: { ...t.deps.config, logLevel: 'error' } },
    {
      logStream: {
        write: (line: string) => {
          const l = JSON.parse(line);
          const id = l.reqId ?? l.requestId;
          if (id && l.err)
            errors.set(
              id,
              String(l.err.stack ?? l.err.message)
                .split('\n')
                .slice(0, 4)
                .join(' | '),
            );
        },
      },
    },
  );
});
beforeAll(async () => {
  records = await seedRecords(w);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

type Role = 'admin' | 'member1' | 'member2' | 'anon' | 'junk-cookie' | 'junk-bearer' | 'admin-no-csrf';
const ROLES: [Role, number][] = [
  ['admin', 0.72],
  ['member1', 0.13],
  ['anon', 0.07],
  ['junk-cookie', 0.03],
  ['junk-bearer', 0.03],
  ['admin-no-csrf', 0.02],
];
const PUBLIC_ROLES: [Role, number][] = [
  ['anon', 0.6],
  ['admin', 0.25],
  ['member1', 0.1],
  ['junk-cookie', 0.05],
];
const pickRole = (r: Rng, table: [Role, number][]): Role => {
  let x = r.next();
  for (const [role, p] of table) {
    x -= p;
    if (x < 0) return role;
  }
  return table[0][0];
};
const isPublic = (op: Operation) =>
  op.path.startsWith('/api/v1/public/') || op.path === '/api/health' || op.path === '/api/v1/auth/login';

// Writes without a JSON body in the document read multipart parts (or nothing): each gets every malformed form once.
const isBodylessWrite = (op: Operation) => !op.body && op.method !== 'GET' && op.method !== 'DELETE';

/** How many requests an operation gets: more where there is more to get wrong. */
const countFor = (op: Operation) =>
  isBodylessWrite(op)
    ? 2 + MULTIPART_FORMS + 4 + 2 * op.params.length
    : Math.min(30, 9 + (op.body ? 14 : 0) + 3 * op.params.length);

/** Records the world lacks (an opinion, a proposal, a reception day, a consultation), made through the API once. */
async function seedRecords(world: World): Promise<Record<string, number[]>> {
  const admin = await login(app, 'admin');
  const member = await login(app, 'member1');
  const made = async (what: string, res: Awaited<ReturnType<typeof admin.post>>) => {
    // A fixture that cannot be made only makes the fuzz shallower there; say so instead of hiding it.
    if (res.statusCode >= 300)
      console.log(`fuzz fixture ${what} not created: ${res.statusCode} ${res.body.slice(0, 200)}`);
    const id = res.statusCode < 300 ? Number(res.json().id) : Number.NaN;
    return Number.isInteger(id) ? [id] : [];
  };
  const opinions = await made(
    'opinion',
    await admin.post('/api/v1/opinions', {
      activityId: world.act1.id,
      title: '村口道路破损',
      content: '村口道路破损严重，雨天积水，群众出行不便。',
      originators: [{ kind: 'member', memberId: world.m1.id }],
    }),
  );
  const proposals = await made('proposal', await member.post('/api/v1/proposals', { title: '提案', content: '正文' }));
  const days = await made(
    'reception day',
    await admin.post('/api/v1/reception-days', {
      title: '委员接待日',
      date: '2026-06-20',
      place: '委员之家',
      regionId: world.villA1.id,
      memberIds: [world.m1.id],
      slots: { from: '09:00', to: '11:30', length: 30 },
    }),
  );
  const consultations = await made('consultation', await admin.post('/api/v1/consultations', { topic: '协商议题' }));
  return { opinions, proposals, 'reception-days': days, consultations };
}

function hintsOf(world: World, seeded: Record<string, number[]>): Hints {
  const ids = (...xs: { id: number }[]) => xs.map((x) => x.id);
  const members = ids(world.m1, world.m2, world.m3);
  const regions = ids(world.villA1, world.villA2, world.villB1, world.townA, world.townB);
  return {
    byField: {
      memberId: members,
      memberIds: members,
      leaderMemberId: [world.m3.id],
      regionId: regions,
      villageIds: ids(world.villA1, world.villB1),
      parentId: ids(world.townA, world.townB),
      townshipId: ids(world.townA, world.townB),
      groupId: ids(world.groupA, world.groupB),
      sectorId: ids(world.sectorA, world.sectorB),
      departmentId: [world.deptA.id],
      leadDepartmentId: [world.deptA.id],
      coDepartmentIds: [world.deptA.id],
      representativeId: ids(world.rep1, world.rep2, world.rep3),
      representativeIds: ids(world.rep1, world.rep2, world.rep3),
      activityId: ids(world.act1, world.act2),
      termId: [world.term.id],
      copyFromTermId: [world.term.id],
      userId: ids(world.users.officer1, world.users.leader1),
      year: [2026],
      fromYear: [2025, 2026],
      ...(seeded.opinions.length ? { opinionIds: seeded.opinions } : {}),
    },
    byCollection: {
      members,
      representatives: ids(world.rep1, world.rep2, world.rep3),
      activities: ids(world.act1, world.act2),
      regions,
      'liaison-groups': ids(world.groupA, world.groupB),
      departments: [world.deptA.id],
      sectors: ids(world.sectorA, world.sectorB),
      // Never admin, member1 or member2: a valid PATCH or password reset on them would end the fuzz's own sessions.
      users: ids(world.users.officer1, world.users.leader1, world.users.grouplead),
      ...Object.fromEntries(Object.entries(seeded).filter(([, v]) => v.length)),
    },
  };
}

/** A valid value for a path parameter, from the world where the URL names a collection. */
function validPathValue(op: Operation, name: string, schema: any, r: Rng, h: Hints): string {
  if (name === 'id') {
    const segs = op.path.split('/');
    const coll = segs[segs.indexOf('{id}') - 1];
    return String(r.pick(h.byCollection[coll] ?? [1, 2, 3]));
  }
  if (name === 'year') return '2026';
  if (name === 'date') return '2026-05-01';
  if (h.byField[name]) return String(r.pick(h.byField[name]));
  if (schema.type === 'integer') return String(1 + r.int(3));
  return String(validValue(schema, name, r, h));
}

interface Planned {
  op: Operation;
  role: Role;
  method: string;
  url: string;
  body?: Body;
  headers: Record<string, string>;
}

// Headers a client controls besides the body: language negotiation and the public form's idempotency key.
const ODD_HEADERS: Record<string, string>[] = [
  { 'accept-language': 'ug,en;q=0.5' },
  { 'accept-language': '*;q=abc, zh-Hant-TW' },
  { 'accept-language': 'x'.repeat(5000) },
  { 'idempotency-key': 'k'.repeat(10_000) },
  { 'idempotency-key': '\u00ff\u00fe' },
  { 'content-length': '0' },
  { 'x-csrf-token': 'forged' },
];

const SELF_SERVICE = new Set(['/api/v1/auth/logout', '/api/v1/auth/password']);

/** All requests of one operation; the PRNG alone decides them. */
function planOperation(op: Operation, r: Rng, h: Hints): Planned[] {
  const out: Planned[] = [];
  const n = countFor(op);
  const writes = op.method !== 'GET' && op.method !== 'DELETE';
  for (let i = 0; i < n; i++) {
    // The malformed multipart forms go to a valid URL as a caller the route lets through, so the parser meets them.
    const multipart = isBodylessWrite(op) && i > 1 && i - 2 < MULTIPART_FORMS;
    // The first two requests are valid ones, as admin and as a member, so later ones find records to work on.
    const first: Role | null =
      i === 0 ? 'admin' : i === 1 && !isPublic(op) ? 'member1' : multipart ? (isPublic(op) ? 'anon' : 'admin') : null;
    let role = first ?? pickRole(r, isPublic(op) ? PUBLIC_ROLES : ROLES);
    // Logout ends the session, and wrong current passwords may end it or lock the account: both run on member2's own
    // session (signed in again afterwards), never on the admin's or member1's that the rest of the run needs.
    if (SELF_SERVICE.has(op.path) && role !== 'anon' && !role.startsWith('junk')) role = 'member2';
    let path = op.path;
    for (const p of op.params.filter((x) => x.in === 'path')) {
      const valid = validPathValue(op, p.name, p.schema, r, h);
      const { value } = i < 2 || multipart ? { value: encodeURIComponent(valid) } : pathValue(p, valid, r);
      path = path.replace(`{${p.name}}`, value);
    }
    const query = op.params.filter((x) => x.in === 'query');
    const validQuery: Record<string, unknown> = {};
    for (const p of query) if (p.required || r.chance(0.5)) validQuery[p.name] = validValue(p.schema, p.name, r, h);
    const url = path + queryString(query, validQuery, r, multipart ? 0 : i);
    let body: Body | undefined;
    if (op.body) body = mutateBody(validValue(op.body, '', r, h), op.body, r, i);
    else if (multipart) body = multipartBody(r, MAX_UPLOAD, i - 2);
    else if (writes && i > 1) body = mutateBody({}, { type: 'object' }, r, 2 + r.int(100));
    else if (!writes && i > 1 && r.chance(0.05)) body = mutateBody({}, { type: 'object' }, r, 2 + r.int(100));
    const headers = i > 1 && r.chance(0.08) ? { ...r.pick(ODD_HEADERS) } : {};
    out.push({ op, role, method: op.method, url, body, headers });
  }
  return out;
}

/** Signed-in sessions of the fuzz's users, signed in again whenever a request ends one. */
async function openSessions() {
  const sessions = new Map<string, { cookie: string; csrfToken: string }>();
  const userOf: Partial<Record<Role, string>> = {
    admin: 'admin',
    'admin-no-csrf': 'admin',
    member1: 'member1',
    member2: 'member2',
  };
  let relogins = 0;
  const signIn = async (user: string) => {
    try {
      const c = await login(app, user);
      sessions.set(user, { cookie: c.cookie, csrfToken: c.csrfToken });
    } catch (e) {
      // An account the fuzz locked or disabled: its requests go on anonymously, and the log says so.
      console.log(`fuzz: ${user} cannot sign in again, continuing without a session: ${(e as Error).message}`);
      sessions.delete(user);
    }
  };
  for (const u of ['admin', 'member1', 'member2']) await signIn(u);
  return {
    headersFor(role: Role): Record<string, string> {
      const user = userOf[role];
      const s = user ? sessions.get(user) : undefined;
      if (s) return role === 'admin-no-csrf' ? { cookie: s.cookie } : { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
      if (role === 'junk-cookie') return { cookie: 'jl_session=%00junk\u00ff' };
      if (role === 'junk-bearer') return { authorization: 'Bearer \u0000not-a-token' };
      return {};
    },
    /** After a response: a logout or password change that went through, or a 401 for a lost session, signs in again. */
    async afterResponse(q: Planned, status: number, body: string) {
      const user = userOf[q.role];
      const ended = SELF_SERVICE.has(q.op.path) && status < 300;
      if (user && (ended || (status === 401 && /"code":"(session_expired|unauthenticated)"/.test(body)))) {
        relogins++;
        await signIn(user);
      }
    },
    relogins: () => relogins,
  };
}

/** One readable line per 5xx: enough to replay the request and to find the server's error. */
function describeFailure(q: Planned, status: number, body: string, requestId: string): string {
  const snippet = q.body?.payload === undefined ? '' : String(q.body.payload).slice(0, 160).replace(/\s+/g, ' ');
  return (
    `${status} ${q.method} ${q.url.slice(0, 160)} [${q.role}; ${q.body?.mutation ?? 'no body'}; ` +
    `${q.body?.contentType ?? ''}] body=${JSON.stringify(snippet)} -> ${body.slice(0, 200)} :: ` +
    (errors.get(requestId) ?? '(no log)')
  );
}

describe('what the fuzz found stays a 4xx', () => {
  // Each was a 500 before: a stack overflow, an UPDATE with no columns, a multipart parser error, dates PostgreSQL or
  // the date arithmetic refuse.
  const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
  const cases: [string, string, string | Buffer | undefined, string?][] = [
    ['POST', '/api/v1/terms', `{"number":${deep(20_000)}}`],
    ['PATCH', '/api/v1/departments/{deptA}', '{"x":true}'],
    ['POST', '/api/v1/terms', '{"number":9,"name":"届","startDate":"2026-02-30"}'],
    ['POST', '/api/v1/terms', '{"number":9,"name":"届","startDate":"0000-01-01"}'],
    ['POST', '/api/v1/consultations', '{"topic":"议题","meetingAt":"0000-01-01T09:30:00+08:00"}'],
    ['GET', '/api/v1/opinions?from=2026-04-31', undefined],
    ['GET', '/api/v1/kpis?from=2026-07-19&to=9999-12-31', undefined],
    ['GET', '/api/v1/calendar/working-days?from=9999-12-31&days=5', undefined],
    ['POST', '/api/v1/activities/{act1}/attachments', 'abc', 'multipart/form-data'],
    ['POST', '/api/v1/activities/{act1}/attachments', Buffer.from([0xff, 0, 1]), 'multipart/form-data; boundary=b'],
    [
      'POST',
      '/api/v1/opinions/{opinion}/attachments',
      '--b\r\nContent-Disposition: form-data',
      'multipart/form-data; boundary=b',
    ],
    ['POST', '/api/v1/public/opinions', 'abc', 'multipart/form-data'],
  ];
  let admin: Awaited<ReturnType<typeof login>>;
  beforeAll(async () => {
    admin = await login(app, 'admin');
  });
  it.each(cases)('%s %s', async (method, path, payload, contentType = 'application/json') => {
    const url = path
      .replace('{deptA}', String(w.deptA.id))
      .replace('{act1}', String(w.act1.id))
      .replace('{opinion}', String(records.opinions[0]));
    const res = await app.inject({
      method: method as InjectOptions['method'],
      url,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': contentType },
      ...(payload === undefined ? {} : { payload }),
    });
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
  });
});

describe('fuzz: generated bad requests from the OpenAPI document', () => {
  it('never answers with a 5xx', { timeout: 600_000 }, async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = listOperations(doc);
    // No operation is left out. DELETEs run last so they cannot empty the world the other operations need.
    const ordered = [...ops.filter((o) => o.method !== 'DELETE'), ...ops.filter((o) => o.method === 'DELETE')];
    const r = seeded(SEED);
    const h = hintsOf(w, records);
    const plan = ordered.flatMap((op) => planOperation(op, r, h));
    const sessions = await openSessions();

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const trace: string[] = [];
    for (let i = 0; i < plan.length; i++) {
      const q = plan[i];
      const headers = { ...sessions.headersFor(q.role), ...q.headers };
      if (q.body?.contentType) headers['content-type'] = q.body.contentType;
      const res = await app.inject({
        method: q.method as InjectOptions['method'],
        url: q.url,
        headers,
        // Each request from its own address, so the per-address limits of the public routes rarely answer first.
        remoteAddress: `10.77.${(i >> 8) & 255}.${i & 255}`,
        ...(q.body?.payload !== undefined ? { payload: q.body.payload } : {}),
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500)
        failures.push(describeFailure(q, res.statusCode, res.body, String(res.headers['x-request-id'] ?? '')));
      // FUZZ_TRACE=file writes every request and answer, for looking at what the fuzz reaches.
      if (process.env.FUZZ_TRACE)
        trace.push(
          [
            res.statusCode,
            q.role,
            q.body?.mutation ?? '-',
            `${q.method} ${q.op.path}`,
            q.url.slice(0, 120),
            res.body.slice(0, 300),
          ].join('\t'),
        );
      await sessions.afterResponse(q, res.statusCode, res.body);
    }
    if (process.env.FUZZ_TRACE) fs.writeFileSync(process.env.FUZZ_TRACE, trace.join('\n'));

    const perOp = ordered.map((op) => plan.filter((q) => q.op === op).length);
    const perMethod = new Map<string, number>();
    for (const q of plan) perMethod.set(q.method, (perMethod.get(q.method) ?? 0) + 1);
    console.log(
      `fuzz: ${ops.length} operations × ${Math.min(...perOp)}–${Math.max(...perOp)} requests = ${plan.length} requests ` +
        `(seed ${SEED.toString(16)}; ${[...perMethod].map(([m, n]) => `${m} ${n}`).join(', ')}; ` +
        `re-logins ${sessions.relogins()})`,
    );
    const histogram = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`);
    console.log(`fuzz statuses: ${histogram.join('  ')}`);
    if (failures.length) console.log(`fuzz 5xx (${failures.length}):\n${failures.join('\n')}`);
    expect(plan.length).toBeGreaterThan(2500);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
