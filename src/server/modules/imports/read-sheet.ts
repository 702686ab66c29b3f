// Reads an uploaded workbook row by row into plain text rows keyed by column, refusing anything that is not a usable .xlsx.
// The zip is checked from its central directory first, and each part is inflated with a hard limit, so a bomb is refused
// before it costs memory; rows are streamed and reading stops as soon as the row limit is passed.
import path from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { loopSlicer } from '../../adapters/renderers/cooperative.js';
import { inspectZip, openEntry, type ZipEntry, ZipError } from '../../adapters/zip-reader.js';
import type { Lang } from '../../i18n/messages.js';
import { COLUMNS, type ColumnSpec, HELP_SHEET, type ImportKind, LIST_SHEET, normalizeHeader } from './columns.js';
import { countValueRows } from './count-rows.js';
import { clip, MAX_CELL_CHARS, MAX_ROWS, ZIP_LIMITS } from './limits.js';
import { type ImportIssueCode, importMessage } from './messages.js';

/** One problem in the file, with the Excel row number (1-based) and the column header. */
export interface ImportIssue {
  row: number;
  column: string;
  code: ImportIssueCode;
  message: string;
}

/** A data row: the Excel row number, each present column's text (trimmed), and the columns cut at MAX_CELL_CHARS. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
  overlong?: string[];
}

/** The usable content of a sheet: which template columns are present, and the data rows. */
export interface Sheet {
  present: Set<string>;
  rows: SheetRow[];
}

