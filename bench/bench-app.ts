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
  const config = loadConfig({ dataDir, webDist: null, databaseUrl: null });
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
