// The demo loaded on a day other than the one its hand-written dates were composed against: everything follows the
// load date (working year, recent items, upcoming days) and the public face has its 民生问题, stations and tiers.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app.js';
import { seedDemo } from './demo.js';

const TODAY = '2027-06-10';
const YEAR = 2027;
let t: TestApp;

const rows = async (q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as any[];
const one = async (q: ReturnType<typeof sql>) => (await rows(q))[0];
const count = async (from: string) => Number((await one(sql.raw(`select count(*)::int as n from ${from}`))).n);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { today: TODAY });
});
afterAll(() => t.close());

describe('demo loaded on another day', () => {
  it('fills the year up to the load date and nothing after it', async () => {
    const a = await one(sql`select max(date)::text as hi from activities`);
    expect(a.hi < TODAY).toBe(true);
    expect(a.hi >= '2027-06-01').toBe(true);
    expect(await count(`opinions where received_at >= '2027-05-10' and received_at < '2027-06-10'`)).toBeGreaterThan(
      200,
    );
    expect(await count(`opinion_events where at >= '2027-06-10T16:00:00Z'`)).toBe(0);
    expect(await count(`opinions where received_at < '2026-06-01'`)).toBe(0);
  });

  it('moves every feature to the working year', async () => {
    expect((await rows(sql`select distinct year from proposals order by year`)).map((r) => r.year)).toEqual([
      YEAR - 1,
      YEAR,
    ]);
    const years = await rows(sql`select year, closed_at is not null as closed from assessment_years order by year`);
    expect(years).toEqual([
      { year: YEAR - 1, closed: true },
      { year: YEAR, closed: false },
    ]);
    expect(await count(`assessment_entries where date >= '${TODAY}'`)).toBe(0);
    expect(await count(`bulletins where issue_date >= '${TODAY}'`)).toBe(0);
    expect(await count(`bulletins where year = ${YEAR} and status = 'issued'`)).toBeGreaterThan(3);
    // Reception days: held ones before today, upcoming ones after it, on Saturdays.
    const days = await rows(sql`select date::text as d, status from reception_days order by date`);
    expect(days.filter((d) => d.d > TODAY).length).toBeGreaterThanOrEqual(2);
    expect(days.every((d) => d.d < TODAY === (d.status === 'held'))).toBe(true);
    expect(days.every((d) => new Date(`${d.d}T00:00:00Z`).getUTCDay() === 6)).toBe(true);
    expect(await count(`consultations where meeting_at > '${TODAY}' and status = 'planned'`)).toBe(1);
  });
});

