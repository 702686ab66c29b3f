// The spike scan (core/spikes/detect.ts): village × top-level category counts of the last 7 China days against the 8
// weeks before; each new spike is stored once (unique window key) and told to the office and the township's officers.
import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { detectSpike, SPIKE_RULE, spikeWindows } from '../../../core/spikes/detect.js';
import { redactPii } from '../../../core/text/pii.js';
import type { Db, Tx } from '../../db/client.js';
import { enqueue } from '../reminders/outbox.js';
import { renderSpike, type SpikeData, spikeText } from './texts.js';

interface Counted {
  regionId: number;
  categoryId: number;
  week: number;
  n: number;
  ids: number[];
}

/**
 * Per village × top-level category with at least SPIKE_RULE.minCount items in the window: the count of each week
 * (0 = the window, 1…8 the baseline weeks) and the window's item ids. Every tier counts (a confidential item is still
 * a voice); a merged item counts once, as the item it was merged into.
 */
async function countWeeks(tx: Tx, w: ReturnType<typeof spikeWindows>): Promise<Counted[]> {
  const start = w.start.toISOString();
  const res = await tx.execute(sql`with counted as (
      select o.id, o.region_id, coalesce(c.parent_id, c.id) as cat, o.received_at
      from opinions o join opinion_categories c on c.id = o.category_id
        join regions r on r.id = o.region_id and r.level = 'village'
      where o.status <> 'merged' and o.received_at >= ${w.baselineStart.toISOString()}::timestamptz
        and o.received_at < ${w.end.toISOString()}::timestamptz),
    hot as (select region_id, cat from counted where received_at >= ${start}::timestamptz
      group by region_id, cat having count(*) >= ${SPIKE_RULE.minCount})
    select k.region_id as "regionId", k.cat as "categoryId",
      case when k.received_at >= ${start}::timestamptz then 0
        else ceil(extract(epoch from (${start}::timestamptz - k.received_at)) / 604800)::int end as week,
      count(*)::int as n, array_agg(k.id order by k.id) as ids
    from counted k join hot h on h.region_id = k.region_id and h.cat = k.cat
    group by 1, 2, 3`);
  return (res.rows as any[]).map((r) => ({ ...r, ids: (r.ids as unknown[]).map(Number) }));
}

/** One spike the rule found, before it is stored. */
export interface SpikeHit {
  regionId: number;
  categoryId: number;
  count: number;
  baseline: number;
  ids: number[];
}

/** Groups the week counts per key and applies the rule. */
export function findSpikes(rows: readonly Counted[]): SpikeHit[] {
  const byKey = new Map<
    string,
    { regionId: number; categoryId: number; count: number; ids: number[]; weeks: number[] }
  >();
  for (const r of rows) {
    const key = `${r.regionId}:${r.categoryId}`;
    let k = byKey.get(key);
    if (!k) {
      k = { regionId: r.regionId, categoryId: r.categoryId, count: 0, ids: [], weeks: [] };
      byKey.set(key, k);
    }
    if (r.week === 0) {
      k.count = r.n;
      k.ids = r.ids;
    } else k.weeks.push(r.n);
  }
  const out: SpikeHit[] = [];
  for (const k of byKey.values()) {
    const v = detectSpike(k.count, k.weeks);
    if (v.alert)
      out.push({ regionId: k.regionId, categoryId: k.categoryId, count: k.count, baseline: v.baseline, ids: k.ids });
  }
  return out.sort((a, b) => a.regionId - b.regionId || a.categoryId - b.categoryId);
}

/**
 * Stores a spike, or grows the alert already standing for it: a village × category alert whose window overlaps this one
 * is the same spike seen again (later that day, or on a later day), so it takes this window's items and end instead of
 * a second alert. Returns the id and whether this call created it (only a created alert is told; the unique window key
 * decides between concurrent scans).
 */
async function storeSpike(
  tx: Tx,
  h: SpikeHit,
  w: ReturnType<typeof spikeWindows>,
  now: Date,
): Promise<{ id: number; created: boolean; grown: boolean } | null> {
  const start = w.start.toISOString();
  const end = w.end.toISOString();
  const ids = `{${h.ids.join(',')}}`;
  // Scans hold the advisory lock, so reading the standing alert and then updating it cannot interleave.
  const standing = (
    await tx.execute(sql`select id, opinion_ids as ids from spike_alerts
      where region_id = ${h.regionId} and category_id = ${h.categoryId} and window_end > ${start}::timestamptz
      order by window_start desc limit 1`)
  ).rows[0] as { id: number; ids: unknown[] } | undefined;
  if (standing) {
    const had = new Set(standing.ids.map(Number));
    const added = h.ids.filter((id) => !had.has(id));
    if (added.length) {
      const all = [...had, ...added].sort((x, y) => x - y);
      await tx.execute(sql`update spike_alerts set opinion_ids = ${`{${all.join(',')}}`}::int[],
          item_count = ${all.length}::int, window_end = greatest(window_end, ${end}::timestamptz)
        where id = ${standing.id}`);
    }
    return { id: Number(standing.id), created: false, grown: added.length > 0 };
  }
  const res = await tx.execute(sql`insert into spike_alerts (region_id, category_id, window_start, window_end,
      item_count, baseline, opinion_ids, created_at)
    values (${h.regionId}::int, ${h.categoryId}::int, ${start}::timestamptz, ${end}::timestamptz,
      ${h.count}::int, ${h.baseline}::float8, ${ids}::int[], ${now.toISOString()}::timestamptz)
    on conflict (region_id, category_id, window_start) do nothing returning id`);
  const row = res.rows[0] as { id: number } | undefined;
  return row ? { id: Number(row.id), created: true, grown: false } : null;
}

