// Hot problems: an incremental single-pass clustering of the office's items into topics. Each new item is compared
// only with the topics that share one of its heaviest terms (an inverted index over each topic centroid's top terms),
// joins the closest one above a cosine threshold or starts a topic of its own. Nothing is ever recomputed over all
// items, so the cost per item stays flat as the installation grows (bench/topics.ts prints the curve).
//
// Pure and deterministic: the same items in the same order give the same topics.

/** Tuning of the clustering; the defaults are the ones bench/topics.ts measured on the Teddy Cup groups. */
export interface TopicOptions {
  /** Cosine between an item and a topic's centroid from which the item joins the topic. */
  threshold?: number;
  /** Heaviest terms kept in a centroid (the rest is trimmed, so a topic cannot drift into everything). */
  centroidTerms?: number;
  /** A centroid's heaviest terms listed in the inverted index. */
  indexTerms?: number;
  /** An item's heaviest terms whose inverted lists are walked. */
  queryTerms?: number;
  /** Topics scored exactly per item, best partial scores first. */
  maxCandidates?: number;
  /** Terms kept per item (its vector for the centroid and its key phrases). */
  itemTerms?: number;
  /** Distinct terms below which an item stays out of every topic ("路灯", "！！！", an emoji). */
  minTerms?: number;
  /** Inverted lists longer than this are near-stop-words: walked only when nothing else is left (and then only
   * their newest entries), which keeps each item's cost bounded as topics accumulate. */
  maxPosting?: number;
}

/** Default join threshold (cosine to the centroid), picked by bench/topics.ts on the Teddy Cup hot-problem groups. */
export const DEFAULT_TOPIC_THRESHOLD = 0.1;

const DEFAULTS: Required<TopicOptions> = {
  threshold: DEFAULT_TOPIC_THRESHOLD,
  centroidTerms: 40,
  indexTerms: 10,
  queryTerms: 12,
  maxCandidates: 24,
  itemTerms: 24,
  minTerms: 2,
  maxPosting: 400,
};

/** One item for the model: its id and its features (segmented words and word pairs, see adapters/text/pipeline). */
export interface TopicItem {
  id: number;
  terms: readonly string[];
}

interface ItemVector {
  terms: Int32Array;
  weights: Float32Array;
}

interface Topic {
  id: number;
  size: number;
  /** Sum of the members' vectors, trimmed to the heaviest terms. */
  sum: Map<number, number>;
  norm: number;
  /** Terms under which the topic is listed in the inverted index. */
  indexed: number[];
}

/** Items in a topic with their key phrases, as phrases() gives them. */
export interface TopicPhrases {
  /** 2–3 phrases naming the topic, heaviest first (adjacent-word pairs preferred). */
  label: string[];
  /** Up to 6 key phrases. */
  phrases: string[];
}

const HAN = /\p{Script=Han}/u;

/** A feature as people read it: 路灯_坏 → 路灯坏, bazar_yoli → bazar yoli. */
export function phraseText(term: string): string {
  const parts = term.split('_');
  if (parts.length < 2) return term;
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) {
    const joinTight = HAN.test(out.slice(-1)) && HAN.test(parts[i].charAt(0));
    out += (joinTight ? '' : ' ') + parts[i];
  }
  return out;
}

/** Joins chosen pairs that run on into one phrase (附近_一家, 一家_生猪养殖 → 附近_一家_生猪养殖), at most 4 words. */
function chainPairs(terms: string[]): string[] {
  const out: string[][] = [];
  for (const term of terms) {
    const words = term.split('_');
    const after = words.length === 2 ? out.find((c) => c.length < 4 && c[c.length - 1] === words[0]) : undefined;
    const before = words.length === 2 ? out.find((c) => c.length < 4 && c[0] === words[1]) : undefined;
    if (after && !after.includes(words[1])) after.push(words[1]);
    else if (before && !before.includes(words[0])) before.unshift(words[0]);
    else out.push(words);
  }
  return out.map((c) => c.join('_'));
}

/** An incremental topic model: add() items in arrival order, read topicOf() and phrases(). */
export class TopicModel {
  private readonly opts: Required<TopicOptions>;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly df: number[] = [];
  private docs = 0;
  private readonly topics: Topic[] = [];
  private readonly postings: Set<number>[] = [];
  private readonly topicOfItem = new Map<number, number>();
  private readonly vectors = new Map<number, ItemVector>();
  /** Partial scores by topic, reused between items (reset through the touched list). */
  private scratch = new Float64Array(0);

