import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cnDate, formatGeneratedAt, methodItems } from './format.js';
import {
  CJK_FONT_ENV,
  renderRecordCardPdf,
  renderRecordCardXlsx,
  renderRegistrationPdf,
  renderRegistrationXlsx,
  renderSummaryPdf,
  renderSummaryXlsx,
} from './index.js';
import { card, opinionPieces, opinions, registration, summary } from './renderers.fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'jl-renderers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// poppler-utils is a test dependency (installed by .ci/run): fail loudly rather than skip.
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  throw new Error('pdftotext not found: apt-get install poppler-utils (see .ci/run)');
}

let n = 0;
function pdfText(buf: Buffer, mode: '-layout' | '-raw' = '-layout'): string {
  const file = join(dir, `f${n++}.pdf`);
  writeFileSync(file, buf);
  return execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8' });
}
function pdfPages(buf: Buffer): number {
  const file = join(dir, `f${n++}.pdf`);
  writeFileSync(file, buf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}
/**
 * Raw-order text without whitespace, page footers and `noise` (text drawn between the two halves of a row split
 * over a page break: labels, repeated headers, other cells), for checking that long text survives intact.
 */
const squash = (raw: string, ...noise: string[]): string =>
  noise.reduce(
    (s, x) => s.split(squash(x)).join(''),
    raw
      .replace(/\s+/g, '')
      .replace(/第\d+页，共\d+页/g, '')
      .replace(/生成时间：[\d-]+[\d:]+/g, ''),
  );
/** The numbered pieces of `opinions` missing from `raw` (small failure output instead of a 6000-character diff). */
const missingPieces = (raw: string) => opinionPieces.filter((p) => !raw.includes(p));

async function sheet(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0];
}
const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as unknown as { merges: string[] }).merges;
const text = (ws: ExcelJS.Worksheet, addr: string) => String(ws.getCell(addr).value ?? '');
function expectBordered(ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number): void {
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) {
      const b = ws.getCell(r, c).border;
      for (const side of ['top', 'left', 'bottom', 'right'] as const) {
        expect(b?.[side]?.style, `${ws.getCell(r, c).address} ${side}`).toBe('thin');
      }
    }
  }
}
/** Row/column of the first cell whose text contains `needle`. */
function find(ws: ExcelJS.Worksheet, needle: string): { row: number; col: number } {
  let hit: { row: number; col: number } | undefined;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (!hit && String(cell.value ?? '').includes(needle)) hit = { row: r, col: c };
    });
  });
  if (!hit) throw new Error(`not found: ${needle}`);
  return hit;
}

describe('format helpers', () => {
  it('formats dates, methods and the China-time generation stamp', () => {
    expect(cnDate('2024-03-05')).toBe('2024 年 3 月 5 日');
    expect(cnDate(null)).toMatch(/^\s+年\s+月\s+日$/);
    const items = methodItems({ ...card, methods: ['电话'], methodOther: '微信群' });
    expect(items.map((m) => m.checked)).toEqual([false, false, false, true, false, true]);
    expect(items[5]).toMatchObject({ label: '其他形式', suffix: '（微信群）' });
    expect(methodItems(null).every((m) => !m.checked)).toBe(true);
    expect(formatGeneratedAt(new Date('2024-05-01T18:30:00Z'))).toBe('2024-05-02 02:30');
  });
});

