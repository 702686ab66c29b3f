// Role × endpoint table: out-of-scope reads are 404, out-of-scope writes are 404/403 and change nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';

let t: TestApp;
let w: World;
const c: Record<string, Client> = {};
const USERS = ['admin', 'leader1', 'member1', 'member2', 'grouplead', 'officer1'] as const;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const u of USERS) c[u] = await login(t.app, u);
});
afterAll(() => t.close());

const snapshot = async () =>
  JSON.stringify(
    (
      await t.db.execute(sql`select (select json_agg(r order by id) from representatives r) as reps,
        (select json_agg(a order by id) from activities a) as acts,
        (select json_agg(x order by member_id, representative_id) from member_representatives x) as links`)
    ).rows,
  );

describe('reading one record: 200 in scope, 404 outside', () => {
  // which records each user may see: rep1 (member1's, 递铺), rep2 (member2's, 孝丰), rep3 (grouplead's, 递铺 department)
  const reps: Record<(typeof USERS)[number], [number, number, number]> = {
    admin: [200, 200, 200],
    leader1: [200, 200, 200],
    member1: [200, 404, 404],
    member2: [404, 200, 404],
    grouplead: [200, 404, 200],
    officer1: [404, 200, 404],
  };
  for (const u of USERS) {
    it(`${u} reads representatives as the scope says`, async () => {
      const got = [];
      for (const rep of [w.rep1, w.rep2, w.rep3])
        got.push((await c[u].get(`/api/v1/representatives/${rep.id}`)).statusCode);
      expect(got).toEqual(reps[u]);
    });
  }
  const acts: Record<(typeof USERS)[number], [number, number]> = {
    admin: [200, 200],
    leader1: [200, 200],
    member1: [200, 404],
    member2: [404, 200],
    grouplead: [200, 404],
    officer1: [404, 200],
  };
  for (const u of USERS) {
    it(`${u} reads activities as the scope says`, async () => {
      const got = [];
      for (const a of [w.act1, w.act2]) got.push((await c[u].get(`/api/v1/activities/${a.id}`)).statusCode);
      expect(got).toEqual(acts[u]);
    });
    it(`${u} lists only what they may read`, async () => {
      const list = (await c[u].get('/api/v1/representatives?pageSize=100')).json();
      const ids = list.items.map((r: any) => r.id).sort();
      const expected = [w.rep1, w.rep2, w.rep3]
        .filter((_, i) => reps[u][i] === 200)
        .map((r) => r.id)
        .sort();
      expect(ids).toEqual(expected);
    });
  }
  it('the audit log does not exist for non-admins', async () => {
    for (const u of USERS) expect((await c[u].get('/api/v1/audit')).statusCode).toBe(u === 'admin' ? 200 : 404);
  });
});

