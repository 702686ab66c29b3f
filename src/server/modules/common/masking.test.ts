// Personal data by role (core/masking.ts): no response shows a person's identity beyond the policy table, the
// relationship overrides (owner, released contact) open exactly what they should, and search is no oracle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

const USERS = ['admin', 'leader1', 'member1', 'member2', 'grouplead', 'officer1', 'dept1'] as const;
type User = (typeof USERS)[number];

let t: TestApp;
let w: World;
const c = {} as Record<User, Client>;
let itemA: number; // admin's item in 古城村 raised by a citizen, member1 and rep1 (赵大); forwarded to deptA
let itemB: number; // officer1's own item in 横溪坞村 (township B) with a citizen
let itemC: number; // admin's item in 横溪坞村 with a citizen: officer1 sees it by township only
let codeA: string;

const citizen = (name: string, phone: string, email: string) => ({ kind: 'citizen', name, phone, email });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  for (const u of USERS) c[u] = await login(t.app, u);
  const create = async (by: Client, body: Record<string, unknown>) => {
    const res = await by.post('/api/v1/opinions', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const a = await create(c.admin, {
    title: '古城村村口路灯损坏',
    content: '古城村村口路灯损坏多日，夜间出行不安全。',
    channel: 'phone',
    regionId: w.villA1.id,
    originators: [
      citizen('陈小明', '13912345678', 'chenxm@example.com'),
      { kind: 'member', memberId: w.m1.id },
      { kind: 'representative', representativeId: w.rep1.id },
    ],
  });
  itemA = a.id;
  codeA = a.trackingCode;
  for (const [action, payload] of [
    ['accept', {}],
    ['forward', { leadDepartmentId: w.deptA.id, deadline: '2099-01-30', instructions: '请核实' }],
  ] as const) {
    const res = await c.admin.post(`/api/v1/opinions/${itemA}/transitions`, { action, ...payload });
    expect(res.statusCode, res.body).toBe(200);
  }
  // Answered, fed back, and relayed by member1 to 赵大: the timeline now names the representative.
  for (const [by, action, payload] of [
    [c.dept1, 'reply', { content: '已安排维修' }],
    [c.admin, 'approve_reply', {}],
    [c.admin, 'send_feedback', {}],
  ] as const) {
    const res = await by.post(`/api/v1/opinions/${itemA}/transitions`, { action, ...payload });
    expect(res.statusCode, res.body).toBe(200);
  }
  const relay = await c.member1.post(`/api/v1/opinions/${itemA}/relay`, {
    representativeIds: [w.rep1.id],
    method: 'visit',
  });
  expect(relay.statusCode, relay.body).toBe(200);
  itemB = (
    await create(c.officer1, {
      title: '横溪坞村自来水浑浊',
      content: '横溪坞村自来水浑浊，村民担心饮水安全。',
      regionId: w.villB1.id,
      originators: [citizen('周大妈', '13700000077', 'zhoudm@example.com')],
    })
  ).id;
  itemC = (
    await create(c.admin, {
      title: '横溪坞村道路破损',
      content: '横溪坞村主路破损，雨天积水。',
      channel: 'letter',
      regionId: w.villB1.id,
      originators: [citizen('吴先生', '13600000066', 'wuxs@example.com')],
    })
  ).id;
});
afterAll(() => t.close());

/**
 * Every identity string in the fixture and who may see it in full (the policy table plus its overrides):
 * office staff everything; a member their own representatives and the citizens of items they raised; a group leader
 * their group's members; an officer the citizens of items they entered; a department no citizen or representative name.
 */
function secrets(): [string, string, User[]][] {
  const notDept = USERS.filter((u) => u !== 'dept1');
  return [
    ['item A citizen phone', '13912345678', ['admin', 'member1']],
    ['item A citizen email', 'chenxm@', ['admin', 'member1']],
    ['item A citizen name', '陈小明', notDept],
    ['item A tracking code', codeA, notDept],
    ['rep1 name', '赵大', notDept],
    ['rep1 phone', '13800000001', ['admin', 'member1']],
    ['rep1 address', '古城村1组18号', ['admin', 'member1']],
    ['rep2 phone', '13800000002', ['admin', 'member2']],
    ['rep3 phone', '13800000003', ['admin', 'grouplead']],
    ['item B citizen phone', '13700000077', ['admin', 'officer1']],
    ['item B citizen email', 'zhoudm@', ['admin', 'officer1']],
    ['item C citizen phone', '13600000066', ['admin']],
    ['item C citizen email', 'wuxs@', ['admin']],
    ['member1 phone', w.m1.phone, ['admin', 'member1', 'grouplead']],
    ['member2 phone', w.m2.phone, ['admin', 'member2']],
    ['member3 phone', w.m3.phone, ['admin', 'grouplead']],
  ];
}

