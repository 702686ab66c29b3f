// Memory under a burst of citizen uploads: a real `jielian serve` child process, 40 anonymous submissions at once,
// each with 3 files of 9.8 MB. Prints the server's resident memory before the burst and its peak (VmHWM) after it,
// read from /proc of the child. Run: `npx tsx bench/upload-memory.ts` (FILE_STORE=database|disk and DATABASE_URL
// are passed on; without DATABASE_URL the server runs on PGlite in a temp folder).
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Database, openDatabase, openPostgres, runMigrations } from '../src/server/db/client.js';
import { opinionCategories } from '../src/server/db/schema.js';
import { buildWorld } from '../tests/setup/world.js';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 40);
const FILES_EACH = 3;
const FILE_BYTES = Math.round(9.8 * 1024 * 1024);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** A kB figure from /proc/<pid>/status (VmRSS now, VmHWM the peak so far). */
function procKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : 0;
}

/** A fresh database with the fixture county and one category: PGlite in `dataDir`, or a new PostgreSQL database. */
async function prepareDatabase(dataDir: string) {
  const url = process.env.DATABASE_URL;
  let databaseUrl = '';
  let drop = async () => {};
  let database: Database;
  if (url) {
    const name = `jl_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = await openPostgres(url);
    await admin.pool!.query(`create database ${name}`);
    await admin.close();
    const u = new URL(url);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    database = await openPostgres(databaseUrl);
    drop = async () => {
      const a = await openPostgres(url);
      await a.pool!.query(`drop database if exists ${name} with (force)`);
      await a.close();
    };
  } else database = await openDatabase({ databaseUrl: null, dataDir });
  await runMigrations(database);
  const w = await buildWorld(database.db);
  const [category] = await database.db.insert(opinionCategories).values({ name: '道路照明' }).returning();
  await database.close();
  return { databaseUrl, drop, regionId: w.villA2.id, categoryId: category.id };
}

/** Files the burst left in the store: finished stored_files rows on PostgreSQL plus files under DATA_DIR/files. */
async function countStored(dataDir: string, databaseUrl: string): Promise<number> {
  const dir = path.join(dataDir, 'files');
  const onDisk = fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
  if (!databaseUrl) return onDisk;
  const d = await openPostgres(databaseUrl);
  const res = await d.pool!.query('select count(*)::int as n from stored_files where completed_at is not null');
  await d.close();
  return onDisk + res.rows[0].n;
}

async function waitHealthy(base: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-bench-upload-'));
  const db = await prepareDatabase(dataDir);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-demo'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: db.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      REMINDERS: '0',
      LOG_LEVEL: 'warn',
      PUBLIC_SUBMIT_MAX: '100000',
      PUBLIC_SUBMIT_DAILY_MAX: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(base, child, () => out);
    const pid = child.pid!;
    const photo = Buffer.alloc(FILE_BYTES, 0x5a);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).copy(photo);
    const blob = new Blob([photo], { type: 'image/jpeg' });
    const submit = (i: number, files: number) => {
      const form = new FormData();
      form.set('title', `路灯不亮 ${i}`);
      form.set('content', '村口路灯坏了一个月，夜间出行不安全，请尽快修复。');
      form.set('categoryId', String(db.categoryId));
      form.set('regionId', String(db.regionId));
      form.set('consent', 'true');
      form.set('website', '');
      for (let f = 0; f < files; f++) form.append('file', blob, `照片${f + 1}.jpg`);
      return fetch(`${base}/api/v1/public/opinions`, { method: 'POST', body: form }).then(async (r) => ({
        status: r.status,
        body: await r.text(),
      }));
    };
    // Warm-up: one small submission loads every module the burst uses.
    const warm = await submit(-1, 0);
    if (warm.status !== 201) throw new Error(`warm-up answered ${warm.status}: ${warm.body}`);
    await new Promise((r) => setTimeout(r, 1000));
    const before = procKb(pid, 'VmRSS');
    const hwmBefore = procKb(pid, 'VmHWM');
    let sampledPeak = before;
    const sampler = setInterval(() => {
      sampledPeak = Math.max(sampledPeak, procKb(pid, 'VmRSS'));
    }, 20);
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: SUBMISSIONS }, (_, i) => submit(i, FILES_EACH)));
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const peak = Math.max(sampledPeak, procKb(pid, 'VmHWM'));
    const failed = results.filter((r) => r.status !== 201);
    const mb = (kb: number) => (kb / 1024).toFixed(0);
    const uploadedMb = (SUBMISSIONS * FILES_EACH * FILE_BYTES) / 1024 / 1024;
    console.log(
      `upload memory (${db.databaseUrl ? 'postgres' : 'pglite'}, FILE_STORE=${process.env.FILE_STORE ?? 'default'})`,
    );
    console.log(
      `  ${SUBMISSIONS} submissions × ${FILES_EACH} files × 9.8 MB = ${uploadedMb.toFixed(0)} MB in ${seconds.toFixed(1)} s`,
    );
    console.log(`  answered 201: ${results.length - failed.length}/${results.length}`);
    if (failed.length) console.log(`  first failure: ${failed[0].status} ${failed[0].body.slice(0, 200)}`);
    console.log(`  server RSS before the burst: ${mb(before)} MB (peak so far ${mb(hwmBefore)} MB)`);
    console.log(`  server peak RSS during the burst: ${mb(peak)} MB`);
    console.log(
      `  growth: ${mb(peak - before)} MB = ${((peak - before) / 1024 / uploadedMb).toFixed(2)}× the uploaded bytes`,
    );
    const stored = await countStored(dataDir, db.databaseUrl);
    console.log(`  files in the store: ${stored} (expected ${(results.length - failed.length) * FILES_EACH})`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
