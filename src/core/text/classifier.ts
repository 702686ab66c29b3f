// Category suggestion learned from the office's own decisions: a softmax (multinomial logistic) model on TF-IDF word
// features (1-grams measured best on the Teddy Cup set; pass wordNgrams() for pairs), trained by SGD so that one triage decision is one more small step (incremental), with a cold start from
// each category's keywords while the office has few decided items.
import { type SparseVector, tfidfVector, Vocabulary } from './tfidf.js';

/** One suggested label with its probability (0…1). */
export interface LabelScore {
  label: string;
  probability: number;
}

export interface ClassifierOptions {
  /** Passes over the examples in train(). */
  epochs?: number;
  learningRate?: number;
  /** Keywords per label for the cold start (e.g. the category names and their sub-category names). */
  keywords?: Readonly<Record<string, readonly string[]>>;
}

/** Examples after which the keyword cold start has faded to a tie-breaker. */
const COLD_START_EXAMPLES = 50;
const KEYWORD_LOGIT = 3;

/** A multi-class text classifier whose state is plain arrays (rebuilt from the items at start-up). */
export class TextClassifier {
  readonly labels: string[] = [];
  private readonly labelIndex = new Map<string, number>();
  private readonly vocab = new Vocabulary();
  /** weights[term * C + c]; grown as terms and labels appear. */
  private weights: Float64Array = new Float64Array(0);
  private bias: number[] = [];
  private classes = 0;
  private seen = 0;
  private readonly epochs: number;
  private readonly rate: number;
  private readonly keywords: [string, readonly string[]][];

  constructor(options: ClassifierOptions = {}) {
    this.epochs = options.epochs ?? 12;
    this.rate = options.learningRate ?? 1.5;
    this.keywords = Object.entries(options.keywords ?? {});
    for (const [label] of this.keywords) this.labelId(label);
  }

  /** Decided examples learned so far. */
  get examples(): number {
    return this.seen;
  }

  private labelId(label: string): number {
    let c = this.labelIndex.get(label);
    if (c === undefined) {
      c = this.labels.length;
      this.labels.push(label);
      this.labelIndex.set(label, c);
      this.resize(this.vocab.size, c + 1);
    }
    return c;
  }

  private resize(terms: number, classes: number): void {
    const oldRows = this.classes ? this.weights.length / this.classes : 0;
    if (classes === this.classes && terms <= oldRows) return;
    const rows = terms <= oldRows ? oldRows : Math.max(terms, Math.ceil(oldRows * 1.5), 1024);
    const next = new Float64Array(rows * classes);
    for (let t = 0; t < oldRows; t++)
      for (let c = 0; c < this.classes; c++) next[t * classes + c] = this.weights[t * this.classes + c];
    this.weights = next;
    while (this.bias.length < classes) this.bias.push(0);
    this.classes = classes;
  }

  private vector(terms: readonly string[], learn: boolean): SparseVector {
    const tf = learn ? this.vocab.addDocument(terms) : this.vocab.countTerms(terms);
    if (learn) this.resize(this.vocab.size, this.classes);
    return tfidfVector(tf, this.vocab);
  }

  private logits(x: SparseVector): Float64Array {
    const C = this.classes;
    const z = Float64Array.from(this.bias);
    for (const [t, v] of x) {
      const row = t * C;
      for (let c = 0; c < C; c++) z[c] += this.weights[row + c] * v;
    }
    return z;
  }

  private step(x: SparseVector, y: number, rate: number): void {
    const C = this.classes;
    const p = softmax(this.logits(x));
    p[y] -= 1;
    for (const [t, v] of x) {
      const row = t * C;
      for (let c = 0; c < C; c++) this.weights[row + c] -= rate * p[c] * v;
    }
    for (let c = 0; c < C; c++) this.bias[c] -= rate * 0.1 * p[c];
  }

  /** Learns a batch of decided items (start-up), several passes in a fixed order so results repeat. */
  train(examples: readonly { terms: readonly string[]; label: string }[]): void {
    const steps = this.trainSteps(examples);
    while (!steps.next().done) {
      // run every slice now
    }
  }

  /** The same training in slices of `slice` examples: a caller on the event loop yields between slices. */
  *trainSteps(examples: readonly { terms: readonly string[]; label: string }[], slice = 500): Generator<void> {
    const ys = examples.map((e) => this.labelId(e.label));
    for (const e of examples) this.vocab.addDocument(e.terms);
    this.resize(this.vocab.size, this.classes);
    yield;
    // Vectors use the final document frequencies of the batch.
    const xs = examples.map((e) => tfidfVector(this.vocab.countTerms(e.terms), this.vocab));
    yield;
    const order = xs.map((_, i) => i);
    let done = 0;
    for (let epoch = 0; epoch < this.epochs; epoch++) {
      shuffle(order, epoch + 1);
      const rate = this.rate / (1 + epoch);
      for (const i of order) {
        this.step(xs[i], ys[i], rate);
        if (++done % slice === 0) yield;
      }
    }
    this.seen += examples.length;
  }

  /** One more decided (or corrected) item: a few steps on it, so the next suggestion reflects the decision. */
  learn(terms: readonly string[], label: string): void {
    const y = this.labelId(label);
    const x = this.vector(terms, true);
    for (let i = 0; i < 2; i++) this.step(x, y, this.rate / 5);
    this.seen++;
  }

  /** Labels by probability, best first; keyword hits weigh in while few items have been decided. */
  predict(terms: readonly string[], topK = 3): LabelScore[] {
    if (this.classes === 0) return [];
    const z = this.logits(this.vector(terms, false));
    const fade = KEYWORD_LOGIT / (1 + this.seen / COLD_START_EXAMPLES);
    if (this.keywords.length && fade > 0.01) {
      const words = new Set(terms);
      for (const [label, keys] of this.keywords) {
        const hits = keys.reduce((n, k) => n + (words.has(k) ? 1 : 0), 0);
        z[this.labelIndex.get(label)!] += fade * hits;
      }
    }
    const p = softmax(z);
    return [...p]
      .map((probability, c) => ({ label: this.labels[c], probability }))
      .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label))
      .slice(0, topK);
  }
}

function softmax(z: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  const p = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    p[i] = Math.exp(z[i] - max);
    sum += p[i];
  }
  for (let i = 0; i < z.length; i++) p[i] /= sum;
  return p;
}

/** Fisher–Yates with a small fixed-seed generator: training is repeatable. */
function shuffle(a: number[], seed: number): void {
  let s = seed * 2654435761;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
}
