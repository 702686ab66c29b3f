// Event-loop freedom under documents, exports and imports: /api/health latency (open loop: one call starts every 5 ms,
// timed from when it was due; p50/p99) idle, then while (1) four 活动汇总表 PDFs and one 10,000-row 汇总表 xlsx render concurrently
// (first with RENDER_IN_PROCESS=1, then on the worker pool), (2) a 100,000-row audit-log export streams, (3) a
// 19,999-row representatives import is checked and written, (4) a 50,000-row file is refused at the row limit — all in
// the same run on the demo data. Prints p99 under load / p99 idle (aim: p99 under load < 50 ms), the time of each
// job and the process's peak RSS during it. Usage: tsx bench/render-load.ts [idle health calls]
// BENCH_MODES=pool|in-process runs one side of (1); BENCH_ONLY=forms,audit,import picks the scenarios.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { closeRenderPool, renderThreads } from '../src/server/adapters/renderers/render-pool.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import { COLUMNS, headerText } from '../src/server/modules/imports/columns.js';
import { openBenchApp, signIn, since } from './bench-app.js';

const IDLE_CALLS = Number(process.argv[2] ?? 300);
const BIG_ROWS = 10_000;
const BIG_YEAR = 2031;
const AUDIT_ROWS = 100_000;
const IMPORT_ROWS = 19_999;
const REFUSED_ROWS = 50_000;

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
 * Health latencies while `work` runs, open loop: one call starts every ${EVERY_MS} ms whether or not the previous
 * ones have answered (independent users do not wait for each other), each timed from when it was due, so a call
 * stuck behind a stalled loop counts for all the calls it held up (no coordinated omission); keeps going until the
 * work settles. Calls start from a timer, i.e. on a turn of the event loop, as requests arriving as I/O would.
 */
async function healthDuring(
  app: FastifyInstance,
  work: Promise<unknown>,
): Promise<{
  xs: number[];
  wall: number;
  peakRssMb: number;
  startRssMb: number;
  maxStallMs: number;
  p99StallMs: number;
}> {
  let done = false;
  const t0 = performance.now();
  const settled = work.finally(() => {
    done = true;
  });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const xs: number[] = [];
  const calls: Promise<void>[] = [];
  const startRss = process.memoryUsage.rss();
  let peak = startRss;
  const call = (due: number) =>
    app.inject({ method: 'GET', url: '/api/health' }).then((res) => {
      if (res.statusCode !== 200) throw new Error(`health ${res.statusCode}`);
      xs.push(performance.now() - due);
      peak = Math.max(peak, process.memoryUsage.rss());
    });
  for (let i = 0; !done || calls.length < 5; i++) {
    const due = t0 + i * EVERY_MS;
    const wait = due - performance.now();
    // A late timer starts every call that fell due meanwhile, together, on this turn of the loop.
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    calls.push(call(due));
  }
  await Promise.all(calls);
  await settled;
  loop.disable();
  return {
    xs,
    wall: since(t0),
    peakRssMb: peak / 1024 / 1024,
    startRssMb: startRss / 1024 / 1024,
    maxStallMs: loop.max / 1e6,
    p99StallMs: loop.percentile(99) / 1e6,
  };
}

/** One line of results: health p50/p99/max under the work, the ratio to idle, the work's time and peak RSS. */
function report(label: string, r: Awaited<ReturnType<typeof healthDuring>>, idleP99: number, extra = ''): number {
  const p99 = pct(r.xs, 99);
  console.log(
    `  ${label.padEnd(34)}: p50 ${pct(r.xs, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...r.xs).toFixed(1)} ms` +
      ` (${r.xs.length} calls, work took ${(r.wall / 1000).toFixed(2)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB (+${(r.peakRssMb - r.startRssMb).toFixed(0)}),` +
      ` loop delay p99 ${r.p99StallMs.toFixed(0)} ms, max ${r.maxStallMs.toFixed(0)} ms)  ratio p99 load/idle = ${(p99 / idleP99).toFixed(1)}` +
      `  (aim p99 < 50 ms${p99 < 50 ? ', met' : ', NOT met'})${extra}`,
  );
  return p99;
}

