// Builds the downloadable import templates: Chinese headers, drop-downs for coded columns, an example row and a 说明 sheet.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { EDUCATION, GENDER, POLITICAL_STATUS } from '../../../core/code-lists.js';
import type { DbOrTx } from '../../db/client.js';
import {
  COLUMNS,
  HELP_SHEET,
  headerText,
  type ImportKind,
  LIST_SHEET,
  type ListSource,
  SHEET_NAMES,
} from './columns.js';

/** Rows that get the drop-downs; more rows still import, they just lack the list in Excel. */
const VALIDATED_ROWS = 5000;

/** The labels offered in each drop-down: national code lists, fixed choices, and the current registry. */
async function loadLists(db: DbOrTx): Promise<Record<ListSource, string[]>> {
  const sectors = await db.execute(sql`
    select case when p.id is null then s.name else p.name || '/' || s.name end as name
    from sectors s join terms t on t.id = s.term_id and t.is_current left join sectors p on p.id = s.parent_id
    order by coalesce(p.sort_order, s.sort_order), coalesce(p.id, s.id), s.parent_id nulls first, s.sort_order, s.id`);
  const groups = await db.execute(
    sql`select g.name from liaison_groups g join regions r on r.id = g.township_id order by r.code`,
  );
  // A sector that is unique by its own name is offered without its parent, as people write it.
  const sectorNames = (sectors.rows as any[]).map((r) => String(r.name));
  const leafCount = new Map<string, number>();
  for (const n of sectorNames) leafCount.set(n.split('/').pop()!, (leafCount.get(n.split('/').pop()!) ?? 0) + 1);
  return {
    gender: GENDER.slice(0, 2).map((g) => g.label),
    political: POLITICAL_STATUS.map((p) => p.label),
    education: EDUCATION.map((e) => e.label),
    level: ['乡镇/街道', '村/社区'],
    yesno: ['是', '否'],
    sector: sectorNames.map((n) => (leafCount.get(n.split('/').pop()!) === 1 ? n.split('/').pop()! : n)),
    group: (groups.rows as any[]).map((r) => String(r.name)),
  };
}

const colLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

const LIST_ORDER: ListSource[] = ['gender', 'political', 'education', 'level', 'yesno', 'sector', 'group'];

/** The cell range of each drop-down list on the hidden list sheet (one column per list). */
function listRanges(lists: Record<ListSource, string[]>) {
  return new Map(
    LIST_ORDER.map((source, i) => {
      const letter = colLetter(i + 1);
      return [source, `'${LIST_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, lists[source].length + 1)}`] as const;
    }),
  );
}

function addListSheet(wb: ExcelJS.Workbook, lists: Record<ListSource, string[]>) {
  const ws = wb.addWorksheet(LIST_SHEET, { state: 'hidden' });
  LIST_ORDER.forEach((source, i) => {
    const letter = colLetter(i + 1);
    ws.getCell(`${letter}1`).value = source;
    lists[source].forEach((label, j) => {
      ws.getCell(`${letter}${j + 2}`).value = label;
    });
  });
}

function addDataSheet(wb: ExcelJS.Workbook, kind: ImportKind, ranges: Map<ListSource, string>) {
  const specs = COLUMNS[kind];
  const ws = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = specs.map((c) => ({
    header: headerText(c),
    key: c.key,
    width: c.width,
    style: c.asText ? { numFmt: '@' } : {},
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center' };
  specs.forEach((c, i) => {
    head.getCell(i + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' },
    };
    if (c.note) head.getCell(i + 1).note = c.note;
  });
  const example = ws.addRow(Object.fromEntries(specs.map((c) => [c.key, c.example])));
  example.font = { italic: true, color: { argb: 'FF808080' } };
  example.getCell(1).note = '示例行：导入时自动跳过，可直接覆盖或删除';
  specs.forEach((c, i) => {
    const range = c.list ? ranges.get(c.list) : undefined;
    if (!range) return;
    const letter = colLetter(i + 1);
    // exceljs supports range validations but does not declare them in its types.
    (ws as any).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [range],
      showErrorMessage: true,
      // A warning, not a stop: short forms such as 党员 or 本科 are accepted by the import.
      errorStyle: 'warning',
      errorTitle: c.header,
      error: '不在下拉列表中；如为常用简称可继续，导入时会自动识别',
    });
  });
}

function addHelpSheet(wb: ExcelJS.Workbook, kind: ImportKind) {
  const ws = wb.addWorksheet(HELP_SHEET);
  ws.columns = [
    { header: '列名', key: 'header', width: 24 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'note', width: 60 },
    { header: '示例', key: 'example', width: 28 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of COLUMNS[kind]) {
    const fromList = c.list && !c.note ? '从下拉列表选择' : c.note;
    ws.addRow({ header: headerText(c), required: c.required ? '必填' : '', note: fromList, example: c.example });
  }
  ws.addRow({});
  const key = { regions: '区划代码', members: '委员编号', representatives: '姓名 + 联系电话' }[kind];
  const notes = [
    '填写须知：',
    `1. 第1行为表头，请勿修改；第2行为灰色示例行，导入时自动跳过。带 * 的列必填。`,
    `2. 按“${key}”匹配已有记录：已有则更新，没有则新增；内容完全相同的行不做修改，重复导入同一文件不会产生重复数据。`,
    '3. 导入前会逐行检查，只要有一行有错误就不会写入任何数据；请按错误报告中的行号和列名修改后重新导入。',
    '4. 性别、政治面貌、文化程度可从下拉列表选择，也可填写代码或常用简称（如“中共党员”“本科”）。',
    '5. 电话可填手机（11位）或带区号的固定电话（如 0572-5123456）；代码和电话列已设为文本格式，请勿改为数字格式。',
  ];
  for (const n of notes) ws.addRow({ header: n });
  for (let r = ws.rowCount - notes.length + 1; r <= ws.rowCount; r++) ws.mergeCells(`A${r}:D${r}`);
  ws.getColumn('note').alignment = { wrapText: true, vertical: 'top' };
}

/** Builds the .xlsx template of a kind, with the current term's sectors and liaison groups in the drop-downs. */
export async function buildTemplate(db: DbOrTx, kind: ImportKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '界联';
  wb.created = new Date();
  const lists = await loadLists(db);
  // The data sheet comes first: Excel opens it, and the import reads the first visible sheet.
  addDataSheet(wb, kind, listRanges(lists));
  addHelpSheet(wb, kind);
  addListSheet(wb, lists);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
