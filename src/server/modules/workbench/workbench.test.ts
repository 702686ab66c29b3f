// The 待办 workbench over the API: per role, every counter equals the total of the list its link opens for the same
// actor; the inbox's new filters (todo, dueSoon, extensionPending, feedbackPending) and working days left per row
// across the Mid-Autumn and National Day holidays of 2026.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { deptDeskQuery, type WorkbenchCounter } from '../../../core/workbench.js';
import { buildUser } from '../../db/seed/factories.js';
import { put, scheme } from '../assessments/test-helpers.js';

let t: TestApp;
let w: World;
// Monday 2026-09-21 10:00 in China. 09-25..27 are the Mid-Autumn holiday, 10-01..07 National Day, 10-10 a make-up day.
let clock = new Date('2026-09-21T02:00:00Z');
const clients = new Map<string, Client>();
async function as(user: string) {
  if (!clients.has(user)) clients.set(user, await login(t.app, user));
  return clients.get(user) as Client;
}
function setClock(iso: string) {
  clock = new Date(iso);
  clients.clear();
}

const ids: Record<string, number> = {};
let category = 0;

async function ok(p: Promise<{ statusCode: number; body: string; json(): any }>, code = 200) {
  const res = await p;
  expect(res.statusCode, res.body).toBe(code);
  return res.json();
}
const move = async (user: string, id: number, action: string, payload: Record<string, unknown> = {}) =>
  ok((await as(user)).post(`/api/v1/opinions/${id}/transitions`, { action, ...payload }));

async function item(name: string, over: Record<string, unknown> = {}) {
  const out = await ok(
    (await as('admin')).post('/api/v1/opinions', {
      title: `${name}：村口路灯不亮`,
      content: '夜间出行不安全。',
      channel: 'letter',
      regionId: w.villA2.id,
      categoryId: category,
      originators: [{ kind: 'citizen', name: '王小明', phone: '13812345678' }],
      ...over,
    }),
    201,
  );
  ids[name] = out.id;
  return out.id as number;
}
async function forwarded(name: string, deadline: string, over: Record<string, unknown> = {}) {
  const id = await item(name, over);
  await move('admin', id, 'accept');
  await move('admin', id, 'forward', { leadDepartmentId: w.deptA.id, instructions: '请核实办理', deadline });
  return id;
}

