// `npm run bench:topics` (also run by `npm run bench:text`): hot-problem topics (src/core/text/topics.ts) on the 2020
// Teddy Cup messages (bench/data/README.md). Prints
//  1. the adjusted Rand index against the published hot-problem groups and the named-estate groups, for the topic
//     model at several join thresholds and for the baseline (single pass: each message joins the cluster of its
//     nearest earlier message with cosine ≥ 0.3, through the similar-items index);
//  2. the time curve of clustering 1k / 10k / 30k / 100k items (features computed beforehand and timed apart).
//     Items beyond the 13,536 real messages (附件3 + 附件2) are re-typed copies of them: clauses split at
//     ，。！？ and spaces, 15 % of them dropped, the rest shuffled (fixed seed), so the copies say the same matter in
//     other words and order, as people re-posting do.
// `--curve` prints only the curve, `--quality` only the ARI table.
import {
  adjustedRandIndex,
  DEFAULT_TOPIC_THRESHOLD,
  SimilarIndex,
  type TextFeatures,
  TopicModel,
} from '../src/core/text/index.js';
import { itemFeatures } from '../src/server/adapters/text/pipeline.js';
import { loadSegmenter } from '../src/server/adapters/text/segmenter.js';
import { entityGroups, loadTeddy, retyper } from './teddy.js';

const { labelled, messages } = loadTeddy();
loadSegmenter();

const f3 = (x: number) => x.toFixed(3);
function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/** ARI and cluster statistics of the topic model and of the baseline on the 附件3 messages in arrival order. */
export function topicQuality(feats?: Map<number, TextFeatures>): void {
  const f = feats ?? new Map(messages.map((m) => [m.id, itemFeatures(m.title, m.text)]));
  const ordered = [...messages].sort((a, b) => a.time.localeCompare(b.time) || a.id - b.id);
  const team = new Map(messages.filter((m) => m.hotGroup).map((m) => [m.id, String(m.hotGroup)]));
  const entity = entityGroups(messages);
  const ari = (clusterOf: (id: number) => number | string, group: Map<number, string>) => {
    const ids = messages.filter((m) => group.has(m.id)).map((m) => m.id);
    return adjustedRandIndex(
      ids.map((id) => group.get(id)!),
      ids.map((id) => clusterOf(id)),
    );
  };
  const stats = (clusterOf: (id: number) => number | string) => {
    const sizes = new Map<number | string, number>();
    for (const m of messages) sizes.set(clusterOf(m.id), (sizes.get(clusterOf(m.id)) ?? 0) + 1);
    const big = [...sizes.values()].sort((a, b) => b - a);
    return `${sizes.size} clusters, ${big.filter((s) => s >= 2).length} with ≥ 2, largest ${big[0]}`;
  };

  // Baseline: single pass through the similar-items index (nearest earlier message, cosine ≥ 0.3).
  const index = new SimilarIndex();
  const base = new Map<number, number>();
  const [, baseMs] = timed(() => {
    for (const m of ordered) {
      const top = index.query(f.get(m.id)!, { limit: 1, minScore: 0.3 })[0];
      base.set(m.id, top ? base.get(top.id)! : m.id);
      index.add(m.id, f.get(m.id)!);
    }
  });
  const baseOf = (id: number) => base.get(id)!;
  const bTeam = ari(baseOf, team);
  const bEntity = ari(baseOf, entity);
  console.log(`\nTopics: adjusted Rand index on 附件3 (${messages.length} messages, arrival order)`);
  console.log(
    `  groups: ${team.size} messages in 5 published hot problems (jesHrz/tipdm); ${entity.size} by named estate`,
  );
  console.log(
    `  baseline  nearest earlier message ≥ 0.3      ARI ${f3(bTeam)} / ${f3(bEntity)}  ${baseMs.toFixed(0)} ms  (${stats(baseOf)})`,
  );
  // Cold start (the server's first use: the table's terms are counted, then the items placed in arrival order) and
  // streaming from an empty model (every item weighed with the IDF of the items before it).
  for (const mode of ['cold start', 'streaming'] as const) {
    for (const threshold of [0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3]) {
      const model = new TopicModel({ threshold });
      const all = ordered.map((m) => ({ id: m.id, terms: f.get(m.id)!.terms }));
      const [, ms] = timed(() => {
        if (mode === 'cold start') model.addMany(all);
        else for (const it of all) model.add(it);
      });
      const of = (id: number) => model.topicOf(id) ?? `none${id}`;
      const tTeam = ari(of, team);
      const tEntity = ari(of, entity);
      const mark = threshold === DEFAULT_TOPIC_THRESHOLD ? '← default' : '';
      console.log(
        `  ${mode.padEnd(10)} centroid cosine ≥ ${threshold.toFixed(2)}     ARI ${f3(tTeam)} / ${f3(tEntity)}  ${ms.toFixed(0).padStart(4)} ms  (${stats(of)}) ratio ${(tTeam / bTeam).toFixed(2)}× ${mark}`,
      );
    }
  }
  // What a topic reads like: the biggest few at the default threshold.
  const model = new TopicModel();
  model.addMany(ordered.map((m) => ({ id: m.id, terms: f.get(m.id)!.terms })));
  const members = new Map<number, number[]>();
  for (const m of ordered) {
    const t = model.topicOf(m.id);
    if (t !== null) members.set(t, [...(members.get(t) ?? []), m.id]);
  }
  console.log('  biggest topics at the default threshold:');
  for (const [, ids] of [...members].sort((a, b) => b[1].length - a[1].length).slice(0, 5))
    console.log(`    ${String(ids.length).padStart(4)}  ${model.phrases(ids).label.join(' · ')}`);
}