describe('xlsx forms', () => {
  it('registration form: title, member line, headers, rows, borders, A4 portrait', async () => {
    const ws = await sheet(await renderRegistrationXlsx(registration));
    expect(ws.name).toBe('名单登记表');
    expect(text(ws, 'A1')).toBe('政协委员联系群众名单登记表');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16, name: '宋体' });
    expect(merges(ws)).toContain('A1:J1');
    const line2 = [1, 5, 7, 9].map((c) => String(ws.getCell(2, c).value));
    expect(line2).toEqual([
      '委员：张晓明（大路槽乡中心学校 校长）',
      '界别：教育界',
      '联络组：大路槽乡政协联络组',
      '委员签名：',
    ]);
    const headers = Array.from({ length: 10 }, (_, i) => text(ws, `${String.fromCharCode(65 + i)}3`));
    expect(headers).toEqual([
      '群众代表姓名',
      '性别',
      '年龄',
      '文化程度',
      '职务',
      '工作单位',
      '政治面貌',
      '地址',
      '联系电话',
      '备注',
    ]);
    expect(ws.getRow(4).values).toEqual([
      undefined,
      '王建国',
      '男',
      52,
      '高中',
      '村主任',
      '红星村村委会',
      '中共党员',
      '大路槽乡红星村三组',
      '13800000001',
      '关注农村道路',
    ]);
    expect(text(ws, 'I5')).toBe('0851-1234567');
    expect(ws.getCell('C5').value).toBeNull();
    // Padded with empty bordered rows to 8 data rows.
    expectBordered(ws, 3, 1, 11, 10);
    expect(ws.getCell('A1').border?.top).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
  });

  it('record card: member and contact blocks, ticked methods, text boxes, notes', async () => {
    const ws = await sheet(await renderRecordCardXlsx(card));
    expect(ws.name).toBe('活动记录卡');
    expect(text(ws, 'A1')).toBe('政协委员联系群众代表活动记录卡');
    expect(merges(ws)).toContain('A1:G1');
    expect(text(ws, 'A2')).toContain('联系日期：2024 年 3 月 5 日');
    expect(text(ws, 'A2')).toContain('红星村');
    expect(text(ws, 'A3')).toBe('政协委员');
    expect(merges(ws)).toContain('A3:A5'); // header + 2 members
    expect([text(ws, 'B4'), text(ws, 'C4')]).toEqual(['张晓明', '大路槽乡中心学校']);
    expect(merges(ws)).toContain('C4:G4');
    const contact = find(ws, '联系对象');
    expect(merges(ws)).toContain(`A${contact.row}:A${contact.row + 4}`); // header + 4 contacts
    const hdr = ws.getRow(contact.row).values as unknown[];
    expect(hdr.slice(2)).toEqual(['姓名', '工作单位及职务', '性别', '年龄', '联系电话', '政治面貌']);
    expect((ws.getRow(contact.row + 2).values as unknown[]).slice(2)).toEqual([
      '赵秀英',
      '红星村村委会 主任',
      '女',
      41,
      '13800000001',
      '中共党员',
    ]);
    const method = find(ws, '联系方式');
    const methods = text(ws, `B${method.row}`);
    expect(methods).toMatch(/座谈☑\s+社情民意箱□\s+走访☑\s+电话□\s+信件□\s+其他形式□/);
    const op = find(ws, '群众代表反映的意见和建议');
    expect(text(ws, `B${op.row}`)).toBe(opinions);
    expect(text(ws, `B${find(ws, '委员处理意见及办理情况').row}`)).toBe(card.handling);
    expect(find(ws, '注：1、“联系方式”栏').row).toBeGreaterThan(op.row);
    find(ws, '2、此记录卡可复印，不够填写时可另纸。');
    expectBordered(ws, 3, 1, method.row, 7);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
  });

  it('blank record card keeps the layout with empty cells', async () => {
    const ws = await sheet(await renderRecordCardXlsx(null));
    expect(text(ws, 'A2')).toMatch(/^联系日期：\s+年\s+月\s+日$/);
    const contact = find(ws, '联系对象');
    expect(merges(ws)).toContain(`A${contact.row}:A${contact.row + 3}`); // header + 3 empty rows
    expect(ws.getCell(contact.row + 1, 2).value).toBeNull();
    expect(text(ws, `B${find(ws, '联系方式').row}`)).not.toContain('☑');
    expect(() => find(ws, '联系事项')).toThrow();
    expect(text(ws, `B${find(ws, '群众代表反映的意见和建议').row}`)).toBe('');
  });

  it('summary: landscape, group and period line, 200 rows, over-tall row spread over merged rows', async () => {
    const d = summary(200);
    const ws = await sheet(await renderSummaryXlsx(d));
    expect(ws.name).toBe('活动汇总表');
    expect(text(ws, 'A1')).toBe('政协委员联系群众代表活动汇总表');
    expect(merges(ws)).toContain('A1:F1');
    expect(text(ws, 'A2')).toBe('工作组：大路槽乡政协联络组        2024 年 1 月 1 日 至 2024 年 3 月 31 日');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '委员名称',
      '联系对象姓名',
      '联系活动时间',
      '反映社情民意主要内容',
      '处理意见',
      '备注',
    ]);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      '张晓明、李芳',
      '联系人0',
      '2024-03-05',
      d.rows[0].opinions,
      '已转县交通运输局办理',
      '首条',
    ]);
    const long = find(ws, '第0条道路硬化意见');
    expect(text(ws, `D${long.row}`)).toBe(opinions);
    const span = merges(ws).find((m) => m.startsWith(`D${long.row}:`));
    expect(span).toMatch(/^D\d+:D\d+$/);
    for (let r = long.row; r <= Number(span!.split(':D')[1]); r++) expect(ws.getRow(r).height).toBeLessThanOrEqual(409);
    expect(text(ws, `B${find(ws, '联系人199').row}`)).toBe('联系人199');
    expectBordered(ws, 3, 1, find(ws, '联系人199').row, 6);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
  });
});