describe('demo public face', () => {
  it("has this year's 民生问题 of two townships and others at every stage", async () => {
    const ps = await rows(sql`select p.id, p.title, p.status, p.progress, p.year, p.region_id, p.outcome,
        p.lead_department_id, (select count(*)::int from problem_items i where i.problem_id = p.id) as items
      from livelihood_problems p order by p.id`);
    expect(ps.length).toBeGreaterThanOrEqual(7);
    expect(ps.every((p) => p.year === YEAR && p.items >= 5 && p.items <= 25)).toBe(true);
    expect(new Set(ps.map((p) => p.status))).toEqual(
      new Set(['collecting', 'confirmed', 'in_progress', 'solved', 'partly_solved']),
    );
    for (const title of [
      '农村养殖污染严重',
      '自来水未全域覆盖',
      '断头路影响出行',
      '困难群众大病救助',
      '农业生产需帮扶',
    ])
      expect(ps.map((p) => p.title)).toContain(title);
    const solved = ps.find((p) => p.status === 'solved');
    expect(solved.progress).toBe(100);
    expect(solved.outcome).not.toBe('');
    // The officer's and member1's townships both have problems.
    const mine = await one(sql`select
      (select count(*)::int from livelihood_problems where region_id = (select township_id from users where username = 'officer1')) as officer,
      (select count(*)::int from livelihood_problems p join liaison_groups g on g.township_id = p.region_id
        join members m on m.group_id = g.id join users u on u.member_id = m.id where u.username = 'member1') as member`);
    expect(mine.officer).toBeGreaterThanOrEqual(2);
    expect(mine.member).toBeGreaterThanOrEqual(2);
    // Items are the area's normal-tier items; progress is the highest reached milestone's.
    expect(
      await count(`problem_items i join opinions o on o.id = i.opinion_id join regions v on v.id = o.region_id
        join livelihood_problems p on p.id = i.problem_id
        where o.confidentiality <> 'normal' or (v.id <> p.region_id and v.parent_id is distinct from p.region_id)`),
    ).toBe(0);
    const bad = await rows(sql`select p.id from livelihood_problems p where p.status not in ('solved', 'collecting')
      and p.progress <> coalesce((select max(m.progress) from problem_milestones m
        where m.problem_id = p.id and m.reached_at is not null), 0)`);
    expect(bad).toEqual([]);
    expect(await count(`problem_milestones where reached_at is null and due_date < '${TODAY}'`)).toBeGreaterThan(0);
    expect(await count(`problem_milestones where reached_at >= '${TODAY}'`)).toBe(0);
    expect(await count(`problem_departments`)).toBeGreaterThan(3);
  });

  it('keeps each problem history in step with its row', async () => {
    const ps = await rows(sql`select p.id, p.status, p.created_at,
        (select json_agg(e.to_status order by e.at, e.id) from problem_events e
          where e.problem_id = p.id and e.to_status is not null) as path,
        (select min(e.at) from problem_events e where e.problem_id = p.id) as first,
        (select max(e.at) from problem_events e where e.problem_id = p.id) as last,
        (select count(*)::int from problem_events e where e.problem_id = p.id and e.type = 'milestone_reached') as reached,
        (select count(*)::int from problem_milestones m where m.problem_id = p.id and m.reached_at is not null) as milestones
      from livelihood_problems p`);
    for (const p of ps) {
      expect(p.path[0]).toBe('collecting');
      expect(p.path.at(-1)).toBe(p.status);
      expect(new Date(p.first).getTime()).toBe(new Date(p.created_at).getTime());
      expect(new Date(p.last).getTime()).toBeLessThan(Date.parse(`${TODAY}T00:00:00+08:00`));
      expect(p.reached).toBe(p.milestones);
    }
  });

  it('has contact stations with members, consent on about half the answered citizen items, and tiers', async () => {
    const st = await rows(sql`select s.published, (select count(*)::int from contact_station_members m
      where m.station_id = s.id) as members from contact_stations s`);
    expect(st.length).toBeGreaterThanOrEqual(3);
    expect(st.filter((s) => s.published && s.members > 0).length).toBeGreaterThanOrEqual(3);
    expect(await count('opinions where contact_station_id is not null')).toBeGreaterThan(0);
    const c = await one(sql`select count(*) filter (where publish_consent)::int as yes, count(*)::int as all
      from opinions where status = 'closed' and public_reply <> ''`);
    expect(c.yes / c.all).toBeGreaterThan(0.3);
    expect(c.yes / c.all).toBeLessThan(0.6);
    expect(await count(`opinions where publish_consent and (public_reply = '' or confidentiality <> 'normal')`)).toBe(
      0,
    );
    expect(await count(`opinions where confidentiality = 'internal'`)).toBeGreaterThan(10);
    const conf = await rows(sql`select o.status, o.redacted_title, o.redacted_content, o.title, u.username
      from opinions o join opinion_named_staff n on n.opinion_id = o.id join users u on u.id = n.user_id
      where o.confidentiality = 'confidential'`);
    expect(conf.length).toBeGreaterThanOrEqual(2);
    expect(conf.length).toBeLessThanOrEqual(3);
    expect(conf.every((o) => o.username === 'admin')).toBe(true);
    const fwd = conf.find((o) => o.status === 'forwarded');
    expect(fwd.redacted_title).toBeTruthy();
    expect(fwd.redacted_title).not.toBe(fwd.title);
    expect(fwd.redacted_content).toContain('某村');
  });
});
