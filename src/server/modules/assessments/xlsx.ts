// The scores table as an xlsx workbook: one row per member, one column per rule line, total, ranks and the talk flag.
import ExcelJS from 'exceljs';
import type { ScoreRow } from './compute.js';
import type { RuleRow } from './rules-repo.js';

/** Builds the workbook buffer. */
export async function scoresWorkbook(year: number, rules: RuleRow[], rows: ScoreRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年度履职考核`);
  ws.addRow([
    '委员编号',
    '姓名',
    '界别',
    '联络组',
    ...rules.map((r) => r.name),
    '总分',
    '界别排名',
    '联络组排名',
    '需谈话',
  ]);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const byRule = new Map(r.lines.map((l) => [l.ruleId, l.points]));
    ws.addRow([
      r.code,
      r.name,
      r.sectorName,
      r.groupName,
      ...rules.map((rule) => byRule.get(rule.id) ?? 0),
      r.total,
      r.rankInSector ?? '',
      r.rankInGroup ?? '',
      r.belowThreshold ? '是' : '',
    ]);
  }
  ws.columns.forEach((c, i) => {
    c.width = i < 4 ? 14 : 10;
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
