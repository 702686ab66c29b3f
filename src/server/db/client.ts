// Opens the one database of the process: embedded PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { AuthChanges, ListeningClient } from './auth-changes.js';
import { acquireDataLock } from './data-lock.js';
import { ReadReplicaPool } from './read-replica.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The driver-neutral database type services receive, so the same code runs on PGlite and PostgreSQL. */
export type Db = PgDatabase<any, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  /**
   * The handle report reads use (dashboards, exports, search, the audit log): a streaming replica when
   * DATABASE_READ_URL is set, otherwise the same object as `db`. Never for writes or reads of one's own writes.
   */
  readDb: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** Embedded only: the PGlite instance, for dumps (backup, test templates). */
  pglite?: PGlite;
  pool?: pg.Pool;
  /** PostgreSQL with DATABASE_READ_URL only: the replica's pool (falls back to the primary while it is away). */
  readReplica?: ReadReplicaPool;
  /** PostgreSQL only: the jl_auth notifications (db/auth-changes.ts) that keep every process's session cache true. */
  authChanges?: AuthChanges;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens the embedded database in a folder (or memory), optionally from a saved data-dir dump. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, readDb: db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** Opens a pooled connection to a real PostgreSQL server, and to its read replica when `readUrl` is given. */
export async function openPostgres(
  url: string,
  opts: { readUrl?: string | null; readRetryMs?: number } = {},
): Promise<Database> {
  // A connection attempt to an unreachable server gives up after 10 s (a refused one fails at once) instead of hanging.
  // application_name tells the app's connections from the replica pool's ('jielian-read') in pg_stat_activity.
  const pool = new pg.Pool({
    connectionString: url,
    application_name: 'jielian',
    max: 10,
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    Client: ListeningClient,
  });
  // A PostgreSQL restart kills every open connection, and an 'error' event nobody listens to ends the process. An idle
  // client is dropped by the pool, which emits here; a checked-out client that dies between queries emits on itself:
  // its next query fails (that request answers 503 and is logged) and the pool drops it on release. New connections
  // are opened on demand, so the app recovers by itself when the server is back.
  pool.on('error', logConnectionLost);
  const authChanges = new AuthChanges({ ...pool.options, keepAlive: true });
  pool.on('connect', (client) => {
    client.on('error', () => {});
    authChanges.hear(client);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  if (!opts.readUrl)
    return {
      db,
      readDb: db,
      kind: 'postgres',
      pool,
      authChanges,
      close: async () => {
        await Promise.allSettled([authChanges.stop(), pool.end()]);
      },
    };
  const reads = new ReadReplicaPool(opts.readUrl, pool, opts.readRetryMs);
  const readDb = drizzlePg(reads as unknown as pg.Pool, { schema }) as unknown as Db;
  const close = async () => {
    await Promise.allSettled([authChanges.stop(), reads.end(), pool.end()]);
  };
  return { db, readDb, readReplica: reads, kind: 'postgres', pool, authChanges, close };
}

// One structured line (the app's log format) per lost connection; there is no request to attach it to.
function logConnectionLost(err: Error) {
  const line = {
    level: 40,
    time: Date.now(),
    msg: 'database connection lost',
    err: { message: err.message, code: (err as { code?: unknown }).code },
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** Chooses the driver from configuration: DATABASE_URL wins, otherwise PGlite under DATA_DIR/pglite, locked to this process. */
export async function openDatabase(cfg: {
  databaseUrl: string | null;
  databaseReadUrl?: string | null;
  dataDir: string;
}): Promise<Database> {
  if (cfg.databaseReadUrl && !cfg.databaseUrl)
    throw new Error(
      'DATABASE_READ_URL needs DATABASE_URL: a read replica is a copy of a PostgreSQL primary (unset it)',
    );
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, { readUrl: cfg.databaseReadUrl });
  const lock = acquireDataLock(cfg.dataDir);
  try {
    const database = await openPglite(path.join(cfg.dataDir, 'pglite'));
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** Applies the committed SQL migrations; safe to run at every start. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as any, { migrationsFolder });
  else await migratePg(database.db as any, { migrationsFolder });
}
