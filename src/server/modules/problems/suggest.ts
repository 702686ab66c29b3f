// Suggested 民生问题: recent items not yet linked to any problem, grouped per township by the text pipeline's
// similar-items index (TF-IDF cosine over segmented words, the same index the triage's "similar items" uses). Two
// items close enough join one group (grouped around the best-connected items), so a group is a matter several people raised in one township.
import { sql } from 'drizzle-orm';
import { keywords } from '../../adapters/text/segmenter.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { opinionsVisible } from '../opinions/scope.js';
import { featuresOf, similarIndexFor } from '../opinions/text-index.js';

/** Two items whose texts are at least this close are about one matter. */
const MIN_COSINE = 0.2;
/** Items read at most (the newest), neighbours asked per item, groups returned. */
const MAX_ITEMS = 3000;
const NEIGHBOURS = 40;
const MAX_GROUPS = 100;

interface Candidate {
  id: number;
  title: string;
  content: string;
  townshipId: number;
  townshipName: string;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Groups of similar recent unlinked items the actor may see, by township, biggest first. */
export async function suggestProblems(db: DbOrTx, a: Actor, q: { regionId?: number; days: number }, now: Date) {
  if (!hasRole(a, 'admin', 'leader', 'info_officer')) throw notFound();
  const since = new Date(now.getTime() - q.days * 86_400_000).toISOString();
  const town = sql`case when v.level = 'township' then v.id else v.parent_id end`;
  const parts = [
    sql`o.received_at >= ${since}::timestamptz`,
    sql`o.status not in ('merged', 'not_accepted')`,
    sql`not exists (select 1 from problem_items pi where pi.opinion_id = o.id)`,
    opinionsVisible(a),
  ];
  if (q.regionId) parts.push(sql`${town} = ${q.regionId}`);
  if (!hasRole(a, 'admin', 'leader')) parts.push(sql`${town} = ${a.townshipId ?? 0}`);
  const res = await db.execute(sql`select o.id, o.title, left(o.content, 1000) as content, t.id as "townshipId",
      t.name as "townshipName"
    from opinions o join regions v on v.id = o.region_id join regions t on t.id = ${town}
    where ${sql.join(parts, sql` and `)} order by o.received_at desc, o.id desc limit ${MAX_ITEMS}`);
  const items = res.rows as unknown as Candidate[];
  const byId = new Map(items.map((c) => [c.id, c]));
  const index = await similarIndexFor(db);
  // Star grouping: an item with many close neighbours seeds a group of its own unassigned neighbours. Every member is
  // close to the seed itself, so groups never chain from one matter to another (single linkage joined gas pipes to
  // e-bike charging through a shared 社区 in the demo).
  const neighbours = new Map<number, number[]>();
  for (const [i, c] of items.entries()) {
    const hits = index.query(featuresOf(c.title, c.content), {
      exclude: new Set([c.id]),
      limit: NEIGHBOURS,
      minScore: MIN_COSINE,
      accept: (id) => byId.get(id)?.townshipId === c.townshipId,
    });
    neighbours.set(
      c.id,
      hits.map((h) => h.id),
    );
    if (i % 50 === 49) await yieldToLoop();
  }
  const degree = (c: Candidate) => neighbours.get(c.id)?.length ?? 0;
  const assigned = new Set<number>();
  const groups = new Map<number, Candidate[]>();
  for (const seed of [...items].sort((x, y) => degree(y) - degree(x) || y.id - x.id)) {
    if (assigned.has(seed.id)) continue;
    assigned.add(seed.id);
    const members = [seed];
    for (const id of neighbours.get(seed.id) ?? []) {
      if (assigned.has(id)) continue;
      assigned.add(id);
      members.push(byId.get(id)!);
    }
    groups.set(seed.id, members);
  }
  return {
    groups: [...groups.values()]
      .filter((g) => g.length >= 2)
      .sort((x, y) => y.length - x.length || x[0].townshipId - y[0].townshipId)
      .slice(0, MAX_GROUPS)
      .map((g) => {
        // The group is named after its seed (the best-connected item); its shared keywords say what it is about.
        const central = g[0];
        return {
          regionId: central.townshipId,
          regionName: central.townshipName,
          title: central.title,
          keywords: sharedKeywords(g),
          opinionIds: g.map((c) => c.id).sort((x, y) => x - y),
          count: g.length,
        };
      }),
  };
}

/** Words among the top keywords of at least half of the group's items, most frequent first (at most 5). */
function sharedKeywords(g: Candidate[]): string[] {
  const freq = new Map<string, number>();
  for (const c of g.slice(0, 50))
    for (const k of keywords(`${c.title}\n${c.content}`, 8)) freq.set(k.word, (freq.get(k.word) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(Math.min(g.length, 50) / 2));
  return [...freq.entries()]
    .filter(([, n]) => n >= need)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 5)
    .map(([w]) => w);
}
