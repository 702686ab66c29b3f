// Small table layout engine over pdfkit: own CJK line breaking, bordered cells, rows that grow to fit,
// sections with a left label column, and page breaks that repeat header rows and split over-tall rows.

import { type FontKey, TextPainter } from './pdf-text.js';

type Doc = PDFKit.PDFDocument;

export type { FontKey };

export interface PdfCell {
  text: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  font?: FontKey;
  size?: number;
  border?: boolean;
  /** Spread wrapped lines evenly (short CJK headers: 政治/面貌 rather than 政治面/貌). */
  balance?: boolean;
  /** For each □ in `text` (in order), whether to draw a √ in it. */
  ticks?: boolean[];
}

export interface PdfRow {
  cells: PdfCell[];
  minHeight?: number;
  /** May break across pages as soon as two lines fit (free-text boxes); other rows only split when taller than a page. */
  splittable?: boolean;
}

export interface PdfSection {
  /** Bordered label cell on the left spanning all the section's rows (repeated on each page the section touches). */
  label?: { text: string; width: number; font?: FontKey };
  /** Rows repeated at the top of every page the section continues on. */
  header?: PdfRow[];
  rows: PdfRow[];
}

export interface WriterOptions {
  size: number;
  lineFactor?: number;
  pad?: number;
  /** Space kept free above the bottom margin (page footer). */
  bottomReserve?: number;
}

interface LaidCell {
  cell: PdfCell;
  lines: string[];
  tickFrom: number;
}
interface LaidRow {
  cells: LaidCell[];
  minHeight: number;
  splittable: boolean;
}

/** Writes a form top to bottom, tracking the vertical position and breaking pages. */
export class FormWriter extends TextPainter {
  y: number;
  readonly left: number;
  readonly width: number;
  readonly top: number;

  constructor(
    doc: Doc,
    fonts: Record<FontKey, string>,
    private readonly opts: WriterOptions,
  ) {
    super(doc, fonts, opts.size);
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    this.top = doc.page.margins.top;
    this.y = this.top;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - (this.opts.bottomReserve ?? 0);
  }

  get pad(): number {
    return this.opts.pad ?? 4;
  }

