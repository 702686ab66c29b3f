// 《社情民意》 as PDF (pdfkit) in the GB/T 9704-2012 layout: red masthead, issue line, red rule, title, body on a 28 × 28 grid.
import PDFDocument from 'pdfkit';
import {
  AREA,
  type BulletinDocData,
  breakBody,
  CHAR_PITCH,
  cnDateLong,
  distributionLines,
  distributionSpan,
  GRID,
  HEAD_LINES,
  issueLine,
  LINE_PITCH,
  MASTHEAD,
  PAGE,
  paginate,
  RED,
  SIZE,
} from './bulletin-layout.js';
import { registerFonts, resolveBulletinFonts } from './pdf-fonts.js';

type Doc = PDFKit.PDFDocument;

/** The top of a text box whose glyphs sit centred on grid line `i` (0-based) of the text area. */
function lineTop(doc: Doc, i: number, size: number): number {
  const ascender = ((doc as any)._font?.ascender ?? 880) / 1000;
  const baseline = PAGE.top + (i + 1) * LINE_PITCH - (LINE_PITCH - size) / 2 - 0.12 * size;
  return baseline - ascender * size;
}

/** Breaks the title to the text width at 二号, keeping whole characters. */
function titleLines(doc: Doc, font: string, title: string): string[] {
  doc.font(font).fontSize(SIZE.title);
  const out: string[] = [];
  let line = '';
  for (const ch of title) {
    if (line && doc.widthOfString(line + ch) > AREA.width - 2 * CHAR_PITCH) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out.length ? out : [''];
}

/** Writes one line at a grid line. */
function put(doc: Doc, font: string, size: number, text: string, i: number, x: number, opts: object = {}) {
  doc.font(font).fontSize(size);
  doc.text(text, x, lineTop(doc, i, size), { lineBreak: false, ...opts });
}

function rule(doc: Doc, y: number, color: string, width: number) {
  doc
    .moveTo(PAGE.left, y)
    .lineTo(PAGE.left + AREA.width, y)
    .lineWidth(width)
    .strokeColor(color)
    .stroke();
}

/** Renders the bulletin; returns the PDF bytes. */
export async function renderBulletinPdf(d: BulletinDocData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    info: { Title: `社情民意 ${issueLine(d)} ${d.title}`, Author: d.unit, Creator: '界联 Jielian' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.addPage();
  const f = registerFonts(doc, resolveBulletinFonts());
  const centre = (font: string, size: number, text: string, i: number, color = 'black') => {
    doc.fillColor(color);
    put(doc, font, size, text, i, PAGE.left, { width: AREA.width, align: 'center' });
  };
  const titles = titleLines(doc, f.title, d.title);
  const pages = paginate(breakBody(d.body), titles.length, distributionSpan(d));

  pages.forEach((p, n) => {
    if (n > 0) doc.addPage();
    if (n === 0) {
      doc.fillColor(RED);
      doc.font(f.title).fontSize(SIZE.masthead);
      doc.text(MASTHEAD, PAGE.left, PAGE.top + LINE_PITCH * 1.5 - SIZE.masthead * 0.58, {
        width: AREA.width,
        align: 'center',
        lineBreak: false,
        characterSpacing: 8,
      });
      centre(f.body, SIZE.body, issueLine(d), 3);
      doc.fillColor('black');
      put(doc, f.body, SIZE.body, d.unit, 4, PAGE.left + CHAR_PITCH);
      const date = cnDateLong(d.date);
      put(doc, f.body, SIZE.body, date, 4, PAGE.left + AREA.width - CHAR_PITCH - doc.widthOfString(date));
      rule(doc, PAGE.top + 5 * LINE_PITCH + 2, RED, 2);
      titles.forEach((t, i) => {
        centre(f.title, SIZE.title, t, HEAD_LINES + i);
      });
    }
    doc.fillColor('black');
    p.lines.forEach((line, i) => {
      put(doc, f.body, SIZE.body, line, p.startLine + i, PAGE.left, { characterSpacing: CHAR_PITCH - SIZE.body });
    });
    // Page numbers: 四号, "— 1 —", 7 mm below the text area; odd pages right, even pages left, one character in.
    const num = `— ${n + 1} —`;
    doc.font(f.body).fontSize(SIZE.small).fillColor('black');
    const w = doc.widthOfString(num);
    const x = n % 2 === 0 ? PAGE.left + AREA.width - CHAR_PITCH - w : PAGE.left + CHAR_PITCH;
    doc.text(num, x, PAGE.height - PAGE.bottom + (7 * 72) / 25.4, { lineBreak: false });
  });

  // 版记 at the foot of the last page: a rule, the distribution lines, a thin rule, the unit and the issue date, a rule.
  const dist = distributionLines(d);
  const first = GRID.lines - distributionSpan(d);
  const top = PAGE.top + first * LINE_PITCH;
  rule(doc, top + 4, 'black', 1);
  dist.forEach((line, i) => {
    put(doc, f.body, SIZE.small, line, first + i, PAGE.left + CHAR_PITCH);
  });
  const lastLine = first + dist.length;
  rule(doc, PAGE.top + lastLine * LINE_PITCH + 2, 'black', 0.7);
  put(doc, f.body, SIZE.small, d.unit, lastLine + 0.5, PAGE.left + CHAR_PITCH);
  const printed = `${cnDateLong(d.date)}印发`;
  doc.font(f.body).fontSize(SIZE.small);
  put(
    doc,
    f.body,
    SIZE.small,
    printed,
    lastLine + 0.5,
    PAGE.left + AREA.width - CHAR_PITCH - doc.widthOfString(printed),
  );
  rule(doc, PAGE.top + GRID.lines * LINE_PITCH, 'black', 1);
  doc.end();
  return done;
}
