// Hot problems of an area and period: the items the actor may see there, grouped by the topic the in-memory model put
// them in (topics are county-wide; each is counted and named from the visible items in the area and period only, so
// nothing of an item the actor may not see is counted, shown or used for a label).
import { type SQL, sql } from 'drizzle-orm';
import {
  chinaDateOf,
  chinaInstant,
  dayNumber,
  formatDay,
  isoWeekdayOfDay,
  shiftDate,
} from '../../../core/calendar/china-time.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { fieldError, notFound } from '../../errors.js';
import { opinionsVisible, seesOriginal, townshipOfRegion } from '../opinions/scope.js';
import { topicModelFor } from './model.js';
import type { TopicQuery, TopicResponse } from './schema.js';

/** Default period: the last 90 days up to today. Longest period: three years (157 weekly points). */
const DEFAULT_DAYS = 90;
const MAX_DAYS = 3 * 366;
/** Items of the area and period read at most (the newest); the answer says when the period held more. */
const MAX_ITEMS = 20_000;
/** A topic shows in an area when at least this many of its visible items are there. */
const MIN_COUNT = 2;
const NEWEST = 5;

interface Row {
  id: number;
  title: string;
  regionId: number | null;
  regionName: string | null;
  /** The level of the item's region: an item may be registered at a township, not one of its villages. */
  regionLevel: string | null;
  townshipId: number | null;
  townshipName: string | null;
  channel: string;
  sectorId: number | null;
  sectorName: string | null;
  day: string;
  receivedAt: string;
  linked: number[] | null;
}

/** The Monday of an ISO week and its 'YYYY-Www' name, for a China date. */
export function isoWeekOf(date: string): { week: string; start: string } {
  const day = dayNumber(date);
  const monday = day - (isoWeekdayOfDay(day) - 1);
  const thursday = formatDay(monday + 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, start: formatDay(monday) };
}

/** Every ISO week touched by the period, oldest first. */
function weeksOf(from: string, to: string): { week: string; start: string }[] {
  const out: { week: string; start: string }[] = [];
  const last = dayNumber(to);
  for (let d = dayNumber(isoWeekOf(from).start); d <= last; d += 7) out.push(isoWeekOf(formatDay(d)));
  return out;
}

function tally<K>(rows: Row[], key: (r: Row) => K): Map<K, { row: Row; count: number }> {
  const m = new Map<K, { row: Row; count: number }>();
  for (const r of rows) {
    const k = key(r);
    const e = m.get(k);
    if (e) e.count++;
    else m.set(k, { row: r, count: 1 });
  }
  return m;
}
/** Biggest first; ties in a fixed order (ids or codes ascending, the unknown last). */
const biggest = <T extends { count: number }>(xs: T[], key: (x: T) => number | string | null) =>
  xs.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (b.count !== a.count) return b.count - a.count;
    if (ka === kb) return 0;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? -1 : 1;
  });

/** The area condition: the region itself, its villages, or (a county) its townships' villages and unplaced items. */
async function areaCondition(db: DbOrTx, a: Actor, regionId: number | undefined): Promise<[SQL, number | null]> {
  const officerOnly = !hasRole(a, 'admin', 'leader');
  let id = regionId ?? null;
  if (officerOnly) {
    if (!a.townshipId) throw notFound();
    id ??= a.townshipId;
  }
  if (id === null) return [sql`true`, null];
  const res = await db.execute(sql`select id, level, parent_id as "parentId" from regions where id = ${id}`);
  const r = res.rows[0] as { id: number; level: string; parentId: number | null } | undefined;
  if (!r) throw fieldError('regionId', 'topics_region_missing');
  // An information officer reads their own township and its villages only.
  if (officerOnly && r.id !== a.townshipId && r.parentId !== a.townshipId) throw notFound();
  const own = sql`(o.region_id = ${id} or v.parent_id = ${id} or v.parent_id in (select id from regions where parent_id = ${id}))`;
  return [r.level === 'county' ? sql`(o.region_id is null or ${own})` : own, id];
}

