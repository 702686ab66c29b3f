// PDF versions of the three paper forms (A4, CJK fonts, bordered tables that paginate), for printing and archiving.
import PDFDocument from 'pdfkit';
import {
  ageText,
  BLANK_CONTACT_ROWS,
  BLANK_MEMBER_ROWS,
  CARD_LABELS,
  CONTACT_HEADERS,
  cardDateLine,
  formatGeneratedAt,
  MEMBER_HEADERS,
  MIN_LIST_ROWS,
  memberLineParts,
  methodItems,
  padRows,
  RECORD_CARD_NOTES,
  REGISTRATION_HEADERS,
  SUMMARY_HEADERS,
  summaryHeadLine,
  TITLES,
} from './format.js';
import { registerFonts, resolveFonts } from './pdf-fonts.js';
import { FormWriter, type PdfCell, type PdfRow } from './pdf-table.js';
import type { RecordCardData, RegistrationFormData, SummaryFormData } from './types.js';

interface DocOptions {
  title: string;
  layout: 'portrait' | 'landscape';
  margin: number;
  size: number;
  created?: Date;
  footerLeft?: string;
  /** Print 第 n 页 only when the document has several pages. */
  pageNumbersIfMany?: boolean;
}

const FOOTER_SIZE = 8.5;

/** Creates an A4 document with the CJK fonts, lets `draw` fill it, stamps footers and returns the bytes. */
async function renderPdf(o: DocOptions, draw: (w: FormWriter) => void): Promise<Buffer> {
  const fonts = resolveFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: o.layout,
    margins: { top: o.margin, bottom: o.margin, left: o.margin, right: o.margin },
    bufferPages: true,
    info: {
      Title: o.title,
      Author: '界联',
      Creator: '界联 Jielian',
      ...(o.created ? { CreationDate: o.created } : {}),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const names = registerFonts(doc, fonts);
  draw(new FormWriter(doc, names, { size: o.size }));

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not trigger an automatic page break
    const y = doc.page.height - bottom + 12;
    doc.font(names.body).fontSize(FOOTER_SIZE).fillColor('#444444');
    if (o.footerLeft) doc.text(o.footerLeft, doc.page.margins.left, y, { lineBreak: false });
    if (count > 1 || !o.pageNumbersIfMany) {
      const label = `第 ${i - start + 1} 页，共 ${count} 页`;
      doc.text(label, (doc.page.width - doc.widthOfString(label)) / 2, y, { lineBreak: false });
    }
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** Scales relative column weights to `total` points. */
function columns(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w * total) / sum);
}

const headerRow = (labels: readonly string[], widths: number[], minHeight = 26): PdfRow => ({
  cells: labels.map((text, i) => ({ text, width: widths[i], font: 'title', balance: true })),
  minHeight,
});

const bodyRow = (values: string[], widths: number[], minHeight: number, aligns?: PdfCell['align'][]): PdfRow => ({
  cells: values.map((text, i) => ({ text, width: widths[i], align: aligns?.[i] ?? 'center' })),
  minHeight,
});

/** 政协委员联系群众名单登记表 as PDF: one member's list of constituents, portrait A4. */
export async function renderRegistrationPdf(d: RegistrationFormData): Promise<Buffer> {
  return renderPdf(
    {
      title: TITLES.registration,
      layout: 'portrait',
      margin: 36,
      size: 9.5,
      created: d.generatedAt,
      footerLeft: `生成时间：${formatGeneratedAt(d.generatedAt)}`,
    },
    (w) => {
      w.text(TITLES.registration, { font: 'title', size: 18, align: 'center', gapAfter: 8 });
      const lineW = columns([38, 17, 27, 18], w.width);
      w.section({
        rows: [
          {
            cells: memberLineParts(d.member).map((text, i) => ({
              text,
              width: lineW[i],
              align: 'left',
              border: false,
            })),
          },
        ],
      });
      w.y += 4;
      const cw = columns([66, 28, 28, 46, 44, 70, 46, 72, 72, 51], w.width);
      const rows = padRows(
        d.rows.map((r) => [
          r.name,
          r.gender,
          ageText(r.age),
          r.education,
          r.post,
          r.workUnit,
          r.politicalStatus,
          r.address,
          r.phone,
          r.remarks,
        ]),
        MIN_LIST_ROWS,
        () => REGISTRATION_HEADERS.map(() => ''),
      );
      w.section({ header: [headerRow(REGISTRATION_HEADERS, cw, 30)], rows: rows.map((v) => bodyRow(v, cw, 26)) });
    },
  );
}

