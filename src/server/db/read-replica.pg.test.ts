// DATABASE_READ_URL on a real streaming replica (a throwaway primary and its pg_basebackup -R copy on free ports):
// writes go to the primary and succeed; dashboards, exports, search and the audit log read the replica (with replay
// paused they do not see a fresh write that the primary has); while the replica is down they read the primary, and
// they return to the replica by themselves. PostgreSQL suite only (it needs Debian's initdb, pg_ctl, pg_basebackup).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplicaPair, type ReplicaPair, waitFor } from '../../../tests/setup/replica-pair.js';
import { type Client, login } from '../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../tests/setup/world.js';
import { createDiskFileStore } from '../adapters/file-store.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { type Database, openDatabase, openPostgres, runMigrations } from './client.js';

let pair: ReplicaPair;
let database: Database;
let app: FastifyInstance;
let w: World;
let admin: Client;
let member1: Client;
let filesDir = '';

/** How many connections each pool handed out while `fn` ran (a pool 'acquire' per query or transaction). */
async function countUses<T>(fn: () => Promise<T>): Promise<{ result: T; primary: number; replica: number }> {
  const n = { primary: 0, replica: 0 };
  const onPrimary = () => n.primary++;
  const onReplica = () => n.replica++;
  database.pool!.on('acquire', onPrimary);
  database.readReplica!.replica.on('acquire', onReplica);
  try {
    const result = await fn();
    return { result, ...n };
  } finally {
    database.pool!.off('acquire', onPrimary);
    database.readReplica!.replica.off('acquire', onReplica);
  }
}

const search = (q: string) => admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
const auditTotal = async () => (await admin.get('/api/v1/audit?pageSize=1')).json().total as number;
const primaryAuditRows = async () =>
  ((await database.db.execute(sql`select count(*)::int as n from audit_log`)).rows[0] as { n: number }).n;
const newOpinion = (title: string) =>
  admin.post('/api/v1/opinions', {
    title,
    content: `${title}，请尽快处理。`,
    channel: 'letter',
    originators: [{ kind: 'member', memberId: w.m1.id }],
  });
const newActivity = (date: string) =>
  member1.post('/api/v1/activities', {
    date,
    regionId: w.villA1.id,
    methods: ['visit'],
    purposes: ['opinions'],
    representativeIds: [w.rep1.id],
    opinions: '村口道路坑洼，雨天积水严重。',
  });

