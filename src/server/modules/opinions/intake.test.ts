// Staff intake, idempotent retries, scoping per role, masking for departments and Chinese full-text search.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import type { Actor } from '../../context.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';
import { createOpinion } from './create.js';
import type { OpinionInput } from './schema.js';

let t: TestApp;
let w: World;
let road: number; // admin's phone item in 古城村 (township A), forwarded to deptA
let fromActivity: number; // member1's item from act1
let officerItem: number; // officer1's item in township B
let deptB: number;

const body = (over: Record<string, unknown> = {}) => ({
  title: '古城村断头路问题',
  content: '古城村到鹤鹿溪村之间有一条断头路，群众出行很不方便，希望打通。',
  channel: 'phone',
  originators: [{ kind: 'citizen', name: '陈小明', phone: '13912345678', email: 'chen@example.com' }],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  deptB = (await buildDepartment(t.db, { name: '孝丰镇城建办', townshipId: w.townB.id })).id;
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  await buildUser(t.db, { username: 'dept2', displayName: '城建办', roles: ['dept_handler'], departmentId: deptB });
});
afterAll(() => t.close());

const count = async (table: string) =>
  ((await t.db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`)).rows[0] as { n: number }).n;

describe('POST /opinions', () => {
  it('creates an item with a tracking code, search text, acceptance due date and a received event; a retry with the same key returns it', async () => {
    const admin = await login(t.app, 'admin');
    const first = await admin.post('/api/v1/opinions', body({ regionId: w.villA1.id }), { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    const item = first.json();
    road = item.id;
    expect(item).toMatchObject({ status: 'received', statusLabel: '已接收', channel: 'phone', regionId: w.villA1.id });
    expect(item.trackingCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$/);
    expect(new Date(item.acceptDueAt).getTime()).toBeGreaterThan(Date.now());
    expect(item.abilities).toEqual(expect.arrayContaining(['accept', 'not_accept', 'merge']));
    const again = await admin.post('/api/v1/opinions', body({ regionId: w.villA1.id }), { 'idempotency-key': 'k-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(road);
    expect(await count('opinions')).toBe(1);
    const stored = (await t.db.execute(sql`select search_text from opinions where id = ${road}`)).rows[0] as any;
    expect(stored.search_text.split(' ')).toContain('断头路');
    const events = (await admin.get(`/api/v1/opinions/${road}/events`)).json().items;
    expect(events).toMatchObject([{ type: 'received', toStatus: 'received', actorName: '办公室' }]);
    const audit = await t.db.execute(
      sql`select 1 from audit_log where entity = 'opinion' and entity_id = ${String(road)}`,
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('gives urgent items a two-working-hour acceptance clock', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.post('/api/v1/opinions', body({ title: '紧急：桥梁裂缝', urgency: 'urgent' }));
    expect(res.statusCode).toBe(201);
    const due = new Date(res.json().acceptDueAt).getTime() - Date.now();
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(5 * 86_400_000);
  });

  it('turns an opinion heard in a contact activity into an item linked to the activity, the member and the representatives', async () => {
    const m1 = await login(t.app, 'member1');
    const res = await m1.post('/api/v1/opinions', {
      title: '古城村灌溉水渠破损',
      content: '水渠年久失修，影响春耕。',
      activityId: w.act1.id,
      originators: [],
    });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    fromActivity = item.id;
    expect(item).toMatchObject({ channel: 'activity', activityId: w.act1.id, regionId: w.villA1.id });
    const people = item.originators.map((o: any) => [o.kind, o.memberId ?? o.representativeId]);
    expect(people).toEqual(
      expect.arrayContaining([
        ['member', w.m1.id],
        ['representative', w.rep1.id],
      ]),
    );
    expect(people).toHaveLength(2);
  });

  it('refuses an activity the member cannot see, and roles that do not enter items', async () => {
    const m1 = await login(t.app, 'member1');
    const res = await m1.post('/api/v1/opinions', { title: '标题', content: '内容', activityId: w.act2.id });
    expect(res.statusCode).toBe(400);
    const leader = await login(t.app, 'leader1');
    expect((await leader.post('/api/v1/opinions', body())).statusCode).toBe(403);
  });

  it('lets an information officer submit from their own township only', async () => {
    const officer = await login(t.app, 'officer1');
    const outside = await officer.post('/api/v1/opinions', body({ channel: undefined, regionId: w.villA1.id }));
    expect(outside.statusCode).toBe(400);
    const inside = await officer.post('/api/v1/opinions', body({ channel: undefined, regionId: w.villB1.id }));
    expect(inside.statusCode).toBe(201);
    officerItem = inside.json().id;
    expect(inside.json().channel).toBe('officer');
  });
});

describe('scoping and masking', () => {
  it('shows each role only its items and answers 404 for the rest', async () => {
    const admin = await login(t.app, 'admin');
    const fwd = await admin.post(`/api/v1/opinions/${road}/transitions`, { action: 'accept' });
    expect(fwd.statusCode).toBe(200);
    const f2 = await admin.post(`/api/v1/opinions/${road}/transitions`, {
      action: 'forward',
      leadDepartmentId: w.deptA.id,
      deadline: '2099-01-30',
      instructions: '请核实并答复',
    });
    expect(f2.statusCode).toBe(200);
    const ids = async (u: string) =>
      ((await (await login(t.app, u)).get('/api/v1/opinions')).json().items as any[]).map((i) => i.id).sort();
    expect(await ids('leader1')).toHaveLength(4);
    expect(await ids('member1')).toEqual([fromActivity]);
    expect(await ids('member2')).toEqual([]);
    expect(await ids('grouplead')).toEqual([fromActivity]);
    expect(await ids('officer1')).toEqual([officerItem]);
    expect(await ids('dept1')).toEqual([road]);
    expect(await ids('dept2')).toEqual([]);
    for (const [u, id] of [
      ['member2', fromActivity],
      ['officer1', road],
      ['dept2', road],
      ['dept1', fromActivity],
    ] as const) {
      const c = await login(t.app, u);
      expect((await c.get(`/api/v1/opinions/${id}`)).statusCode, `${u} ${id}`).toBe(404);
      expect((await c.get(`/api/v1/opinions/${id}/events`)).statusCode, `${u} ${id} events`).toBe(404);
    }
  });

  it('lets another department change nothing: 404 on a transition and no new event', async () => {
    const before = await count('opinion_events');
    const dept2 = await login(t.app, 'dept2');
    const res = await dept2.post(`/api/v1/opinions/${road}/transitions`, { action: 'reply', content: '已处理' });
    expect(res.statusCode).toBe(404);
    expect(await count('opinion_events')).toBe(before);
    const row = (await t.db.execute(sql`select status from opinions where id = ${road}`)).rows[0] as any;
    expect(row.status).toBe('forwarded');
  });

  it('masks the citizen for the department until the office releases the contact', async () => {
    const dept1 = await login(t.app, 'dept1');
    const masked = (await dept1.get(`/api/v1/opinions/${road}`)).json();
    expect(masked.originators[0]).toMatchObject({ name: '陈**', phone: '139****5678', email: 'c***@example.com' });
    expect(masked.abilities).toEqual(['reply', 'request_extension']);
    const admin = (await (await login(t.app, 'admin')).get(`/api/v1/opinions/${road}`)).json();
    expect(admin.originators[0]).toMatchObject({ name: '陈小明', phone: '13912345678' });
    await t.db.execute(sql`update opinions set contact_released = true where id = ${road}`);
    const open = (await dept1.get(`/api/v1/opinions/${road}`)).json();
    expect(open.originators[0]).toMatchObject({ name: '陈小明', phone: '13912345678' });
  });
});

describe('GET /opinions filters', () => {
  it('finds 断头路 by full-text search and combines it with filters', async () => {
    const admin = await login(t.app, 'admin');
    const hit = (await admin.get(`/api/v1/opinions?q=${encodeURIComponent('断头路')}`)).json();
    expect(hit.items.map((i: any) => i.id)).toContain(road);
    expect(hit.items.map((i: any) => i.id)).not.toContain(fromActivity);
    const none = (await admin.get(`/api/v1/opinions?q=${encodeURIComponent('断头路')}&status=received`)).json();
    expect(none.items.map((i: any) => i.id)).not.toContain(road);
    const byDept = (await admin.get(`/api/v1/opinions?departmentId=${w.deptA.id}`)).json();
    expect(byDept.items.map((i: any) => i.id)).toEqual([road]);
    const byChannel = (await admin.get('/api/v1/opinions?channel=activity')).json();
    expect(byChannel.items.map((i: any) => i.id)).toEqual([fromActivity]);
    const byRegion = (await admin.get(`/api/v1/opinions?regionId=${w.townB.id}`)).json();
    expect(byRegion.items.map((i: any) => i.id)).toEqual([officerItem]);
    const urgent = (await admin.get('/api/v1/opinions?urgency=urgent&overdue=false')).json();
    expect(urgent.total).toBe(1);
  });
});

// Last in the file: it adds an item, and the tests above count the items they can see.
describe('POST /opinions under retries', () => {
  it('concurrent retries with one key write one item, every answer names it, and a failed write leaves nothing', async () => {
    const admin = await login(t.app, 'admin');
    const before = await count('opinions');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        admin.post('/api/v1/opinions', body({ regionId: w.villA1.id }), { 'idempotency-key': 'k-race' }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.json().id)).size).toBe(1);
    expect(await count('opinions')).toBe(before + 1);
    const id = answers[0].json().id;
    const rows = await t.db.execute(sql`select
      (select count(*)::int from opinion_events where opinion_id = ${id}) as events,
      (select count(*)::int from audit_log where entity = 'opinion' and entity_id = ${String(id)}) as audits`);
    expect(rows.rows[0]).toEqual({ events: 1, audits: 1 });
    // Called directly, every call looks the key up before any of them writes: the losers hit the unique key (23505)
    // and answer the winner's item.
    const office: Actor = {
      userId: w.users.admin.id,
      username: 'admin',
      displayName: '办公室',
      roles: ['admin'],
      memberId: null,
      groupId: null,
      townshipId: null,
      departmentId: null,
      via: 'session',
    };
    const input = { ...body({ regionId: w.villA1.id }), urgency: 'normal', confidentiality: 'normal' } as OpinionInput;
    const direct = await Promise.all(
      Array.from({ length: 4 }, () =>
        createOpinion(t.db, office, input, { idempotencyKey: 'k-direct', now: new Date() }),
      ),
    );
    expect(direct.filter((d) => d.created)).toHaveLength(1);
    expect(new Set(direct.map((d) => d.id)).size).toBe(1);
    // A village that does not exist: 400, and no row of any kind.
    const counts = async () =>
      Promise.all(['opinions', 'opinion_events', 'opinion_originators', 'audit_log'].map(count));
    const was = await counts();
    const bad = await admin.post('/api/v1/opinions', body({ regionId: 999999 }), { 'idempotency-key': 'k-bad' });
    expect(bad.statusCode).toBe(400);
    expect(await counts()).toEqual(was);
  });
});

describe('POST /opinions in one statement (checks and write together, once an item has been written)', () => {
  const counts = async () => Promise.all(['opinions', 'opinion_events', 'opinion_originators', 'audit_log'].map(count));
  const refusal = (res: { statusCode: number; json(): any }) => ({
    status: res.statusCode,
    paths: (res.json().details ?? []).map((d: { path: string }) => d.path),
  });

  it('refuses each bad id as the two-statement path does, and writes nothing', async () => {
    const admin = await login(t.app, 'admin');
    const officer = await login(t.app, 'officer1');
    const m1 = await login(t.app, 'member1');
    // An item by each, so each path below runs with the deadline facts kept.
    expect((await admin.post('/api/v1/opinions', body({ regionId: w.villA1.id }))).statusCode).toBe(201);
    const was = await counts();
    const cases: [typeof admin, Record<string, unknown>, string][] = [
      [admin, { regionId: 999999 }, 'regionId'],
      [officer, { channel: undefined, regionId: w.villA1.id }, 'regionId'],
      [admin, { regionId: w.villA1.id, originators: [{ kind: 'member', memberId: 999999 }] }, 'originators'],
      [
        m1,
        {
          channel: 'reception',
          regionId: w.villA1.id,
          originators: [{ kind: 'representative', representativeId: w.rep2.id }],
        },
        'originators.0.representativeId',
      ],
    ];
    for (const [who, over, path] of cases) {
      const res = await who.post('/api/v1/opinions', body(over));
      expect(refusal(res), JSON.stringify(over)).toEqual({ status: 400, paths: [path] });
    }
    expect(await counts()).toEqual(was);
    // The same people with good ids: written, with the originators the checks allowed.
    const ok = await m1.post(
      '/api/v1/opinions',
      body({
        channel: 'reception',
        regionId: w.villA1.id,
        originators: [{ kind: 'representative', representativeId: w.rep1.id }],
      }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(
      ok
        .json()
        .originators.map((o: { kind: string }) => o.kind)
        .sort(),
    ).toEqual(['member', 'representative']);
    expect(
      (await officer.post('/api/v1/opinions', body({ channel: undefined, regionId: w.villB1.id }))).statusCode,
    ).toBe(201);
  });

  it('takes a deadline setting changed behind its back (another process, SQL): the next item is due by the new one', async () => {
    const admin = await login(t.app, 'admin');
    const due = async () => {
      const res = await admin.post('/api/v1/opinions', body({ regionId: w.villA1.id }));
      expect(res.statusCode).toBe(201);
      const row = await t.db.execute(sql`select received_at as "receivedAt", accept_due_at as "dueAt" from opinions
        where id = ${res.json().id}`);
      const r = row.rows[0] as { receivedAt: string; dueAt: string };
      return new Date(r.dueAt).getTime() - new Date(r.receivedAt).getTime();
    };
    const before = await due();
    await t.db.execute(sql`insert into settings (key, value)
      values ('opinion_deadlines', '{"acceptWorkingDays": 5}'::jsonb)
      on conflict (key) do update set value = excluded.value`);
    try {
      const after = await due();
      // Five working days instead of one: about four calendar days more, or more across a weekend.
      expect(after - before).toBeGreaterThan(3.5 * 86_400_000);
    } finally {
      await t.db.execute(sql`delete from settings where key = 'opinion_deadlines'`);
    }
    const back = await due();
    expect(Math.abs(back - before)).toBeLessThan(3 * 86_400_000);
  });
});