/** Clustering time for 1k…100k items (incremental add, one item at a time). */
export function topicCurve(): void {
  const base = [
    ...messages.map((m) => ({ title: m.title, text: m.text })),
    ...labelled.map((r) => ({ title: '', text: r.text })),
  ];
  const perturb = retyper(11);
  const max = Math.max(...(process.env.TOPIC_SIZES ?? '100000').split(',').map(Number));
  const items = Array.from({ length: max }, (_, i) => {
    const b = base[i % base.length];
    return i < base.length ? b : { title: perturb(b.title), text: perturb(b.text) };
  });
  const [feats, featMs] = timed(() => items.map((x) => itemFeatures(x.title, x.text).terms));
  console.log(
    `\nTopics: clustering time (one core; ${base.length} real messages, then re-typed copies; features ${(featMs / max).toFixed(2)} ms/item, timed apart)`,
  );
  const sizes = (process.env.TOPIC_SIZES ?? '1000,10000,30000,100000').split(',').map(Number);
  let perItem10k = 0;
  for (const n of sizes) {
    const model = new TopicModel();
    // CPU time besides wall time: on a shared machine the wall clock also counts the other processes' turns.
    const cpu = process.cpuUsage();
    const [, ms] = timed(() => {
      for (let i = 0; i < n; i++) model.add({ id: i, terms: feats[i] });
    });
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if (n === 10_000) perItem10k = cpuMs / n;
    const growth = perItem10k ? `  CPU ms/item vs 10k ${(cpuMs / n / perItem10k).toFixed(2)}×` : '';
    console.log(
      `  ${n.toLocaleString('en').padStart(7)} items  wall ${(ms / 1000).toFixed(2).padStart(6)} s  CPU ${(cpuMs / 1000).toFixed(2).padStart(6)} s  ${(cpuMs / n).toFixed(3)} CPU ms/item  ${model.topicCount} topics${growth}`,
    );
  }
  console.log('  target: 10k items < 3 s, near-linear growth to 100k');
}

const args = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
  if (!args.includes('--curve')) topicQuality();
  if (!args.includes('--quality')) topicCurve();
}
