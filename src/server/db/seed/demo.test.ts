import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import type { DbOrTx } from '../client.js';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TODAY, isDatabaseEmpty, seedDemo } from './demo.js';
import { describeDemoOpinions } from './demo-opinions-checks.js';

// The demo's dates follow its load date; these checks pin it to the day its hand-written dates were composed against.
const TODAY = DEMO_TODAY;

let t: TestApp;
let seededMs = 0;
let emptyBefore = false;
const progress: [number, number][] = [];

const one = async (db: DbOrTx, q: ReturnType<typeof sql>) => (await db.execute(q)).rows[0] as any;
const n = async (db: DbOrTx, from: string | SQL) =>
  (await one(db, sql`select count(*)::int as n from ${typeof from === 'string' ? sql.raw(from) : from}`)).n as number;
const fingerprint = (db: DbOrTx) =>
  one(
    db,
    sql`select
      (select md5(string_agg(code || name, ',' order by id)) from members) as members,
      (select md5(string_agg(phone, ',' order by id)) from representatives) as phones,
      (select md5(string_agg(date::text || opinions, ',' order by id)) from activities) as activities,
      (select md5(string_agg(tracking_code || status || title || received_at::text, ',' order by id)) from opinions) as opinions,
      (select md5(string_agg(opinion_id || type || at::text, ',' order by id)) from opinion_events) as events,
      (select md5(string_agg(title || status || progress || created_at::text, ',' order by id)) from livelihood_problems) as problems,
      (select md5(string_agg(problem_id || ':' || opinion_id, ',' order by problem_id, opinion_id)) from problem_items) as linked,
      (select md5(string_agg(id::text || confidentiality, ',' order by id)) from opinions where publish_consent or confidentiality <> 'normal') as tiers`,
  );

beforeAll(async () => {
  t = await createTestApp();
  emptyBefore = await isDatabaseEmpty(t.db);
  const started = performance.now();
  await seedDemo(t.db, { today: TODAY, onProgress: (done, total) => progress.push([done, total]) });
  seededMs = performance.now() - started;
  console.log(`seedDemo on PGlite: ${Math.round(seededMs)} ms`);
});
afterAll(() => t.close());

