// Throughput over real HTTP: the app listens on a port and C concurrent clients (fetch, keep-alive) send citizen
// submissions (POST /api/v1/public/opinions) and staff activity records (POST /api/v1/activities), N requests each.
// For scale it also runs N raw single-row INSERTs with the same concurrency through the app's own pool.
// Prints requests/s, median and p99 latency. Meant for PostgreSQL (DATABASE_URL; a throw-away jl_bench_* database
// is created and dropped); without it the embedded database is measured.
// Usage: DATABASE_URL=postgres://… tsx bench/http-throughput.ts [N=2000] [C=50]
import { sql } from 'drizzle-orm';
import { buildWorld } from '../tests/setup/world.js';
import { median, openBenchApp, signIn } from './bench-app.js';

const N = Number(process.argv[2] ?? 2000);
const C = Number(process.argv[3] ?? 50);
// Every client comes from 127.0.0.1: lift the per-address limits for this process only.
process.env.PUBLIC_SUBMIT_MAX = String(10 * N);
process.env.PUBLIC_SUBMIT_DAILY_MAX = String(10 * N);

/** Runs `n` calls of `one` with `c` in flight at a time; returns requests/s and latencies. */
async function drive(n: number, c: number, one: (i: number) => Promise<void>) {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        await one(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  const ms = performance.now() - t0;
  lat.sort((a, b) => a - b);
  return { rate: n / (ms / 1000), p50: median(lat), p99: lat[Math.floor(lat.length * 0.99)] };
}

async function main() {
  const bench = await openBenchApp();
  const { app, database } = bench;
  const db = database.db;
  const w = await buildWorld(db);
  const cat = await db.execute(sql`insert into opinion_categories (name) values ('交通出行') returning id`);
  const categoryId = (cat.rows[0] as { id: number }).id;
  const staff = await signIn(app, 'member1');
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const send = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${text}`);
  };
  const citizen = (i: number) =>
    send('/api/v1/public/opinions', {
      title: '村口道路坑洼积水',
      content: `第${i}条：村口到镇上的道路坑洼严重，雨天积水，希望尽快修复路面并加装路灯。`,
      categoryId,
      regionId: w.villA1.id,
      name: '王大伯',
      phone: '13800138000',
      consent: true,
    });
  const activity = (i: number) =>
    send(
      '/api/v1/activities',
      {
        date: '2026-05-20',
        regionId: w.villA1.id,
        methods: ['visit'],
        purposes: ['opinions'],
        representativeIds: [w.rep1.id],
        opinions: `村民反映第${i}条：希望尽快修通村里的断头路。`,
      },
      staff,
    );
  const insert = async (i: number) => {
    await db.execute(sql`insert into opinions (tracking_code, title, content, category_id, region_id, channel)
      values (${`T${i}${Math.random().toString(36).slice(2, 10)}`}, '村口道路坑洼积水', ${`第${i}条`}, ${categoryId}, ${w.villA1.id}, 'web')`);
  };

  const warm = Math.min(100, N);
  for (const run of [citizen, activity, insert]) await drive(warm, C, (i) => run(-1 - i));
  const rows: [string, Awaited<ReturnType<typeof drive>>][] = [
    ['POST /api/v1/public/opinions', await drive(N, C, citizen)],
    ['POST /api/v1/activities', await drive(N, C, activity)],
    ['raw INSERT INTO opinions (no HTTP)', await drive(N, C, insert)],
  ];
  console.log(`http-throughput [${bench.label}] N=${N} per row, ${C} concurrent clients (after ${warm} warm-up each)`);
  for (const [label, r] of rows)
    console.log(
      `  ${label.padEnd(36)}: ${r.rate.toFixed(0).padStart(6)}/s  (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms)`,
    );
  const raw = rows[2][1].rate;
  console.log(
    `  ratio to raw INSERT: citizen ${(rows[0][1].rate / raw).toFixed(2)}, activity ${(rows[1][1].rate / raw).toFixed(2)}`,
  );
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
