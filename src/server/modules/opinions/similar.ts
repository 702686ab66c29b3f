// "Similar items" while triaging: the office's in-memory TF-IDF/MinHash index (text-index.ts) proposes the items with
// the closest text, whether or not category and village are set yet; SQL then keeps the recent, live ones the actor may
// see, and the same category/region add a little to the score.
import { sql } from 'drizzle-orm';
import { allowedActions, canBeMergeTarget, type OpinionStatus } from '../../../core/opinions/index.js';
import { keywords } from '../../adapters/text/segmenter.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { presentTrackingCode } from '../common/present-person.js';
import { statusLabel } from './read.js';
import { opinionActorFor, opinionsVisible, seesRedacted } from './scope.js';
import { featuresOf, similarIndexFor } from './text-index.js';

/** How far back candidates are looked for. */
const WINDOW_DAYS = 180;
/** Text matches asked of the index before the visibility/status filter. */
const MAX_CANDIDATES = 200;
/** Items returned. */
const LIMIT = 10;
/** Keywords shown per item; the text read for them is capped so a long letter stays cheap. */
const TOP_K = 12;
const TEXT_CHARS = 2000;
/** Below this cosine two texts share only chance words (来电, 部分), not a matter. */
const MIN_COSINE = 0.12;
/** Same category/region nudge the order among texts about equally close; they never make a match on their own. */
const W = { category: 0.06, parentCategory: 0.03, region: 0.05, township: 0.02 };

interface Row {
  id: number;
  trackingCode: string;
  title: string;
  content: string;
  status: OpinionStatus;
  categoryId: number | null;
  categoryParent: number | null;
  categoryName: string | null;
  regionId: number | null;
  regionParent: number | null;
  regionName: string | null;
  receivedAt: string;
  hasPendingExtension: boolean;
  isInBulletin: boolean;
  isEscalated: boolean;
  deadline: string | null;
}

/** The rows as the actor reads them: a department on a confidential item reads and matches only the redacted copy. */
const selectFor = (a: Actor) => sql`select o.id, o.tracking_code as "trackingCode",
  case when ${seesRedacted(a)} then coalesce(o.redacted_title, '') else o.title end as title,
  left(case when ${seesRedacted(a)} then coalesce(o.redacted_content, '') else o.content end, ${TEXT_CHARS}) as content,
  o.status, o.category_id as "categoryId", c.parent_id as "categoryParent", c.name as "categoryName",
  o.region_id as "regionId", v.parent_id as "regionParent", v.name as "regionName", o.received_at as "receivedAt",
  o.has_pending_extension as "hasPendingExtension", o.is_in_bulletin as "isInBulletin", o.is_escalated as "isEscalated",
  o.deadline::text as deadline
  from opinions o left join opinion_categories c on c.id = o.category_id left join regions v on v.id = o.region_id`;

const wordsOf = (r: Pick<Row, 'title' | 'content'>) => keywords(`${r.title}\n${r.content}`, TOP_K).map((k) => k.word);

/** A category/region closeness: the same node, or both under the same parent (sub-category, township). */
function closeness(aId: number | null, aParent: number | null, bId: number | null, bParent: number | null) {
  if (aId === null || bId === null) return 'none';
  if (aId === bId) return 'same';
  const a = aParent ?? aId;
  const b = bParent ?? bId;
  return a === b ? 'parent' : 'none';
}

/** One candidate's score: its text cosine plus the small category/region nudge, and the keywords both texts show. */
function scoreSimilar(item: Row, itemWords: string[], c: Row, cos: number) {
  const cat = closeness(item.categoryId, item.categoryParent, c.categoryId, c.categoryParent);
  const reg = closeness(item.regionId, item.regionParent, c.regionId, c.regionParent);
  const score =
    cos +
    (cat === 'same' ? W.category : cat === 'parent' ? W.parentCategory : 0) +
    (reg === 'same' ? W.region : reg === 'parent' ? W.township : 0);
  // The item's keywords that the candidate's text contains (folded as keywords() folds it): a substring test, not a
  // second jieba keyword extraction per candidate (that was most of a /similar call at 100,000 items).
  const theirs = `${c.title}\n${c.content}`.normalize('NFKC').toLowerCase();
  return {
    score: Math.round(Math.min(1, score) * 1000) / 1000,
    sharedKeywords: itemWords.filter((w) => theirs.includes(w)),
  };
}

/**
 * Up to 10 visible, recent, live (not closed, not merged) items like this one, best first, each with its score, the
 * shared keywords and whether the actor may merge it here or merge this item into it. 404 when the item is not visible.
 */
export async function findSimilar(db: DbOrTx, a: Actor, id: number, now: Date) {
  const select = selectFor(a);
  const res = await db.execute(sql`${select} where o.id = ${id} and ${opinionsVisible(a)}`);
  const item = res.rows[0] as Row | undefined;
  if (!item) throw notFound();
  const itemWords = wordsOf(item);
  const index = await similarIndexFor(db);
  const hits = index.query(featuresOf(item.title, item.content), {
    exclude: new Set([id]),
    limit: MAX_CANDIDATES,
    minScore: MIN_COSINE,
  });
  if (!hits.length) return { items: [], keywords: itemWords };
  const cosineOf = new Map(hits.map((h) => [h.id, h.score]));
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  const ids = sql.join(
    hits.map((h) => sql`${h.id}`),
    sql`, `,
  );
  // The index matched the originals: an item the actor reads only redacted is never proposed (its match would leak).
  const cand =
    await db.execute(sql`${select} where o.id in (${ids}) and ${opinionsVisible(a)} and not ${seesRedacted(a)}
    and o.status not in ('closed', 'merged') and o.received_at >= ${since}::timestamptz`);
  const ranked = (cand.rows as Row[])
    .map((c) => ({ c, s: scoreSimilar(item, itemWords, c, cosineOf.get(c.id) ?? 0) }))
    .sort((x, y) => y.s.score - x.s.score || y.c.id - x.c.id)
    .slice(0, LIMIT);
  const mine = allowedActions(stateOf(item), await opinionActorFor(db, a, id)).includes('merge');
  const items = [];
  // The actor's relation to each candidate (for its merge abilities), asked at once rather than one after another.
  const relations = await Promise.all(ranked.map(({ c }) => opinionActorFor(db, a, c.id)));
  for (const [k, { c, s }] of ranked.entries()) {
    const theirs = allowedActions(stateOf(c), relations[k]).includes('merge');
    items.push(
      presentTrackingCode(a, {
        id: c.id,
        trackingCode: c.trackingCode,
        title: c.title,
        status: c.status,
        statusLabel: statusLabel(c.status),
        categoryName: c.categoryName,
        regionName: c.regionName,
        receivedAt: c.receivedAt,
        ...s,
        // Merge that item into this one / this item into that one, as the lifecycle table allows the actor.
        abilities: {
          canMergeHere: theirs && canBeMergeTarget(item.status),
          canMergeInto: mine && canBeMergeTarget(c.status),
        },
      }),
    );
  }
  return { items, keywords: itemWords };
}

function stateOf(r: Row) {
  return {
    id: r.id,
    status: r.status,
    hasPendingExtension: r.hasPendingExtension,
    isInBulletin: r.isInBulletin,
    isEscalated: r.isEscalated,
    deadline: r.deadline ?? undefined,
  };
}
