// Opens the configured database, migrates it and builds the dependency set: shared by the CLI and tests.
import path from 'node:path';
import { createDatabaseFileStore } from './adapters/db-file-store.js';
import { createDiskFileStore, type FileStore } from './adapters/file-store.js';
import { type AppConfig, loadConfig } from './config.js';
import type { Deps } from './context.js';
import { type Database, openDatabase, runMigrations } from './db/client.js';

/**
 * The configured file store: in the database (shared by every process; files written on disk before the switch are
 * still read from DATA_DIR/files), or on the disk.
 */
export function createFileStore(config: AppConfig, database: Database): FileStore {
  const disk = createDiskFileStore(path.join(config.dataDir, 'files'));
  return config.fileStore === 'database' ? createDatabaseFileStore(database.db, { legacy: disk }) : disk;
}

/** Everything a process needs, ready to use. */
export async function openRuntime(overrides: Partial<AppConfig> = {}, database?: Database): Promise<Deps> {
  const config = loadConfig(overrides);
  const db = database ?? (await openDatabase(config));
  await runMigrations(db);
  return {
    database: db,
    config,
    files: createFileStore(config, db),
    now: () => new Date(),
  };
}
