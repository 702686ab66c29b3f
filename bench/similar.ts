// Latency of the text features as the office meets them, through the real app: GET /opinions/:id/similar and
// POST /opinions/suggest-category on N items made of real citizen messages (2020 Teddy Cup C, bench/data; the 4,326
// raw messages, then re-typed copies with sentences dropped and shuffled). Also the index warm-up a server start
// pays (catching up N items) and the heap it adds. Prints p50/p95 and the ratio to a raw primary-key SELECT of one
// item through the same driver. PostgreSQL (DATABASE_URL set): 100,000 items; PGlite: 10,000. BENCH_ITEMS overrides.
// Usage: [DATABASE_URL=…] [BENCH_ITEMS=n] tsx bench/similar.ts
import { sql } from 'drizzle-orm';
import { classifierFor, featuresOf, similarIndexFor } from '../src/server/modules/opinions/text-index.js';
import { topicModelFor } from '../src/server/modules/topics/model.js';
import { buildWorld } from '../tests/setup/world.js';
import { openBenchApp, signIn } from './bench-app.js';
import { loadTeddy, quantile, retyper } from './teddy.js';

// The public look-ups are rate-limited per address; lift the limit for this process only.
process.env.PUBLIC_LOOKUP_MAX = '1000000';
const N = Number(process.env.BENCH_ITEMS ?? (process.env.DATABASE_URL ? 100_000 : 10_000));
const QUERIES = Number(process.env.BENCH_RUNS ?? 200);
const BATCH = 500;