  lineHeight(size = this.opts.size): number {
    return size * (this.opts.lineFactor ?? 1.5);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Free text across the full width (titles, the date line, footnotes). */
  text(
    s: string,
    o: {
      font?: FontKey;
      size?: number;
      align?: 'left' | 'center' | 'right';
      gapBefore?: number;
      gapAfter?: number;
    } = {},
  ): void {
    const font = o.font ?? 'body';
    const size = o.size ?? this.opts.size;
    const lh = this.lineHeight(size);
    this.y += o.gapBefore ?? 0;
    for (const line of this.wrap(s, this.width, font, size)) {
      if (this.y + lh > this.bottom) this.newPage();
      this.drawLine(line, this.left, this.y, this.width, lh, o.align ?? 'left', font, size);
      this.y += lh;
    }
    this.y += o.gapAfter ?? 0;
  }

  private lay(row: PdfRow): LaidRow {
    return {
      cells: row.cells.map((cell) => {
        const lines = this.wrap(cell.text, cell.width - 2 * this.pad, cell.font, cell.size);
        return { cell, lines: cell.balance ? this.balance(lines) : lines, tickFrom: 0 };
      }),
      minHeight: row.minHeight ?? 0,
      splittable: !!row.splittable,
    };
  }

  private rowHeight(r: LaidRow): number {
    const content = Math.max(0, ...r.cells.map((c) => c.lines.length * this.lineHeight(c.cell.size)));
    return Math.max(r.minHeight, content + 2 * this.pad);
  }

  private drawRow(r: LaidRow, x: number, h: number): void {
    const doc = this.doc;
    let cx = x;
    for (const { cell, lines, tickFrom } of r.cells) {
      if (cell.border !== false) doc.lineWidth(0.6).rect(cx, this.y, cell.width, h).stroke();
      const size = cell.size ?? this.opts.size;
      const font = cell.font ?? 'body';
      const lh = this.lineHeight(size);
      const top = cell.valign === 'top' ? this.y + this.pad : this.y + (h - lines.length * lh) / 2;
      let box = tickFrom;
      lines.forEach((line, i) => {
        const args = [
          cx + this.pad,
          top + i * lh,
          cell.width - 2 * this.pad,
          lh,
          cell.align ?? 'center',
          font,
          size,
        ] as const;
        if (cell.ticks) box = this.drawBoxLine(line, cell.ticks, box, ...args);
        else this.drawLine(line, ...args);
      });
      cx += cell.width;
    }
  }

  /** First `k` lines of each cell, and the rest (ticks keep their numbering). */
  private splitRow(r: LaidRow, k: number): [LaidRow, LaidRow] {
    const boxes = (ls: string[]) => ls.join('').split('□').length - 1;
    const head = r.cells.map((c) => ({ ...c, lines: c.lines.slice(0, k) }));
    const tail = r.cells.map((c) => ({
      ...c,
      lines: c.lines.slice(k),
      tickFrom: c.tickFrom + boxes(c.lines.slice(0, k)),
    }));
    return [
      { ...r, cells: head },
      { ...r, cells: tail, minHeight: 0 },
    ];
  }

  /** Draws a section; see PdfSection. */
  section(sec: PdfSection): void {
    const labelW = sec.label?.width ?? 0;
    const x = this.left + labelW;
    const lh = this.lineHeight();
    const labelFont = sec.label?.font ?? 'body';
    const labelLines = sec.label ? this.balance(this.wrap(sec.label.text, labelW - 2 * this.pad, labelFont)) : [];
    const labelMinH = labelLines.length * lh + 2 * this.pad;
    const header = (sec.header ?? []).map((r) => this.lay(r));
    const headerH = header.reduce((a, r) => a + this.rowHeight(r), 0);
    const queue = sec.rows.map((r) => this.lay(r));

    let portionStart = this.y;
    const drawHeader = () => {
      for (const r of header) {
        const h = this.rowHeight(r);
        this.drawRow(r, x, h);
        this.y += h;
      }
    };
    const closePortion = () => {
      if (!sec.label || this.y <= portionStart) return;
      const h = this.y - portionStart;
      this.doc.lineWidth(0.6).rect(this.left, portionStart, labelW, h).stroke();
      const top = portionStart + (h - labelLines.length * lh) / 2;
      labelLines.forEach((l, i) => {
        this.drawLine(
          l,
          this.left + this.pad,
          top + i * lh,
          labelW - 2 * this.pad,
          lh,
          'center',
          labelFont,
          this.opts.size,
        );
      });
    };
    const breakPage = () => {
      closePortion();
      this.newPage();
      portionStart = this.y;
      drawHeader();
    };

    // Keep the header (and label) together with at least the start of the first row.
    const firstH = queue.length ? Math.min(this.rowHeight(queue[0]), 2 * lh + 2 * this.pad) : 0;
    if (this.y + Math.max(headerH + firstH, labelMinH) > this.bottom && this.y > this.top) this.newPage();
    portionStart = this.y;
    drawHeader();

    while (queue.length) {
      const r = queue.shift()!;
      const h = this.rowHeight(r);
      const avail = this.bottom - this.y;
      if (h <= avail) {
        this.drawRow(r, x, h);
        this.y += h;
        continue;
      }
      const freshPage = this.y <= this.top + headerH + 0.01;
      const k = Math.floor((avail - 2 * this.pad) / lh);
      const tooTall = h > this.bottom - this.top - headerH;
      const labelOk = this.y + avail - portionStart >= labelMinH || freshPage;
      // A free-text box whose text fits here but would shrink below half its height moves to the next page instead.
      const shrinks = Math.max(...r.cells.map((c) => c.lines.length)) <= k && avail < r.minHeight / 2 && !freshPage;
      if ((r.splittable || tooTall) && k >= (r.splittable && !freshPage ? 2 : 1) && labelOk && !shrinks) {
        const [head, tail] = this.splitRow(r, k);
        this.drawRow(head, x, avail);
        this.y += avail;
        if (tail.cells.some((c) => c.lines.length)) {
          queue.unshift(tail);
          breakPage();
        }
        continue;
      }
      queue.unshift(r);
      breakPage();
    }
    closePortion();
  }
}
