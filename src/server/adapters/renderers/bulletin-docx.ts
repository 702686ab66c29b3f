// 《社情民意》 as Word (docx package) in the GB/T 9704-2012 layout: the same page, grid and pieces as the PDF.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  FrameAnchorType,
  HorizontalPositionAlign,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
} from 'docx';
import {
  AREA,
  type BulletinDocData,
  cnDateLong,
  distributionLines,
  GRID,
  issueLine,
  MASTHEAD,
  PAGE,
  RED,
  SIZE,
} from './bulletin-layout.js';

/** Font names Word looks for; where they are missing, Word substitutes (see docs/OPERATIONS.md). */
export const DOCX_FONTS = {
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  title: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
};
const TWIP = 20;
const twips = (pt: number) => Math.round(pt * TWIP);
const red = RED.slice(1);

const run = (text: string, size: number, font: 'body' | 'title', extra: object = {}) =>
  new TextRun({ text, size: size * 2, font: DOCX_FONTS[font], ...extra });

function pageNumberFooter(align: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align,
        indent: align === AlignmentType.RIGHT ? { right: twips(SIZE.body) } : { left: twips(SIZE.body) },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.small * 2, font: DOCX_FONTS.body }),
        ],
      }),
    ],
  });
}

/** The 版记 paragraphs, framed at the foot of the page where the document ends (the last page). */
function distributionBlock(d: BulletinDocData): Paragraph[] {
  const frame = {
    type: 'alignment' as const,
    alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
    width: twips(AREA.width),
    height: 0,
  };
  const line = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const lines = distributionLines(d);
  return [
    ...lines.map(
      (t, i) =>
        new Paragraph({
          frame,
          indent: { left: twips(SIZE.body) },
          border: i === 0 ? { top: line } : undefined,
          children: [run(t, SIZE.small, 'body')],
        }),
    ),
    new Paragraph({
      frame,
      tabStops: [{ type: TabStopType.RIGHT, position: twips(AREA.width - SIZE.body) }],
      indent: { left: twips(SIZE.body) },
      border: { top: { ...line, size: 4 }, bottom: line },
      children: [run(`${d.unit}\t${cnDateLong(d.date)}印发`, SIZE.small, 'body')],
    }),
  ];
}

/** Renders the bulletin; returns the .docx bytes. */
export async function renderBulletinDocx(d: BulletinDocData): Promise<Buffer> {
  const body = d.body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((p) => p.replace(/^[\s\u3000]+|\s+$/g, ''))
    .filter(Boolean);
  const doc = new Document({
    creator: d.unit,
    title: `社情民意 ${issueLine(d)} ${d.title}`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { size: SIZE.body * 2, font: DOCX_FONTS.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE.width), height: twips(PAGE.height) },
            margin: {
              top: twips(PAGE.top),
              bottom: twips(PAGE.bottom),
              left: twips(PAGE.left),
              right: twips(PAGE.right),
              footer: twips(PAGE.bottom - 7 * (72 / 25.4) - SIZE.small),
            },
          },
          // 28 lines of 28 characters: line pitch in twips, character pitch as 4096ths of a point over the 16 pt default.
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: Math.floor((AREA.height * TWIP) / GRID.lines),
            charSpace: Math.round((AREA.width / GRID.chars - SIZE.body) * 4096),
          },
        },
        footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: twips(12), after: twips(12) },
            children: [run(MASTHEAD, SIZE.masthead, 'title', { color: red, bold: true, characterSpacing: twips(8) })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(issueLine(d), SIZE.body, 'body')] }),
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: twips(AREA.width - SIZE.body) }],
            indent: { left: twips(SIZE.body) },
            border: { bottom: { style: BorderStyle.SINGLE, size: 16, color: red, space: 4 } },
            children: [run(`${d.unit}\t${cnDateLong(d.date)}`, SIZE.body, 'body')],
          }),
          new Paragraph({ children: [] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(d.title, SIZE.title, 'title')] }),
          new Paragraph({ children: [] }),
          ...body.map(
            (p) =>
              new Paragraph({
                alignment: AlignmentType.BOTH,
                indent: { firstLine: twips(SIZE.body * 2) },
                children: [run(p, SIZE.body, 'body')],
              }),
          ),
          ...distributionBlock(d),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
