// `npm run bench:text`: the text pipeline on real citizen messages (2020 Teddy Cup C, see bench/data/README.md), on a
// fixed split, against a plain TF-IDF + nearest-centroid / brute-force cosine baseline. Prints figures and ratios.
// The triage suggestions replayed as a stream (suggest, then learn the office's decision) are in bench/triage.ts
// (`npm run bench:triage`). BENCH_TEXT_ONLY=categories,same,topics,scale runs only those sections (`same` is
// section 2, re-posts included; `topics` needs it and runs it too).
import { Converter } from 'opencc-js/cn2t';
import {
  cosine,
  macroF1,
  normalizeText,
  SimilarIndex,
  type SparseVector,
  TextClassifier,
  type TextFeatures,
  tfidfVector,
  Vocabulary,
} from '../src/core/text/index.js';
import { itemFeatures, textWords } from '../src/server/adapters/text/pipeline.js';
import { loadSegmenter } from '../src/server/adapters/text/segmenter.js';
import { ENTITY_GROUPS, entityGroups, loadTeddy, type Message, quantile, retyper } from './teddy.js';
import { topicQuality } from './topics.js';

const { labelled, messages } = loadTeddy();
loadSegmenter();

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const f3 = (x: number) => x.toFixed(3);
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

// ---------- 1. Categories: 9,210 messages with official first-level labels; every 5th is held out.
function categories() {
  const train = labelled.filter((r) => r.n % 5 !== 0);
  const test = labelled.filter((r) => r.n % 5 === 0);
  const [clf, trainMs] = timed(() => {
    const c = new TextClassifier();
    c.train(train.map((r) => ({ terms: textWords(r.text), label: r.category })));
    return c;
  });
  const truth = test.map((r) => r.category);
  const [preds, predictMs] = timed(() => test.map((r) => clf.predict(textWords(r.text), 3)));
  const top1 = preds.map((p) => p[0].label);
  const acc1 = top1.filter((l, i) => l === truth[i]).length / test.length;
  const acc3 = preds.filter((p, i) => p.some((s) => s.label === truth[i])).length / test.length;
  const f1 = macroF1(truth, top1);

  // Baseline: plain TF-IDF word unigrams, one centroid per category, nearest by cosine.
  const vocab = new Vocabulary();
  const trainTf = train.map((r) => vocab.addDocument(textWords(r.text)));
  const centroids = new Map<string, SparseVector>();
  train.forEach((r, i) => {
    const c = centroids.get(r.category) ?? new Map();
    for (const [t, w] of tfidfVector(trainTf[i], vocab)) c.set(t, (c.get(t) ?? 0) + w);
    centroids.set(r.category, c);
  });
  for (const [k, c] of centroids) centroids.set(k, tfidfNormalize(c));
  const ranked = test.map((r) => {
    const v = tfidfVector(vocab.countTerms(textWords(r.text)), vocab);
    return [...centroids].map(([k, c]) => ({ k, s: cosine(v, c) })).sort((a, b) => b.s - a.s);
  });
  const b1 = ranked.map((r) => r[0].k);
  const bAcc1 = b1.filter((l, i) => l === truth[i]).length / test.length;
  const bAcc3 = ranked.filter((r, i) => r.slice(0, 3).some((x) => x.k === truth[i])).length / test.length;
  const bF1 = macroF1(truth, b1);
  console.log(
    `\nCategories (2020 Teddy Cup 附件2, ${train.length} train / ${test.length} test, 7 labels; word 1-grams, softmax SGD)`,
  );
  console.log(
    `  pipeline  top-1 ${pct(acc1)}  top-3 ${pct(acc3)}  macro-F1 ${f3(f1)}   (train ${trainMs.toFixed(0)} ms,`,
  );
  console.log(`            predict ${(predictMs / test.length).toFixed(2)} ms/message incl. segmentation)`);
  console.log(
    `  baseline  top-1 ${pct(bAcc1)}  top-3 ${pct(bAcc3)}  macro-F1 ${f3(bF1)}   (TF-IDF + nearest centroid)`,
  );
  console.log(`  ratio     top-1 ${ratio(acc1, bAcc1)}  macro-F1 ${ratio(f1, bF1)}   target macro-F1 ≥ 0.92`);
  // Cold start: the model learns online, one decided item at a time, from an empty state.
  const online = new TextClassifier();
  let right = 0;
  // Arrival order, not the file's (sorted by category): a fixed pseudo-random permutation.
  const stream = train.map((r, i) => ({ r, k: (i * 7919) % train.length })).sort((a, b) => a.k - b.k);
  for (const { r } of stream.slice(0, 1000)) {
    const terms = textWords(r.text);
    if (online.examples > 0 && online.predict(terms, 1)[0]?.label === r.category) right++;
    online.learn(terms, r.category);
  }
  const onlineTop1 =
    test.filter((r) => online.predict(textWords(r.text), 1)[0].label === r.category).length / test.length;
  console.log(
    `  online    after 1,000 one-by-one decisions: test top-1 ${pct(onlineTop1)} (prequential ${pct(right / 1000)})`,
  );
}

