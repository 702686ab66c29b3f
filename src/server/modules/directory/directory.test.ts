// The public member directory (only published data, only active members, no private field anywhere in the JSON), the
// QR posters (who may print them, what they say) and the citizen form addressed to a member by its QR code.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';
import { rebuildKpiRollups } from '../kpis/rollups.js';
import { citizenFormUrl } from './posters.js';

let t: TestApp;
let w: World;
let admin: Client;
let officer: Client;
let member1: Client;
let member2: Client;
let categoryId: number;
let ipSeq = 0;
const clock = new Date('2026-06-10T02:00:00Z');

const PUBLISHED = '0572-5111111';
// Private details of every member; none may appear in any public answer.
let privates: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await buildWorld(t.db);
  const [top] = await t.db.insert(opinionCategories).values({ name: '城乡建设' }).returning();
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明', parentId: top.id }).returning();
  categoryId = leaf.id;
  // m1 publishes a contact channel; m2 has one but did not publish it; m3 leaves the committee.
  await t.db.execute(sql`update members set public_phone = ${PUBLISHED}, publish_contact = true,
    address = '递铺街道古城路1号', email = 'm1@example.cn' where id = ${w.m1.id}`);
  await t.db.execute(
    sql`update members set public_phone = '0572-5222222', publish_contact = false where id = ${w.m2.id}`,
  );
  await t.db.execute(sql`update members set active = false where id = ${w.m3.id}`);
  const rows = await t.db.execute(sql`select phone, email, address, work_unit, public_phone, publish_contact,
    birth_year::text as birth_year from members`);
  privates = (rows.rows as any[]).flatMap((m) =>
    [m.phone, m.email, m.address, m.work_unit, m.publish_contact ? '' : m.public_phone].filter(
      (v) => v && v.length > 3,
    ),
  );
  await t.db.execute(sql`insert into reception_days (title, date, place, region_id, status) values
    ('委员接待日（古城）', '2026-06-20', '古城村文化礼堂', ${w.villA1.id}, 'scheduled'),
    ('已过的接待日', '2026-05-20', '古城村文化礼堂', ${w.villA1.id}, 'held')`);
  await t.db.execute(sql`insert into reception_day_members (reception_day_id, member_id)
    select id, ${w.m1.id} from reception_days`);
  [admin, officer, member1, member2] = await Promise.all(
    ['admin', 'officer1', 'member1', 'member2'].map((u) => login(t.app, u)),
  );
});
afterAll(() => t.close());