/** Why a file was refused before any row is checked: unreadable, over a size limit, or a wrong layout. */
export class SheetError extends Error {
  constructor(
    readonly kind: 'bad_file' | 'too_large' | 'invalid',
    readonly issues: ImportIssue[],
  ) {
    super(kind);
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Turns any cell value (text, number, rich text, formula, hyperlink, date) into the text a person sees. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('text' in v) return cellText((v as any).text);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/** The refusal of a file over MAX_ROWS data rows. */
const tooManyRows = (lang: Lang) =>
  new SheetError('too_large', [issue(0, '', 'too_many_rows', lang, { max: MAX_ROWS.toLocaleString('en-US') })]);

/**
 * Rows with values the first pass lets through: the limit plus the header lines and example row the reader skips, and
 * a margin for blank shared strings the pass cannot tell apart; the exact limit is applied while reading.
 */
export const PRESCAN_LIMIT = MAX_ROWS + 20;

/** What one read parsed (shared strings, sheet rows): shows that an oversized file was refused before parsing. */
export interface ReadStats {
  sharedStrings: number;
  rows: number;
}

function issue(
  row: number,
  column: string,
  code: ImportIssueCode,
  lang: Lang,
  params: Record<string, unknown> = {},
): ImportIssue {
  return { row, column: clip(column), code, message: importMessage(code, lang, { column, ...params }) };
}

/** exceljs's streaming reader, fed part by part: its own zip walk would inflate entries without any limit. */
interface PartReader {
  workbookRels?: { Id: string; Type: string; Target: string }[];
  model?: { sheets?: { name: string; state?: string; rId: string }[] };
  sharedStrings?: string[];
  _parseRels(s: Readable): Promise<void>;
  _parseWorkbook(s: Readable): Promise<void>;
  _parseStyles(s: Readable): Promise<void>;
  _parseSharedStrings(s: Readable): AsyncGenerator<{ index: number; text: ExcelJS.CellValue }>;
  _parseWorksheet(s: Readable, id: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** The parts of one workbook, each opened as a bounded stream and closed after use. */
class Parts {
  private readonly open: Readable[] = [];
  constructor(
    private readonly data: Buffer,
    private readonly entries: Map<string, ZipEntry>,
  ) {}
  has(name: string) {
    return this.entries.has(name);
  }
  stream(name: string): Readable {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipError('corrupt');
    const s = openEntry(this.data, entry);
    // Decoded here, across chunk boundaries: exceljs decodes each chunk alone and would split multi-byte characters.
    s.setEncoding('utf8');
    this.open.push(s);
    return s;
  }
  close() {
    for (const s of this.open) s.destroy();
  }
}

const typeIs = (type: string, name: string) => type.endsWith(`/${name}`);
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target));

/** Opens the workbook part by part (relations, sheet list, styles for dates, shared strings) up to its data sheet. */
async function openDataSheet(parts: Parts, lang: Lang, stats: ReadStats): Promise<AsyncIterable<ExcelJS.Row>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as any, {
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as PartReader;
  if (!parts.has('xl/workbook.xml') || !parts.has('xl/_rels/workbook.xml.rels')) throw new ZipError('corrupt');
  await reader._parseRels(parts.stream('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(parts.stream('xl/workbook.xml'));
  const rels = reader.workbookRels ?? [];
  const target = (type: string) => {
    const rel = rels.find((r) => typeIs(r.Type, type));
    return rel && partPath(rel.Target);
  };
  const sheets = reader.model?.sheets ?? [];
  const sheet =
    sheets.find((s) => (!s.state || s.state === 'visible') && s.name !== HELP_SHEET && s.name !== LIST_SHEET) ??
    sheets[0];
  if (!sheet) throw new SheetError('bad_file', [issue(0, '', 'no_sheet', lang)]);
  const rel = rels.find((r) => r.Id === sheet.rId);
  const sheetPath = rel && partPath(rel.Target);
  if (!sheetPath || !parts.has(sheetPath)) throw new ZipError('corrupt');
  // Far too many rows: refused after one cheap pass, before any string or row is parsed.
  if ((await countValueRows(parts.stream(sheetPath), PRESCAN_LIMIT)) > PRESCAN_LIMIT) throw tooManyRows(lang);
  const styles = target('styles');
  if (styles && parts.has(styles)) await reader._parseStyles(parts.stream(styles));
  const strings: string[] = [];
  const shared = target('sharedStrings');
  const pause = loopSlicer();
  if (shared && parts.has(shared))
    for await (const { index, text } of reader._parseSharedStrings(parts.stream(shared))) {
      // Kept one character over the limit, so an overlong cell is still noticed but never held whole.
      strings[index] = cellText(text).slice(0, MAX_CELL_CHARS + 1);
      stats.sharedStrings++;
      await pause();
    }
  reader.sharedStrings = strings;
  const [first] = reader._parseWorksheet(parts.stream(sheetPath), '1');
  return first.value;
}

function rowTexts(row: ExcelJS.Row): string[] {
  const out: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
    out[colNumber] = cellText(cell.value).slice(0, MAX_CELL_CHARS);
  });
  return out;
}

interface Header {
  headerRow: number;
  columns: Map<number, ColumnSpec>;
  present: Set<string>;
}

/** Finds the header row among the first five (a title line above the headers is common) and maps columns to specs. */
function mapHeaders(early: ExcelJS.Row[], specs: ColumnSpec[], lang: Lang): Header {
  const byHeader = new Map(specs.map((c) => [normalizeHeader(c.header), c]));
  const headerAt =
    early.find((row) => rowTexts(row).filter((t) => t && byHeader.has(normalizeHeader(t))).length >= 2) ??
    early.find((row) => row.number === 1);
  const headerRow = headerAt?.number ?? 1;
  const issues: ImportIssue[] = [];
  const columns = new Map<number, ColumnSpec>();
  const seen = new Set<string>();
  (headerAt ? rowTexts(headerAt) : []).forEach((text, colNumber) => {
    if (!text) return;
    const spec = byHeader.get(normalizeHeader(text));
    if (!spec) issues.push(issue(headerRow, text, 'header_unknown', lang, { value: text }));
    else if (seen.has(spec.key)) issues.push(issue(headerRow, spec.header, 'header_duplicate', lang));
    else {
      seen.add(spec.key);
      columns.set(colNumber, spec);
    }
  });
  for (const spec of specs)
    if (spec.required && !seen.has(spec.key)) issues.push(issue(headerRow, spec.header, 'header_missing', lang));
  if (issues.length) throw new SheetError('invalid', issues);
  return { headerRow, columns, present: seen };
}

/** True for the template's example row, which is skipped so a filled-in template imports cleanly. */
function isExampleRow(cells: Record<string, string>, specs: ColumnSpec[]): boolean {
  return specs.every((c) => (cells[c.key] ?? '') === c.example || cells[c.key] === undefined);
}

/** Collects data rows, refusing the file as soon as it has one row more than MAX_ROWS. */
function rowCollector(specs: ColumnSpec[], lang: Lang) {
  const rows: SheetRow[] = [];
  const take = (header: Header, row: ExcelJS.Row) => {
    if (row.number <= header.headerRow) return;
    const cells: Record<string, string> = {};
    const overlong: string[] = [];
    let filled = false;
    for (const [colNumber, spec] of header.columns) {
      let text = cellText(row.getCell(colNumber).value);
      if (text.length > MAX_CELL_CHARS) {
        text = text.slice(0, MAX_CELL_CHARS);
        overlong.push(spec.key);
      }
      cells[spec.key] = text;
      if (text) filled = true;
    }
    if (!filled || isExampleRow(cells, specs)) return;
    if (rows.length >= MAX_ROWS) throw tooManyRows(lang);
    rows.push(overlong.length ? { row: row.number, cells, overlong } : { row: row.number, cells });
  };
  return { rows, take };
}

async function readRows(
  sheetRows: AsyncIterable<ExcelJS.Row>,
  kind: ImportKind,
  lang: Lang,
  stats: ReadStats,
): Promise<Sheet> {
  const specs = COLUMNS[kind];
  const { rows, take } = rowCollector(specs, lang);
  const early: ExcelJS.Row[] = [];
  let header: Header | null = null;
  const pause = loopSlicer();
  for await (const row of sheetRows) {
    stats.rows++;
    await pause();
    if (header) take(header, row);
    else if (!row.hasValues) continue;
    else if (row.number <= 5) early.push(row);
    else {
      header = mapHeaders(early, specs, lang);
      for (const r of [...early, row]) take(header, r);
    }
  }
  if (!header) {
    if (!early.length) throw new SheetError('invalid', [issue(1, '', 'no_rows', lang)]);
    header = mapHeaders(early, specs, lang);
    for (const r of early) take(header, r);
  }
  if (!rows.length) throw new SheetError('invalid', [issue(header.headerRow + 1, '', 'no_rows', lang)]);
  return { present: header.present, rows };
}

function refusal(e: unknown, lang: Lang): SheetError {
  if (e instanceof SheetError) return e;
  if (e instanceof ZipError && e.reason === 'too_large')
    return new SheetError('too_large', [
      issue(0, '', 'file_too_large', lang, { maxMb: ZIP_LIMITS.maxTotalBytes / 1024 / 1024 }),
    ]);
  if (e instanceof ZipError && e.reason === 'bomb') return new SheetError('bad_file', [issue(0, '', 'zip_bomb', lang)]);
  return new SheetError('bad_file', [issue(0, '', 'bad_file', lang)]);
}

/** Reads the data sheet of an import file: throws SheetError for an unreadable or oversized file, wrong headers or no rows. */
export async function readSheet(
  data: Buffer,
  kind: ImportKind,
  lang: Lang,
  stats: ReadStats = { sharedStrings: 0, rows: 0 },
): Promise<Sheet> {
  if (data.subarray(0, 4).equals(OLE_MAGIC)) throw new SheetError('bad_file', [issue(0, '', 'old_excel', lang)]);
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) throw new SheetError('bad_file', [issue(0, '', 'bad_file', lang)]);
  let parts: Parts | undefined;
  try {
    parts = new Parts(data, inspectZip(data, ZIP_LIMITS));
    return await readRows(await openDataSheet(parts, lang, stats), kind, lang, stats);
  } catch (e) {
    throw refusal(e, lang);
  } finally {
    parts?.close();
  }
}