describe('writing outside scope changes nothing', () => {
  const cases: Array<[string, (w: World) => [keyof typeof c, 'post' | 'patch' | 'del', string, unknown?], number]> = [
    [
      'member1 edits member2’s representative',
      (w) => ['member1', 'patch', `/api/v1/representatives/${w.rep2.id}`, { remarks: 'x' }],
      404,
    ],
    [
      'member1 deletes member2’s representative',
      (w) => ['member1', 'del', `/api/v1/representatives/${w.rep2.id}`],
      404,
    ],
    [
      'member1 edits member2’s activity',
      (w) => ['member1', 'patch', `/api/v1/activities/${w.act2.id}`, { opinions: 'x' }],
      404,
    ],
    ['member1 deletes member2’s activity', (w) => ['member1', 'del', `/api/v1/activities/${w.act2.id}`], 404],
    [
      'officer1 edits a representative it can read',
      (w) => ['officer1', 'patch', `/api/v1/representatives/${w.rep2.id}`, { remarks: 'x' }],
      404,
    ],
    [
      'leader1 (read-only) edits an activity',
      (w) => ['leader1', 'patch', `/api/v1/activities/${w.act1.id}`, { opinions: 'x' }],
      404,
    ],
    [
      'leader1 creates a representative',
      (w) => [
        'leader1',
        'post',
        '/api/v1/representatives',
        { name: '新代表', gender: '1', phone: '13911112222', regionId: w.villA1.id },
      ],
      403,
    ],
    [
      'member2 records an activity for member1',
      (w) => [
        'member2',
        'post',
        '/api/v1/activities',
        { date: '2026-06-01', methods: ['visit'], memberIds: [w.m1.id] },
      ],
      403,
    ],
    [
      'member2 links member1 to a new representative',
      (w) => [
        'member2',
        'post',
        '/api/v1/representatives',
        { name: '新代表', gender: '1', phone: '13911112223', regionId: w.villB1.id, memberIds: [w.m1.id] },
      ],
      403,
    ],
    [
      'member1 records an activity with member2’s contact',
      (w) => [
        'member1',
        'post',
        '/api/v1/activities',
        { date: '2026-06-01', methods: ['visit'], representativeIds: [w.rep2.id] },
      ],
      400,
    ],
    [
      'grouplead edits a representative outside the group',
      (w) => ['grouplead', 'patch', `/api/v1/representatives/${w.rep2.id}`, { remarks: 'x' }],
      404,
    ],
    ['member1 edits a sector', (w) => ['member1', 'patch', `/api/v1/sectors/${w.sectorA.id}`, { name: 'x' }], 403],
    [
      'member1 creates a user',
      () => [
        'member1',
        'post',
        '/api/v1/users',
        { username: 'evil', displayName: 'x', password: 'Abcdef#123', roles: ['admin'] },
      ],
      403,
    ],
  ];
  for (const [title, make, status] of cases) {
    it(title, async () => {
      const before = await snapshot();
      const auditBefore = (await t.db.execute(sql`select count(*)::int as n from audit_log`)).rows[0] as any;
      const [user, method, url, body] = make(w);
      const res = method === 'del' ? await c[user].del(url) : await (c[user][method] as any)(url, body);
      expect(res.statusCode).toBe(status);
      expect(await snapshot()).toBe(before);
      expect(((await t.db.execute(sql`select count(*)::int as n from audit_log`)).rows[0] as any).n).toBe(
        auditBefore.n,
      );
    });
  }
  it('a group leader may edit a representative of their group’s member', async () => {
    const res = await c.grouplead.patch(`/api/v1/representatives/${w.rep1.id}`, { remarks: '组长核实' });
    expect(res.statusCode).toBe(200);
    expect(res.json().remarks).toBe('组长核实');
  });
});

describe('masking of contact details', () => {
  it('owners and office staff see the phone, others see it masked', async () => {
    const phoneAs = async (u: keyof typeof c) => (await c[u].get(`/api/v1/representatives/${w.rep1.id}`)).json();
    expect((await phoneAs('member1')).phone).toBe('13800000001');
    expect((await phoneAs('admin')).phone).toBe('13800000001');
    const gl = await phoneAs('grouplead');
    expect(gl.phone).toBe('138****0001');
    expect(gl.masked).toBe(true);
    expect(gl.address).not.toContain('18号');
    const leader = await phoneAs('leader1');
    expect(leader.phone).toBe('138****0001');
  });
  it('a member’s private phone is masked in the directory for other members', async () => {
    const list = (await c.member2.get('/api/v1/members?q=张三')).json();
    expect(list.items[0].phone).toMatch(/\*{4}/);
    await t.db.execute(sql`update members set public_phone = '0572-5111111', publish_contact = (id = ${w.m1.id})`);
    expect((await c.member2.get(`/api/v1/members/${w.m1.id}`)).json().publicPhone).toBe('0572-5111111');
    expect((await c.member2.get(`/api/v1/members/${w.m3.id}`)).json().publicPhone).toBe('');
    const own = (await c.member1.get(`/api/v1/members/${w.m1.id}`)).json();
    expect(own.phone).not.toMatch(/\*/);
  });
});