beforeAll(async () => {
  pair = await createReplicaPair();
  // The retry window is short here so the return to the replica is seen quickly; production uses REPLICA_RETRY_MS.
  database = await openPostgres(pair.primaryUrl, { readUrl: pair.replicaUrl, readRetryMs: 300 });
  await runMigrations(database);
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-rr-files-'));
  const config = loadConfig({ dataDir: filesDir, webDist: null, databaseUrl: null, logLevel: 'silent' });
  app = await buildApp({ database, config, files: createDiskFileStore(filesDir), now: () => new Date() });
  w = await buildWorld(database.db);
  admin = await login(app, 'admin');
  member1 = await login(app, 'member1');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  await pair?.destroy();
  if (filesDir) fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('read replica (DATABASE_READ_URL)', () => {
  it('is opened from the configuration, only beside DATABASE_URL', async () => {
    const dataDir = filesDir;
    const both = await openDatabase({ databaseUrl: pair.primaryUrl, databaseReadUrl: pair.replicaUrl, dataDir });
    try {
      const inRecovery = async (db: Database['db']) =>
        ((await db.execute(sql`select pg_is_in_recovery() as r`)).rows[0] as { r: boolean }).r;
      expect(await inRecovery(both.db)).toBe(false);
      expect(await inRecovery(both.readDb)).toBe(true);
    } finally {
      await both.close();
    }
    const plain = await openDatabase({ databaseUrl: pair.primaryUrl, databaseReadUrl: null, dataDir });
    expect(plain.readDb).toBe(plain.db);
    await plain.close();
    await expect(openDatabase({ databaseUrl: null, databaseReadUrl: pair.replicaUrl, dataDir })).rejects.toThrow(
      /DATABASE_READ_URL needs DATABASE_URL/,
    );
  });

  it('sends every write of a scripted flow to the primary, none to the replica', async () => {
    const flow = await countUses(async () => {
      const opinion = await newOpinion('古城村路灯不亮');
      expect(opinion.statusCode, opinion.body).toBe(201);
      const activity = await newActivity('2026-07-01');
      expect(activity.statusCode, activity.body).toBe(201);
      const again = await login(app, 'grouplead');
      expect((await again.get('/api/v1/auth/me')).statusCode).toBe(200);
      const out = await member1.post('/api/v1/auth/logout');
      expect(out.statusCode).toBeLessThan(300);
      member1 = await login(app, 'member1');
    });
    expect(flow.primary).toBeGreaterThan(0);
    expect(flow.replica).toBe(0);
  });

  it('reads search, the audit log and exports from the replica: a write it has not replayed is not seen', async () => {
    expect((await newOpinion('递铺街道井盖缺失')).statusCode).toBe(201);
    await pair.caughtUp();
    expect((await search('井盖')).json().opinions.total).toBe(1);
    const before = await auditTotal();
    expect(before).toBe(await primaryAuditRows());

    await pair.pauseReplay();
    try {
      const fresh = await newOpinion('鹤鹿溪村桥面破损');
      expect(fresh.statusCode, fresh.body).toBe(201);
      const visit = await newActivity('2026-07-02');
      expect(visit.statusCode, visit.body).toBe(201);
      // The primary has them; the reports do not yet (they read the paused replica).
      expect(await primaryAuditRows()).toBeGreaterThan(before);
      const reads = await countUses(async () => {
        expect((await search('桥面')).json().opinions.total).toBe(0);
        expect(await auditTotal()).toBe(before);
        expect((await admin.get('/api/v1/audit/codes')).json().entities.length).toBeGreaterThan(0);
        const xlsx = await admin.get('/api/v1/audit?format=xlsx');
        expect(xlsx.statusCode).toBe(200);
      });
      expect(reads.replica).toBeGreaterThanOrEqual(4);
      // Each export reads the replica.
      for (const [who, url] of [
        [admin, `/api/v1/exports/summary?groupId=${w.groupA.id}`],
        [admin, `/api/v1/exports/summary?groupId=${w.groupA.id}&format=pdf`],
        [member1, `/api/v1/exports/registration?memberId=${w.m1.id}&format=xlsx`],
      ] as const) {
        const form = await countUses(() => who.get(url));
        expect(form.result.statusCode, `${url} ${form.result.body.slice(0, 200)}`).toBe(200);
        expect(form.replica, url).toBeGreaterThan(0);
      }
      // The visit just recorded is not on the replica yet: its record card is read again on the primary (lag retry).
      const card = await countUses(() => admin.get(`/api/v1/exports/record-card?activityId=${visit.json().id}`));
      expect(card.result.statusCode, card.result.body).toBe(200);
      expect(card.replica).toBeGreaterThan(0);
    } finally {
      await pair.resumeReplay();
    }
    await pair.caughtUp();
    expect((await search('桥面')).json().opinions.total).toBe(1);
    expect(await auditTotal()).toBe(await primaryAuditRows());
  });

  it('reads the KPI dashboard from the replica', async () => {
    const kpis = await countUses(() => admin.get('/api/v1/kpis'));
    expect(kpis.result.statusCode, kpis.result.body).toBe(200);
    expect(kpis.replica).toBeGreaterThan(0);
  });

  it('falls back to the primary while the replica is down, and returns to it by itself', async () => {
    pair.stopReplica();
    const title = '横溪坞村水渠堵塞';
    expect((await newOpinion(title)).statusCode).toBe(201);
    // Reports answer from the primary (the replica is stopped, and they see the newest write), never 503; health is ok.
    const res = await search('水渠');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().opinions.total).toBe(1);
    expect(await auditTotal()).toBe(await primaryAuditRows());
    expect((await admin.get(`/api/v1/exports/summary?groupId=${w.groupA.id}`)).statusCode).toBe(200);
    expect((await admin.get('/api/v1/kpis')).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

    pair.startReplica();
    await pair.caughtUp();
    await pair.pauseReplay();
    try {
      expect((await newOpinion('横溪坞村涵洞塌陷')).statusCode).toBe(201);
      // Once the retry window has passed, search reads the (paused) replica again and no longer sees the new item.
      await waitFor('reports to read the replica again', async () => {
        const r = await search('涵洞');
        return r.statusCode === 200 && r.json().opinions.total === 0;
      });
      expect(database.readReplica!.isFallingBack).toBe(false);
    } finally {
      await pair.resumeReplay();
    }
  });
});