  constructor(options: TopicOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** Items seen (clustered or left out as too short). */
  get size(): number {
    return this.vectors.size;
  }

  /** Topics started so far (including one-item topics). */
  get topicCount(): number {
    return this.topics.length;
  }

  has(id: number): boolean {
    return this.vectors.has(id);
  }

  /** The topic of an item; null for an item never added or too short to say anything. */
  topicOf(id: number): number | null {
    return this.topicOfItem.get(id) ?? null;
  }

  /** How many items a topic has in all (every area and period). */
  topicSize(topic: number): number {
    return this.topics[topic]?.size ?? 0;
  }

  /** Adds one item as it arrives (document frequencies first, then its topic); returns the topic or null. */
  add(item: TopicItem): number | null {
    if (this.vectors.has(item.id)) return this.topicOf(item.id);
    const tf = this.count(item.terms, true);
    return this.assign(item.id, tf);
  }

  /**
   * Adds a batch (a cold start from the table): every item's terms are counted before any is placed, so the first
   * items are weighed with the batch's IDF instead of that of an almost empty vocabulary. Same order, same topics.
   */
  addMany(items: readonly TopicItem[]): void {
    for (const _ of this.addManySteps(items)) {
      // run to the end
    }
  }

  /** addMany in slices: yields after every `slice` items placed, so a server can give other requests a turn. */
  *addManySteps(items: readonly TopicItem[], slice = 500): Generator<number> {
    const seen = new Set<number>();
    const fresh = items.filter((it) => !this.vectors.has(it.id) && !seen.has(it.id) && seen.add(it.id));
    const tfs = fresh.map((it) => this.count(it.terms, true));
    for (let i = 0; i < fresh.length; i++) {
      this.assign(fresh[i].id, tfs[i]);
      if (i % slice === slice - 1) yield i + 1;
    }
  }

  /** Counts a document's distinct terms into the document frequencies; returns its term frequencies. */
  private count(terms: readonly string[], addDoc: boolean): Map<number, number> {
    const tf = new Map<number, number>();
    for (const t of terms) {
      if (!t) continue;
      let id = this.termIds.get(t);
      if (id === undefined) {
        id = this.termNames.length;
        this.termIds.set(t, id);
        this.termNames.push(t);
        this.df.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    if (addDoc) {
      for (const id of tf.keys()) this.df[id]++;
      this.docs++;
    }
    return tf;
  }

  private idf(id: number): number {
    return Math.log((this.docs + 1) / (this.df[id] + 1)) + 1;
  }

  /** Sublinear TF × IDF of the heaviest terms, L2-normalised (ties by term id, so the result is deterministic). */
  private vectorOf(tf: Map<number, number>): ItemVector {
    const entries: [number, number][] = [];
    for (const [id, n] of tf) entries.push([id, (1 + Math.log(n)) * this.idf(id)]);
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = entries.slice(0, this.opts.itemTerms);
    let norm = 0;
    for (const [, w] of kept) norm += w * w;
    const inv = norm ? 1 / Math.sqrt(norm) : 0;
    return {
      terms: Int32Array.from(kept, ([id]) => id),
      weights: Float32Array.from(kept, ([, w]) => w * inv),
    };
  }

  private assign(id: number, tf: Map<number, number>): number | null {
    const v = this.vectorOf(tf);
    this.vectors.set(id, v);
    if (tf.size < this.opts.minTerms || v.terms.length === 0) return null;
    const best = this.closest(v);
    const topic = best ?? this.newTopic();
    this.join(topic, v);
    this.topicOfItem.set(id, topic.id);
    return topic.id;
  }

  private newTopic(): Topic {
    const t: Topic = { id: this.topics.length, size: 0, sum: new Map(), norm: 0, indexed: [] };
    this.topics.push(t);
    return t;
  }

  /** The topic closest to the vector at or above the threshold, found through the inverted index; null if none. */
  private closest(v: ItemVector): Topic | null {
    const { queryTerms, maxPosting, maxCandidates, threshold } = this.opts;
    if (this.scratch.length < this.topics.length) {
      const grown = new Float64Array(Math.max(1024, this.topics.length * 2));
      grown.set(this.scratch);
      this.scratch = grown;
    }
    const partial = this.scratch;
    const touched: number[] = [];

    // Shared index terms, weighed by the item's weight of the term: a cheap score to pick the few topics scored exactly.
    const walk = (i: number) => {
      const list = this.postings[v.terms[i]];
      if (!list) return;
      const qw = v.weights[i];
      let skip = list.size - maxPosting;
      for (const t of list) {
        if (skip-- > 0) continue;
        if (partial[t] === 0) touched.push(t);
        partial[t] += qw;
      }
    };
    // The item's heaviest terms that some topic is listed under (its own one-off words cannot match anything).
    let walked = 0;
    let common = -1;
    for (let i = 0; i < v.terms.length && walked < queryTerms; i++) {
      const len = this.postings[v.terms[i]]?.size ?? 0;
      if (len > 0 && len <= maxPosting) {
        walk(i);
        walked++;
      } else if (len > maxPosting && common < 0) common = i;
    }
    if (!walked && common >= 0) walk(common);
    if (!touched.length) return null;
    let candidates = touched;
    if (touched.length > maxCandidates) {
      let top = 0;
      for (const t of touched) if (partial[t] > top) top = partial[t];
      candidates = touched.filter((t) => partial[t] >= top / 2);
      if (candidates.length > maxCandidates)
        candidates = candidates.sort((a, b) => partial[b] - partial[a] || a - b).slice(0, maxCandidates);
    }
    let best: Topic | null = null;
    let bestScore = threshold;
    for (const t of candidates) {
      const s = this.cosine(v, this.topics[t]);
      if (s > bestScore || (s === bestScore && (best === null || t < best.id))) {
        best = this.topics[t];
        bestScore = s;
      }
    }
    for (const t of touched) partial[t] = 0;
    return best;
  }

  private cosine(v: ItemVector, topic: Topic): number {
    if (!topic.norm) return 0;
    let dot = 0;
    for (let i = 0; i < v.terms.length; i++) dot += v.weights[i] * (topic.sum.get(v.terms[i]) ?? 0);
    return dot / topic.norm;
  }

  /** Adds the vector to the topic's centroid, trims it, and moves the topic in the inverted index. */
  private join(topic: Topic, v: ItemVector): void {
    topic.size++;
    let normSq = topic.norm * topic.norm;
    for (let i = 0; i < v.terms.length; i++) {
      const old = topic.sum.get(v.terms[i]) ?? 0;
      const next = old + v.weights[i];
      topic.sum.set(v.terms[i], next);
      normSq += next * next - old * old;
    }
    const trim = topic.sum.size > 3 * this.opts.centroidTerms;
    topic.norm = Math.sqrt(Math.max(normSq, 0));
    let next: number[];
    if (topic.size === 1) {
      // A new topic's centroid is its first item, whose terms are already heaviest first.
      next = this.indexTermsOf(Array.from(v.terms));
    } else {
      // The index terms settle as a topic grows: re-read them at sizes 2, 4, 8, 16, every 16th member after, and on
      // a trim.
      const size = topic.size;
      if (!trim && (size & (size - 1)) !== 0 && size % 16 !== 0) return;
      const heavy = [...topic.sum].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      if (trim) {
        topic.sum = new Map(heavy.slice(0, this.opts.centroidTerms));
        normSq = 0;
        for (const w of topic.sum.values()) normSq += w * w;
        topic.norm = Math.sqrt(normSq);
      }
      next = this.indexTermsOf(heavy.map(([t]) => t));
    }
    const keep = new Set(next);
    for (const t of topic.indexed) if (!keep.has(t)) this.postings[t]?.delete(topic.id);
    const had = new Set(topic.indexed);
    for (const t of next) {
      if (had.has(t)) continue;
      this.postings[t] ??= new Set();
      this.postings[t].add(topic.id);
    }
    topic.indexed = next;
  }

  /**
   * The terms (heaviest first) a topic is listed under: those other items already hold first, since a word no other
   * item has used (a typo, a name said once) cannot bring the next item in; then the heaviest of the rest.
   */
  private indexTermsOf(heaviestFirst: number[]): number[] {
    const k = this.opts.indexTerms;
    const out: number[] = [];
    for (const t of heaviestFirst) if (out.length < k && this.df[t] >= 2) out.push(t);
    for (const t of heaviestFirst) if (out.length < k && this.df[t] < 2) out.push(t);
    return out;
  }

  /**
   * Key phrases of a set of items (a topic as one actor sees it in one area and period): the heaviest terms of their
   * summed vectors, adjacent-word pairs that several of the items share first, then single words not already inside a
   * chosen pair. Reads at most the first 500 ids given.
   */
  phrases(ids: Iterable<number>): TopicPhrases {
    const weight = new Map<number, number>();
    const members = new Map<number, number>();
    let n = 0;
    for (const id of ids) {
      const v = this.vectors.get(id);
      if (!v) continue;
      if (++n > 500) break;
      for (let i = 0; i < v.terms.length; i++) {
        weight.set(v.terms[i], (weight.get(v.terms[i]) ?? 0) + v.weights[i]);
        members.set(v.terms[i], (members.get(v.terms[i]) ?? 0) + 1);
      }
    }
    const shared = Math.min(2, n);
    const ranked = [...weight]
      .filter(([t]) => (members.get(t) ?? 0) >= shared)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 40)
      .map(([t, w]) => ({ name: this.termNames[t], w, pair: this.termNames[t].includes('_') }));
    const top = ranked[0]?.w ?? 0;
    const chosen: string[] = [];
    const covered = new Set<string>();
    // Pairs first (a pair says more than its words: 路灯_不亮 over 路灯), while they weigh at least a third of the top.
    for (const r of ranked) {
      if (chosen.length >= 3) break;
      if (!r.pair || r.w < top / 3) continue;
      const parts = r.name.split('_');
      if (parts.every((p) => covered.has(p))) continue;
      chosen.push(r.name);
      for (const p of parts) covered.add(p);
    }
    for (const r of ranked) {
      if (chosen.length >= 6) break;
      if (chosen.includes(r.name)) continue;
      const parts = r.name.split('_');
      if (parts.every((p) => covered.has(p))) continue;
      chosen.push(r.name);
      for (const p of parts) covered.add(p);
    }
    const phrases = chainPairs(chosen).map(phraseText);
    return { label: phrases.slice(0, 3), phrases };
  }
}