/** Tells the office (admin) and the village's township officers: in-app, and by e-mail to those with an address. */
async function notifySpike(
  tx: Tx,
  spikeId: number,
  h: SpikeHit,
  now: Date,
): Promise<{ notified: number; queued: number }> {
  const names = (
    await tx.execute(sql`select v.name as village, coalesce(t.name, '') as township, t.id as "townshipId", c.name as category
      from regions v left join regions t on t.id = v.parent_id, opinion_categories c
      where v.id = ${h.regionId} and c.id = ${h.categoryId}`)
  ).rows[0] as { village: string; township: string; townshipId: number | null; category: string };
  const data: SpikeData = {
    spikeId,
    village: names.village,
    township: names.township,
    category: names.category,
    count: h.count,
    baseline: h.baseline,
  };
  const text = renderSpike(data, 'zh');
  // Staff accounts carry no address of their own; an account linked to a member uses the member's e-mail.
  const res = await tx.execute(sql`insert into notifications (user_id, kind, title, body, link, data, created_at)
    select u.id, 'spike', ${text.title}::text, ${text.body}::text, ${`/spikes?id=${spikeId}`}::text,
      ${JSON.stringify(data)}::jsonb, ${now.toISOString()}::timestamptz
    from users u
    where u.active and ('admin' = any(u.roles)
      or ('info_officer' = any(u.roles) and u.township_id = ${names.townshipId ?? 0}::int))
    returning user_id as "userId"`);
  const userIds = (res.rows as { userId: number }[]).map((r) => Number(r.userId));
  let queued = 0;
  if (userIds.length) {
    const items = (
      await tx.execute(sql`select o.id, o.title, o.confidentiality from opinions o
        where o.id in (${sql.join(
          h.ids.map((id) => sql`${id}`),
          sql`, `,
        )}) order by o.id`)
    ).rows as { id: number; title: string; confidentiality: string }[];
    const lines = items.map((o) =>
      // Only ordinary items' titles leave the system by e-mail; internal and confidential ones are counted by number.
      // A title's phones, plates and names stay in the system too (mail leaves it).
      o.confidentiality === 'normal' ? `#${o.id} ${redactPii(o.title)}` : spikeText('email_hidden', { id: o.id }),
    );
    const body = [text.body, '', spikeText('email_items', {}), ...lines, '', spikeText('email_footer', {})].join('\n');
    const subject = spikeText('email_subject', { ...data }).slice(0, 200);
    const mails = await tx.execute(sql`select u.id, m.email from users u join members m on m.id = u.member_id
      where u.id in (${sql.join(
        userIds.map((id) => sql`${id}`),
        sql`, `,
      )}) and m.email like '%@%' order by u.id`);
    for (const m of mails.rows as { id: number; email: string }[]) {
      const dedupeKey = `spike:${spikeId}:${m.id}`;
      if (await enqueue(tx, { channel: 'email', recipient: m.email, subject, body, dedupeKey }, now)) queued++;
    }
  }
  return { notified: userIds.length, queued };
}

/** What one scan did: spikes found, alerts created (and told), alerts grown by later items. */
export interface SpikeScan {
  spikes: number;
  created: number;
  grown: number;
  notified: number;
  queued: number;
}

/**
 * Finds the spikes at `now` and alerts each once: scans serialize on an advisory lock, and a spike's row is inserted
 * with `on conflict do nothing returning`, so only the process that stored it notifies, however many processes scan.
 */
export async function scanSpikes(db: Db, now: Date): Promise<SpikeScan> {
  const w = spikeWindows(now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jielian:spikes'))`);
    const hits = findSpikes(await countWeeks(tx, w));
    const out = { spikes: hits.length, created: 0, grown: 0, notified: 0, queued: 0 };
    for (const h of hits) {
      const stored = await storeSpike(tx, h, w, now);
      if (stored?.grown) out.grown++;
      if (!stored?.created) continue;
      out.created++;
      const n = await notifySpike(tx, stored.id, h, now);
      out.notified += n.notified;
      out.queued += n.queued;
    }
    return out;
  });
}

/**
 * The scheduler's scan, run only when its answer may have changed: a new item or a new item event (a category
 * correction, a merge) anywhere, or a new China day (the window moves). The probe is two index-only max() reads, so an
 * idle minute costs nothing; without it every tick ran the 9-week aggregate. Returns null when it skipped.
 */
export function spikeScanner(): (db: Db, now: Date) => Promise<SpikeScan | null> {
  let last = '';
  return async (db, now) => {
    const probe = (
      await db.execute(sql`select (select max(id) from opinions) as o, (select max(id) from opinion_events) as e`)
    ).rows[0] as { o: unknown; e: unknown };
    const key = `${chinaDateOf(now)}|${probe.o ?? 0}|${probe.e ?? 0}`;
    if (key === last) return null;
    const out = await scanSpikes(db, now);
    last = key;
    return out;
  };
}