async function bulletin(title: string) {
  const id = await item(title);
  await move('admin', id, 'accept');
  const b = await ok(
    (await as('admin')).post('/api/v1/bulletins', { opinionIds: [id], title, body: `${title}的正文。` }),
    201,
  );
  await ok((await as('admin')).post(`/api/v1/bulletins/${b.id}/steps`, { step: 'submit' }));
  return b.id as number;
}
const step = async (user: string, id: number, s: string) =>
  ok((await as(user)).post(`/api/v1/bulletins/${id}/steps`, { step: s }));

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await buildWorld(t.db);
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  category = (
    (await t.db.execute(sql`insert into opinion_categories (name) values ('基础设施') returning id`)).rows[0] as {
      id: number;
    }
  ).id;
  // Department work, forwarded on Monday 09-21 with explicit deadlines.
  await forwarded('A', '2026-09-24');
  await forwarded('B', '2026-09-29');
  await forwarded('C', '2026-10-08');
  await forwarded('D', '2026-10-09');
  const e = await forwarded('E', '2026-10-20');
  await move('dept1', e, 'reply', { content: '已修复。' });
  const f = await forwarded('F', '2026-10-20');
  await move('dept1', f, 'reply', { content: '已修复。' });
  await move('admin', f, 'approve_reply');
  const g = await forwarded('G', '2026-10-20');
  await move('dept1', g, 'request_extension', { reason: '需采购灯具', requestedDeadline: '2026-10-30' });
  const h = await forwarded('H', '2026-10-20');
  await move('dept1', h, 'reply', { content: '已修复。' });
  await move('admin', h, 'return_for_rework', { reason: '未说明修复时间' });
  const r = await forwarded('R', '2026-10-20', { originators: [{ kind: 'member', memberId: w.m1.id }] });
  await move('dept1', r, 'reply', { content: '已修复。' });
  await move('admin', r, 'approve_reply');
  await move('admin', r, 'send_feedback');
  await move('admin', await item('K'), 'accept');
  // Bulletins: one awaiting sign-off, one issued without a 批示, one issued with one.
  await bulletin('待签发一期');
  const issued = await bulletin('已印发无批示');
  await step('leader1', issued, 'sign_off');
  await step('admin', issued, 'issue');
  const instructed = await bulletin('已印发有批示');
  await step('leader1', instructed, 'sign_off');
  await step('admin', instructed, 'issue');
  await ok(
    (await as('admin')).post(`/api/v1/bulletins/${instructed}/outcomes`, {
      kind: 'instruction',
      leaderName: '县长',
      date: '2026-09-21',
      text: '请相关部门抓紧落实。',
    }),
    201,
  );
  // A submitted proposal and a pending appeal.
  const p = await ok(
    (await as('member1')).post('/api/v1/proposals', { title: '关于路灯维护的提案', content: '正文。' }),
    201,
  );
  await ok((await as('member1')).post(`/api/v1/proposals/${p.id}/submit`));
  expect((await put(t.app, await as('admin'), '/api/v1/assessment-rules/2026', scheme())).statusCode).toBe(200);
  const ruleId = ((await t.db.execute(sql`select id from assessment_rules where year = 2026 limit 1`)).rows[0] as any)
    .id;
  await ok((await as('member1')).post('/api/v1/assessments/2026/appeals', { ruleId, reason: '漏计一次走访' }), 201);
  // Tuesday 09-29 10:00: new items arrive (acceptance due tomorrow), one in the officer's township.
  setClock('2026-09-29T02:00:00Z');
  await item('I', { regionId: w.villB1.id });
  await item('J');
});
afterAll(() => t.close());

/** The API list a workbench link opens, as the web pages turn their URL into a request; returns its total. */
async function listTotal(c: Client, link: string): Promise<number> {
  const [path, search = ''] = link.split('?');
  const params = Object.fromEntries(new URLSearchParams(search));
  const api = (p: string, q: Record<string, string>) => `/api/v1${p}?${new URLSearchParams(q)}`;
  if (path === '/dept') return (await ok(c.get(api('/opinions', deptDeskQuery(params))))).total;
  if (path === '/assessment') {
    const { year, tab, ...rest } = params;
    expect(tab).toBe('appeals');
    return (await ok(c.get(api(`/assessments/${year}/appeals`, rest)))).items.length;
  }
  expect(['/opinions', '/bulletins', '/proposals', '/compliance']).toContain(path);
  return (await ok(c.get(api(path, params)))).total;
}

async function workbench(user: string) {
  const c = await as(user);
  const items = (await ok(c.get('/api/v1/workbench'))).items as WorkbenchCounter[];
  for (const counter of items) expect(await listTotal(c, counter.link), counter.link).toBe(counter.count);
  return Object.fromEntries(items.map((x) => [x.key, x]));
}

