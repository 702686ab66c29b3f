// Excel (xlsx) versions of the three paper forms, laid out to print on A4 like the originals.
import type ExcelJS from 'exceljs';
import {
  BLANK_CONTACT_ROWS,
  BLANK_MEMBER_ROWS,
  BOX_EMPTY,
  BOX_TICKED,
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
  SHEET_NAMES,
  SUMMARY_HEADERS,
  summaryHeadLine,
  TITLES,
} from './format.js';
import type { RecordCardData, RegistrationFormData, SummaryFormData } from './types.js';
import { neededHeight, newSheet, newWorkbook, put, reserveRows, tableRow, titleRow, toBuffer } from './xlsx-helpers.js';

const REG_WIDTHS = [12, 6, 6, 9, 10, 16, 9, 18, 13, 9];
const CARD_WIDTHS = [10, 11, 24, 6, 6, 14, 10];
/** Column widths of the 汇总表, shared with its streaming writer. */
export const SUMMARY_WIDTHS = [12, 16, 14, 50, 36, 10];

const sum = (ws: number[], from: number, to: number) => ws.slice(from - 1, to).reduce((a, b) => a + b, 0);

/** 政协委员联系群众名单登记表 as xlsx: one sheet per member listing the constituents they keep in touch with. */
export async function renderRegistrationXlsx(d: RegistrationFormData): Promise<Buffer> {
  const wb = newWorkbook(d.generatedAt);
  const cols = REG_WIDTHS.length;
  const ws = newSheet(wb, SHEET_NAMES.registration, {
    orientation: 'portrait',
    widths: REG_WIDTHS,
    printTitlesRow: '3:3',
    freezeRows: 3,
    footerLeft: `生成时间：${formatGeneratedAt(d.generatedAt)}`,
  });
  titleRow(ws, 1, cols, TITLES.registration);

  // 委员 / 界别 / 联络组 / 委员签名 line, each part spanning a few columns.
  const spans: Array<[number, number]> = [
    [1, 4],
    [5, 6],
    [7, 8],
    [9, 10],
  ];
  const parts = memberLineParts(d.member);
  parts.forEach((text, i) => {
    const [c1, c2] = spans[i];
    put(ws, 2, c1, text, { align: 'left', border: false }, 2, c2);
  });
  ws.getRow(2).height = neededHeight(
    parts.map((t, i) => [t, sum(REG_WIDTHS, spans[i][0], spans[i][1])]),
    24,
  );

  REGISTRATION_HEADERS.forEach((h, i) => {
    put(ws, 3, i + 1, h, { bold: true });
  });
  ws.getRow(3).height = neededHeight(
    REGISTRATION_HEADERS.map((h, i) => [h, REG_WIDTHS[i]]),
    30,
  );

  const rows = padRows<Array<string | number | null>>(
    d.rows.map((r) => [
      r.name,
      r.gender,
      r.age,
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
  let row = 4;
  for (const values of rows) row = tableRow(ws, row, values, REG_WIDTHS, { minHeight: 26 });
  return toBuffer(wb);
}

/** 政协委员联系群众代表活动记录卡 as xlsx, filled from one activity or blank (null) for printing and handwriting. */
export async function renderRecordCardXlsx(d: RecordCardData | null): Promise<Buffer> {
  const wb = newWorkbook();
  const cols = CARD_WIDTHS.length;
  const rightW = sum(CARD_WIDTHS, 2, cols);
  const ws = newSheet(wb, SHEET_NAMES.recordCard, {
    orientation: 'portrait',
    widths: CARD_WIDTHS,
    printTitlesRow: '1:2',
  });
  titleRow(ws, 1, cols, TITLES.recordCard);
  put(ws, 2, 1, cardDateLine(d), { align: 'left', border: false }, 2, cols);
  ws.getRow(2).height = 26;
  let row = 3;

  // 政协委员 block: label on the left spanning a header row and one row per member.
  const members = padRows(d ? d.members : [], d ? 1 : BLANK_MEMBER_ROWS, () => ({ name: '', workUnit: '' }));
  const memberStart = row;
  put(ws, row, 2, MEMBER_HEADERS[0], { bold: true });
  put(ws, row, 3, MEMBER_HEADERS[1], { bold: true }, row, cols);
  ws.getRow(row++).height = 24;
  for (const m of members) {
    const h = neededHeight(
      [
        [m.name, CARD_WIDTHS[1]],
        [m.workUnit, sum(CARD_WIDTHS, 3, cols)],
      ],
      26,
    );
    const n = reserveRows(ws, row, h);
    put(ws, row, 2, m.name, {}, row + n - 1, 2);
    put(ws, row, 3, m.workUnit, {}, row + n - 1, cols);
    row += n;
  }
  put(ws, memberStart, 1, CARD_LABELS.member, { bold: true }, row - 1, 1);

  // 联系对象 block: header row plus one row per contact.
  const emptyContact = () => ({ name: '', workUnitAndPost: '', gender: '', age: null, phone: '', politicalStatus: '' });
  const contacts = padRows<RecordCardData['contacts'][number]>(
    d ? d.contacts : [],
    d ? 1 : BLANK_CONTACT_ROWS,
    emptyContact,
  );
  const contactStart = row;
  CONTACT_HEADERS.forEach((h, i) => {
    put(ws, row, i + 2, h, { bold: true });
  });
  ws.getRow(row++).height = neededHeight(
    CONTACT_HEADERS.map((h, i) => [h, CARD_WIDTHS[i + 1]]),
    24,
  );
  for (const c of contacts) {
    const values = [c.name, c.workUnitAndPost, c.gender, c.age, c.phone, c.politicalStatus];
    const h = neededHeight(
      values.map((v, i) => [v == null ? '' : String(v), CARD_WIDTHS[i + 1]] as [string, number]),
      26,
    );
    const n = reserveRows(ws, row, h);
    values.forEach((v, i) => {
      put(ws, row, i + 2, v ?? null, {}, row + n - 1, i + 2);
    });
    row += n;
  }
  put(ws, contactStart, 1, CARD_LABELS.contact, { bold: true }, row - 1, 1);

  // 联系方式 checkboxes.
  const methods = methodItems(d)
    .map((m) => `${m.label}${m.checked ? BOX_TICKED : BOX_EMPTY}${m.suffix}`)
    .join('　　');
  row = labelledRow(ws, row, CARD_LABELS.method, methods, rightW, 30, 'middle');
  if (d?.purposes.length) row = labelledRow(ws, row, CARD_LABELS.purpose, d.purposes.join('；'), rightW, 30, 'middle');

  // The two tall free-text boxes.
  row = labelledRow(ws, row, CARD_LABELS.opinions, d?.opinions ?? '', rightW, 220, 'top');
  row = labelledRow(ws, row, CARD_LABELS.handling, d?.handling ?? '', rightW, 220, 'top');

  for (const note of RECORD_CARD_NOTES) {
    put(ws, row, 1, note, { align: 'left', border: false, size: 10 }, row, cols);
    ws.getRow(row++).height = 18;
  }
  return toBuffer(wb);
}

/** Label in column A, text merged over B..last column; grows (over several merged rows if needed) to fit. */
function labelledRow(
  ws: ExcelJS.Worksheet,
  row: number,
  label: string,
  text: string,
  textWidth: number,
  minHeight: number,
  valign: 'top' | 'middle',
): number {
  const cols = CARD_WIDTHS.length;
  const h = neededHeight(
    [
      [text, textWidth],
      [label, CARD_WIDTHS[0]],
    ],
    minHeight,
  );
  const n = reserveRows(ws, row, h);
  put(ws, row, 1, label, { bold: true }, row + n - 1, 1);
  put(ws, row, 2, text, { align: 'left', valign }, row + n - 1, cols);
  return row + n;
}

/** 政协委员联系群众代表活动汇总表 as xlsx: one liaison group's activities over a period, landscape A4. */
export async function renderSummaryXlsx(d: SummaryFormData): Promise<Buffer> {
  const wb = newWorkbook(d.generatedAt);
  const cols = SUMMARY_WIDTHS.length;
  const ws = newSheet(wb, SHEET_NAMES.summary, {
    orientation: 'landscape',
    widths: SUMMARY_WIDTHS,
    printTitlesRow: '3:3',
    freezeRows: 3,
    footerLeft: `生成时间：${formatGeneratedAt(d.generatedAt)}`,
  });
  titleRow(ws, 1, cols, TITLES.summary);
  put(ws, 2, 1, summaryHeadLine(d.groupName, d.from, d.to), { align: 'left', border: false }, 2, cols);
  ws.getRow(2).height = 26;
  SUMMARY_HEADERS.forEach((h, i) => {
    put(ws, 3, i + 1, h, { bold: true });
  });
  ws.getRow(3).height = 30;

  const rows = padRows<string[]>(
    d.rows.map((r) => [r.memberNames, r.contactNames, r.date, r.opinions, r.handling, r.remarks]),
    MIN_LIST_ROWS,
    () => SUMMARY_HEADERS.map(() => ''),
  );
  let row = 4;
  for (const values of rows) {
    row = tableRow(ws, row, values, SUMMARY_WIDTHS, {
      minHeight: 30,
      aligns: ['center', 'center', 'center', 'left', 'left', 'left'],
    });
  }
  return toBuffer(wb);
}
