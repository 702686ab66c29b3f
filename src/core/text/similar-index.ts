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

/** What the index needs of a text: its features (segmented words and pairs) and its normalised string. */
export interface TextFeatures {
  terms: readonly string[];
  normalized: string;
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

interface Doc {
  id: number;
  termIds: Int32Array;
  counts: Uint16Array;
  /** L2-normalised TF-IDF weights of termIds, with the IDF of when they were computed (refreshed as the index grows). */
  weights: Float32Array;
  /** Items in the index when the weights were computed. */
  weightedAt: number;
  signature: Uint32Array | null;
  live: boolean;
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
    const tf = this.vocab.addDocument(text.terms);
    const termIds = Int32Array.from(tf.keys()).sort();
    const counts = Uint16Array.from(termIds, (t) => Math.min(tf.get(t) ?? 0, 65535));
    const signature = minhashSignature(text.normalized);
    const bands = signature ? bandKeys(signature) : null;
    const slot = this.docs.length;
    // The band keys only place the item in its buckets: not kept per item (16 strings each, ~1 KB).
    const doc: Doc = { id, termIds, counts, weights: new Float32Array(0), weightedAt: 0, signature, live: true };
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
    const w = new Float32Array(doc.termIds.length);
    let norm = 0;
    for (let i = 0; i < w.length; i++) {
      w[i] = (1 + Math.log(doc.counts[i])) * this.vocab.idf(doc.termIds[i]);
      norm += w[i] * w[i];
    }
    const inv = norm ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < w.length; i++) w[i] *= inv;
    doc.weights = w;
    doc.weightedAt = this.vocab.docs;
  }

  /** Cosine of the query with a stored item; weights older than half the index's growth are refreshed first. */
  private cosineWith(q: SparseVector, doc: Doc): number {
    if (doc.weightedAt * STALE_GROWTH < this.vocab.docs) this.weigh(doc);
    let dot = 0;
    for (let i = 0; i < doc.termIds.length; i++) {
      const v = q.get(doc.termIds[i]);
      if (v !== undefined) dot += v * doc.weights[i];
    }
    return dot;
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
    const q = tfidfVector(this.vocab.countTerms(text.terms), this.vocab);
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
      const score = this.cosineWith(q, d);
      const isRepost = (reposts.get(slot) ?? 0) >= REPOST_JACCARD && score >= REPOST_COSINE;
      if (score >= minScore) hits.push({ id: d.id, score, isRepost });
    }
    return hits.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, limit);
  }
}
