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
import { acquireDataLock } from './data-lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The driver-neutral database type services receive, so the same code runs on PGlite and PostgreSQL. */
export type Db = PgDatabase<any, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** Embedded only: the PGlite instance, for dumps (backup, test templates). */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens the embedded database in a folder (or memory), optionally from a saved data-dir dump. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** Opens a pooled connection to a real PostgreSQL server. */
export async function openPostgres(url: string): Promise<Database> {
  // A connection attempt to an unreachable server gives up after 10 s (a refused one fails at once) instead of hanging.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000, keepAlive: true });
  // A PostgreSQL restart kills every open connection, and an 'error' event nobody listens to ends the process. An idle
  // client is dropped by the pool, which emits here; a checked-out client that dies between queries emits on itself:
  // its next query fails (that request answers 503 and is logged) and the pool drops it on release. New connections
  // are opened on demand, so the app recovers by itself when the server is back.
  pool.on('error', logConnectionLost);
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', pool, close: () => pool.end() };
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
export async function openDatabase(cfg: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
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
