// TF-IDF over the installation's own items: document frequencies grow as items arrive, so the weights fit this office's
// vocabulary (its villages, estates and roads) instead of a newspaper corpus.

/** A sparse vector: term id → weight. */
export type SparseVector = Map<number, number>;

/** Word 1-grams plus adjacent word 2-grams: 路灯 坏 → 路灯, 坏, 路灯_坏 (the pair keeps 不 安装 apart from 安装). */
export function wordNgrams(words: readonly string[], useBigrams = true): string[] {
  const out = words.slice();
  if (useBigrams) for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]}_${words[i]}`);
  return out;
}

const LONE_HAN = /^\p{Script=Han}$/u;
const CODE = /[\p{Script=Latin}\p{N}]$/u;

/**
 * Joins runs of single Chinese characters into one word: a segmenter falls back to single characters for a name it does
 * not know (丽 发 新城, 润 芳 园), and a lone character says too little to be kept alone, so the name would be lost.
 * The run 丽发 / 润芳园 keeps it. A single character with no lone neighbour is left as it is, and so is one right
 * after letters or digits (A市, A2区, 3栋: a unit of that code, not the start of a name).
 */
export function joinLoneChars(words: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if (run) out.push(run);
    run = '';
  };
  let previous = '';
  for (const w of words) {
    // A character right after letters or digits belongs to them (A市, A2区, K9县, 3栋): it starts no name.
    if (LONE_HAN.test(w) && !(run === '' && CODE.test(previous))) run += w;
    else {
      flush();
      out.push(w);
    }
    previous = w;
  }
  flush();
  return out;
}

/** Document frequencies and term ids, updated incrementally; nothing is ever recomputed over the whole table. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private df: number[] = [];
  /** Documents counted so far. */
  docs = 0;

  /** The id of a term, created on first sight when `create` is set; -1 for an unknown term otherwise. */
  idOf(term: string, create: boolean): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      if (!create) return -1;
      id = this.df.length;
      this.ids.set(term, id);
      this.df.push(0);
    }
    return id;
  }

  /** Counts one document's distinct terms and returns its term frequencies by id. */
  addDocument(terms: readonly string[]): Map<number, number> {
    const tf = this.countTerms(terms, true);
    for (const id of tf.keys()) this.df[id]++;
    this.docs++;
    return tf;
  }

  /** Term frequencies by id without changing the counts (queries); unknown terms are dropped. */
  countTerms(terms: readonly string[], create = false): Map<number, number> {
    const tf = new Map<number, number>();
    for (const t of terms) {
      const id = this.idOf(t, create);
      if (id >= 0) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  }

  /** Smoothed inverse document frequency: ln((N+1)/(df+1)) + 1, as in scikit-learn. */
  idf(id: number): number {
    return Math.log((this.docs + 1) / ((this.df[id] ?? 0) + 1)) + 1;
  }

  /** How many documents hold the term. */
  documentFrequency(id: number): number {
    return this.df[id] ?? 0;
  }

  get size(): number {
    return this.df.length;
  }
}

/** Sublinear TF × IDF, L2-normalised; an empty vector for a text with no known terms. */
export function tfidfVector(tf: Map<number, number>, vocab: Vocabulary): SparseVector {
  const v: SparseVector = new Map();
  let norm = 0;
  for (const [id, n] of tf) {
    const w = (1 + Math.log(n)) * vocab.idf(id);
    v.set(id, w);
    norm += w * w;
  }
  if (norm === 0) return v;
  const inv = 1 / Math.sqrt(norm);
  for (const [id, w] of v) v.set(id, w * inv);
  return v;
}

/** Cosine of two L2-normalised sparse vectors (their dot product), iterating the shorter one. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [id, w] of small) {
    const o = big.get(id);
    if (o !== undefined) dot += w * o;
  }
  return dot;
}

/** The `k` heaviest entries of a vector, heaviest first. */
export function topTerms(v: SparseVector, k: number): [number, number][] {
  return [...v].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, k);
}