/** The topics of an area and period the actor may read, biggest first. */
export async function listTopics(db: DbOrTx, a: Actor, q: TopicQuery, now: Date): Promise<TopicResponse> {
  if (!hasRole(a, 'admin', 'leader', 'info_officer')) throw notFound();
  const to = q.to ?? chinaDateOf(now);
  const from = q.from ?? shiftDate(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw fieldError('from', 'topics_period_order');
  if (dayNumber(to) - dayNumber(from) > MAX_DAYS) throw fieldError('from', 'topics_period_too_long');
  const [area, regionId] = await areaCondition(db, a, q.regionId);
  const model = await topicModelFor(db);
  const town = townshipOfRegion;
  const res = await db.execute(sql`select o.id,
      case when ${seesOriginal(a)} then o.title else coalesce(o.redacted_title, '') end as title,
      o.region_id as "regionId", v.name as "regionName", v.level as "regionLevel", t.id as "townshipId", t.name as "townshipName",
      o.channel, o.sector_id as "sectorId", s.name as "sectorName",
      to_char(o.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
      to_char(o.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "receivedAt",
      (select array_agg(pi.problem_id order by pi.problem_id) from problem_items pi where pi.opinion_id = o.id) as linked
    from opinions o left join regions v on v.id = o.region_id left join regions t on t.id = ${town}
      left join sectors s on s.id = o.sector_id
    where o.received_at >= ${chinaInstant(from).toISOString()}::timestamptz
      and o.received_at < ${chinaInstant(shiftDate(to, 1)).toISOString()}::timestamptz
      and o.status not in ('merged', 'not_accepted') and ${area} and ${opinionsVisible(a)}
    order by o.received_at desc, o.id desc limit ${MAX_ITEMS + 1}`);
  const rows = (res.rows as unknown as Row[]).slice(0, MAX_ITEMS);
  const byTopic = new Map<number, Row[]>();
  for (const r of rows) {
    const t = model.topicOf(r.id);
    if (t === null) continue;
    const list = byTopic.get(t);
    if (list) list.push(r);
    else byTopic.set(t, [r]);
  }
  const shown = [...byTopic]
    .filter(([, items]) => items.length >= MIN_COUNT)
    .sort((x, y) => y[1].length - x[1].length || y[1][0].id - x[1][0].id)
    .slice(0, q.limit);
  const people = await peopleOf(
    db,
    shown.flatMap(([, items]) => items.map((r) => r.id)),
  );
  const weeks = weeksOf(from, to);
  const topics = shown.map(([id, items]) => {
    const phrases = model.phrases(items.map((r) => r.id));
    const perWeek = tally(items, (r) => isoWeekOf(r.day).week);
    const towns = biggest([...tally(items, (r) => r.townshipId).values()], (e) => e.row.townshipId);
    const linkedProblems = new Set(items.flatMap((r) => r.linked ?? []));
    const who = new Set(items.flatMap((r) => people.get(r.id) ?? []));
    return {
      id,
      label: phrases.label.join(' · '),
      phrases: phrases.phrases,
      count: items.length,
      people: who.size,
      townshipId: towns[0]?.row.townshipId ?? null,
      townshipName: towns[0]?.row.townshipName ?? null,
      byVillage: biggest(
        [...tally(items, (r) => r.regionId).values()].map((e) => ({
          regionId: e.row.regionId,
          name: e.row.regionName,
          level: e.row.regionLevel,
          count: e.count,
        })),
        (x) => x.regionId,
      ),
      byChannel: biggest(
        [...tally(items, (r) => r.channel).values()].map((e) => ({ channel: e.row.channel, count: e.count })),
        (x) => x.channel,
      ),
      bySector: biggest(
        [...tally(items, (r) => r.sectorId).values()].map((e) => ({
          sectorId: e.row.sectorId,
          name: e.row.sectorName,
          count: e.count,
        })),
        (x) => x.sectorId,
      ),
      trend: weeks.map((w) => ({ ...w, count: perWeek.get(w.week)?.count ?? 0 })),
      newest: items.slice(0, NEWEST).map((r) => ({ id: r.id, title: r.title, receivedAt: r.receivedAt })),
      opinionIds: items.map((r) => r.id).sort((x, y) => x - y),
      linkedCount: items.filter((r) => r.linked?.length).length,
      linkedProblemIds: [...linkedProblems].sort((x, y) => x - y),
    };
  });
  return { regionId, from, to, items: rows.length, truncated: res.rows.length > MAX_ITEMS, topics };
}

/** Who raised each item: a member, representative or account by id, a citizen by phone, else each originator alone. */
async function peopleOf(db: DbOrTx, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const res = await db.execute(sql`select opinion_id as "opinionId", coalesce('m' || member_id,
        'r' || representative_id, 'u' || user_id, 'p' || nullif(phone, ''), 'o' || id) as who
      from opinion_originators where opinion_id in (${sql.join(
        chunk.map((id) => sql`${id}`),
        sql`,`,
      )})`);
    for (const r of res.rows as { opinionId: number; who: string }[])
      out.set(r.opinionId, [...(out.get(r.opinionId) ?? []), r.who]);
  }
  return out;
}
