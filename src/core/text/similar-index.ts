// "Same matter already reported?": an in-memory index over the office's items. Candidates come from the inverted lists
// of the query's heaviest TF-IDF terms and from MinHash LSH buckets (re-posts), never from a scan of every item; the
// few hundred candidates are then ranked by exact TF-IDF cosine.
import { bandKeys, estimateJaccard, minhashSignature } from './minhash.js';
import { type SparseVector, tfidfVector, topTerms, Vocabulary } from './tfidf.js';

/** One similar item: its id, TF-IDF cosine and whether it reads as the same message re-posted. */
export interface SimilarHit {
  id: number;
  score: number;
  isRepost: boolean;
}

/** What the index needs of a text: its features (segmented words and pairs), its normalised string and, when it has
 * one, its title's words (the title field: where a message names its matter). */
export interface TextFeatures {
  terms: readonly string[];
  normalized: string;
  /** More terms for this index only: names the segmenter split into single characters, joined back (see joinLoneChars). */
  names?: readonly string[];
  title?: readonly string[];
}

export interface QueryOptions {
  limit?: number;
  /** Lowest score returned (0…1). */
  minScore?: number;
  /** Items that must not be returned (the item itself). */
  exclude?: ReadonlySet<number>;
  /** Visibility or status filter applied to candidates before ranking. */
  accept?: (id: number) => boolean;
}

/** Query terms whose inverted lists are walked: the heaviest ones carry the matter (place, object, fault). */
const QUERY_TERMS = 32;
/** Candidates ranked exactly, best partial scores first. */
const RERANK = 100;
/** An inverted list longer than this share of all items is a near-stop-word: walked only when nothing else is left. */
const COMMON_SHARE = 0.08;
/** Stored weights are recomputed once the index has grown by this factor since (IDF drifts slowly). */
const STALE_GROWTH = 1.5;
/** MinHash Jaccard and cosine from which two texts are the same message re-posted (a shared form template alone
 * reaches a high Jaccard, so the words must agree too). */
const REPOST_JACCARD = 0.8;
const REPOST_COSINE = 0.6;
/** Share of the score given to the cosine of the titles alone (a field weight, as in BM25F): the title states the
 * matter in a few words, the body dilutes it with the story around it. */
const TITLE_WEIGHT = 0.15;
/** Share of the gap to 1 closed when both titles are the same words in the same order (after normalisation): someone
 * re-posting a matter repeats its title, while the body is often rewritten. Titles of fewer words are too generic. */
const SAME_TITLE_SHARE = 0.5;
const SAME_TITLE_MIN_WORDS = 3;

interface Doc {
  id: number;
  termIds: Int32Array;
  counts: Uint16Array;
  /** L2-normalised TF-IDF weights of termIds, with the IDF of when they were computed (refreshed as the index grows). */
  weights: Float32Array;
  /** Items in the index when the weights were computed. */
  weightedAt: number;
  signature: Uint32Array | null;
  /** The title's distinct term ids, sorted, their counts and L2-normalised weights (refreshed with `weights`). */
  titleIds: Int32Array;
  titleCounts: Uint16Array;
  titleWeights: Float32Array;
  /** Hash of the title's word sequence (0: no title or too short to count as the same title). */
  titleKey: number;
  live: boolean;
}