const newIp = () => `10.7.0.${++ipSeq}`;
const pub = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1/public${url}`, remoteAddress: newIp() });

/** Fails when a private detail, or any mobile number, is in a public answer. */
function expectNoPrivateData(body: string) {
  for (const p of privates) expect(body).not.toContain(p);
  expect(body).not.toMatch(/1[3-9]\d{9}/);
  for (const key of ['"phone"', '"email"', '"address"', '"birthYear"', '"ethnicity"', '"workUnit"', '"code"'])
    expect(body).not.toContain(key);
}

describe('public directory', () => {
  it('lists active members with sector, villages and only the published contact', async () => {
    const res = await pub('/directory');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const names = body.items.map((m: any) => m.name).sort();
    expect(names).toEqual(['张三', '李四']); // 王五 is inactive
    const m1 = body.items.find((m: any) => m.id === w.m1.id);
    expect(m1).toMatchObject({ sectorName: '农业', publicPhone: PUBLISHED });
    expect(m1.villages.map((v: any) => v.name)).toEqual(['古城村']);
    expect(m1.townships.map((v: any) => v.name)).toEqual(['递铺街道']);
    expect(body.items.find((m: any) => m.id === w.m2.id).publicPhone).toBeNull();
    expect(body.filters.sectors.length).toBeGreaterThan(0);
    expectNoPrivateData(res.body);
  });

  it('filters by sector, township, village and name or pinyin', async () => {
    const ids = async (q: string) => (await pub(`/directory?${q}`)).json().items.map((m: any) => m.id);
    expect(await ids(`sectorId=${w.sectorB.id}`)).toEqual([w.m2.id]);
    expect(await ids(`townshipId=${w.townA.id}`)).toEqual([w.m1.id]);
    expect(await ids(`villageId=${w.villB1.id}`)).toEqual([w.m2.id]);
    expect(await ids(`villageId=${w.villA2.id}`)).toEqual([]); // only the inactive 王五 contacts it
    expect(await ids(`q=${encodeURIComponent('张')}`)).toEqual([w.m1.id]);
    expect(await ids('q=ls')).toEqual([w.m2.id]);
    // A phone number never finds its owner here.
    const phone = ((await t.db.execute(sql`select phone from members where id = ${w.m2.id}`)).rows[0] as any).phone;
    expect(await ids(`q=${phone}`)).toEqual([]);
    const page = (await pub('/directory?pageSize=1&page=2')).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect((await pub('/directory?pageSize=1000')).statusCode).toBe(400);
  });

  it('shows one member with upcoming reception days; inactive and unknown members are 404', async () => {
    const res = await pub(`/directory/members/${w.m1.id}`);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ name: '张三', sectorName: '农业', publicPhone: PUBLISHED });
    expect(m.receptionDays.map((d: any) => d.date)).toEqual(['2026-06-20']);
    expectNoPrivateData(res.body);
    const m2 = await pub(`/directory/members/${w.m2.id}`);
    expect(m2.json().publicPhone).toBeNull();
    expectNoPrivateData(m2.body);
    expect((await pub(`/directory/members/${w.m3.id}`)).statusCode).toBe(404);
    expect((await pub('/directory/members/999999')).statusCode).toBe(404);
  });

  it('names the village a QR code presets; a township is not one', async () => {
    expect((await pub(`/directory/villages/${w.villA1.id}`)).json()).toEqual({
      id: w.villA1.id,
      name: '古城村',
      townshipName: '递铺街道',
    });
    expect((await pub(`/directory/villages/${w.townA.id}`)).statusCode).toBe(404);
  });
});

describe('QR posters', () => {
  const text = (pdf: Buffer) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-poster-'));
    fs.writeFileSync(path.join(dir, 'p.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
  };

  it("prints a member's poster with the name, published contact and the pre-addressed form URL", async () => {
    const res = await admin.get(`/api/v1/directory/members/${w.m1.id}/poster.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const out = text(res.rawPayload);
    expect(out).toContain('张三');
    expect(out).toContain(PUBLISHED);
    expect(out).toContain(`/public/opinions/new?member=${w.m1.id}&village=${w.villA1.id}`);
  });

  it('prints the bilingual variant and a village poster', async () => {
    const ug = await admin.get(`/api/v1/directory/members/${w.m2.id}/poster.pdf?lang=zh-ug`);
    expect(ug.statusCode).toBe(200);
    const out = text(ug.rawPayload);
    expect(out).toContain('李四');
    expect(out).not.toContain('0572-5222222'); // not published
    const village = await admin.get(`/api/v1/directory/villages/${w.villB1.id}/poster.pdf`);
    expect(village.statusCode).toBe(200);
    expect(text(village.rawPayload)).toContain(`/public/opinions/new?village=${w.villB1.id}`);
  });

  it("lets a township's officer print their township's posters only; members never", async () => {
    expect((await officer.get(`/api/v1/directory/villages/${w.villB1.id}/poster.pdf`)).statusCode).toBe(200);
    expect((await officer.get(`/api/v1/directory/members/${w.m2.id}/poster.pdf`)).statusCode).toBe(200);
    expect((await officer.get(`/api/v1/directory/villages/${w.villA1.id}/poster.pdf`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/directory/members/${w.m1.id}/poster.pdf`)).statusCode).toBe(404);
    expect((await member1.get(`/api/v1/directory/members/${w.m1.id}/poster.pdf`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/directory/villages/${w.townA.id}/poster.pdf`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/directory/members/${w.m3.id}/poster.pdf`)).statusCode).toBe(404);
  });

  it('builds the form URL the QR codes open', () => {
    expect(citizenFormUrl('https://a.cn/', { memberId: 3, villageId: 9 })).toBe(
      'https://a.cn/public/opinions/new?member=3&village=9',
    );
  });
});

describe('citizen form addressed to a member', () => {
  const form = (over: Record<string, unknown> = {}) => ({
    title: '村口路灯不亮',
    content: '村口路灯坏了一个月，夜间出行不安全。',
    categoryId,
    regionId: w.villA1.id,
    name: '张大爷',
    phone: '13912345678',
    consent: true,
    ...over,
  });
  const submitJson = (body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/opinions', payload: body as any, remoteAddress: newIp() });
  const submitMultipart = (fields: Record<string, string>) => {
    const boundary = '----jl-directory-test';
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/public/opinions',
      payload: `${parts.join('')}--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      remoteAddress: newIp(),
    });
  };
  const count = async () =>
    Number(((await t.db.execute(sql`select count(*)::int as n from opinions`)).rows[0] as any).n);

  it('refuses an unknown or inactive member with a clear 400 and writes nothing', async () => {
    const before = await count();
    for (const memberId of [999999, w.m3.id]) {
      const res = await submitJson(form({ memberId }));
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path: 'memberId', message: '委员不存在' }]);
    }
    const multi = await submitMultipart({ ...stringify(form()), memberId: String(w.m3.id) });
    expect(multi.statusCode).toBe(400);
    expect(multi.json().details[0].path).toBe('memberId');
    expect(await count()).toBe(before);
  });

  it("puts the item in that member's list as one they raised (JSON and multipart alike)", async () => {
    const a = await submitJson(form({ memberId: w.m1.id, title: '扫码写给张三' }));
    expect(a.statusCode).toBe(201);
    const b = await submitMultipart({
      ...stringify(form({ title: '扫码写给张三（表单）' })),
      memberId: String(w.m1.id),
    });
    expect(b.statusCode).toBe(201);
    const mine = (await member1.get('/api/v1/opinions/mine')).json();
    const titles = mine.items.map((i: any) => i.title);
    expect(titles).toContain('扫码写给张三');
    expect(titles).toContain('扫码写给张三（表单）');
    expect((await member2.get('/api/v1/opinions/mine')).json().items.map((i: any) => i.title)).not.toContain(
      '扫码写给张三',
    );
    // Counted for the member in the KPI facts, as any item they raised.
    const facts =
      await t.db.execute(sql`select f.member_ids from kpi_item_facts f join opinions o on o.id = f.opinion_id
      where o.title like '扫码写给张三%'`);
    expect((facts.rows as any[]).map((r) => r.member_ids)).toEqual([[w.m1.id], [w.m1.id]]);
    // The one-statement path's KPI rows equal a full recount (the member dimension included).
    const rollups = sql`select * from kpi_rollups order by dim, day, key`;
    const before = (await t.db.execute(rollups)).rows;
    expect(before.some((r: any) => r.dim === 'member' && r.key === String(w.m1.id))).toBe(true);
    await rebuildKpiRollups(t.db);
    expect((await t.db.execute(rollups)).rows).toEqual(before);
  });
});

function stringify(o: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
}