function tfidfNormalize(v: SparseVector): SparseVector {
  let n = 0;
  for (const w of v.values()) n += w * w;
  const inv = 1 / Math.sqrt(n || 1);
  return new Map([...v].map(([t, w]) => [t, w * inv]));
}

// ---------- 2. Same problem and re-posts on 附件3 (4,326 messages), hot-problem groups from a published team answer.
interface Brute {
  vocab: Vocabulary;
  ids: number[];
  tfs: Map<number, number>[];
  vectors?: SparseVector[];
}
function bruteIndex(items: { id: number; words: string[] }[]): Brute {
  const vocab = new Vocabulary();
  const tfs = items.map((x) => vocab.addDocument(x.words));
  const b: Brute = { vocab, ids: items.map((x) => x.id), tfs };
  b.vectors = tfs.map((tf) => tfidfVector(tf, vocab));
  return b;
}
function bruteQuery(b: Brute, words: string[], exclude: number, limit = 10) {
  const q = tfidfVector(b.vocab.countTerms(words), b.vocab);
  const out: { id: number; score: number }[] = [];
  b.vectors!.forEach((v, i) => {
    if (b.ids[i] === exclude) return;
    const s = cosine(q, v);
    if (s > 0.05) out.push({ id: b.ids[i], score: s });
  });
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Same-problem groups by rule: the message names the estate or case and the matter (independent of any TF-IDF). */
function sameProblem() {
  const feats = new Map<number, TextFeatures>(messages.map((m) => [m.id, itemFeatures(m.title, m.text)]));
  const index = new SimilarIndex();
  const [, buildMs] = timed(() => {
    for (const m of messages) index.add(m.id, feats.get(m.id)!);
  });
  const brute = bruteIndex(messages.map((m) => ({ id: m.id, words: textWords(`${m.title}\n${m.text}`) })));
  const times: number[] = [];
  const oursHits = (q: Message) => {
    const t = performance.now();
    const r = index.query(feats.get(q.id)!, { exclude: new Set([q.id]) }).map((h) => h.id);
    times.push(performance.now() - t);
    return r;
  };
  const baseHits = (q: Message) => bruteQuery(brute, textWords(`${q.title}\n${q.text}`), q.id).map((h) => h.id);
  const golds: [string, Map<number, string>][] = [
    [
      `5 hot-problem groups published by a team (jesHrz/tipdm)`,
      new Map(messages.filter((m) => m.hotGroup).map((m) => [m.id, String(m.hotGroup)])),
    ],
    [`${ENTITY_GROUPS.length} groups by named estate/case (rule in bench/teddy.ts)`, entityGroups(messages)],
  ];
  for (const [name, group] of golds) {
    const queries = messages.filter((m) => group.has(m.id));
    const score = (hits: (m: Message) => number[]) => {
      let p5 = 0;
      let first = 0;
      let empty = 0;
      for (const q of queries) {
        const ids = hits(q);
        const g = group.get(q.id);
        const size = queries.filter((o) => group.get(o.id) === g).length - 1;
        const found = ids.slice(0, 5).filter((id) => group.get(id) === g).length;
        p5 += found / Math.min(5, size);
        if (group.get(ids[0]) === g) first++;
        if (!ids.length) empty++;
      }
      return { p5: p5 / queries.length, first: first / queries.length, empty: empty / queries.length };
    };
    const ours = score(oursHits);
    const base = score(baseHits);
    console.log(`\nSame problem (附件3, ${messages.length} messages; ${queries.length} queries; ${name})`);
    console.log(
      `  pipeline  share of possible top-5 ${f3(ours.p5)}  right first ${pct(ours.first)}  none ${pct(ours.empty)}`,
    );
    console.log(
      `  baseline  share of possible top-5 ${f3(base.p5)}  right first ${pct(base.first)}  none ${pct(base.empty)}`,
    );
    console.log(
      `  ratio     top-5 ${ratio(ours.p5, base.p5)}  first ${ratio(ours.first, base.first)}   targets ≥ 0.95 / ≥ 98 %`,
    );
  }
  console.log(
    `  index of ${messages.length}: built in ${buildMs.toFixed(0)} ms; query p50 ${f3(quantile(times, 0.5))} ms p95 ${f3(quantile(times, 0.95))} ms`,
  );

  // Re-posts. (a) real: one user posting the same title again; (b) made: a message re-typed with traditional
  // characters, other punctuation, full-width digits and a line added in front.
  const byKey = new Map<string, Message[]>();
  for (const m of messages) {
    const k = `${m.user}\u0000${normalizeText(m.title)}`;
    byKey.set(k, [...(byKey.get(k) ?? []), m]);
  }
  const realGroups = [...byKey.values()].filter((g) => g.length > 1);
  let realFirst = 0;
  let realBase = 0;
  let realQueries = 0;
  const sameContent = new Map<string, number[]>();
  for (const m of messages) {
    const k = normalizeText(m.text);
    sameContent.set(k, [...(sameContent.get(k) ?? []), m.id]);
  }
  for (const g of realGroups) {
    // A re-post of the same matter: the user's own earlier post, or the very same letter sent by someone else.
    const others = new Set([...g.map((m) => m.id), ...g.flatMap((m) => sameContent.get(normalizeText(m.text)) ?? [])]);
    for (const q of g) {
      realQueries++;
      const top = index.query(feats.get(q.id)!, { exclude: new Set([q.id]), limit: 1 })[0];
      if (top && others.has(top.id)) realFirst++;
      const b = bruteQuery(brute, textWords(`${q.title}\n${q.text}`), q.id, 1)[0];
      if (b && others.has(b.id)) realBase++;
    }
  }
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const sameText = new Map<string, number[]>();
  for (const m of messages) {
    const k = feats.get(m.id)!.normalized;
    sameText.set(k, [...(sameText.get(k) ?? []), m.id]);
  }
  let madeFirst = 0;
  let madeBase = 0;
  const made = messages.filter((_, i) => i % 10 === 3);
  for (const m of made) {
    const title = `${toTraditional(m.title)}！！`;
    const text = `再次反映：\n${fullWidth(toTraditional(m.text)).replace(/，/g, ', ').replace(/。/g, '. ')}`;
    const ok = new Set(sameText.get(feats.get(m.id)!.normalized));
    const top = index.query(itemFeatures(title, text), { limit: 1 })[0];
    if (top && ok.has(top.id)) madeFirst++;
    const b = bruteQuery(brute, textWords(`${title}\n${text}`), -1, 1)[0];
    if (b && ok.has(b.id)) madeBase++;
  }
  console.log(`\nRe-posts first`);
  console.log(
    `  real (same user and title, or same letter; ${realQueries} queries)   pipeline ${pct(realFirst / realQueries)}  baseline ${pct(realBase / realQueries)}`,
  );
  console.log(
    `  re-typed (traditional, punctuation, full-width; ${made.length})  pipeline ${pct(madeFirst / made.length)}  baseline ${pct(madeBase / made.length)}   target ≥ 98 %`,
  );
  return { feats, index };
}

// ---------- 3. Clustering: hot-problem topics (core/text/topics.ts) against the single-pass baseline; see bench/topics.ts,
// whose time curve (1k…100k items) `npm run bench:text` prints after this file.

// ---------- 4. Scale: 10 k and 100 k items (real messages, then re-typed copies with words dropped and shuffled).
function scale() {
  const base: { title: string; text: string }[] = [
    ...messages.map((m) => ({ title: m.title, text: m.text })),
    ...labelled.map((r) => ({ title: '', text: r.text })),
  ];
  const perturb = retyper(7);
  for (const n of [10_000, 100_000]) {
    const items = Array.from({ length: n }, (_, i) => {
      const b = base[i % base.length];
      return i < base.length ? b : { title: perturb(b.title), text: perturb(b.text) };
    });
    const [feats, featMs] = timed(() => items.map((x) => itemFeatures(x.title, x.text)));
    const index = new SimilarIndex();
    const [, buildMs] = timed(() => {
      for (const [i, f] of feats.entries()) index.add(i, f);
    });
    const queries = Array.from({ length: 200 }, (_, k) => (k * 7919) % n);
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      index.query(feats[q], { exclude: new Set([q]) });
      times.push(performance.now() - t);
    }
    const brute = bruteIndex(items.map((_, i) => ({ id: i, words: feats[i].terms.filter((t) => !t.includes('_')) })));
    const bt: number[] = [];
    for (const q of queries.slice(0, 50)) {
      const t = performance.now();
      bruteQuery(brute, feats[q].terms as string[], q);
      bt.push(performance.now() - t);
    }
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    console.log(
      `  ${n.toLocaleString('en')} items: features ${(featMs / n).toFixed(2)} ms/item, index built ${(buildMs / 1000).toFixed(1)} s, query p50 ${f3(quantile(times, 0.5))} ms p95 ${f3(quantile(times, 0.95))} ms; brute-force cosine p50 ${f3(quantile(bt, 0.5))} ms (${ratio(quantile(bt, 0.5), quantile(times, 0.5))} slower); heap ${heap.toFixed(0)} MB`,
    );
  }
}

// BENCH_TEXT_ONLY=categories,same,topics,scale runs only the named sections (all when unset).
const only = process.env.BENCH_TEXT_ONLY?.split(',');
const runs = (part: string) => !only || only.includes(part);
if (runs('categories')) categories();
if (runs('same') || runs('topics')) {
  const { feats } = sameProblem();
  if (runs('topics')) topicQuality(feats);
}
if (runs('scale')) {
  console.log('\nScale (in-process index, one CPU core)');
  scale();
}
