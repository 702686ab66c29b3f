// Builds one migrated database template per test run; each test file then loads it (0.7 s instead of 5 s).
import fs from 'node:fs';
import path from 'node:path';
import { openPglite, openPostgres, runMigrations } from '../../src/server/db/client.js';
import { pgTemplateName, TEMPLATE_FILE } from './paths.js';

export default async function setup() {
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  if (process.env.DATABASE_URL) {
    const admin = await openPostgres(process.env.DATABASE_URL);
    const pool = admin.pool!;
    const name = pgTemplateName(process.env.DATABASE_URL);
    await pool.query(`drop database if exists ${name}`);
    await pool.query(`create database ${name}`);
    await admin.close();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const tpl = await openPostgres(url.toString());
    await runMigrations(tpl);
    await tpl.close();
    return;
  }
  const db = await openPglite();
  await runMigrations(db);
  const dump = await db.pglite!.dumpDataDir('gzip');
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await db.close();
}
