// CJK-aware text measuring, line breaking and line drawing for the PDF forms (pdfkit's own wrapper is not used).

export type FontKey = 'body' | 'title';

const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』】〕”’…·,.;:?!)]}%'));
const isWordChar = (ch: string) => /[A-Za-z0-9@._\-+/#&'"]/.test(ch);

/** Measures, wraps and draws single lines of text in the registered CJK fonts. */
export class TextPainter {
  private readonly widths = new Map<string, number>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    /** Registered pdfkit font name for each role (see registerFonts). */
    protected readonly fonts: Record<FontKey, string>,
    protected readonly defaultSize: number,
  ) {}

  /** Width of one character, cached (the forms measure thousands). */
  protected charWidth(ch: string, font: FontKey, size: number): number {
    const key = `${font}|${size}|${ch}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.doc.font(this.fonts[font]).fontSize(size).widthOfString(ch);
      this.widths.set(key, w);
    }
    return w;
  }

  measure(s: string, font: FontKey = 'body', size = this.defaultSize): number {
    let w = 0;
    for (const ch of s) w += this.charWidth(ch, font, size);
    return w;
  }

  /** Greedy line breaking: anywhere between CJK characters, at spaces inside Latin text, no line starts with ，。 etc. */
  wrap(text: string, width: number, font: FontKey = 'body', size = this.defaultSize): string[] {
    const out: string[] = [];
    if (!text) return out;
    for (const para of text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ').split('\n')) {
      let line: string[] = [];
      let lineW = 0;
      let lastBreak = -1;
      for (const ch of para) {
        const w = this.charWidth(ch, font, size);
        if (lineW + w > width && line.length > 0) {
          let carry: string[] = [];
          if (isWordChar(ch) && lastBreak > 0 && lastBreak < line.length) carry = line.splice(lastBreak);
          else if (NO_LINE_START.has(ch) && line.length > 1) carry = line.splice(line.length - 1);
          out.push(line.join('').trimEnd());
          line = carry;
          lineW = this.measure(line.join(''), font, size);
          lastBreak = -1;
        }
        if (ch === ' ' && line.length === 0) continue;
        line.push(ch);
        lineW += w;
        if (!isWordChar(ch)) lastBreak = line.length;
      }
      out.push(line.join('').trimEnd());
    }
    return out;
  }

  /** Re-spreads wrapped CJK label lines evenly (委员处理/意见及办/理情况 rather than a lone last character). */
  balance(lines: string[]): string[] {
    const chars = Array.from(lines.join(''));
    if (lines.length < 2 || chars.some((c) => c === ' ' || isWordChar(c))) return lines;
    const per = Math.ceil(chars.length / lines.length);
    const out: string[] = [];
    for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
    return out;
  }

  protected drawLine(
    line: string,
    x: number,
    y: number,
    w: number,
    lh: number,
    align: 'left' | 'center' | 'right',
    font: FontKey,
    size: number,
  ): number {
    const doc = this.doc.font(this.fonts[font]).fontSize(size);
    const lw = this.measure(line, font, size);
    const tx = align === 'center' ? x + (w - lw) / 2 : align === 'right' ? x + w - lw : x;
    const ty = y + (lh - doc.currentLineHeight(false)) / 2;
    if (line) doc.text(line, tx, ty, { lineBreak: false });
    return tx;
  }

  /**
   * Draws a line whose □ characters are check boxes: each box is drawn as a square (with a tick mark when ticked),
   * while an invisible □ or √ keeps text extraction readable. Returns the index of the next box.
   */
  protected drawBoxLine(
    line: string,
    ticks: boolean[],
    box: number,
    x: number,
    y: number,
    w: number,
    lh: number,
    align: 'left' | 'center' | 'right',
    font: FontKey,
    size: number,
  ): number {
    const doc = this.doc;
    const lw = this.measure(line, font, size);
    let tx = align === 'center' ? x + (w - lw) / 2 : align === 'right' ? x + w - lw : x;
    const ty = y + (lh - doc.font(this.fonts[font]).fontSize(size).currentLineHeight(false)) / 2;
    const cy = y + lh / 2;
    for (const run of line.split(/(□)/)) {
      if (!run) continue;
      if (run !== '□') {
        doc.font(this.fonts[font]).fontSize(size).text(run, tx, ty, { lineBreak: false });
        tx += this.measure(run, font, size);
        continue;
      }
      const bw = this.charWidth('□', font, size);
      const ticked = !!ticks[box++];
      const s = size * 0.78;
      const bx = tx + (bw - s) / 2;
      doc
        .save()
        .lineWidth(0.6)
        .rect(bx, cy - s / 2, s, s)
        .stroke();
      if (ticked) {
        doc
          .lineWidth(1.1)
          .moveTo(bx + s * 0.18, cy + s * 0.02)
          .lineTo(bx + s * 0.42, cy + s * 0.3)
          .lineTo(bx + s * 0.86, cy - s * 0.34)
          .stroke();
      }
      doc.restore();
      doc
        .save()
        .fillOpacity(0)
        .font(this.fonts[font])
        .fontSize(size)
        .text(ticked ? '√' : '□', tx, ty, { lineBreak: false });
      doc.restore();
      tx += bw;
    }
    return box;
  }
}
