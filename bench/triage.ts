// `npm run bench:triage`: the triage suggestions replayed as the office would live them — each item is suggested
// BEFORE the office decides, then the decision is learned (incrementally, as the server's catch-up does) — printing
// top-1 / top-3 accuracy over the stream, over the first 500 decisions and after 500 / 2,000.
// 1. Categories on the 9,210 labelled 2020 Teddy Cup messages (bench/data/README.md). That set has no dates and its
//    rows are sorted by category, so the stream is a fixed-seed shuffle (the same every run). Two policies: every
//    decision learned once, and a correction of a wrong suggestion learned CORRECTION_WEIGHT times (the server's rule).
// 2. Lead departments on the demo county (seeded into in-memory PGlite), items in received order: the server's blend
//    (department-suggest.ts: text classifier + category ranking), and each part alone.
// No thresholds: figures only.
import { sql } from 'drizzle-orm';
import { TextClassifier } from '../src/core/text/index.js';
import { textWords } from '../src/server/adapters/text/pipeline.js';
import { loadSegmenter } from '../src/server/adapters/text/segmenter.js';
import { openPglite, runMigrations } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import { blendDepartments, type CountRow } from '../src/server/modules/opinions/department-suggest.js';
import { CORRECTION_WEIGHT, departmentTerms } from '../src/server/modules/opinions/text-index.js';
import { loadTeddy } from './teddy.js';

loadSegmenter();
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '  n/a ');

/** Hits of one replay: per decision, whether the truth was first / in the top 3. */
class Tally {
  readonly top1: boolean[] = [];
  readonly top3: boolean[] = [];
  add(ranked: readonly string[], truth: string) {
    this.top1.push(ranked[0] === truth);
    this.top3.push(ranked.slice(0, 3).includes(truth));
  }
  private rate(xs: boolean[], from: number, to = xs.length) {
    const s = xs.slice(from, to);
    return s.filter(Boolean).length / s.length;
  }
  line(label: string) {
    const r = (from: number, to?: number) =>
      `${pct(this.rate(this.top1, from, to))} / ${pct(this.rate(this.top3, from, to))}`;
    return `  ${label.padEnd(34)} all ${r(0)}   first 500 ${r(0, 500)}   after 500 ${r(500)}   after 2000 ${r(2000)}`;
  }
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function categories() {
  const rows = loadTeddy().labelled;
  const stream = shuffled(rows, 20_200).map((r) => ({ terms: textWords(r.text), label: r.category }));
  const labels = [...new Set(rows.map((r) => r.category))];
  // Cold start as on the server: each category's name words are its keywords.
  const keywords = Object.fromEntries(labels.map((l) => [l, [...new Set(textWords(l))]]));
  console.log(
    `\nCategories: ${stream.length} Teddy Cup messages, ${labels.length} labels, fixed-seed shuffle; top-1 / top-3`,
  );
  for (const weighted of [false, true]) {
    const clf = new TextClassifier({ keywords });
    const tally = new Tally();
    const t = performance.now();
    for (const e of stream) {
      const ranked = clf.predict(e.terms, 3).map((s) => s.label);
      tally.add(ranked, e.label);
      const times = weighted && ranked[0] !== e.label ? CORRECTION_WEIGHT : 1;
      for (let i = 0; i < times; i++) clf.learn(e.terms, e.label);
    }
    const ms = (performance.now() - t) / stream.length;
    console.log(
      tally.line(weighted ? `corrections ×${CORRECTION_WEIGHT}` : 'each decision once'),
      `  (${ms.toFixed(2)} ms/decision)`,
    );
  }
}

interface DemoItem {
  id: number;
  title: string;
  content: string;
  categoryId: number | null;
  parentId: number | null;
  lead: number;
}

async function departments() {
  const database = await openPglite();
  await runMigrations(database);
  const db = database.db;
  const t = performance.now();
  await seedDemo(db);
  const items = (
    await db.execute(sql`select o.id, o.title, left(o.content, 3000) as content, o.category_id as "categoryId",
      c.parent_id as "parentId", o.lead_department_id as lead from opinions o
      left join opinion_categories c on c.id = o.category_id
      where o.lead_department_id is not null and o.status <> 'merged' order by o.received_at, o.id`)
  ).rows as unknown as DemoItem[];
  const depts = (await db.execute(sql`select id, name from departments`)).rows as { id: number; name: string }[];
  await database.close();
  const names = new Map(depts.map((d) => [d.id, d.name]));
  console.log(
    `\nLead departments: ${items.length} demo items with a lead department (received order), ${depts.length} departments` +
      ` (seeded in ${((performance.now() - t) / 1000).toFixed(1)} s); top-1 / top-3`,
  );
  const keywords = Object.fromEntries(depts.map((d) => [String(d.id), [...new Set(textWords(d.name))]]));
  const policies = ['blend (server)', 'text only', 'category ranking only'] as const;
  const tallies = policies.map(() => new Tally());
  const clf = new TextClassifier({ keywords });
  // Items led per department, by category: the category ranking as the server counts it.
  const led = new Map<number, Map<number, number>>();
  const parentOf = new Map<number, number | null>();
  const rankRows = (cats: number[]): CountRow[] => {
    const n = new Map<number, number>();
    for (const c of cats) for (const [d, k] of led.get(c) ?? []) n.set(d, (n.get(d) ?? 0) + k);
    return [...n]
      .map(([departmentId, count]) => ({ departmentId, name: names.get(departmentId) ?? '', count }))
      .sort((a, b) => b.count - a.count);
  };
  for (const it of items) {
    if (it.categoryId !== null) parentOf.set(it.categoryId, it.parentId);
    const terms = departmentTerms(it.title, it.content, it.categoryId, it.parentId);
    const text = new Map<number, number>();
    if (terms.length && clf.examples > 0)
      for (const s of clf.predict(terms, clf.labels.length)) text.set(Number(s.label), s.probability);
    let rows: CountRow[] = [];
    let basis: 'category' | 'parent_category' = 'category';
    if (it.categoryId !== null) {
      rows = rankRows([it.categoryId]);
      if (!rows.length) {
        const top = it.parentId ?? it.categoryId;
        rows = rankRows([...parentOf].filter(([c, p]) => c === top || p === top).map(([c]) => c));
        basis = 'parent_category';
      }
    }
    const truth = String(it.lead);
    const ids = (xs: { departmentId: number }[]) => xs.map((x) => String(x.departmentId));
    tallies[0].add(ids(blendDepartments(text, rows, basis, clf.examples, names)), truth);
    tallies[1].add(ids(blendDepartments(text, [], basis, clf.examples, names)), truth);
    tallies[2].add(ids(blendDepartments(new Map(), rows, basis, 0, names)), truth);
    clf.learn(terms, truth);
    if (it.categoryId !== null) {
      const m = led.get(it.categoryId) ?? new Map<number, number>();
      m.set(it.lead, (m.get(it.lead) ?? 0) + 1);
      led.set(it.categoryId, m);
    }
  }
  for (const [i, p] of policies.entries()) console.log(tallies[i].line(p));
}

categories();
await departments();
