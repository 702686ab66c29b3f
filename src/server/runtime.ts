// Opens the configured database, migrates it and builds the dependency set: shared by the CLI and tests.
import path from 'node:path';
import { createDiskFileStore } from './adapters/file-store.js';
import { type AppConfig, loadConfig } from './config.js';
import type { Deps } from './context.js';
import { type Database, openDatabase, runMigrations } from './db/client.js';

/** Everything a process needs, ready to use. */
export async function openRuntime(overrides: Partial<AppConfig> = {}, database?: Database): Promise<Deps> {
  const config = loadConfig(overrides);
  const db = database ?? (await openDatabase(config));
  await runMigrations(db);
  return {
    database: db,
    config,
    files: createDiskFileStore(path.join(config.dataDir, 'files')),
    now: () => new Date(),
  };
}
