// Contact stations (联络站): who may list, create, change and print them (role × action), the public list (published,
// active, member names only, never a phone), bad input, and the A4 poster whose QR opens the form addressed to it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let c: Record<'admin' | 'leader' | 'officer' | 'member' | 'grouplead' | 'dept', Client>;
let ipSeq = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await buildUser(t.db, { username: 'dept1', roles: ['dept_handler'], departmentId: w.deptA.id });
  // Phones and a published contact: none may show in the public list.
  await t.db.execute(
    sql`update members set public_phone = '0572-5111111', publish_contact = true where id = ${w.m1.id}`,
  );
  const [admin, leader, officer, member, grouplead, dept] = await Promise.all(
    ['admin', 'leader1', 'officer1', 'member1', 'grouplead', 'dept1'].map((u) => login(t.app, u)),
  );
  c = { admin, leader, officer, member, grouplead, dept };
});
afterAll(() => t?.close());

const pub = (q = '') =>
  t.app.inject({ method: 'GET', url: `/api/v1/public/stations${q}`, remoteAddress: `10.8.0.${++ipSeq}` });
const count = async () =>
  (
    await t.db.execute(sql`select count(*)::int as n, (select count(*)::int from contact_station_members) as m,
    (select count(*)::int from audit_log where entity = 'contact_station') as a from contact_stations`)
  ).rows[0];
const station = (over: Record<string, unknown> = {}) => ({
  name: '古城村委员联络站',
  regionId: w.villA1.id,
  address: '古城村文化礼堂二楼',
  openHours: '每月 10 日 9:00–11:30',
  memberIds: [w.m1.id, w.m3.id],
  ...over,
});

