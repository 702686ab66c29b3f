// The 活动汇总表 xlsx written as a stream: rows arrive in pages and leave as zipped bytes, so a 10,000-row export
// never sits whole in memory and the event loop gets a turn every few milliseconds (same layout as renderSummaryXlsx).
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { drained, loopSlicer } from './cooperative.js';
import { formatGeneratedAt, MIN_LIST_ROWS, SHEET_NAMES, SUMMARY_HEADERS, summaryHeadLine, TITLES } from './format.js';
import type { SummaryFormData } from './types.js';
import { SUMMARY_WIDTHS } from './xlsx-forms.js';
import { newSheet, put, tableRow, titleRow } from './xlsx-helpers.js';

/** The summary's heading; its rows come separately, page by page. */
export type SummaryHead = Omit<SummaryFormData, 'rows'>;
/** One row of the summary. */
export type SummaryRow = SummaryFormData['rows'][number];

const ALIGNS: Array<'left' | 'center'> = ['center', 'center', 'center', 'left', 'left', 'left'];

/**
 * Writes the summary workbook to `out` while reading `pages`; resolves when the last byte is handed to `out`.
 * Returns the number of data rows written.
 */
export async function streamSummaryXlsx(
  head: SummaryHead,
  pages: AsyncIterable<SummaryRow[]>,
  out: Writable,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '界联';
  wb.created = head.generatedAt;
  const cols = SUMMARY_WIDTHS.length;
  // The streaming sheet has the same cell API as the in-memory one the helpers are written for.
  const ws = newSheet(wb as unknown as ExcelJS.Workbook, SHEET_NAMES.summary, {
    orientation: 'landscape',
    widths: SUMMARY_WIDTHS,
    printTitlesRow: '3:3',
    freezeRows: 3,
    footerLeft: `生成时间：${formatGeneratedAt(head.generatedAt)}`,
  });
  titleRow(ws, 1, cols, TITLES.summary);
  put(ws, 2, 1, summaryHeadLine(head.groupName, head.from, head.to), { align: 'left', border: false }, 2, cols);
  ws.getRow(2).height = 26;
  SUMMARY_HEADERS.forEach((h, i) => {
    put(ws, 3, i + 1, h, { bold: true });
  });
  ws.getRow(3).height = 30;
  ws.getRow(3).commit();
  const pause = loopSlicer();
  let row = 4;
  let count = 0;
  const write = async (values: string[]) => {
    row = tableRow(ws, row, values, SUMMARY_WIDTHS, { minHeight: 30, aligns: ALIGNS });
    ws.getRow(row - 1).commit();
    await pause();
  };
  for await (const page of pages) {
    // A download the client gave up: stop reading pages (the caller sees the rejection).
    if (out.destroyed) throw new Error('download closed before the end');
    for (const r of page) {
      await write([r.memberNames, r.contactNames, r.date, r.opinions, r.handling, r.remarks]);
      count++;
    }
    await drained(out);
  }
  for (let i = count; i < MIN_LIST_ROWS; i++) await write(SUMMARY_HEADERS.map(() => ''));
  ws.commit();
  await wb.commit();
  return count;
}
