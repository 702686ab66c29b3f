// "Similar items" while triaging: recent live items sharing jieba keywords, ranked by keyword overlap plus the same
// category and region; the full-text index narrows the candidates, the score is computed here.
import { sql } from 'drizzle-orm';
import { allowedActions, canBeMergeTarget, type OpinionStatus } from '../../../core/opinions/index.js';
import { keywords, similarity, toSearchQuery } from '../../adapters/text/segmenter.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { presentTrackingCode } from '../common/present-person.js';
import { statusLabel } from './read.js';
import { opinionActorFor, opinionsVisible } from './scope.js';

/** How far back candidates are looked for. */
const WINDOW_DAYS = 180;
/** Candidates scored in JS at most (the newest matching ones). */
const MAX_CANDIDATES = 300;
/** Items returned. */
const LIMIT = 10;
/** Keywords per text; the text read for them is capped so a long letter stays cheap. */
const TOP_K = 12;
const TEXT_CHARS = 2000;
/** Jaccard overlap that lets a single shared keyword count (short texts with few keywords). */
const MIN_SINGLE_OVERLAP = 0.15;
/** Below this overall score a suggestion is noise (two shared fragments of village names, 6 %), not a duplicate. */
const MIN_SCORE = 0.2;
/** Weights: keyword overlap (Jaccard) dominates; the same category/region add to it but never stand alone. */
const W = { words: 0.6, category: 0.25, parentCategory: 0.12, region: 0.15, township: 0.08 };

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

const select = sql`select o.id, o.tracking_code as "trackingCode", o.title, left(o.content, ${TEXT_CHARS}) as content,
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

/** One candidate's score against the item, and the keywords they share. */
function scoreSimilar(item: Row, itemWords: string[], c: Row) {
  const words = wordsOf(c);
  const shared = itemWords.filter((w) => words.includes(w));
  const overlap = similarity(itemWords, words);
  // One common word in two long texts (来电, 部分) is chance, not a duplicate: ask for two, or a real share of short texts.
  if (!shared.length || (shared.length < 2 && overlap < MIN_SINGLE_OVERLAP)) return null;
  const cat = closeness(item.categoryId, item.categoryParent, c.categoryId, c.categoryParent);
  const reg = closeness(item.regionId, item.regionParent, c.regionId, c.regionParent);
  const score =
    W.words * overlap +
    (cat === 'same' ? W.category : cat === 'parent' ? W.parentCategory : 0) +
    (reg === 'same' ? W.region : reg === 'parent' ? W.township : 0);
  if (score < MIN_SCORE) return null;
  return { score: Math.round(score * 1000) / 1000, sharedKeywords: shared };
}

/**
 * Up to 10 visible, recent, live (not closed, not merged) items like this one, best first, each with its score, the
 * shared keywords and whether the actor may merge it here or merge this item into it. 404 when the item is not visible.
 */
export async function findSimilar(db: DbOrTx, a: Actor, id: number, now: Date) {
  const res = await db.execute(sql`${select} where o.id = ${id} and ${opinionsVisible(a)}`);
  const item = res.rows[0] as Row | undefined;
  if (!item) throw notFound();
  const itemWords = wordsOf(item);
  const tsq = itemWords
    .map((w) => toSearchQuery(w))
    .filter(Boolean)
    .map((q) => `(${q})`)
    .join(' | ');
  if (!tsq) return { items: [], keywords: itemWords };
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  const cand = await db.execute(sql`${select} where o.id <> ${id} and ${opinionsVisible(a)}
    and o.status not in ('closed', 'merged') and o.received_at >= ${since}::timestamptz
    and to_tsvector('simple', o.search_text) @@ to_tsquery('simple', ${tsq})
    order by o.received_at desc, o.id desc limit ${MAX_CANDIDATES}`);
  const ranked = (cand.rows as Row[])
    .map((c) => ({ c, s: scoreSimilar(item, itemWords, c) }))
    .filter((x): x is { c: Row; s: NonNullable<ReturnType<typeof scoreSimilar>> } => x.s !== null)
    .sort((x, y) => y.s.score - x.s.score || y.c.id - x.c.id)
    .slice(0, LIMIT);
  const mine = allowedActions(stateOf(item), await opinionActorFor(db, a, id)).includes('merge');
  const items = [];
  for (const { c, s } of ranked) {
    const theirs = allowedActions(stateOf(c), await opinionActorFor(db, a, c.id)).includes('merge');
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
