// The 年度履职考核 scores table as xlsx (one row per member, one column per rule line, total, ranks, 需谈话), built
// from plain data so it renders on the pool's worker thread.
import ExcelJS from 'exceljs';

/** What the scores sheet prints: rule names in table order and, per member, the points of each rule in that order. */
export interface ScoresSheetData {
  year: number;
  ruleNames: string[];
  rows: Array<{
    code: string;
    name: string;
    sectorName: string;
    groupName: string;
    points: number[];
    total: number;
    rankInSector: number | null;
    rankInGroup: number | null;
    belowThreshold: boolean;
  }>;
}

/** Builds the workbook's bytes. */
export async function renderScoresXlsx(d: ScoresSheetData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${d.year}年度履职考核`);
  ws.addRow(['委员编号', '姓名', '界别', '联络组', ...d.ruleNames, '总分', '界别排名', '联络组排名', '需谈话']);
  ws.getRow(1).font = { bold: true };
  for (const r of d.rows) {
    ws.addRow([
      r.code,
      r.name,
      r.sectorName,
      r.groupName,
      ...r.points,
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
