// Checks of the demo's 社情民意 items: states, channels, consistent timelines and department scoping.
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { login, type TestApp } from '../../../../tests/setup/test-app.js';
import type { DbOrTx } from '../client.js';

const one = async (db: DbOrTx, q: ReturnType<typeof sql>) => (await db.execute(q)).rows[0] as any;
const n = async (db: DbOrTx, from: string | SQL) =>
  (await one(db, sql`select count(*)::int as n from ${typeof from === 'string' ? sql.raw(from) : from}`)).n as number;

/** Items the demo proposals created by conversion (the decide event names the new item). */
const converted = (db: DbOrTx) =>
  n(db, `record_events where entity = 'proposal' and type = 'decide' and payload ? 'opinionId'`);

/** The 社情民意 checks of the demo seed, run by demo.test.ts on its seeded database (one seed for both). */
export function describeDemoOpinions(app: () => TestApp) {
  describe('demo 社情民意 items', () => {
    const count = async (status: string) => n(app().db, sql`opinions where status = ${status}`);

    it('spreads ~5,000 items over every state, channel and the year', async () => {
      // The planned 5,000 plus one item per demo proposal converted into an opinion (转为意见).
      expect(await n(app().db, 'opinions')).toBe(5000 + (await converted(app().db)));
      expect(await converted(app().db)).toBeGreaterThan(0);
      const ranges: [string, number, number][] = [
        ['closed', 3500, 4400],
        ['forwarded', 150, 500],
        ['not_accepted', 200, 400],
        ['merged', 50, 250],
        ['feedback_sent', 30, 200],
        ['rated', 20, 120],
        ['replied', 15, 120],
        ['received', 5, 80],
        ['accepted', 5, 60],
        ['reviewed', 3, 50],
        ['reopened', 2, 40],
        ['returned_for_rework', 1, 30],
        ['replied_directly', 1, 30],
      ];
      for (const [status, lo, hi] of ranges) {
        const got = await count(status);
        expect(got, status).toBeGreaterThanOrEqual(lo);
        expect(got, status).toBeLessThanOrEqual(hi);
      }
      const channels = await n(app().db, '(select distinct channel from opinions) c');
      expect(channels).toBe(10);
      const span = await one(
        app().db,
        sql`select min(received_at) as lo, max(received_at) as hi from opinions
        where id not in (select (payload->>'opinionId')::int from record_events where entity = 'proposal' and type = 'decide'
          and payload ? 'opinionId')`,
      );
      expect(new Date(span.lo).getTime()).toBeGreaterThanOrEqual(Date.parse('2025-11-01T00:00:00+08:00'));
      expect(new Date(span.hi).getTime()).toBeLessThan(Date.parse('2026-11-01T00:00:00+08:00'));
      expect(await n(app().db, `opinions where tracking_code !~ '^[2-9A-HJ-NP-Z]{10}$'`)).toBe(0);
      const urgent = await n(app().db, `opinions where urgency = 'urgent'`);
      expect(urgent).toBeGreaterThan(150);
      expect(urgent).toBeLessThan(400);
      // Activity items point at real activities, with the activity's members among their originators.
      expect(
        await n(
          app().db,
          `opinions o where channel = 'activity' and not exists (select 1 from opinion_originators p
      join activity_members am on am.member_id = p.member_id and am.activity_id = o.activity_id where p.opinion_id = o.id)`,
        ),
      ).toBe(0);
      expect(await n(app().db, `opinions where search_text = '' or category_id is null or region_id is null`)).toBe(0);
      expect(
        await n(app().db, sql`opinions where to_tsvector('simple', search_text) @@ to_tsquery('simple', '养殖')`),
      ).toBeGreaterThan(200);
      // Hot topics dominate somewhere: a township where one sub-category is a third of all items.
      const hot = await one(
        app().db,
        sql`select max(share)::float as top from (select count(*)::float / sum(count(*)) over (partition by coalesce(r.parent_id, r.id)) as share
          from opinions o join regions r on r.id = o.region_id group by coalesce(r.parent_id, r.id), o.category_id) s`,
      );
      expect(hot.top).toBeGreaterThan(0.3);
      expect(await n(app().db, `opinion_assignments where role = 'co'`)).toBeGreaterThan(300);
    });

    it('keeps consistent timelines: received first, each event starting where the last ended', async () => {
      const ends = (dir: string) =>
        `(select distinct on (opinion_id) opinion_id, type, to_status from opinion_events order by opinion_id, id ${dir}) e`;
      expect(await n(app().db, ends('asc'))).toBe(5000 + (await converted(app().db)));
      expect(await n(app().db, `${ends('asc')} where type <> 'received'`)).toBe(0);
      expect(
        await n(app().db, `${ends('desc')} join opinions o on o.id = e.opinion_id where o.status <> e.to_status`),
      ).toBe(0);
      const chained = `(select from_status, at, lag(to_status) over w as prev, lag(at) over w as prev_at,
      row_number() over w as k from opinion_events window w as (partition by opinion_id order by id)) e`;
      expect(
        await n(
          app().db,
          `${chained} where (k = 1 and from_status is not null) or (k > 1 and from_status is distinct from prev)`,
        ),
      ).toBe(0);
      // Status moves are in time order; bulletin and proposal outcomes are appended later with the day they happened.
      const moves = chained.replace(
        'from opinion_events',
        `from opinion_events where type not in ('compile_into_bulletin','escalate_to_proposal')`,
      );
      expect(await n(app().db, `${moves} where at < prev_at`)).toBe(0);
      const answered = `status in ('reviewed','replied_directly','feedback_sent','rated','closed')`;
      expect(await n(app().db, `opinions where ${answered} and public_reply = ''`)).toBe(0);
      expect(await n(app().db, `opinions where status = 'closed' and closed_at is null`)).toBe(0);
      expect(await n(app().db, `opinions where status = 'merged' and merged_into_id is null`)).toBe(0);
      expect(
        await n(
          app().db,
          `opinions o where status = 'not_accepted' and not exists (select 1 from opinion_events e
        where e.opinion_id = o.id and e.type = 'not_accept' and e.payload->>'reason' <> '')`,
        ),
      ).toBe(0);
      // Forwarded items have their lead as the active 主办; 养殖污染 goes to 县生态环境分局.
      expect(
        await n(
          app().db,
          `opinions o where status = 'forwarded' and not exists (select 1 from opinion_assignments a
        where a.opinion_id = o.id and a.active and a.role = 'lead' and a.department_id = o.lead_department_id)`,
        ),
      ).toBe(0);
      const eco = await one(
        app().db,
        sql`select avg(case when d.name = '县生态环境分局' then 1.0 else 0 end)::float as share, count(*)::int as n
        from (select distinct on (opinion_id) opinion_id, payload from opinion_events where type = 'forward' order by opinion_id, id) f
        join opinions o on o.id = f.opinion_id join opinion_categories c on c.id = o.category_id
        join departments d on d.id = (f.payload->>'leadDepartmentId')::int where c.name = '养殖污染'`,
      );
      expect(eco.n).toBeGreaterThan(200);
      expect(eco.share).toBeGreaterThan(0.95);
      expect(await n(app().db, `opinions where status = 'forwarded' and deadline < '2026-11-01'`)).toBeGreaterThan(20);
      // About one reply in eight comes after the deadline.
      const late = await one(
        app().db,
        sql`select avg(case when next_at > (deadline::date + 1)::timestamp at time zone 'Asia/Shanghai' then 1.0 else 0 end)::float as share
        from (select type, payload->>'deadline' as deadline, lead(type) over w as next_type, lead(at) over w as next_at
          from opinion_events where type in ('forward', 'reply') window w as (partition by opinion_id order by id)) f
        where type = 'forward' and next_type = 'reply'`,
      );
      expect(late.share).toBeGreaterThan(0.06);
      expect(late.share).toBeLessThan(0.2);
    });

    it('shows dept1 only the items sent to 县交通运输局', async () => {
      const c = await login(app().app, 'dept1');
      const res = await c.get('/api/v1/opinions?pageSize=500');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const own = await n(
        app().db,
        `opinion_assignments a join departments d on d.id = a.department_id where a.active and d.name = '县交通运输局'`,
      );
      expect(own).toBeGreaterThan(100);
      expect(body.total).toBe(own);
      const ids = body.items.map((i: any) => i.id);
      const foreign = await n(
        app().db,
        sql`opinions o where o.id in (${sql.join(ids, sql`,`)}) and not exists (select 1 from opinion_assignments a
      join departments d on d.id = a.department_id where a.opinion_id = o.id and a.active and d.name = '县交通运输局')`,
      );
      expect(foreign).toBe(0);
    });
  });
}