/** Everything a user can read about people: lists, every visible record, timelines, similar items, search, own items. */
async function everythingSeenBy(u: User): Promise<{ url: string; body: string }[]> {
  const get = async (url: string) => {
    const res = await c[u].get(url);
    return { url, status: res.statusCode, body: res.body, json: res.statusCode === 200 ? res.json() : null };
  };
  const out = [];
  const ops = await get('/api/v1/opinions?pageSize=100');
  out.push(ops, await get(`/api/v1/opinions?q=${encodeURIComponent('路灯')}`));
  for (const o of ops.json?.items ?? []) {
    out.push(await get(`/api/v1/opinions/${o.id}`));
    out.push(await get(`/api/v1/opinions/${o.id}/events`));
    out.push(await get(`/api/v1/opinions/${o.id}/similar`));
  }
  const reps = await get('/api/v1/representatives?pageSize=100');
  out.push(reps);
  for (const r of reps.json?.items ?? []) out.push(await get(`/api/v1/representatives/${r.id}`));
  const members = await get('/api/v1/members?pageSize=100');
  out.push(members);
  for (const m of members.json?.items ?? []) out.push(await get(`/api/v1/members/${m.id}`));
  for (const q of ['赵', '路灯', '张三', '138']) out.push(await get(`/api/v1/search?q=${encodeURIComponent(q)}`));
  out.push(await get('/api/v1/opinions/mine?pageSize=100'));
  out.push(await get('/api/v1/notifications'));
  return out.map(({ url, body }) => ({ url, body }));
}

describe('no identity beyond the policy, for every role', () => {
  for (const u of USERS) {
    it(`${u}: every response shows only what the masking policy allows`, async () => {
      const seen = await everythingSeenBy(u);
      const leaks: string[] = [];
      for (const [what, secret, allowed] of secrets()) {
        if (allowed.includes(u)) continue;
        const where = seen.find((s) => s.body.includes(secret));
        if (where) leaks.push(`${what} in ${where.url}`);
      }
      expect(leaks).toEqual([]);
    });
  }
});

describe('masked, not dropped: what each role sees on an item', () => {
  const originators = async (u: User, id: number) => {
    const res = await c[u].get(`/api/v1/opinions/${id}`);
    expect(res.statusCode, `${u} ${res.body}`).toBe(200);
    const people = res.json().originators as any[];
    return {
      item: res.json(),
      citizen: people.find((p) => p.kind === 'citizen'),
      rep: people.find((p) => p.kind === 'representative'),
      member: people.find((p) => p.kind === 'member'),
    };
  };

  it('a department sees the citizen and the representative masked alike, and the member in full', async () => {
    const { item, citizen, rep, member } = await originators('dept1', itemA);
    expect(citizen).toMatchObject({ name: '陈**', phone: '139****5678', email: 'c***@example.com', masked: true });
    expect(rep).toMatchObject({ representativeName: '赵*', masked: true });
    expect(member).toMatchObject({ memberName: '张三', masked: false });
    expect(item.trackingCode ?? null).toBeNull();
    const events = (await c.dept1.get(`/api/v1/opinions/${itemA}/events`)).json().items as any[];
    expect(events.find((e) => e.type === 'relayed').payload).toMatchObject({ representatives: '赵*' });
    const staff = (await c.admin.get(`/api/v1/opinions/${itemA}/events`)).json().items as any[];
    expect(staff.find((e) => e.type === 'relayed').payload).toMatchObject({ representatives: '赵大' });
  });

  it('a leader sees names, and citizens’ phones masked like representatives’', async () => {
    const { citizen, rep } = await originators('leader1', itemA);
    expect(citizen).toMatchObject({ name: '陈小明', phone: '139****5678', email: 'c***@example.com', masked: true });
    expect(rep).toMatchObject({ representativeName: '赵大' });
    const r = (await c.leader1.get(`/api/v1/representatives/${w.rep1.id}`)).json();
    expect(r).toMatchObject({ name: '赵大', phone: '138****0001', masked: true });
  });

  it('the member who raised the item sees the citizen in full; the group leader sees the phone masked', async () => {
    expect((await originators('member1', itemA)).citizen).toMatchObject({
      name: '陈小明',
      phone: '13912345678',
      masked: false,
    });
    expect((await originators('grouplead', itemA)).citizen).toMatchObject({
      name: '陈小明',
      phone: '139****5678',
      masked: true,
    });
  });

  it('an officer sees the citizens of items they entered in full, the township’s other items masked', async () => {
    expect((await originators('officer1', itemB)).citizen).toMatchObject({ phone: '13700000077', masked: false });
    expect((await originators('officer1', itemC)).citizen).toMatchObject({
      name: '吴先生',
      phone: '136****0066',
      masked: true,
    });
  });

  it('once the office releases the contact, the department sees the citizen and the representative', async () => {
    const res = await c.admin.post(`/api/v1/opinions/${itemA}/release-contact`, { reason: '需电话核实' });
    expect(res.statusCode, res.body).toBe(200);
    const { citizen, rep } = await originators('dept1', itemA);
    expect(citizen).toMatchObject({ name: '陈小明', phone: '13912345678', masked: false });
    expect(rep).toMatchObject({ representativeName: '赵大', masked: false });
    // Released to the department, not to everyone: the leader still sees the phone masked.
    expect((await originators('leader1', itemA)).citizen.phone).toBe('139****5678');
  });
});