describe('demo seed', () => {
  it('loads into an empty database and is refused afterwards', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(t.db)).toBe(false);
  });

  it('reports progress up to the total', () => {
    expect(progress.length).toBeGreaterThan(20);
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1][0])).toBe(true);
  });

  it('writes the counts the demo promises', async () => {
    expect(await n(t.db, `regions where level = 'township'`)).toBe(15);
    expect(await n(t.db, `regions where level = 'village'`)).toBeGreaterThanOrEqual(200);
    expect(await n(t.db, 'liaison_groups where leader_member_id is not null')).toBe(15);
    expect(await n(t.db, 'departments')).toBeGreaterThanOrEqual(30);
    expect(await n(t.db, 'members')).toBe(120);
    expect(await n(t.db, 'representatives')).toBeGreaterThanOrEqual(750);
    expect(await n(t.db, 'representatives')).toBeLessThanOrEqual(900);
    expect(await n(t.db, 'activities')).toBeGreaterThanOrEqual(1300);
    expect(await n(t.db, 'activities')).toBeLessThanOrEqual(1700);
    expect(await n(t.db, 'users')).toBe(7);
    expect(await n(t.db, `departments where kind = 'county'`)).toBe(12);
    // Valid, unique mobiles for everyone on the 登记表; 性别/学历/政治面貌 stored as national codes.
    expect(await n(t.db, `representatives where phone !~ '^1[3-9][0-9]{9}$'`)).toBe(0);
    expect((await one(t.db, sql`select count(distinct phone)::int as n from representatives`)).n).toBe(
      await n(t.db, 'representatives'),
    );
    expect(
      await n(t.db, `representatives where gender not in ('1','2') or education = '' or post = '' or address = ''`),
    ).toBe(0);
    expect(await n(t.db, `representatives where birth_year is null and age is null`)).toBe(0);
    expect(await n(t.db, `members where public_phone !~ '^0572-5[0-9]{6}$'`)).toBe(0);
    expect((await one(t.db, sql`select value from settings where key = 'quotas'`)).value).toMatchObject({
      repsPerMemberMin: 5,
    });
  });

  it('uses the real 12-digit codes of Anji, villages under their township', async () => {
    const v = await one(
      t.db,
      sql`select v.name, v.contact_name, v.contact_phone, t.name as township, t.code as tcode
          from regions v join regions t on t.id = v.parent_id where v.code = '330523001249'`,
    );
    expect(v).toMatchObject({ name: '古城村', township: '递铺街道', tcode: '330523001000' });
    expect(v.contact_name).toMatch(/^\p{Script=Han}{2,3}$/u);
    expect(v.contact_phone).toMatch(/^1[3-9]\d{9}$/);
    expect((await one(t.db, sql`select name from regions where code = '330523108204'`)).name).toBe('余村');
    expect(
      (await one(t.db, sql`select count(*)::int as n from regions where name ~ '(委员会|居委会|村委会)$'`)).n,
    ).toBe(0);
  });

  it('keeps two terms with the same sectors, 经济 split into groups', async () => {
    const terms = (await t.db.execute(sql`select name, is_current, end_date::text from terms order by number`)).rows;
    expect(terms).toEqual([
      { name: '第九届', is_current: false, end_date: '2021-12-31' },
      { name: '第十届', is_current: true, end_date: null },
    ]);
    const subs = await one(
      t.db,
      sql`select string_agg(c.name, ',' order by c.sort_order) as names from sectors c join sectors p on p.id = c.parent_id join terms tm on tm.id = p.term_id where p.name = '经济' and tm.is_current`,
    );
    expect(subs.names).toBe('经济界一组,经济界二组');
    expect(
      await n(t.db, 'member_terms mt join terms tm on tm.id = mt.term_id where not tm.is_current'),
    ).toBeGreaterThan(20);
    // Political status follows the sector: everyone in 民革 is a 民革 member.
    const minge = await one(
      t.db,
      sql`select bool_and(m.political_status = '04') as ok, count(*)::int as n from members m join member_terms mt on mt.member_id = m.id join sectors s on s.id = mt.sector_id join terms tm on tm.id = s.term_id where tm.is_current and s.name = '民革'`,
    );
    expect(minge).toEqual({ ok: true, n: 3 });
  });

  it('leaves the gaps the compliance view is meant to show', async () => {
    const unlinked = await n(
      t.db,
      `regions v where v.level = 'village' and not exists (select 1 from member_villages mv where mv.region_id = v.id)`,
    );
    expect(unlinked).toBeGreaterThanOrEqual(1);
    expect(unlinked).toBeLessThanOrEqual(5);
    expect(
      await n(t.db, 'members m where not exists (select 1 from member_villages mv where mv.member_id = m.id)'),
    ).toBeGreaterThanOrEqual(1);
    const reps: number[] = (
      await t.db.execute(
        sql`select (select count(*) from member_representatives mr where mr.member_id = m.id)::int as n from members m`,
      )
    ).rows.map((r: any) => r.n as number);
    expect(reps.filter((x) => x >= 5 && x <= 10).length).toBeGreaterThan(90);
    expect(reps.some((x) => x < 5)).toBe(true);
    expect(reps.some((x) => x > 10)).toBe(true);
    const thin = await n(
      t.db,
      `regions v where v.level = 'village' and (select count(*) from representatives r where r.region_id = v.id) < 2`,
    );
    expect(thin).toBeGreaterThanOrEqual(1);
    expect(thin).toBeLessThanOrEqual(10);
    const unvisited = await n(
      t.db,
      sql`member_villages mv where not exists (select 1 from activities a join activity_members am on am.activity_id = a.id
          where am.member_id = mv.member_id and a.region_id = mv.region_id and a.date >= '2026-01-01')`,
    );
    expect(unvisited).toBeGreaterThan(0);
    expect(unvisited).toBeLessThan((await n(t.db, 'member_villages')) * 0.25);
  });

  it('gives every demo login a working account', async () => {
    expect(DEMO_PASSWORD).toBe('Demo@2026');
    for (const username of DEMO_LOGINS) {
      const c = await login(t.app, username);
      const me = await c.get('/api/v1/auth/me');
      expect(me.statusCode, username).toBe(200);
    }
  });

  it('shows member1 a typical member: villages, about eight representatives, a year of activities', async () => {
    const c = await login(t.app, 'member1');
    const reps = (await c.get('/api/v1/representatives?pageSize=100')).json();
    expect(reps.total).toBeGreaterThanOrEqual(6);
    expect(reps.total).toBeLessThanOrEqual(10);
    const acts = (await c.get('/api/v1/activities?pageSize=100')).json();
    expect(acts.total).toBeGreaterThanOrEqual(10);
    expect(acts.items.every((a: any) => a.date >= '2025-11-01' && a.date <= '2026-10-31')).toBe(true);
    const m1 = await one(
      t.db,
      sql`select m.group_id, g.leader_member_id, u2.username from users u join members m on m.id = u.member_id join liaison_groups g on g.id = m.group_id left join users u2 on u2.member_id = g.leader_member_id where u.username = 'member1'`,
    );
    expect(m1.username).toBe('grouplead1');
    const m2 = await one(
      t.db,
      sql`select m.group_id from users u join members m on m.id = u.member_id where u.username = 'member2'`,
    );
    expect(m2.group_id).not.toBe(m1.group_id);
  });
});

describeDemoOpinions(() => t);

describe('demo seed, second database', () => {
  let t2: TestApp;
  beforeAll(async () => {
    t2 = await createTestApp();
  });
  afterAll(() => t2.close());

  it('writes nothing when it fails half-way', async () => {
    const boom = seedDemo(t2.db, {
      today: TODAY,
      onProgress: (done) => {
        if (done > 2000) throw new Error('boom');
      },
    });
    await expect(boom).rejects.toThrow('boom');
    expect(await isDatabaseEmpty(t2.db)).toBe(true);
    expect(await n(t2.db, 'regions')).toBe(0);
    expect(await n(t2.db, 'members')).toBe(0);
  });

  it('is deterministic: a fresh database gets the same people, phones and texts', async () => {
    await seedDemo(t2.db, { today: TODAY });
    expect(await fingerprint(t2.db)).toEqual(await fingerprint(t.db));
  });

  it('lets the real workflow carry on: dept1 answers a seeded item', async () => {
    const item = await one(
      t2.db,
      sql`select o.id from opinions o join departments d on d.id = o.lead_department_id
          where o.status = 'forwarded' and d.name = '县交通运输局' order by o.id limit 1`,
    );
    const c = await login(t2.app, 'dept1');
    const res = await c.post(`/api/v1/opinions/${item.id}/transitions`, { action: 'reply', content: '已安排施工。' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await one(t2.db, sql`select status from opinions where id = ${item.id}`)).status).toBe('replied');
  });
});
