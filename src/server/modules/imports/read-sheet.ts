// Reads an uploaded workbook into plain text rows keyed by column, refusing anything that is not a usable .xlsx.
import ExcelJS from 'exceljs';
import type { Lang } from '../../i18n/messages.js';
import { COLUMNS, type ColumnSpec, HELP_SHEET, type ImportKind, LIST_SHEET, normalizeHeader } from './columns.js';
import { type ImportIssueCode, importMessage } from './messages.js';

/** One problem in the file, with the Excel row number (1-based) and the column header. */
export interface ImportIssue {
  row: number;
  column: string;
  code: ImportIssueCode;
  message: string;
}

/** A data row: the Excel row number and each present column's text (trimmed). */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** The usable content of a sheet: which template columns are present, and the data rows. */
export interface Sheet {
  present: Set<string>;
  rows: SheetRow[];
}

/** Why a file could not be read at all (bad file) or its layout is wrong (invalid), before any row is checked. */
export class SheetError extends Error {
  constructor(
    readonly kind: 'bad_file' | 'invalid',
    readonly issues: ImportIssue[],
  ) {
    super(kind);
  }
}

/** The largest file we accept in one go; 5,000 rows is the expected size of a county registry. */
export const MAX_ROWS = 20000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
// Parts of a sheet we never need: skipping them keeps huge validation ranges and drawings from eating memory.
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
  'headerFooter',
  'rowBreaks',
];

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

function issue(
  row: number,
  column: string,
  code: ImportIssueCode,
  lang: Lang,
  params: Record<string, unknown> = {},
): ImportIssue {
  return { row, column, code, message: importMessage(code, lang, { column, ...params }) };
}

async function loadWorkbook(data: Buffer, lang: Lang): Promise<ExcelJS.Workbook> {
  if (data.subarray(0, 4).equals(OLE_MAGIC)) throw new SheetError('bad_file', [issue(0, '', 'old_excel', lang)]);
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) throw new SheetError('bad_file', [issue(0, '', 'bad_file', lang)]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as any, { ignoreNodes: IGNORED_NODES } as any);
  } catch {
    throw new SheetError('bad_file', [issue(0, '', 'bad_file', lang)]);
  }
  return wb;
}

function pickSheet(wb: ExcelJS.Workbook, lang: Lang): ExcelJS.Worksheet {
  const ws =
    wb.worksheets.find((w) => w.state === 'visible' && w.name !== HELP_SHEET && w.name !== LIST_SHEET) ??
    wb.worksheets[0];
  if (!ws) throw new SheetError('bad_file', [issue(0, '', 'no_sheet', lang)]);
  return ws;
}

function rowTexts(row: ExcelJS.Row): string[] {
  const out: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
    out[colNumber] = cellText(cell.value);
  });
  return out;
}

/** Finds the header row among the first five (a title line above the headers is common) and maps columns to specs. */
function mapHeaders(ws: ExcelJS.Worksheet, specs: ColumnSpec[], lang: Lang) {
  const byHeader = new Map(specs.map((c) => [normalizeHeader(c.header), c]));
  let headerRow = 1;
  for (let r = 1; r <= Math.min(5, ws.rowCount); r++) {
    const hits = rowTexts(ws.getRow(r)).filter((t) => t && byHeader.has(normalizeHeader(t))).length;
    if (hits >= 2) {
      headerRow = r;
      break;
    }
  }
  const issues: ImportIssue[] = [];
  const columns = new Map<number, ColumnSpec>();
  const seen = new Set<string>();
  rowTexts(ws.getRow(headerRow)).forEach((text, colNumber) => {
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

/** Reads the data sheet of an import file: throws SheetError for an unreadable file, wrong headers or no rows. */
export async function readSheet(data: Buffer, kind: ImportKind, lang: Lang): Promise<Sheet> {
  const wb = await loadWorkbook(data, lang);
  const ws = pickSheet(wb, lang);
  const specs = COLUMNS[kind];
  if (ws.actualRowCount === 0) throw new SheetError('invalid', [issue(1, '', 'no_rows', lang)]);
  const { headerRow, columns, present } = mapHeaders(ws, specs, lang);
  const rows: SheetRow[] = [];
  let overflow = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow || overflow) return;
    const cells: Record<string, string> = {};
    let filled = false;
    for (const [colNumber, spec] of columns) {
      const text = cellText(row.getCell(colNumber).value);
      cells[spec.key] = text;
      if (text) filled = true;
    }
    if (!filled || isExampleRow(cells, specs)) return;
    if (rows.length >= MAX_ROWS) overflow = true;
    else rows.push({ row: rowNumber, cells });
  });
  if (overflow) throw new SheetError('invalid', [issue(0, '', 'too_many_rows', lang, { max: MAX_ROWS })]);
  if (!rows.length) throw new SheetError('invalid', [issue(headerRow + 1, '', 'no_rows', lang)]);
  return { present, rows };
}
