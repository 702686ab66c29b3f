// A4 posters for village notice boards (码上联系): a QR code that opens the citizen form pre-addressed to a member, a
// village or a contact station (联络站), with the member's name, sector and published contact; Chinese, or Chinese with Uyghur lines beneath. The
// QR is drawn as vector squares from the `qrcode` package's matrix, so it prints sharp at any size.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { type FontSpec, registerFonts, resolveFonts, resolveUyghurFont } from './pdf-fonts.js';

/** What a poster shows; `url` is what the QR opens and is printed beneath it. */
export interface PosterData {
  kind: 'member' | 'village' | 'station';
  lang: 'zh' | 'zh-ug';
  /** The member's, the village's or the station's name. */
  name: string;
  /** The member's sector (界别); empty for a village. */
  sectorName: string;
  /** The villages a member contacts, or the village's township. */
  places: string[];
  /** The published contact channel (only when the office published it), else ''. */
  publicPhone: string;
  url: string;
  /** The issuing office, e.g. 政协安吉县委员会. */
  issuer: string;
  /** A station's address, opening hours and the names of the members who receive people there. */
  station?: { address: string; openHours: string; memberNames: string[] };
}

// The poster's fixed wording. Uyghur lines are printed under the Chinese ones in the bilingual variant.
const TEXT = {
  memberHead: { zh: '码上联系政协委员', ug: 'سىياسىي كېڭەش ئەزاسى بىلەن ئالاقىلىشىڭ' },
  villageHead: { zh: '社情民意 码上说', ug: 'پىكىر ۋە تەكلىپلىرىڭىزنى يېزىڭ' },
  stationHead: { zh: '政协委员联络站 码上说', ug: 'سىياسىي كېڭەش ئەزالىرى ئالاقە پونكىتى' },
  address: { zh: '地址', ug: '' },
  openHours: { zh: '接待时间', ug: '' },
  stationMembers: { zh: '驻站委员', ug: '' },
  member: { zh: '委员', ug: '' },
  scan: {
    zh: '用手机扫描二维码，写下您的意见建议',
    ug: 'ئىككى ئۆلچەملىك كودنى سىكانىرلاپ پىكىر تەكلىپىڭىزنى يېزىڭ',
  },
  phone: { zh: '联系电话', ug: 'تېلېفون' },
  places: { zh: '联系村（社区）', ug: '' },
  township: { zh: '所属乡镇（街道）', ug: '' },
  private: {
    zh: '您的姓名和电话只有办理人员可见，不会公开。',
    ug: 'ئىسمىڭىز ۋە تېلېفونىڭىز ئاشكارىلانمايدۇ',
  },
} as const;

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const RED = '#b0191e';

/** Draws the QR matrix of `url` as black squares in a `size`-point square at (x, y), with its quiet zone inside. */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/** Renders the poster; returns the PDF bytes. */
export async function renderPosterPdf(d: PosterData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, bottom: 0, left: PAGE.margin, right: PAGE.margin },
    info: { Title: `${d.name} ${TEXT.scan.zh}`, Author: d.issuer, Creator: '界联 Jielian' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const bilingual = d.lang === 'zh-ug';
  const fonts: { body: FontSpec; title: FontSpec; ug?: FontSpec } = resolveFonts();
  const f = registerFonts(doc, { body: fonts.body, title: fonts.title });
  let ugFont = '';
  if (bilingual) {
    const ug = resolveUyghurFont();
    doc.registerFont('jl-ug', ug.path);
    ugFont = 'jl-ug';
  }
  const width = PAGE.width - 2 * PAGE.margin;
  let y = PAGE.margin;
  const line = (font: string, size: number, text: string, gap = 6, color = 'black') => {
    if (!text) return;
    doc.font(font).fontSize(size).fillColor(color);
    doc.text(text, PAGE.margin, y, { width, align: 'center', lineBreak: true });
    y = doc.y + gap;
  };
  // Uyghur lines: pdfkit's fontkit joins and orders the Arabic-script letters when the font has the tables. Keep them
  // free of Latin punctuation and digits: pdfkit has no bidi algorithm, so a mixed-direction line would be misordered.
  const ugLine = (size: number, text: string, gap = 6, color = 'black') => {
    if (bilingual && text) line(ugFont, size, text, gap, color);
  };

  const head = d.kind === 'member' ? TEXT.memberHead : d.kind === 'station' ? TEXT.stationHead : TEXT.villageHead;
  line(f.title, 30, head.zh, 4, RED);
  ugLine(18, head.ug, 4, RED);
  doc
    .moveTo(PAGE.margin, y + 4)
    .lineTo(PAGE.width - PAGE.margin, y + 4)
    .lineWidth(2)
    .strokeColor(RED)
    .stroke();
  y += 20;
  line(f.title, 34, d.kind === 'member' ? `${d.name} ${TEXT.member.zh}` : d.name, 6);
  if (d.sectorName) line(f.body, 16, d.sectorName, 4);
  if (d.places.length) {
    const label = d.kind === 'member' ? TEXT.places.zh : TEXT.township.zh;
    line(f.body, 13, `${label}：${d.places.join('、')}`, 4);
  }
  if (d.station) {
    if (d.station.address) line(f.body, 13, `${TEXT.address.zh}：${d.station.address}`, 4);
    if (d.station.openHours) line(f.body, 13, `${TEXT.openHours.zh}：${d.station.openHours}`, 4);
    if (d.station.memberNames.length)
      line(f.body, 13, `${TEXT.stationMembers.zh}：${d.station.memberNames.join('、')}`, 4);
  }
  if (d.publicPhone) {
    line(f.body, 15, `${TEXT.phone.zh}：${d.publicPhone}`, 2);
    ugLine(12, TEXT.phone.ug, 2);
  }
  y += 10;
  const qrSize = bilingual ? 250 : 280;
  drawQr(doc, d.url, (PAGE.width - qrSize) / 2, y, qrSize);
  y += qrSize + 8;
  line(f.title, 18, TEXT.scan.zh, 4);
  ugLine(15, TEXT.scan.ug, 6);
  line(f.body, 9, d.url, 10, '#444444');
  line(f.body, 11, TEXT.private.zh, 2, '#444444');
  ugLine(10, TEXT.private.ug, 2, '#444444');
  doc
    .font(f.body)
    .fontSize(12)
    .fillColor('black')
    .text(d.issuer, PAGE.margin, PAGE.height - PAGE.margin - 14, { width, align: 'center', lineBreak: false });
  doc.end();
  return done;
}
