// The spike alerts a viewer may read (office and leaders all, an information officer their township's), each with the
// items behind it as the viewer may see them: items outside their view are counted, not listed.
import { sql } from 'drizzle-orm';
import type { SpikeAlert } from '../../../core/spikes/alert.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { opinionsVisible, seesOriginal } from '../opinions/scope.js';

/** Who may read spikes at all: the office, leaders and information officers (others get 404, like every hidden list). */
export function maySeeSpikes(a: Actor): boolean {
  return hasRole(a, 'admin', 'leader', 'info_officer');
}

/** The alerts of the last `days` days (or one alert by id), newest first. */
export async function listSpikes(
  db: DbOrTx,
  a: Actor,
  q: { days: number; id?: number },
  now: Date,
): Promise<{ items: SpikeAlert[] }> {
  if (!maySeeSpikes(a)) throw notFound();
  const since = new Date(now.getTime() - q.days * 86_400_000).toISOString();
  const parts = [sql`s.created_at >= ${since}::timestamptz`];
  if (q.id) parts.push(sql`s.id = ${q.id}`);
  if (!hasRole(a, 'admin', 'leader')) parts.push(sql`v.parent_id = ${a.townshipId ?? 0}`);
  const res = await db.execute(sql`select s.id, s.region_id as "villageId", v.name as village, t.id as "townshipId",
      coalesce(t.name, '') as township, s.category_id as "categoryId", c.name as category,
      s.window_start as "windowStart", s.window_end as "windowEnd", s.item_count as count, s.baseline,
      s.created_at as "createdAt", s.opinion_ids as ids
    from spike_alerts s join regions v on v.id = s.region_id left join regions t on t.id = v.parent_id
      join opinion_categories c on c.id = s.category_id
    where ${sql.join(parts, sql` and `)} order by s.created_at desc, s.id desc limit 200`);
  const rows = res.rows as any[];
  const all = [...new Set(rows.flatMap((r) => (r.ids as unknown[]).map(Number)))];
  const seen = new Map<number, { id: number; title: string; status: string }>();
  if (all.length) {
    const items = await db.execute(sql`select o.id, o.status,
        case when ${seesOriginal(a)} then o.title else coalesce(nullif(o.redacted_title, ''), '—') end as title
      from opinions o where o.id in (${sql.join(
        all.map((id) => sql`${id}`),
        sql`, `,
      )}) and ${opinionsVisible(a)}`);
    for (const o of items.rows as any[]) seen.set(Number(o.id), { id: Number(o.id), title: o.title, status: o.status });
  }
  const iso = (v: unknown) => new Date(v as string).toISOString();
  return {
    items: rows.map(({ ids, ...r }) => {
      const list = (ids as unknown[]).map(Number);
      const items = list.flatMap((id) => seen.get(id) ?? []);
      return {
        ...r,
        id: Number(r.id),
        baseline: Number(r.baseline),
        windowStart: iso(r.windowStart),
        windowEnd: iso(r.windowEnd),
        createdAt: iso(r.createdAt),
        items,
        hiddenCount: list.length - items.length,
      };
    }),
  };
}