describe('staff: create, change, list', () => {
  let id: number;
  it('lets the office create a station with members, audited', async () => {
    const before = (await count()) as any;
    const res = await c.admin.post('/api/v1/contact-stations', station());
    expect(res.statusCode).toBe(201);
    const s = res.json();
    id = s.id;
    expect(s).toMatchObject({ name: '古城村委员联络站', regionName: '古城村', townshipName: '递铺街道', itemCount: 0 });
    expect(s.members.map((m: any) => m.name).sort()).toEqual(['张三', '王五'].sort());
    expect(s.abilities).toEqual({ canEdit: true, canPrint: true });
    const after = (await count()) as any;
    expect([after.n - before.n, after.m - before.m, after.a - before.a]).toEqual([1, 2, 1]);
  });

  it("lets a township's officer manage their own township's stations only; others get 404 and nothing changes", async () => {
    const own = await c.officer.post(
      '/api/v1/contact-stations',
      station({ name: '横溪坞联络站', regionId: w.villB1.id, memberIds: [w.m2.id] }),
    );
    expect(own.statusCode).toBe(201);
    const before = await count();
    // Writes outside the officer's township, and any write by members, group leaders, departments or leaders.
    expect((await c.officer.post('/api/v1/contact-stations', station())).statusCode).toBe(404);
    expect((await c.officer.patch(`/api/v1/contact-stations/${id}`, { name: '改名' })).statusCode).toBe(404);
    expect(
      (await c.officer.patch(`/api/v1/contact-stations/${own.json().id}`, { regionId: w.villA1.id })).statusCode,
    ).toBe(404);
    for (const who of ['member', 'grouplead', 'dept', 'leader'] as const) {
      expect((await c[who].post('/api/v1/contact-stations', station())).statusCode, who).toBe(404);
      expect((await c[who].patch(`/api/v1/contact-stations/${id}`, { name: '改名' })).statusCode, who).toBe(404);
      expect((await c[who].get(`/api/v1/contact-stations/${id}/poster.pdf`)).statusCode, who).toBe(404);
    }
    expect(await count()).toEqual(before);
    // Reads: the office and leaders see all; the officer their township; members and departments nothing.
    const names = async (who: keyof typeof c) =>
      (await c[who].get('/api/v1/contact-stations')).json().items?.map((s: any) => s.name);
    expect((await names('admin')).sort()).toEqual(['古城村委员联络站', '横溪坞联络站'].sort());
    expect((await names('leader')).length).toBe(2);
    expect(await names('officer')).toEqual(['横溪坞联络站']);
    expect((await c.leader.get(`/api/v1/contact-stations/${id}`)).json().abilities.canEdit).toBe(false);
    expect((await c.officer.get(`/api/v1/contact-stations/${id}`)).statusCode).toBe(404);
    for (const who of ['member', 'dept'] as const) {
      expect((await c[who].get('/api/v1/contact-stations')).statusCode).toBe(404);
      expect((await c[who].get(`/api/v1/contact-stations/${id}`)).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contact-stations' })).statusCode).toBe(401);
  });

  it('changes fields and replaces the members', async () => {
    const res = await c.admin.patch(`/api/v1/contact-stations/${id}`, {
      openHours: '每周三上午',
      memberIds: [w.m1.id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ openHours: '每周三上午', address: '古城村文化礼堂二楼' });
    expect(res.json().members.map((m: any) => m.id)).toEqual([w.m1.id]);
    const filtered = (await c.admin.get(`/api/v1/contact-stations?regionId=${w.townB.id}`)).json().items;
    expect(filtered.map((s: any) => s.name)).toEqual(['横溪坞联络站']);
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const before = await count();
    const cases: [unknown, string][] = [
      [station({ name: '' }), 'name'],
      [station({ name: 'x'.repeat(61) }), 'name'],
      [station({ regionId: 999999 }), 'regionId'],
      [station({ regionId: 'abc' }), 'regionId'],
      [station({ memberIds: [999999] }), 'memberIds'],
      [station({ memberIds: [w.m1.id, w.m1.id] }), 'memberIds'],
      [station({ published: 'yes' }), 'published'],
    ];
    for (const [body, p] of cases) {
      const res = await c.admin.post('/api/v1/contact-stations', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().details[0].path).toBe(p);
    }
    const en = await c.admin.post('/api/v1/contact-stations', station({ regionId: 999999 }), {
      'accept-language': 'en',
    });
    expect(en.json().details[0].message).toBe('Choose a township or village');
    expect((await c.admin.patch('/api/v1/contact-stations/999999', { name: '无' })).statusCode).toBe(404);
    expect((await c.admin.patch('/api/v1/contact-stations/1', {})).statusCode).toBe(400);
    expect(await count()).toEqual(before);
  });
});

describe('public list', () => {
  it('shows published, active stations with member names only, never a phone', async () => {
    await c.admin.post('/api/v1/contact-stations', station({ name: '未公开联络站', published: false }));
    await c.admin.post('/api/v1/contact-stations', station({ name: '已停用联络站', active: false }));
    const res = await pub();
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((s: any) => s.name).sort()).toEqual(['古城村委员联络站', '横溪坞联络站'].sort());
    const s = items.find((x: any) => x.name === '古城村委员联络站');
    expect(Object.keys(s).sort()).toEqual(
      ['address', 'id', 'members', 'name', 'openHours', 'regionId', 'regionName', 'townshipId', 'townshipName'].sort(),
    );
    expect(s.members).toEqual([{ id: w.m1.id, name: '张三' }]);
    const phones = (await t.db.execute(sql`select phone, public_phone from members`)).rows.flatMap((r: any) =>
      [r.phone, r.public_phone].filter(Boolean),
    );
    for (const p of phones) expect(res.body).not.toContain(p);
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    expect(res.body).not.toMatch(/phone/i);
    // A township includes its villages; a village only itself.
    expect((await pub(`?regionId=${w.townA.id}`)).json().items.map((x: any) => x.name)).toEqual(['古城村委员联络站']);
    expect((await pub(`?regionId=${w.villB1.id}`)).json().items.map((x: any) => x.name)).toEqual(['横溪坞联络站']);
    expect((await pub('?regionId=abc')).statusCode).toBe(400);
    // An inactive member is not named.
    await t.db.execute(sql`update members set active = false where id = ${w.m1.id}`);
    expect((await pub(`?regionId=${w.townA.id}`)).json().items[0].members).toEqual([]);
    await t.db.execute(sql`update members set active = true where id = ${w.m1.id}`);
  });
});

describe('poster', () => {
  const text = (pdf: Buffer) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-station-'));
    fs.writeFileSync(path.join(dir, 'p.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
  };

  it('prints the station with its address, hours, members and the form URL with ?station=, in zh and zh+ug', async () => {
    const list = (await c.admin.get('/api/v1/contact-stations')).json().items;
    const s = list.find((x: any) => x.name === '古城村委员联络站');
    const res = await c.admin.get(`/api/v1/contact-stations/${s.id}/poster.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const out = text(res.rawPayload);
    for (const part of [
      '古城村委员联络站',
      '古城村文化礼堂二楼',
      '每周三上午',
      '张三',
      `/public/opinions/new?station=${s.id}`,
    ])
      expect(out).toContain(part);
    const ug = await c.admin.get(`/api/v1/contact-stations/${s.id}/poster.pdf?lang=zh-ug`);
    expect(ug.statusCode).toBe(200);
    expect(text(ug.rawPayload)).toContain('古城村委员联络站');
    expect((await c.admin.get(`/api/v1/contact-stations/${s.id}/poster.pdf?lang=fr`)).statusCode).toBe(400);
    // The officer prints their own township's station, not another's.
    const own = list.find((x: any) => x.name === '横溪坞联络站');
    expect((await c.officer.get(`/api/v1/contact-stations/${own.id}/poster.pdf`)).statusCode).toBe(200);
    expect((await c.officer.get(`/api/v1/contact-stations/${s.id}/poster.pdf`)).statusCode).toBe(404);
    expect((await c.admin.get('/api/v1/contact-stations/999999/poster.pdf')).statusCode).toBe(404);
  });
});
