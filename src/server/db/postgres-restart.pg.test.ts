// A PostgreSQL restart is routine: on a throwaway cluster of its own, writes run while the server stops and starts
// again. The process stays up, the outage answers 503 (never 500), the app recovers without a restart, and no write
// that was acknowledged is lost or half written. PostgreSQL suite only (it needs Debian's initdb and pg_ctl).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../../../tests/setup/world.js';
import { createDiskFileStore } from '../adapters/file-store.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { type Database, openPostgres, runMigrations } from './client.js';
import { opinionCategories } from './schema.js';

const PG_ROOT = '/usr/lib/postgresql';

/** The bin folder of the newest Debian PostgreSQL, or a clear failure when there is none. */
function findPgBin(): string {
  const versions = fs.existsSync(PG_ROOT) ? fs.readdirSync(PG_ROOT).filter((v) => /^\d+$/.test(v)) : [];
  const bin = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(PG_ROOT, v, 'bin'))
    .find((b) => fs.existsSync(path.join(b, 'initdb')));
  if (!bin) throw new Error(`restart test: no initdb under ${PG_ROOT}/<version>/bin (apt-get install postgresql)`);
  return bin;
}

/** Runs a PostgreSQL tool as the postgres user when we are root (initdb refuses root), as ourselves otherwise. */
function runPg(bin: string, tool: string, args: string[]) {
  const exe = path.join(bin, tool);
  const [cmd, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  execFileSync(cmd, argv, { stdio: 'pipe', timeout: 60_000 });
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL restart under load', () => {
  let bin = '';
  let dir = '';
  let port = 0;
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let started = false;
  const dataDir = () => path.join(dir, 'data');
  const pgCtl = (...args: string[]) => runPg(bin, 'pg_ctl', ['-D', dataDir(), '-w', '-t', '60', ...args]);
  const startCluster = () => {
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
    pgCtl('-l', path.join(dir, 'server.log'), '-o', opts, 'start');
    started = true;
  };

  beforeAll(async () => {
    bin = findPgBin();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-pgr-'));
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:', dir]);
    port = await freePort();
    runPg(bin, 'initdb', ['-D', dataDir(), '-U', 'jielian', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    startCluster();
    database = await openPostgres(`postgres://jielian@127.0.0.1:${port}/postgres`);
    await runMigrations(database);
    const files = path.join(dir, 'files');
    const config = loadConfig({ dataDir: files, webDist: null, databaseUrl: null, logLevel: 'silent' });
    app = await buildApp({ database, config, files: createDiskFileStore(files), now: () => new Date() });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close().catch(() => undefined);
    if (started) {
      try {
        pgCtl('stop', '-m', 'immediate');
      } catch {
        // already stopped
      }
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while the server is down and recovers by itself, losing no acknowledged write', async () => {
    const db = database!.db;
    const w = await buildWorld(db);
    const [top] = await db.insert(opinionCategories).values({ name: '城乡建设' }).returning();
    const [leaf] = await db.insert(opinionCategories).values({ name: '道路照明', parentId: top.id }).returning();
    let seq = 0;
    // One citizen submission from a fresh address (the public limits count per address).
    const submit = () => {
      seq++;
      return app!.inject({
        method: 'POST',
        url: '/api/v1/public/opinions',
        remoteAddress: `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`,
        headers: { 'accept-language': 'en' },
        payload: {
          title: `路灯不亮 ${seq}`,
          content: '村口路灯坏了一个月，夜间出行不安全。',
          categoryId: leaf.id,
          regionId: w.villA2.id,
          consent: true,
          website: '',
        },
      });
    };
    const acknowledged: string[] = [];
    const statuses: { at: number; status: number; code?: string }[] = [];
    let running = true;
    // Light load: one write at a time, ~20 a second, bounded in count and time.
    const load = (async () => {
      const until = Date.now() + 90_000;
      while (running && seq < 2000 && Date.now() < until) {
        const res = await submit();
        statuses.push({ at: Date.now(), status: res.statusCode, code: res.json().code });
        if (res.statusCode === 201) acknowledged.push(res.json().trackingCode);
        await sleep(50);
      }
    })();

    await sleep(1500);
    expect(acknowledged.length).toBeGreaterThan(5);
    pgCtl('stop', '-m', 'fast');
    started = false;
    const stoppedAt = Date.now();
    await sleep(3000);
    const health = await app!.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'degraded', database: 'postgres' });
    const during = statuses.filter((s) => s.at > stoppedAt + 200);
    expect(during.length).toBeGreaterThan(10);
    expect(during.every((s) => s.status === 503 && s.code === 'database_unavailable')).toBe(true);

    startCluster();
    const restartedAt = Date.now();
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - restartedAt < 30_000) {
      const ok = statuses.some((s) => s.at > restartedAt && s.status === 201);
      const h = await app!.inject({ method: 'GET', url: '/api/health' });
      if (ok && h.statusCode === 200) recoveredAt = Date.now();
      else await sleep(100);
    }
    console.log(`PostgreSQL restart: app answered again ${recoveredAt - restartedAt} ms after pg_ctl start returned`);
    expect(recoveredAt, 'the app did not recover within 30 s of the restart').toBeGreaterThan(0);
    await sleep(500);
    running = false;
    await load;

    // Nothing but 201 and 503 at any time; every acknowledged write is there, whole.
    expect(statuses.filter((s) => s.status !== 201 && s.status !== 503)).toEqual([]);
    const stored = (await db.execute(sql`select tracking_code from opinions`)).rows as { tracking_code: string }[];
    const codes = new Set(stored.map((r) => r.tracking_code));
    expect(acknowledged.filter((c) => !codes.has(c))).toEqual([]);
    const half = await db.execute(sql`
      select o.id from opinions o
      where not exists (select 1 from opinion_events e where e.opinion_id = o.id and e.type = 'received')
         or not exists (select 1 from opinion_originators g where g.opinion_id = o.id)`);
    expect(half.rows).toEqual([]);
  });
});