describe('GET /workbench: each count equals the total of the list its link opens', () => {
  it('office: triage, deadlines, extensions, review, feedback, bulletins to compile, proposals, appeals', async () => {
    const k = await workbench('admin');
    expect(Object.fromEntries(Object.entries(k).map(([key, v]) => [key, v.count]))).toEqual({
      received: 2,
      dueSoon: 2,
      overdue: 1,
      extensionPending: 1,
      replyReview: 1,
      feedbackPending: 1,
      compilable: 10,
      proposalsToDecide: 1,
      appealsPending: 1,
      instructionsToRecord: 1,
    });
    expect(k.overdue).toMatchObject({ link: '/opinions?overdue=true', tone: 'danger' });
    expect(k.appealsPending).toMatchObject({ link: '/assessment?year=2026&tab=appeals&status=pending' });
    expect(k.appealsPending.params).toEqual({ year: 2026 });
  });

  it('leader: issues to sign off and issued ones still without a 批示', async () => {
    const k = await workbench('leader1');
    expect(Object.keys(k)).toEqual(['bulletinsToSignOff', 'instructionsToRecord']);
    expect(k.bulletinsToSignOff.count).toBe(1);
    expect(k.instructionsToRecord).toMatchObject({
      count: 1,
      link: '/bulletins?status=issued&instructed=false&year=2026',
    });
  });

  it('department: the desk summary (待办, due soon, overdue, rework, extension asked)', async () => {
    const k = await workbench('dept1');
    expect(Object.fromEntries(Object.entries(k).map(([key, v]) => [key, v.count]))).toEqual({
      deptTodo: 6,
      deptDueSoon: 2,
      deptOverdue: 1,
      deptRework: 1,
      deptExtensionPending: 1,
    });
    expect(k.deptTodo.link).toBe('/dept');
  });

  it("information officer: the township's new items; group leader: members below quota; member: feedback to rate", async () => {
    const officer = await workbench('officer1');
    expect(officer.townshipReceived).toMatchObject({
      count: 1,
      link: `/opinions?status=received&regionId=${w.townB.id}`,
    });
    const lead = await workbench('grouplead');
    expect(lead.membersBelowQuota.link).toBe(`/compliance?kind=member&groupId=${w.groupA.id}&year=2026`);
    expect(lead.membersBelowQuota.count).toBeGreaterThan(0);
    const member = await workbench('member1');
    expect(Object.keys(member)).toEqual(['feedbackToRate']);
    expect(member.feedbackToRate.count).toBe(1);
  });

  it('refuses anonymous callers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workbench' })).statusCode).toBe(401);
  });
});

describe('inbox filters and working days left', () => {
  const listIds = async (user: string, query: string) =>
    ((await ok((await as(user)).get(`/api/v1/opinions?${query}`))).items as { id: number }[]).map((r) => r.id);
  const idsOf = (...names: string[]) => names.map((n) => ids[n]).sort((a, b) => a - b);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

  it('filters 待办, due soon, extension pending and feedback pending', async () => {
    expect(sorted(await listIds('dept1', 'todo=true'))).toEqual(idsOf('A', 'B', 'C', 'D', 'G', 'H'));
    expect(sorted(await listIds('admin', 'dueSoon=true'))).toEqual(idsOf('B', 'C'));
    expect(await listIds('admin', 'extensionPending=true')).toEqual([ids.G]);
    expect(await listIds('admin', 'feedbackPending=true')).toEqual([ids.F]);
    expect((await (await as('admin')).get('/api/v1/opinions?dueSoon=maybe')).statusCode).toBe(400);
  });

  it('counts working days over the holidays and sorts the desk overdue first, then by due date', async () => {
    const res = await ok((await as('dept1')).get('/api/v1/opinions?todo=true&sort=due'));
    const rows = res.items as { id: number; deadline: string; overdue: boolean; workingDaysLeft: number }[];
    // Overdue first, then by due date; G and H share one, so the older comes first.
    expect(rows.map((r) => r.id)).toEqual([ids.A, ids.B, ids.C, ids.D, ids.G, ids.H]);
    const left = Object.fromEntries(rows.map((r) => [r.id, r.workingDaysLeft]));
    // Due Thursday 09-24, before the Mid-Autumn days off: only Monday and Tuesday count as over.
    expect(left[ids.A]).toBe(-2);
    expect(rows[0].overdue).toBe(true);
    expect(left[ids.B]).toBe(0);
    // Due 10-08, after the National Day week: 9 calendar days but 2 working days (09-30, 10-08).
    expect(left[ids.C]).toBe(2);
    expect(left[ids.D]).toBe(3);
  });

  it('gives received items the acceptance clock and answered items none', async () => {
    const res = await ok((await as('admin')).get('/api/v1/opinions?pageSize=50'));
    const byId = new Map((res.items as any[]).map((r) => [r.id, r.workingDaysLeft]));
    expect(byId.get(ids.I)).toBe(1);
    expect(byId.get(ids.E)).toBeNull();
    expect(byId.get(ids.K)).toBeNull();
  });
});
