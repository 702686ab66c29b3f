// Suggested 民生问题: recent items not yet linked to any problem, grouped per township by the hot-problem topics
// (modules/topics: the office's incremental topic model over the text pipeline's features), so a group is a matter
// several people raised in one township. Reading the model's assignments costs nothing per request; the first
// version asked the similar-items index for 40 neighbours of each of up to 3,000 items on every request (≈5 s).
import { sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { opinionsVisible, townshipOfRegion } from '../opinions/scope.js';
import { topicModelFor } from '../topics/model.js';

/** Items read at most (the newest), groups returned. */
const MAX_ITEMS = 3000;
const MAX_GROUPS = 100;

interface Candidate {
  id: number;
  title: string;
  townshipId: number;
  townshipName: string;
}

/** Groups of similar recent unlinked items the actor may see, by township, biggest first. */
export async function suggestProblems(db: DbOrTx, a: Actor, q: { regionId?: number; days: number }, now: Date) {
  if (!hasRole(a, 'admin', 'leader', 'info_officer')) throw notFound();
  const since = new Date(now.getTime() - q.days * 86_400_000).toISOString();
  const town = townshipOfRegion;
  const parts = [
    sql`o.received_at >= ${since}::timestamptz`,
    sql`o.status not in ('merged', 'not_accepted')`,
    sql`not exists (select 1 from problem_items pi where pi.opinion_id = o.id)`,
    opinionsVisible(a),
  ];
  if (q.regionId) parts.push(sql`${town} = ${q.regionId}`);
  if (!hasRole(a, 'admin', 'leader')) parts.push(sql`${town} = ${a.townshipId ?? 0}`);
  const res = await db.execute(sql`select o.id, o.title, t.id as "townshipId",
      t.name as "townshipName"
    from opinions o join regions v on v.id = o.region_id join regions t on t.id = ${town}
    where ${sql.join(parts, sql` and `)} order by o.received_at desc, o.id desc limit ${MAX_ITEMS}`);
  const items = res.rows as unknown as Candidate[];
  const model = await topicModelFor(db);
  // One group per topic × township; items newest first, so a group is named after its latest item.
  const groups = new Map<string, Candidate[]>();
  for (const c of items) {
    const topic = model.topicOf(c.id);
    if (topic === null) continue;
    const key = `${topic}:${c.townshipId}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  return {
    groups: [...groups.values()]
      .filter((g) => g.length >= 2)
      .sort((x, y) => y.length - x.length || x[0].townshipId - y[0].townshipId || y[0].id - x[0].id)
      .slice(0, MAX_GROUPS)
      .map((g) => ({
        regionId: g[0].townshipId,
        regionName: g[0].townshipName,
        title: g[0].title,
        keywords: model.phrases(g.map((c) => c.id)).phrases.slice(0, 5),
        opinionIds: g.map((c) => c.id).sort((x, y) => x - y),
        count: g.length,
      })),
  };
}