/** 政协委员联系群众代表活动记录卡 as PDF, filled from one activity or blank (null) to print and fill in by hand. */
export async function renderRecordCardPdf(d: RecordCardData | null): Promise<Buffer> {
  return renderPdf(
    { title: TITLES.recordCard, layout: 'portrait', margin: 50, size: 10.5, pageNumbersIfMany: true },
    (w) => {
      w.text(TITLES.recordCard, { font: 'title', size: 18, align: 'center', gapAfter: 8 });
      w.text(cardDateLine(d), { gapAfter: 4 });
      const labelW = 66;
      const rightW = w.width - labelW;
      const label = (text: string) => ({ text, width: labelW, font: 'title' as const });
      const rowH = d ? 24 : 28;

      const mw = columns([62, 367], rightW);
      const members = padRows(d ? d.members : [], d ? 1 : BLANK_MEMBER_ROWS, () => ({ name: '', workUnit: '' }));
      w.section({
        label: label(CARD_LABELS.member),
        header: [headerRow(MEMBER_HEADERS, mw, 24)],
        rows: members.map((m) => bodyRow([m.name, m.workUnit], mw, rowH)),
      });

      const cw = columns([62, 140, 36, 36, 90, 65], rightW);
      const emptyContact = () => ({
        name: '',
        workUnitAndPost: '',
        gender: '',
        age: null,
        phone: '',
        politicalStatus: '',
      });
      const contacts = padRows<RecordCardData['contacts'][number]>(
        d ? d.contacts : [],
        d ? 1 : BLANK_CONTACT_ROWS,
        emptyContact,
      );
      w.section({
        label: label(CARD_LABELS.contact),
        header: [headerRow(CONTACT_HEADERS, cw, 24)],
        rows: contacts.map((c) =>
          bodyRow([c.name, c.workUnitAndPost, c.gender, ageText(c.age), c.phone, c.politicalStatus], cw, rowH),
        ),
      });

      const items = methodItems(d);
      const methodText = items.map((m) => `${m.label}□${m.suffix.replace(/□/g, ' ')}`).join('　　');
      w.section({
        label: label(CARD_LABELS.method),
        rows: [
          {
            cells: [{ text: methodText, width: rightW, align: 'left', ticks: items.map((m) => m.checked) }],
            minHeight: 30,
          },
        ],
      });
      if (d?.purposes.length) {
        w.section({
          label: label(CARD_LABELS.purpose),
          rows: [{ cells: [{ text: d.purposes.join('；'), width: rightW, align: 'left' }], minHeight: 28 }],
        });
      }

      const box = (text: string): PdfRow => ({
        cells: [{ text, width: rightW, align: 'left', valign: 'top' }],
        minHeight: 215,
        splittable: true,
      });
      w.section({ label: label(CARD_LABELS.opinions), rows: [box(d?.opinions ?? '')] });
      w.section({ label: label(CARD_LABELS.handling), rows: [box(d?.handling ?? '')] });

      w.text(RECORD_CARD_NOTES[0], { size: 9.5, gapBefore: 4 });
      w.text(RECORD_CARD_NOTES[1], { size: 9.5 });
    },
  );
}

/** 政协委员联系群众代表活动汇总表 as PDF: one liaison group's activities over a period, landscape A4. */
export async function renderSummaryPdf(d: SummaryFormData): Promise<Buffer> {
  return renderPdf(
    {
      title: TITLES.summary,
      layout: 'landscape',
      margin: 40,
      size: 10.5,
      created: d.generatedAt,
      footerLeft: `生成时间：${formatGeneratedAt(d.generatedAt)}`,
    },
    (w) => {
      w.text(TITLES.summary, { font: 'title', size: 18, align: 'center', gapAfter: 6 });
      w.text(summaryHeadLine(d.groupName, d.from, d.to), { gapAfter: 4 });
      const cw = columns([90, 110, 80, 260, 160, 62], w.width);
      const aligns: PdfCell['align'][] = ['center', 'center', 'center', 'left', 'left', 'left'];
      const rows = padRows(
        d.rows.map((r) => [r.memberNames, r.contactNames, r.date, r.opinions, r.handling, r.remarks]),
        MIN_LIST_ROWS,
        () => SUMMARY_HEADERS.map(() => ''),
      );
      w.section({ header: [headerRow(SUMMARY_HEADERS, cw, 30)], rows: rows.map((v) => bodyRow(v, cw, 30, aligns)) });
    },
  );
}
