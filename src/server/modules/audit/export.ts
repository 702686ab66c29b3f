// The audit log's xlsx download, streamed: rows are read in keyset pages (newest first) and written through exceljs's
// streaming writer as they arrive, so a 100,000-row export holds one page in memory and never holds the event loop.
import type { Writable } from 'node:stream';
import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { drained, loopSlicer, prefetched } from '../../adapters/renderers/cooperative.js';
import type { DbOrTx } from '../../db/client.js';
import type { Lang } from '../../i18n/messages.js';
import { auditColumns, auditSheetName, auditSheetRow } from './sheet.js';

/** Most rows one download holds (newest first), as before streaming; narrower filters reach older rows. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
/** Rows per database page: one page is a few milliseconds of PGlite work. */
export const AUDIT_EXPORT_PAGE_ROWS = 100;

/** The log's rows matching `where`, newest first, one page at a time by id (keyset, so every page costs the same). */
export async function* auditPages(
  db: DbOrTx,
  where: SQL,
  max = AUDIT_EXPORT_MAX_ROWS,
  pageRows = AUDIT_EXPORT_PAGE_ROWS,
): AsyncGenerator<any[]> {
  let before: number | null = null;
  let left = max;
  while (left > 0) {
    const limit = Math.min(pageRows, left);
    const rows = (
      await db.execute(sql`select id, at, actor_name as "actorName", action, entity, entity_id as "entityId", before,
        after, ip from audit_log where ${where} ${before === null ? sql`` : sql`and id < ${before}`}
        order by id desc limit ${limit}`)
    ).rows as any[];
    if (rows.length) yield rows;
    if (rows.length < limit) return;
    left -= rows.length;
    before = Number(rows[rows.length - 1].id);
  }
}

/**
 * Starts the 审计日志 workbook for `where`: reads the first page now (its failure is an ordinary error response), then
 * returns the writer that streams into `out`; it resolves with the number of rows once the file is complete.
 */
export async function openAuditWorkbook(db: DbOrTx, where: SQL, lang: Lang) {
  const pages = await prefetched(auditPages(db, where));
  return (out: Writable) => writeAuditWorkbook(pages, lang, out);
}

async function writeAuditWorkbook(pages: AsyncIterable<any[]>, lang: Lang, out: Writable): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '界联';
  const ws = wb.addWorksheet(auditSheetName(lang));
  ws.columns = auditColumns(lang);
  ws.getRow(1).font = { bold: true };
  const pause = loopSlicer();
  let count = 0;
  for await (const page of pages) {
    if (out.destroyed) throw new Error('download closed before the end');
    for (const x of page) {
      ws.addRow(auditSheetRow(x, lang)).commit();
      count++;
      await pause();
    }
    await drained(out);
  }
  ws.commit();
  await wb.commit();
  return count;
}
