// The audit log's spreadsheet layout, shared by the web export and the CLI export.
import type ExcelJS from 'exceljs';

/** Columns of the 审计日志 sheet. */
export const AUDIT_COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: '时间', key: 'at', width: 22 },
  { header: '操作人', key: 'actorName', width: 20 },
  { header: '操作', key: 'action', width: 12 },
  { header: '对象', key: 'entity', width: 16 },
  { header: '编号', key: 'entityId', width: 10 },
  { header: '修改前', key: 'before', width: 60 },
  { header: '修改后', key: 'after', width: 60 },
  { header: 'IP', key: 'ip', width: 16 },
];

/** One audit row as sheet values; JSON images are cut to fit Excel's 32,767-character cell limit. */
export function auditSheetRow(x: any) {
  const json = (v: unknown) => (v == null ? '' : JSON.stringify(v).slice(0, 32000));
  return { ...x, at: new Date(x.at).toISOString(), before: json(x.before), after: json(x.after) };
}