describe('pdf forms (poppler)', () => {
  afterEach(() => {
    delete process.env[CJK_FONT_ENV];
  });

  it('registration form shows title, member line, headers and a filled row', async () => {
    const buf = await renderRegistrationPdf(registration);
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    const t = pdfText(buf);
    expect(t).toContain('政协委员联系群众名单登记表');
    expect(t).toContain('委员签名：');
    expect(t).toContain('联络组：大路槽乡政协联络组');
    expect(t).toMatch(/群众代表姓名\s+性别\s+年龄\s+文化程度\s+职务\s+工作单位\s+政治面貌\s+地址\s+联系电话\s+备注/);
    expect(t).toMatch(/王建国\s+男\s+52\s+高中\s+村主任\s+红星村村委会\s+中共党员/);
    expect(t).toContain('生成时间：2024-05-01 10:00');
    expect(pdfPages(buf)).toBe(1);
  });

  it('record card lists all members and contacts, ticks methods and keeps long opinions whole', async () => {
    const buf = await renderRecordCardPdf(card);
    const t = pdfText(buf);
    expect(t).toContain('政协委员联系群众代表活动记录卡');
    expect(t).toContain('联系日期：2024 年 3 月 5 日');
    expect(t).toMatch(/姓名\s+工作单位及职务\s+性别\s+年龄\s+联系电话\s+政治面貌/);
    for (const name of ['张晓明', '李芳', '王建国', '赵秀英', '陈志强', '刘桂兰']) expect(t).toContain(name);
    expect(t).toMatch(/座谈√\s+社情民意箱□\s+走访√\s+电话□\s+信件□\s+其他形式□/);
    const raw = squash(pdfText(buf, '-raw'));
    expect(raw).toContain('群众代表反映的意见和建议');
    expect(raw).toContain('委员处理意见及办理情况');
    const body = squash(raw, '群众代表反映的意见和建议');
    expect(missingPieces(body)).toEqual([]);
    expect(body.includes(squash(opinions)), 'opinions text contiguous and in order').toBe(true);
    expect(raw).toContain('注：1、“联系方式”栏，在相应选项后面方框打“√”；');
    expect(pdfPages(buf)).toBeGreaterThan(1);
  });

  it('blank record card fits on one page', async () => {
    const buf = await renderRecordCardPdf(null);
    const t = pdfText(buf);
    expect(t).toMatch(/联系日期：\s+年\s+月\s+日/);
    expect(t).toMatch(/座谈□\s+社情民意箱□\s+走访□\s+电话□\s+信件□\s+其他形式□/);
    expect(t).toContain('2、此记录卡可复印，不够填写时可另纸。');
    expect(pdfPages(buf)).toBe(1);
  });

  it('summary paginates 200 rows, repeating the header row on every page', async () => {
    const small = await renderSummaryPdf(summary(1));
    const big = await renderSummaryPdf(summary(200));
    const pages = pdfPages(big);
    expect(pdfPages(small)).toBe(1);
    expect(pages).toBeGreaterThan(5);
    const t = pdfText(big);
    expect(t).toContain('工作组：大路槽乡政协联络组');
    expect(t).toContain('2024 年 1 月 1 日 至 2024 年 3 月 31 日');
    expect(t.match(/委员名称\s+联系对象姓名\s+联系活动时间\s+反映社情民意主要内容\s+处理意见\s+备注/g)).toHaveLength(
      pages,
    );
    expect(t).toContain('联系人199');
    expect(t).toContain(`第 ${pages} 页，共 ${pages} 页`);
    const raw = squash(
      pdfText(big, '-raw'),
      '委员名称联系对象姓名联系活动时间反映社情民意主要内容处理意见备注',
      '已转县交通运输局办理',
    );
    expect(missingPieces(raw)).toEqual([]);
    expect(raw.includes(squash(opinions)), 'opinions text contiguous and in order').toBe(true);
  });

  it('uses the font named by JIELIAN_CJK_FONT for everything', async () => {
    process.env[CJK_FONT_ENV] = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular';
    const file = join(dir, `f${n++}.pdf`);
    writeFileSync(file, await renderRecordCardPdf(null));
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toContain('NotoSansCJKsc-Regular');
    expect(fonts).not.toMatch(/Serif|Bold/);
  });

  it('fails clearly when the CJK font is missing', async () => {
    process.env[CJK_FONT_ENV] = '/nonexistent/font.ttf';
    await expect(renderSummaryPdf(summary(1))).rejects.toThrow(/CJK font not found.*JIELIAN_CJK_FONT/);
  });
});
