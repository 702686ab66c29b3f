// Shared bench setup: a fresh migrated database (in-memory PGlite, or a throw-away PostgreSQL database when
// DATABASE_URL is set) and the real app built in-process around it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createDiskFileStore } from '../src/server/adapters/file-store.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { Deps } from '../src/server/context.js';
import { type Database, openPglite, openPostgres, runMigrations } from '../src/server/db/client.js';

/** A bench run's database and app; close() drops the PostgreSQL database it created. */
export interface BenchApp {
  app: FastifyInstance;
  database: Database;
  label: string;
  close(): Promise<void>;
}

/** Opens a fresh database: PGlite in memory by default, a new `jl_bench_*` database on the DATABASE_URL server otherwise. */
async function openFresh(): Promise<{ database: Database; label: string; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPglite();
    await runMigrations(database);
    return { database, label: 'pglite', drop: async () => {} };
  }
  const name = `jl_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(url);
  await admin.pool!.query(`create database ${name}`);
  await admin.close();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  await runMigrations(database);
  const drop = async () => {
    const a = await openPostgres(url);
    await a.pool!.query(`drop database if exists ${name}`);
    await a.close();
  };
  return { database, label: 'postgres', drop };
}

/** Builds the app as `jielian serve` would, minus the port and the web bundle. */
export async function openBenchApp(): Promise<BenchApp> {
  const { database, label, drop } = await openFresh();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-bench-'));
  // A request log line per call would time the logger, not the app: warnings only unless LOG_LEVEL says otherwise.
  const config = loadConfig({ dataDir, webDist: null, databaseUrl: null, logLevel: process.env.LOG_LEVEL ?? 'warn' });
  const deps: Deps = {
    database,
    config,
    files: createDiskFileStore(path.join(dataDir, 'files')),
    now: () => new Date(),
  };
  const app = await buildApp(deps);
  return {
    app,
    database,
    label,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the API and returns the headers a browser would send (session cookie + CSRF token). */
export async function signIn(app: FastifyInstance, username: string, password = 'Demo@2026') {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { cookie: String(res.headers['set-cookie']).split(';')[0], 'x-csrf-token': res.json().csrfToken as string };
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Milliseconds since `t0` (from performance.now()). */
export const since = (t0: number) => performance.now() - t0;

/**
 * Times N calls of the API step, of a raw single-row INSERT, of the same record written raw and of the same request
 * refused by validation (after a warm-up of each), then prints the rates and the ratios (aim ≥ 0.5 against the single
 * row). The refused request writes no item (a citizen's still counts its rate-limit hit): its ratio is the floor that
 * HTTP, sign-in and validation leave for any write. Shared by the write benchmarks.
 */
export async function compareWrites(
  title: string,
  n: number,
  warmup: number,
  steps: {
    api: [string, (i: number) => Promise<unknown>];
    insert: [string, (i: number) => Promise<unknown>];
    record: [string, (i: number) => Promise<unknown>];
    floor: [string, (i: number) => Promise<unknown>];
  },
) {
  const all = [steps.api, steps.insert, steps.record, steps.floor];
  for (let i = 0; i < warmup; i++) for (const [, run] of all) await run(-i);
  const ms: number[] = [];
  for (const [, run] of all) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await run(i);
    ms.push(since(t0));
  }
  const rate = (x: number) => n / (x / 1000);
  const [api, raw, rec, floor] = ms.map(rate);
  console.log(`${title} N=${n} (after ${warmup} warm-up each)`);
  for (const [k, [label]] of all.entries())
    console.log(`  ${label.padEnd(34)}: ${rate(ms[k]).toFixed(0).padStart(7)}/s  (${(ms[k] / n).toFixed(2)} ms each)`);

  console.log(
    `  ratio API / single INSERT = ${(api / raw).toFixed(2)}  (aim >= 0.5${api / raw >= 0.5 ? ', met' : ', NOT met'})`,
  );
  console.log(`  ratio API / raw record    = ${(api / rec).toFixed(2)}`);
  console.log(
    `  floor: the refused request / single INSERT = ${(floor / raw).toFixed(2)} (HTTP, sign-in, validation; no item)`,
  );
}

/** Sends `payload` and expects the 400 of a refused body: the floor step of compareWrites. */
export async function refused(app: FastifyInstance, url: string, payload: unknown, headers?: Record<string, string>) {
  const res = await app.inject({ method: 'POST', url, payload: payload as object, headers });
  if (res.statusCode !== 400) throw new Error(`expected 400 from ${url}: ${res.statusCode} ${res.body}`);
}