/** Hash of a title's word sequence for "the same title"; 0 for a title of fewer than SAME_TITLE_MIN_WORDS words. */
export function titleKey(words: readonly string[] | undefined): number {
  if (!words || words.length < SAME_TITLE_MIN_WORDS) return 0;
  let h = 0x811c9dc5;
  for (const c of words.join('\u0001')) {
    h ^= c.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h || 1;
}

/** An incrementally built similarity index; add() at intake, remove() when an item is closed, merged or deleted. */
export class SimilarIndex {
  readonly vocab = new Vocabulary();
  private readonly docs: Doc[] = [];
  private readonly slotOf = new Map<number, number>();
  private readonly postings: number[][] = [];
  /** Each posting's TF-IDF weight as it was when the item was added: enough to preselect candidates (the exact
   * cosine of the rerank uses current weights), and no binary search per posting while walking a list. */
  private readonly postingWeights: number[][] = [];
  /** Partial scores per slot, reused by every query (reset through the touched list, not reallocated). */
  private partial = new Float64Array(0);
  private readonly buckets = new Map<number, number[]>();
  private liveCount = 0;

  /** Items currently searchable. */
  get size(): number {
    return this.liveCount;
  }

  has(id: number): boolean {
    return this.slotOf.has(id);
  }

  /** Adds an item (or replaces it after an edit). */
  add(id: number, text: TextFeatures): void {
    if (this.slotOf.has(id)) this.remove(id);
    const tf = this.vocab.addDocument(termsOf(text));
    const termIds = Int32Array.from(tf.keys()).sort();
    const counts = Uint16Array.from(termIds, (t) => Math.min(tf.get(t) ?? 0, 65535));
    // Title words are terms of the item too (features count them), so they have ids already; unknown ones are dropped.
    const ttf = this.vocab.countTerms(text.title ?? []);
    const titleIds = Int32Array.from(ttf.keys()).sort();
    const titleCounts = Uint16Array.from(titleIds, (t) => Math.min(ttf.get(t) ?? 0, 65535));
    const signature = minhashSignature(text.normalized);
    const bands = signature ? bandKeys(signature) : null;
    const slot = this.docs.length;
    // The band keys only place the item in its buckets: not kept per item (16 strings each, ~1 KB).
    const doc: Doc = {
      id,
      termIds,
      counts,
      weights: new Float32Array(0),
      weightedAt: 0,
      signature,
      titleIds,
      titleCounts,
      titleWeights: new Float32Array(0),
      titleKey: titleKey(text.title),
      live: true,
    };
    this.weigh(doc);
    this.docs.push(doc);
    this.slotOf.set(id, slot);
    this.liveCount++;
    for (const [i, t] of termIds.entries()) {
      this.postings[t] ??= [];
      this.postingWeights[t] ??= [];
      this.postings[t].push(slot);
      this.postingWeights[t].push(doc.weights[i]);
    }
    if (bands) for (const key of bands) this.bucket(key).push(slot);
  }

  /** Takes an item out of the results; its slot is skipped from then on. */
  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.docs[slot].live = false;
    this.slotOf.delete(id);
    this.liveCount--;
  }

  /** (Re)computes an item's TF-IDF weights with today's IDF. */
  private weigh(doc: Doc): void {
    doc.weights = this.weightsOf(doc.termIds, doc.counts);
    doc.titleWeights = this.weightsOf(doc.titleIds, doc.titleCounts);
    doc.weightedAt = this.vocab.docs;
  }

  private weightsOf(ids: Int32Array, counts: Uint16Array): Float32Array {
    const w = new Float32Array(ids.length);
    let norm = 0;
    for (let i = 0; i < w.length; i++) {
      w[i] = (1 + Math.log(counts[i])) * this.vocab.idf(ids[i]);
      norm += w[i] * w[i];
    }
    const inv = norm ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < w.length; i++) w[i] *= inv;
    return w;
  }

  /** Cosine of the query with a stored item; weights older than half the index's growth are refreshed first. */
  private cosineWith(q: SparseVector, doc: Doc): number {
    if (doc.weightedAt * STALE_GROWTH < this.vocab.docs) this.weigh(doc);
    return dotWith(q, doc.termIds, doc.weights);
  }

  private bucket(key: number): number[] {
    let b = this.buckets.get(key);
    if (!b) {
      b = [];
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Items like the text, best first. */
  query(text: TextFeatures, options: QueryOptions = {}): SimilarHit[] {
    const { limit = 10, minScore = 0.05, exclude, accept } = options;
    const usable = (slot: number) => {
      const d = this.docs[slot];
      return d.live && !exclude?.has(d.id) && (!accept || accept(d.id));
    };
    const q = tfidfVector(this.vocab.countTerms(termsOf(text)), this.vocab);
    const qTitle = text.title?.length ? tfidfVector(this.vocab.countTerms(text.title), this.vocab) : null;
    const qTitleKey = titleKey(text.title);
    if (this.partial.length < this.docs.length) this.partial = new Float64Array(Math.max(1024, this.docs.length * 2));
    const partial = this.partial;
    const touched: number[] = [];
    const common = Math.max(50, this.liveCount * COMMON_SHARE);
    const terms = topTerms(q, QUERY_TERMS);
    const rare = terms.filter(([t]) => (this.postings[t]?.length ?? 0) <= common);
    for (const [t, qw] of rare.length ? rare : terms) {
      const slots = this.postings[t];
      if (!slots) continue;
      const weights = this.postingWeights[t];
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (partial[slot] === 0) touched.push(slot);
        partial[slot] += qw * weights[i] + Number.MIN_VALUE;
      }
    }
    const reposts = new Map<number, number>();
    const signature = minhashSignature(text.normalized);
    if (signature) {
      for (const key of bandKeys(signature)) {
        for (const slot of this.buckets.get(key) ?? []) {
          const d = this.docs[slot];
          if (reposts.has(slot) || !d.live || !d.signature) continue;
          reposts.set(slot, estimateJaccard(signature, d.signature));
        }
      }
    }
    const candidates = touched
      .filter(usable)
      .sort((a, b) => partial[b] - partial[a])
      .slice(0, RERANK);
    for (const slot of touched) partial[slot] = 0;
    // Every re-post candidate is ranked exactly, also one whose words left it outside the preselection.
    const chosen = new Set(candidates);
    for (const slot of reposts.keys()) if (!chosen.has(slot) && usable(slot)) candidates.push(slot);
    const hits: SimilarHit[] = [];
    for (const slot of new Set(candidates)) {
      const d = this.docs[slot];
      const cos = this.cosineWith(q, d);
      const isRepost = (reposts.get(slot) ?? 0) >= REPOST_JACCARD && cos >= REPOST_COSINE;
      const score = blendScore(
        cos,
        qTitle && d.titleIds.length ? dotWith(qTitle, d.titleIds, d.titleWeights) : null,
        qTitleKey !== 0 && qTitleKey === d.titleKey,
      );
      if (score >= minScore) hits.push({ id: d.id, score, isRepost });
    }
    return hits.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, limit);
  }
}

function termsOf(text: TextFeatures): readonly string[] {
  return text.names?.length ? [...text.terms, ...text.names] : text.terms;
}

function dotWith(q: SparseVector, ids: Int32Array, weights: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < ids.length; i++) {
    const v = q.get(ids[i]);
    if (v !== undefined) dot += v * weights[i];
  }
  return dot;
}

/**
 * The score of a stored item for a query (0…1): the cosine of the whole texts, blended with the cosine of the titles
 * when both have one (field weight TITLE_WEIGHT); the same title closes SAME_TITLE_SHARE of the gap to 1 (the order
 * among same-title items stays that of their texts).
 */
export function blendScore(cosine: number, titleCosine: number | null, sameTitle: boolean): number {
  const blended = titleCosine === null ? cosine : (1 - TITLE_WEIGHT) * cosine + TITLE_WEIGHT * titleCosine;
  return sameTitle ? blended + SAME_TITLE_SHARE * (1 - blended) : blended;
}