describe('search is no oracle for a masked field', () => {
  const repIds = async (u: User, q: string) =>
    ((await c[u].get(`/api/v1/representatives?q=${encodeURIComponent(q)}`)).json().items as any[]).map((r) => r.id);
  const searchRepIds = async (u: User, q: string) =>
    ((await c[u].get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().representatives.items as any[]).map(
      (r) => r.id,
    );
  const memberIds = async (u: User, q: string) =>
    ((await c[u].get(`/api/v1/members?q=${encodeURIComponent(q)}`)).json().items as any[]).map((m) => m.id);

  it('a full or partial phone never finds a representative whose phone the viewer sees masked', async () => {
    for (const [u, rep] of [
      ['leader1', w.rep1],
      ['leader1', w.rep3],
      ['grouplead', w.rep1],
      ['officer1', w.rep2],
    ] as const) {
      const phone = rep.phone;
      for (const q of [phone, phone.slice(0, 9), phone.slice(0, 7), phone.slice(-4), phone.slice(3, 7)]) {
        expect(await repIds(u, q), `${u} q=${q}`).not.toContain(rep.id);
        expect(await searchRepIds(u, q), `${u} /search q=${q}`).not.toContain(rep.id);
      }
      expect(await repIds(u, phone), `${u} q=${phone}`).toEqual([]);
    }
  });

  it('a phone still finds the records the viewer sees in full', async () => {
    expect(await repIds('member1', '13800000001')).toEqual([w.rep1.id]);
    expect(await repIds('grouplead', '13800000003')).toEqual([w.rep3.id]);
    expect(await repIds('member2', '1380000000')).toEqual([w.rep2.id]);
    expect((await repIds('admin', '1380000000')).sort()).toEqual([w.rep1.id, w.rep2.id, w.rep3.id].sort());
    expect(await searchRepIds('admin', '13800000001')).toEqual([w.rep1.id]);
  });

  it('a member’s private phone finds them only for viewers who see it', async () => {
    for (const u of ['leader1', 'member2', 'officer1', 'dept1'] as const) {
      expect(await memberIds(u, w.m1.phone), u).toEqual([]);
      expect(await memberIds(u, w.m1.phone.slice(0, 8)), u).not.toContain(w.m1.id);
      expect(await memberIds(u, w.m1.phone.slice(-4)), u).not.toContain(w.m1.id);
    }
    expect(await memberIds('member1', w.m1.phone)).toEqual([w.m1.id]);
    expect(await memberIds('grouplead', w.m1.phone)).toEqual([w.m1.id]);
    expect(await memberIds('admin', w.m1.phone)).toEqual([w.m1.id]);
  });

  it('names hidden from a department find nothing for it', async () => {
    for (const q of ['陈小明', '赵大', 'zhaoda', 'zd']) {
      const res = (await c.dept1.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json();
      expect(res.opinions.items, q).toEqual([]);
      expect(res.representatives.items, q).toEqual([]);
    }
  });
});
