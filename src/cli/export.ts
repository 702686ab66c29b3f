// `jielian export …`: import templates, the audit log, and the three paper forms, written to files from a terminal.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../server/context.js';
import type { Db } from '../server/db/client.js';
import { AppError } from '../server/errors.js';
import { t } from '../server/i18n/messages.js';
import { AUDIT_COLUMNS, auditSheetRow } from '../server/modules/audit/sheet.js';
import { buildTemplate, IMPORT_KINDS, type ImportKind } from '../server/modules/imports/service.js';
import { openRuntime } from '../server/runtime.js';
import { progressBar } from './progress.js';

const USAGE = `用法：
  jielian export template <regions|members|representatives> <输出.xlsx>
  jielian export audit <输出.xlsx> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  jielian export registration --member <委员编号> [--format xlsx|pdf] <输出文件>
  jielian export record-card [--activity <活动编号>] [--format xlsx|pdf] <输出文件>
  jielian export summary --group <联络组编号或名称> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format xlsx|pdf] <输出文件>`;

/** The CLI reads as office staff: forms and contact details come out unmasked, as the operator is trusted. */
const SYSTEM_ACTOR: Actor = {
  userId: 0,
  username: 'system',
  displayName: '系统',
  roles: ['admin'],
  memberId: null,
  groupId: null,
  townshipId: null,
  departmentId: null,
  via: 'token',
};

class UsageError extends Error {}

const OPTIONS = {
  member: { type: 'string' },
  activity: { type: 'string' },
  group: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: string };

function outFile(positionals: string[], index: number): string {
  const out = positionals[index];
  if (!out) throw new UsageError();
  return out;
}

const formatOf = (out: string, given?: string): 'xlsx' | 'pdf' => {
  const f = given ?? (path.extname(out).toLowerCase() === '.pdf' ? 'pdf' : 'xlsx');
  if (f !== 'xlsx' && f !== 'pdf') throw new UsageError();
  return f;
};

const checkDate = (d?: string) => {
  if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UsageError();
  return d;
};

/** Streams the audit log to a workbook page by page, so a log of millions of rows never sits in memory. */
async function exportAudit(db: Db, out: string, from?: string, to?: string) {
  const where = sql`${from ? sql`at >= ${from}::date` : sql`true`} and ${to ? sql`at < ${to}::date + 1` : sql`true`}`;
  const [{ n }] = (await db.execute(sql`select count(*)::int as n from audit_log where ${where}`)).rows as any[];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('审计日志');
  ws.columns = AUDIT_COLUMNS;
  const bar = progressBar('审计日志');
  let last = 0;
  let done = 0;
  for (;;) {
    const page = (
      await db.execute(sql`select id, at, actor_name as "actorName", action, entity, entity_id as "entityId", before, after, ip
        from audit_log where ${where} and id > ${last} order by id limit 2000`)
    ).rows as any[];
    if (!page.length) break;
    for (const x of page) ws.addRow(auditSheetRow(x)).commit();
    last = Number(page[page.length - 1].id);
    done += page.length;
    bar(done, Math.max(n, done));
  }
  ws.commit();
  await wb.commit();
  return done;
}

async function memberIdOf(db: Db, code?: string): Promise<number> {
  if (!code) throw new UsageError();
  const [m] = (
    await db.execute(
      sql`select id from members where code = ${code} or id::text = ${code} order by (code = ${code}) desc limit 1`,
    )
  ).rows as any[];
  if (!m) throw new Error(`委员编号不存在：${code}`);
  return m.id;
}

async function groupIdOf(db: Db, group?: string): Promise<number> {
  if (!group) throw new UsageError();
  const [g] = (
    await db.execute(sql`select id from liaison_groups where name = ${group} or id::text = ${group} limit 1`)
  ).rows as any[];
  if (!g) throw new Error(`联络组不存在：${group}`);
  return g.id;
}

/** Renders one of the three paper forms with the exports module (written by the exports helper; loaded on demand). */
async function exportForm(db: Db, kind: 'registration' | 'record-card' | 'summary', v: Values, out: string) {
  const forms = await import('../server/modules/exports/service.js');
  const format = formatOf(out, v.format);
  let body: Buffer;
  if (kind === 'registration') {
    const data = await forms.loadRegistrationData(db, SYSTEM_ACTOR, await memberIdOf(db, v.member));
    body = await forms.renderForm('registration', data, format);
  } else if (kind === 'record-card') {
    const id = v.activity ? Number(v.activity) : null;
    if (v.activity && !Number.isInteger(id)) throw new UsageError();
    body = await forms.renderForm('record-card', await forms.loadRecordCardData(db, SYSTEM_ACTOR, id), format);
  } else {
    const data = await forms.loadSummaryData(
      db,
      SYSTEM_ACTOR,
      await groupIdOf(db, v.group),
      checkDate(v.from),
      checkDate(v.to),
    );
    body = await forms.renderForm('summary', data, format);
  }
  await fs.writeFile(out, body);
}

/** Dispatches `jielian export <what> …`; prints the usage and exits 1 on wrong arguments. */
export async function exportCmd(args: string[]): Promise<void> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS }) as any;
  } catch {
    console.error(USAGE);
    process.exitCode = 1;
    return;
  }
  const { values, positionals } = parsed;
  const [what] = positionals;
  if (!what || !['template', 'audit', 'registration', 'record-card', 'summary'].includes(what)) {
    console.error(USAGE);
    process.exitCode = what === '--help' ? 0 : 1;
    return;
  }
  const deps = await openRuntime();
  const db = deps.database.db;
  try {
    let out: string;
    if (what === 'template') {
      const kind = positionals[1] as ImportKind;
      if (!IMPORT_KINDS.includes(kind)) throw new UsageError();
      out = outFile(positionals, 2);
      await fs.writeFile(out, await buildTemplate(db, kind));
    } else if (what === 'audit') {
      out = outFile(positionals, 1);
      const n = await exportAudit(db, out, checkDate(values.from), checkDate(values.to));
      console.log(`共导出 ${n} 条审计记录`);
    } else {
      out = outFile(positionals, 1);
      await exportForm(db, what as 'registration' | 'record-card' | 'summary', values, out);
    }
    console.log(`已写入 ${path.resolve(out)}`);
  } catch (e) {
    if (e instanceof AppError) console.error(t(e.code, 'zh', e.params));
    else if (e instanceof UsageError) console.error(USAGE);
    else throw e;
    process.exitCode = 1;
  } finally {
    await deps.database.close();
  }
}
