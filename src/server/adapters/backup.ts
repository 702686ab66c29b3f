// Logical backup and restore: every table as JSON lines plus the uploaded files, in one gzip file that PGlite and PostgreSQL both read.
// Format 2 ends with a SHA-256 of every line before the end line; a restore checks it before changing anything.
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../db/client.js';
import * as schema from '../db/schema.js';
import { AppError } from '../errors.js';
import { rebuildKpiRollups } from '../modules/kpis/rollups.js';

/** Identifies our files; a restore refuses anything else. */
export const BACKUP_FORMAT = 'jielian-backup';
/** Bumped when the line layout changes; a restore reads this version and older (1 = no checksum, 2 = SHA-256 in the end line). */
export const BACKUP_VERSION = 2;

/** The first line of a backup: what it holds, so a restore can check it before touching anything. */
export interface BackupHeader {
  type: 'header';
  format: string;
  version: number;
  migrations: number;
  createdAt: string;
  database: string;
  tables: Record<string, number>;
  files: number;
}

/** A backup or restore problem the operator can act on (shown as is by the CLI). */
export class BackupError extends Error {}

interface TableInfo {
  name: string;
  orderBy: string[];
}

const q = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

/** The tables of the Drizzle schema, parents before children, so inserts never break a foreign key. */
export function tablesInFkOrder(): TableInfo[] {
  const configs = (Object.values(schema) as unknown[])
    .filter((x): x is PgTable => is(x, PgTable))
    .map((t) => getTableConfig(t));
  const byName = new Map(configs.map((c) => [c.name, c]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (name: string, stack: string[]) => {
    if (done.has(name) || stack.includes(name)) return;
    const c = byName.get(name)!;
    for (const fk of c.foreignKeys) {
      const parent = getTableConfig(fk.reference().foreignTable).name;
      if (parent !== name) visit(parent, [...stack, name]);
    }
    done.add(name);
    const pk = c.columns.filter((col) => col.primary).map((col) => col.name);
    out.push({ name, orderBy: pk.length ? pk : (c.primaryKeys[0]?.columns.map((col) => col.name) ?? []) });
  };
  for (const c of configs) visit(c.name, []);
  return out;
}

async function migrationCount(db: DbOrTx): Promise<number> {
  try {
    const res = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return (res.rows[0] as any).n;
  } catch {
    return 0;
  }
}

/** Every file under the upload folder, as paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

// Rows per line: 500, but uploads kept in the database (FILE_STORE=database) are 256 KiB chunks, written as hex in
// JSON, so a line holds 4 of them (2 MB) instead of 500 (250 MB) and neither backup nor restore holds more at once.
const batchOf = (table: string) => (table === 'stored_file_chunks' ? 4 : 500);

/** Options shared by backup and restore. */
export interface BackupOptions {
  db: Db;
  /** DATA_DIR/files: the uploaded attachments. */
  filesDir: string;
  file: string;
  onProgress?: (done: number, total: number) => void;
}

/** Writes a consistent snapshot (one repeatable-read transaction) to `file`; the file appears only when complete. */
export async function writeBackup(o: BackupOptions & { database?: string }): Promise<BackupHeader> {
  const tables = tablesInFkOrder();
  const files = await listFiles(o.filesDir);
  const tmp = `${o.file}.partial`;
  const gzip = zlib.createGzip();
  const sink = fs.createWriteStream(tmp);
  gzip.pipe(sink);
  const hash = crypto.createHash('sha256');
  const write = async (obj: unknown, hashed = true) => {
    const line = `${JSON.stringify(obj)}\n`;
    if (hashed) hash.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  try {
    const header = await o.db.transaction(
      async (tx) => {
        const counts: Record<string, number> = {};
        for (const t of tables)
          counts[t.name] = (
            (await tx.execute(sql.raw(`select count(*)::int as n from ${q(t.name)}`))).rows[0] as any
          ).n;
        const header: BackupHeader = {
          type: 'header',
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          migrations: await migrationCount(tx),
          createdAt: new Date().toISOString(),
          database: o.database ?? '',
          tables: counts,
          files: files.length,
        };
        await write(header);
        const total = Object.values(counts).reduce((a, b) => a + b, 0) + files.length;
        let done = 0;
        for (const t of tables) {
          await write({ type: 'table', name: t.name });
          const order = t.orderBy.length ? ` order by ${t.orderBy.map(q).join(', ')}` : '';
          await tx.execute(
            sql.raw(`declare jl_backup no scroll cursor for select to_jsonb(t) as r from ${q(t.name)} t${order}`),
          );
          for (;;) {
            const rows = (await tx.execute(sql.raw(`fetch forward ${batchOf(t.name)} from jl_backup`))).rows as {
              r: unknown;
            }[];
            if (!rows.length) break;
            await write({ type: 'rows', table: t.name, rows: rows.map((x) => x.r) });
            done += rows.length;
            o.onProgress?.(done, total);
          }
          await tx.execute(sql.raw('close jl_backup'));
        }
        for (const f of files) {
          await write({
            type: 'file',
            path: f,
            data: (await fsp.readFile(path.join(o.filesDir, f))).toString('base64'),
          });
          o.onProgress?.(++done, total);
        }
        await write({ type: 'end', rows: done - files.length, files: files.length, sha256: hash.digest('hex') }, false);
        o.onProgress?.(total, total);
        return header;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await once(sink, 'close');
    await fsp.rename(tmp, o.file);
    return header;
  } catch (e) {
    gzip.destroy();
    sink.destroy();
    await fsp.rm(tmp, { force: true });
    throw e;
  }
}

const damaged = (reason: string) => new AppError('backup_damaged', { reason });

/** The raw lines of a gzip'd JSON-lines file; a damaged file throws instead of stopping silently. */
async function* readRawLines(file: string): AsyncGenerator<string> {
  const src = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  src.on('error', (e) => gunzip.destroy(e));
  src.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let buf = '';
  try {
    for await (const chunk of gunzip) {
      let from = buf.length;
      buf += decoder.write(chunk);
      for (let i = buf.indexOf('\n', from); i >= 0; i = buf.indexOf('\n', from)) {
        yield buf.slice(0, i);
        buf = buf.slice(i + 1);
        from = 0;
      }
    }
  } catch {
    throw damaged('无法解压 / cannot decompress');
  } finally {
    src.destroy();
  }
  buf += decoder.end();
  if (buf.trim()) yield buf;
}

function parseLine(line: string): any {
  try {
    return JSON.parse(line);
  } catch {
    throw damaged('无法解析 / cannot parse');
  }
}

/** The parsed lines of a backup. */
async function* readLines(file: string): AsyncGenerator<any> {
  for await (const line of readRawLines(file)) yield parseLine(line);
}

async function assertFile(file: string) {
  const isFile = await fsp.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) throw new BackupError(`找不到备份文件：${file}`);
}

function checkHeader(line: any): BackupHeader {
  if (line?.type !== 'header' || line.format !== BACKUP_FORMAT) throw new BackupError('不是界联备份文件');
  if (!Number.isInteger(line.version) || line.version < 1 || line.version > BACKUP_VERSION)
    throw new AppError('backup_format', { version: String(line.version), supported: BACKUP_VERSION });
  return line as BackupHeader;
}

/** Reads and checks only the header, e.g. to show what a restore would bring back. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  await assertFile(file);
  for await (const line of readLines(file)) return checkHeader(line);
  throw new BackupError('不是界联备份文件');
}

/**
 * Reads the whole file once without touching the database: header, end line last, and (format 2) the SHA-256 of every
 * line before the end line. Format 1 files have no checksum; they pass when they decompress, parse and end properly.
 */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  await assertFile(file);
  const hash = crypto.createHash('sha256');
  let header: BackupHeader | null = null;
  let end: any = null;
  for await (const raw of readRawLines(file)) {
    const line = parseLine(raw);
    if (end) throw damaged('结束标记后还有内容 / data after the end line');
    if (!header) header = checkHeader(line);
    if (line?.type === 'end') end = line;
    else hash.update(`${raw}\n`);
  }
  if (!header) throw new BackupError('不是界联备份文件');
  if (!end) throw damaged('文件不完整，缺少结束标记 / truncated, no end line');
  if ((header.version >= 2 || end.sha256 !== undefined) && end.sha256 !== hash.digest('hex'))
    throw damaged('SHA-256 校验和不符 / checksum mismatch');
  return header;
}

async function identityColumns(tx: DbOrTx): Promise<Map<string, string[]>> {
  const res = await tx.execute(
    sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`,
  );
  const out = new Map<string, string[]>();
  for (const r of res.rows as any[]) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
  return out;
}

async function tableColumns(tx: DbOrTx): Promise<Map<string, Set<string>>> {
  const res = await tx.execute(
    sql`select table_name, column_name from information_schema.columns where table_schema = current_schema()`,
  );
  const out = new Map<string, Set<string>>();
  for (const r of res.rows as any[]) out.set(r.table_name, (out.get(r.table_name) ?? new Set()).add(r.column_name));
  return out;
}

/** Replaces every table's rows (one transaction: all or nothing) and then the upload folder with the backup's contents. */
export async function restoreBackup(o: BackupOptions): Promise<BackupHeader> {
  const header = await verifyBackup(o.file);
  const tables = tablesInFkOrder();
  const known = new Set(tables.map((t) => t.name));
  const unknown = Object.keys(header.tables).filter((t) => !known.has(t));
  if (unknown.length) throw new BackupError(`备份中有当前版本没有的数据表：${unknown.join('、')}`);
  const current = await migrationCount(o.db);
  if (header.migrations > current)
    throw new BackupError(`备份来自更新的版本（迁移 ${header.migrations} > ${current}），请先升级程序`);
  const staging = `${o.filesDir}.restore-${process.pid}`;
  await fsp.rm(staging, { recursive: true, force: true });
  const total = Object.values(header.tables).reduce((a, b) => a + b, 0) + header.files;
  try {
    await o.db.transaction(async (tx) => {
      const identity = await identityColumns(tx);
      const columns = await tableColumns(tx);
      await tx.execute(sql.raw(`truncate table ${tables.map((t) => q(t.name)).join(', ')} restart identity`));
      const inserted: Record<string, number> = {};
      let done = 0;
      let ended = false;
      for await (const line of readLines(o.file)) {
        if (line.type === 'rows') {
          if (!known.has(line.table) || !Array.isArray(line.rows)) throw damaged('数据行无效 / invalid rows');
          if (!line.rows.length) continue;
          const cols = Object.keys(line.rows[0]);
          const missing = cols.filter((c) => !columns.get(line.table)?.has(c));
          if (missing.length)
            throw new BackupError(`数据表 ${line.table} 没有列 ${missing.join('、')}：备份与当前版本不兼容`);
          const list = cols.map(q).join(', ');
          const override = identity.has(line.table) ? ' overriding system value' : '';
          try {
            await tx.execute(
              sql`${sql.raw(`insert into ${q(line.table)} (${list})${override} select ${list} from jsonb_populate_recordset(null::${q(line.table)}, `)}${JSON.stringify(line.rows)}::jsonb)`,
            );
          } catch (e) {
            // A row the database refuses (a hand-edited format-1 file, or a constraint added since): name the table, not raw SQL.
            throw new BackupError(
              `数据表 ${line.table} 的数据无法写入（${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}），未做任何修改`,
            );
          }
          inserted[line.table] = (inserted[line.table] ?? 0) + line.rows.length;
          done += line.rows.length;
        } else if (line.type === 'file') {
          const target = path.resolve(staging, String(line.path));
          if (!target.startsWith(path.resolve(staging) + path.sep)) throw damaged('文件路径无效 / invalid file path');
          await fsp.mkdir(path.dirname(target), { recursive: true });
          await fsp.writeFile(target, Buffer.from(String(line.data), 'base64'));
          done++;
        } else if (line.type === 'end') ended = true;
        o.onProgress?.(done, total);
      }
      if (!ended) throw new BackupError('备份文件不完整（缺少结束标记），未做任何修改');
      for (const [name, n] of Object.entries(header.tables)) {
        if ((inserted[name] ?? 0) !== n)
          throw new BackupError(`数据表 ${name} 的行数与备份记录不符（${inserted[name] ?? 0} ≠ ${n}），未做任何修改`);
      }
      for (const [table, cols] of identity) {
        if (!known.has(table)) continue;
        for (const c of cols) {
          await tx.execute(
            sql.raw(
              `select setval(pg_get_serial_sequence('${q(table).replaceAll("'", "''")}', '${c.replaceAll("'", "''")}'), coalesce((select max(${q(c)}) from ${q(table)}), 0) + 1, false)`,
            ),
          );
        }
      }
      // A backup from before the KPI rollups (migration 0009) has none: count its items into them.
      if (!('kpi_item_facts' in header.tables)) await rebuildKpiRollups(tx);
    });
  } catch (e) {
    await fsp.rm(staging, { recursive: true, force: true });
    throw e;
  }
  await swapFolder(staging, o.filesDir);
  o.onProgress?.(total, total);
  return header;
}

/** Puts the restored uploads in place of the old ones (rename, so a crash never leaves a half-filled folder in use). */
async function swapFolder(staging: string, target: string) {
  await fsp.mkdir(staging, { recursive: true });
  const old = `${target}.old-${Date.now()}`;
  const hadTarget = await fsp.stat(target).then(
    () => true,
    () => false,
  );
  if (hadTarget) await fsp.rename(target, old);
  await fsp.rename(staging, target);
  if (hadTarget) await fsp.rm(old, { recursive: true, force: true });
}
