// Event-loop freedom under document rendering: /api/health latency (one call due every 5 ms, timed from when it was due; p50/p99) idle, then while four
// 活动汇总表 PDFs and one 10,000-row 汇总表 xlsx render concurrently — first with RENDER_IN_PROCESS=1 (the renderers
// on the main thread), then on the worker pool, in the same run on the demo data. Prints p99 under load / p99 idle
// (aim: p99 under load < 50 ms). Usage: tsx bench/render-load.ts [idle health calls]
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { closeRenderPool, renderThreads } from '../src/server/adapters/renderers/render-pool.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import { openBenchApp, signIn, since } from './bench-app.js';

const IDLE_CALLS = Number(process.argv[2] ?? 300);
const BIG_ROWS = 10_000;
const BIG_YEAR = 2031;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** One health call, after yielding to the event loop: an in-process inject on PGlite can complete in microtasks
 * alone, and a back-to-back loop of them would starve timers and worker messages (real clients arrive as I/O). */
async function healthOnce(app: FastifyInstance): Promise<number> {
  const t0 = performance.now(); // the wait for the loop counts: that is what a client sees
  await new Promise((resolve) => setImmediate(resolve));
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  if (res.statusCode !== 200) throw new Error(`health ${res.statusCode}`);
  return since(t0);
}

const EVERY_MS = 5;

/**
 * Health latencies while `work` runs: one call due every ${EVERY_MS} ms (as independent users would send them), each
 * timed from when it was due, so a call stuck behind a stalled loop counts for all the calls it held up (no
 * coordinated omission); keeps going until the work settles.
 */
async function healthDuring(app: FastifyInstance, work: Promise<unknown>): Promise<{ xs: number[]; wall: number }> {
  let done = false;
  const t0 = performance.now();
  const settled = work.finally(() => {
    done = true;
  });
  const xs: number[] = [];
  for (let i = 0; !done || xs.length < 5; i++) {
    const due = t0 + i * EVERY_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    if (res.statusCode !== 200) throw new Error(`health ${res.statusCode}`);
    xs.push(performance.now() - due);
  }
  await settled;
  return { xs, wall: since(t0) };
}

async function main() {
  const bench = await openBenchApp();
  const { app, database } = bench;
  const db = database.db;
  console.log(`render-load [${bench.label}]: seeding the demo data…`);
  await seedDemo(db);
  // Four demo groups with the most activities print their 汇总表 PDFs; the fifth gets 10,000 rows in ${BIG_YEAR}.
  const groups = (
    await db.execute(sql`select g.id, count(distinct am.activity_id)::int as n from liaison_groups g
      left join members m on m.group_id = g.id left join activity_members am on am.member_id = m.id
      group by g.id order by n desc, g.id limit 5`)
  ).rows as Array<{ id: number; n: number }>;
  const big = groups[4];
  await db.execute(sql`with m as (select id from members where group_id = ${big.id} order by id limit 1),
    ins as (insert into activities (client_id, date, methods, location, opinions, handling)
      select 'render-bench-' || i, make_date(${BIG_YEAR}, 1, 1) + (i % 360), array['talk', 'visit'], '村委会' || (i % 50),
        '群众反映村道破损、路灯不亮，希望尽快修复并加强日常养护。第' || i || '条', '已转交通运输局办理'
      from generate_series(1, ${BIG_ROWS}) i returning id)
    insert into activity_members (activity_id, member_id) select ins.id, m.id from ins, m`);
  const headers = await signIn(app, 'admin');
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res.rawPayload.length;
  };
  const pdfs = groups
    .slice(0, 4)
    .map((g) => `/api/v1/exports/summary?groupId=${g.id}&from=2000-01-01&to=2030-12-31&format=pdf`);
  const xlsx = `/api/v1/exports/summary?groupId=${big.id}&from=${BIG_YEAR}-01-01&to=${BIG_YEAR}-12-31&format=xlsx`;
  console.log(
    `  PDFs: 4 groups with ${groups
      .slice(0, 4)
      .map((g) => g.n)
      .join(', ')} activities; xlsx: ${BIG_ROWS} rows`,
  );

  for (let i = 0; i < 50; i++) await healthOnce(app);
  const idle = (await healthDuring(app, new Promise((resolve) => setTimeout(resolve, IDLE_CALLS * EVERY_MS)))).xs;
  const idleP99 = pct(idle, 99);
  console.log(
    `  idle            : p50 ${pct(idle, 50).toFixed(2)} ms, p99 ${idleP99.toFixed(2)} ms (${idle.length} calls)`,
  );

  const results: Record<string, number> = {};
  const modes = ['in process (RENDER_IN_PROCESS=1)', `worker pool (${renderThreads()} thread(s))`];
  // BENCH_MODES=pool or =in-process runs one side only.
  const only = process.env.BENCH_MODES;
  for (const mode of modes.filter((m) => !only || m.startsWith(only === 'pool' ? 'worker' : 'in process'))) {
    if (mode.startsWith('in process')) process.env.RENDER_IN_PROCESS = '1';
    else delete process.env.RENDER_IN_PROCESS;
    let t0 = performance.now();
    await get(pdfs[0]); // warm-up: fonts loaded, worker started
    if (process.env.BENCH_DEBUG) {
      console.log('   warm-up pdf', since(t0).toFixed(0), 'ms');
      t0 = performance.now();
      await get(xlsx);
      console.log('   xlsx', since(t0).toFixed(0), 'ms');
    }
    const { xs, wall } = await healthDuring(app, Promise.all([...pdfs.map(get), get(xlsx)]));
    const p99 = pct(xs, 99);
    results[mode] = p99;
    console.log(
      `  ${mode.padEnd(34)}: p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms` +
        ` (${xs.length} calls, renders took ${(wall / 1000).toFixed(1)} s)  ratio p99 load/idle = ${(p99 / idleP99).toFixed(1)}` +
        `  (aim p99 < 50 ms${p99 < 50 ? ', met' : ', NOT met'})`,
    );
  }
  const [before, after] = Object.values(results);
  if (after) console.log(`  p99 under load, in process / pool = ${(before / after).toFixed(1)}×`);
  await closeRenderPool();
  await bench.close();
}

await main();
