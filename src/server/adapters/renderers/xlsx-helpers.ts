// exceljs building blocks (page setup, bordered/merged cells, row-height estimation) for the printable xlsx forms.
import ExcelJS from 'exceljs';

export const FONT_NAME = '宋体';
export const BODY_SIZE = 11;
export const TITLE_SIZE = 16;
/** Points per wrapped line at BODY_SIZE (宋体 11pt renders ~14.3pt; a little slack keeps text from being clipped). */
const LINE_PT = 15;
/** Excel refuses row heights above 409pt; taller content is spread over several merged rows. */
const MAX_ROW_PT = 400;

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
export const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface CellStyle {
  bold?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  border?: boolean;
}

/** Workbook stamped with the app as creator (and the generation time when known). */
export function newWorkbook(created?: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '界联';
  if (created) wb.created = created;
  return wb;
}

/** A4 sheet fitted to one page wide, centred, with page numbers (and optionally the generation time) in the footer. */
export function newSheet(
  wb: ExcelJS.Workbook,
  name: string,
  opts: {
    orientation: 'portrait' | 'landscape';
    widths: number[];
    printTitlesRow?: string;
    freezeRows?: number;
    footerLeft?: string;
  },
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: opts.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      ...(opts.printTitlesRow ? { printTitlesRow: opts.printTitlesRow } : {}),
    },
    headerFooter: {
      oddFooter: `${opts.footerLeft ? `&L&9${escapeFooter(opts.footerLeft)}` : ''}&C&9第 &P 页，共 &N 页`,
    },
    views: [
      opts.freezeRows
        ? { state: 'frozen', ySplit: opts.freezeRows, showGridLines: false }
        : { state: 'normal', showGridLines: false },
    ],
  });
  ws.properties.defaultRowHeight = 20;
  ws.columns = opts.widths.map((width) => ({ width }));
  return ws;
}

function escapeFooter(s: string): string {
  return s.replace(/&/g, '&&');
}

// One style object per distinct look, shared by every cell that has it: exceljs then registers each look once
// (it caches style ids by object) instead of hashing a fresh object per cell, which halves a big sheet's build time.
// Nothing may mutate a cell's font/alignment/border after styleCell: that would change every cell sharing it.
const LOOKS = new Map<string, Partial<ExcelJS.Style>>();

/** Applies the form look (宋体, wrap, alignment, thin borders) to one cell. */
export function styleCell(cell: ExcelJS.Cell, s: CellStyle = {}): void {
  const key = `${!!s.bold}|${s.size ?? BODY_SIZE}|${s.align ?? 'center'}|${s.valign ?? 'middle'}|${s.border !== false}`;
  let look = LOOKS.get(key);
  if (!look) {
    look = {
      font: { name: FONT_NAME, size: s.size ?? BODY_SIZE, bold: !!s.bold, charset: 134 },
      alignment: { horizontal: s.align ?? 'center', vertical: s.valign ?? 'middle', wrapText: true },
      ...(s.border !== false ? { border: ALL_BORDERS } : {}),
    };
    LOOKS.set(key, look);
  }
  cell.style = look;
}

/** Writes `value` into r1:c1, merges to r2:c2 when larger, and styles every constituent cell (borders need that). */
export function put(
  ws: ExcelJS.Worksheet,
  r1: number,
  c1: number,
  value: string | number | null,
  s: CellStyle = {},
  r2 = r1,
  c2 = c1,
): void {
  if (r2 > r1 || c2 > c1) ws.mergeCells(r1, c1, r2, c2);
  ws.getCell(r1, c1).value = value === '' ? null : value;
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) styleCell(ws.getCell(r, c), s);
}

/** Title row merged across all columns. */
export function titleRow(ws: ExcelJS.Worksheet, row: number, cols: number, title: string): void {
  put(ws, row, 1, title, { bold: true, size: TITLE_SIZE, border: false }, row, cols);
  ws.getRow(row).height = 36;
}

/** Approximate display width of text in Excel column units (CJK and full-width ≈ 2, others ≈ 1.1). */
export function textUnits(s: string): number {
  let u = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    u += cp >= 0x2e80 || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x25a0 && cp <= 0x27bf) ? 2 : 1.1;
  }
  return u;
}

/** Wrapped line count of `text` in a cell `widthUnits` wide. */
export function lineCount(text: string, widthUnits: number): number {
  if (!text) return 1;
  const usable = Math.max(1, widthUnits - 1.5);
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .reduce((n, para) => n + Math.max(1, Math.ceil(textUnits(para) / usable)), 0);
}

/** Height in points needed to show every given (text, width) pair wrapped. */
export function neededHeight(items: Array<[string, number]>, min: number): number {
  const lines = Math.max(1, ...items.map(([t, w]) => lineCount(t, w)));
  return Math.max(min, lines * LINE_PT + 8);
}

/**
 * Reserves rows starting at `row` for content `height` points tall: one row when it fits Excel's limit,
 * otherwise several equal rows that the caller merges vertically. Returns the number of rows used.
 */
export function reserveRows(ws: ExcelJS.Worksheet, row: number, height: number): number {
  const n = Math.max(1, Math.ceil(height / MAX_ROW_PT));
  for (let i = 0; i < n; i++) ws.getRow(row + i).height = Math.ceil(height / n);
  return n;
}

/**
 * Writes one bordered table row (each value in its own column), growing it to fit wrapped text.
 * Returns the next free row number.
 */
export function tableRow(
  ws: ExcelJS.Worksheet,
  row: number,
  values: Array<string | number | null>,
  widths: number[],
  opts: { minHeight?: number; aligns?: Array<'left' | 'center'> } = {},
): number {
  const h = neededHeight(
    values.map((v, i) => [v == null ? '' : String(v), widths[i]]),
    opts.minHeight ?? 22,
  );
  const n = reserveRows(ws, row, h);
  values.forEach((v, i) => {
    // Content spread over several rows reads from the top (it may cross a page break).
    put(
      ws,
      row,
      i + 1,
      v,
      { align: opts.aligns?.[i] ?? 'center', valign: n > 1 ? 'top' : 'middle' },
      row + n - 1,
      i + 1,
    );
  });
  return row + n;
}

/** Serialises the workbook into a Node Buffer for HTTP responses and files. */
export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