/** A representatives workbook as Excel writes it (shared strings): the template's headers and `n` valid rows. */
async function representativesFile(n: number, villageCode: string, phoneBase: number): Promise<Buffer> {
  const headers = COLUMNS.representatives.map(headerText);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表');
  ws.addRow(headers);
  const at = (h: string) => headers.indexOf(h);
  for (let i = 0; i < n; i++) {
    const row = headers.map(() => '');
    row[at('姓名*')] = `压测代表${i}`;
    row[at('性别*')] = i % 2 ? '男' : '女';
    row[at('联系电话*')] = `13${phoneBase + i}`.padEnd(11, '0').slice(0, 11);
    row[at('所属村（社区）区划代码')] = villageCode;
    ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(data: Buffer) {
  const boundary = `----jlbench${Date.now().toString(16)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    'content-type': `multipart/form-data; boundary=${boundary}`,
  };
}

async function main() {
  const bench = await openBenchApp();
  const { app, database } = bench;
  const db = database.db;
  const only = (process.env.BENCH_ONLY ?? 'forms,audit,import').split(',');
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
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const out = await work();
    return [out, since(t0)];
  };
  const pdfs = groups
    .slice(0, 4)
    .map((g) => `/api/v1/exports/summary?groupId=${g.id}&from=2000-01-01&to=2030-12-31&format=pdf`);
  const xlsx = `/api/v1/exports/summary?groupId=${big.id}&from=${BIG_YEAR}-01-01&to=${BIG_YEAR}-12-31&format=xlsx`;

  for (let i = 0; i < 50; i++) await healthOnce(app);
  const idle = (await healthDuring(app, new Promise((resolve) => setTimeout(resolve, IDLE_CALLS * EVERY_MS)))).xs;
  const idleP99 = pct(idle, 99);
  console.log(
    `  idle            : p50 ${pct(idle, 50).toFixed(2)} ms, p99 ${idleP99.toFixed(2)} ms (${idle.length} calls)`,
  );

  if (only.includes('forms')) {
    console.log(
      `  forms: 4 PDFs of groups with ${groups
        .slice(0, 4)
        .map((g) => g.n)
        .join(', ')} activities, and a ${BIG_ROWS}-row 汇总表 xlsx`,
    );
    const results: Record<string, number> = {};
    const modes = ['in process (RENDER_IN_PROCESS=1)', `worker pool (${renderThreads()} thread(s))`];
    // BENCH_MODES=pool or =in-process runs one side only.
    const side = process.env.BENCH_MODES;
    for (const mode of modes.filter((m) => !side || m.startsWith(side === 'pool' ? 'worker' : 'in process'))) {
      if (mode.startsWith('in process')) process.env.RENDER_IN_PROCESS = '1';
      else delete process.env.RENDER_IN_PROCESS;
      await get(pdfs[0]); // warm-up: fonts loaded, worker started
      const [bytes, alone] = await timed(() => get(xlsx));
      let xlsxUnderLoad = 0;
      const r = await healthDuring(
        app,
        Promise.all([...pdfs.map(get), timed(() => get(xlsx)).then(([, ms]) => (xlsxUnderLoad = ms))]),
      );
      results[mode] = report(
        mode,
        r,
        idleP99,
        `\n    ${BIG_ROWS}-row xlsx (${(bytes / 1024 / 1024).toFixed(1)} MB): ${(alone / 1000).toFixed(2)} s alone,` +
          ` ${(xlsxUnderLoad / 1000).toFixed(2)} s beside the PDFs (aim < 2 s)`,
      );
    }
    const [before, after] = Object.values(results);
    if (after) console.log(`  p99 under load, in process / pool = ${(before / after).toFixed(1)}×`);
  }

  if (only.includes('audit')) {
    await db.execute(sql`insert into audit_log (actor_name, action, entity, entity_id, before, after, ip)
      select '压测管理员', 'update', 'representative', i::text,
        jsonb_build_object('name', '代表' || i, 'phone', '1370000' || lpad((i % 10000)::text, 4, '0'), 'address', '某某镇某某村' || i || '号', 'remarks', repeat('备注', 20)),
        jsonb_build_object('name', '代表' || i, 'phone', '1380000' || lpad((i % 10000)::text, 4, '0'), 'address', '某某镇某某村' || i || '号', 'remarks', repeat('备注', 20)),
        '10.0.0.' || (i % 250)
      from generate_series(1, ${AUDIT_ROWS}) i`);
    const url = '/api/v1/audit?format=xlsx';
    let bytes = 0;
    const r = await healthDuring(
      app,
      get(url).then((n) => (bytes = n)),
    );
    report(
      `audit export (${AUDIT_ROWS.toLocaleString('en-US')} rows)`,
      r,
      idleP99,
      ` — ${(bytes / 1024 / 1024).toFixed(1)} MB`,
    );
  }

  if (only.includes('import')) {
    const [village] = (await db.execute(sql`select code from regions where level = 'village' order by id limit 1`))
      .rows as Array<{ code: string }>;
    const ok = await representativesFile(IMPORT_ROWS, village.code, 500000000);
    const tooBig = await representativesFile(REFUSED_ROWS, village.code, 600000000);
    const post = (file: Buffer) => {
      const m = multipart(file);
      return app.inject({
        method: 'POST',
        url: '/api/v1/imports/representatives',
        payload: m.payload,
        headers: { ...headers, 'content-type': m['content-type'] },
      });
    };
    let status = 0;
    let r = await healthDuring(
      app,
      post(ok).then((res) => {
        status = res.statusCode;
        if (res.statusCode !== 200) console.log(`    import answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }),
    );
    report(`import ${IMPORT_ROWS.toLocaleString('en-US')} rows (written)`, r, idleP99, ` — ${status}`);
    let refusal = '';
    r = await healthDuring(
      app,
      post(tooBig).then((res) => {
        refusal = `${res.statusCode} ${res.json().code}: ${res.json().message}`;
      }),
    );
    report(`import ${REFUSED_ROWS.toLocaleString('en-US')} rows (refused)`, r, idleP99, `\n    ${refusal}`);
  }
  await closeRenderPool();
  await bench.close();
}

await main();