const messages = loadTeddy().messages.map((m) => ({ title: m.title, text: m.text }));
const perturb = retyper(11);
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const bench = await openBenchApp();
  const { app, database } = bench;
  const db = database.db;
  const w = await buildWorld(db);
  const cats = (
    await db.execute(sql`insert into opinion_categories (name) select unnest(array['城乡建设','交通出行','环境保护',
      '教育文体','卫生健康','劳动保障','商贸旅游']) returning id`)
  ).rows as { id: number }[];
  const villages = [w.villA1.id, w.villA2?.id ?? w.villA1.id, w.villB1?.id ?? w.villA1.id];
  let t = performance.now();
  for (let from = 0; from < N; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(N, from + BATCH); i++) {
      const m = messages[i % messages.length];
      const fresh = i < messages.length;
      rows.push(
        sql`(${`S${i.toString(36)}${Math.random().toString(36).slice(2, 8)}`}, ${fresh ? m.title : perturb(m.title)},
          ${fresh ? m.text : perturb(m.text)}, ${i % 3 === 0 ? null : cats[i % cats.length].id}, ${villages[i % villages.length]},
          'web', now() - make_interval(mins => ${N - i}))`,
      );
    }
    await db.execute(sql`insert into opinions (tracking_code, title, content, category_id, region_id, channel, received_at)
      values ${sql.join(rows, sql`, `)}`);
  }
  console.log(
    `similar [${bench.label}]: ${N.toLocaleString('en')} items inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const heap0 = process.memoryUsage().heapUsed;
  t = performance.now();
  await similarIndexFor(db);
  const indexMs = performance.now() - t;
  const heap1 = process.memoryUsage().heapUsed;
  t = performance.now();
  await classifierFor(db);
  const classifierMs = performance.now() - t;
  const heap2 = process.memoryUsage().heapUsed;
  t = performance.now();
  await topicModelFor(db);
  const topicsMs = performance.now() - t;
  const heap3 = process.memoryUsage().heapUsed;
  console.log(
    `  warm-up at start: similar index ${(indexMs / 1000).toFixed(1)} s (+${((heap1 - heap0) / 2 ** 20).toFixed(0)} MB heap), classifier ${(classifierMs / 1000).toFixed(1)} s (+${((heap2 - heap1) / 2 ** 20).toFixed(0)} MB)`,
  );

  console.log(
    `  warm-up: topics ${(topicsMs / 1000).toFixed(1)} s (+${((heap3 - heap2) / 2 ** 20).toFixed(0)} MB heap)`,
  );

  const headers = await signIn(app, 'admin');
  const idRows = (await db.execute(sql`select id from opinions order by id`)).rows as { id: number }[];
  const ids = idRows.map((r) => Number(r.id));
  const pick = (k: number) => ids[(k * 7919) % ids.length];
  const time = async (f: (k: number) => Promise<void>) => {
    for (let k = 0; k < 10; k++) await f(k);
    const xs: number[] = [];
    for (let k = 0; k < QUERIES; k++) {
      const s = performance.now();
      await f(k + 10);
      xs.push(performance.now() - s);
    }
    return { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) };
  };
  const raw = await time(async (k) => {
    await db.execute(sql`select id, title, content, status from opinions where id = ${pick(k)}`);
  });
  const similar = await time(async (k) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/opinions/${pick(k)}/similar`, headers });
    if (res.statusCode !== 200) throw new Error(`similar ${res.statusCode} ${res.body}`);
  });
  // The in-memory index alone, on the same items: the rest of a /similar call is SQL and presentation.
  const index = await similarIndexFor(db);
  const texts = new Map<number, { title: string; content: string }>();
  for (let k = 0; k < QUERIES + 10; k++) {
    const r = (await db.execute(sql`select title, left(content, 2000) as content from opinions where id = ${pick(k)}`))
      .rows[0] as { title: string; content: string };
    texts.set(k, r);
  }
  const indexOnly = await time(async (k) => {
    const r = texts.get(k)!;
    index.query(featuresOf(r.title, r.content), { exclude: new Set([pick(k)]), limit: 200, minScore: 0.12 });
  });
  const suggest = await time(async (k) => {
    const m = messages[(k * 31) % messages.length];
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/opinions/suggest-category',
      headers,
      payload: { title: m.title, content: m.text },
    });
    if (res.statusCode !== 200) throw new Error(`suggest ${res.statusCode} ${res.body}`);
  });
  const post = async (url: string, payload: object, h: object = headers) => {
    const res = await app.inject({ method: 'POST', url, headers: h as Record<string, string>, payload });
    if (res.statusCode !== 200) throw new Error(`${url} ${res.statusCode} ${res.body}`);
  };
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url} ${res.statusCode} ${res.body}`);
  };
  const typed = (k: number) => messages[(k * 31) % messages.length];
  const draft = await time((k) =>
    post('/api/v1/opinions/similar-draft', { title: typed(k).title, content: typed(k).text }),
  );
  const door = await time((k) =>
    post('/api/v1/public/opinions/similar-open', { title: typed(k).title, content: '' }, {}),
  );
  const triage = await time((k) => get(`/api/v1/opinions/${pick(k)}/suggestions`));
  const topics = await time(() => get('/api/v1/topics'));
  const problemSuggestions = await time(() => get('/api/v1/problems/suggestions?days=90'));
  const line = (name: string, r: { p50: number; p95: number }) =>
    console.log(
      `  ${name.padEnd(44)} p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  (${(r.p95 / raw.p95).toFixed(1)}× a raw PK select's p95; target p95 < ${process.env.DATABASE_URL ? 50 : 200} ms: ${(r.p95 / (process.env.DATABASE_URL ? 50 : 200)).toFixed(2)}× of it)`,
    );
  console.log(`  ${'raw SELECT of one item by id'.padEnd(44)} p50 ${ms(raw.p50)}  p95 ${ms(raw.p95)}`);
  line('GET /opinions/:id/similar', similar);
  line('  of which the index query (in-process)', indexOnly);
  line('POST /opinions/suggest-category', suggest);
  line('POST /opinions/similar-draft (staff form)', draft);
  line('POST /public/opinions/similar-open (door)', door);
  line('GET /opinions/:id/suggestions (triage)', triage);
  line('GET /topics (county, 90 days)', topics);
  line('GET /problems/suggestions (90 days)', problemSuggestions);
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
