// The audit log's spreadsheet layout, shared by the web export and the CLI export; codes are printed in words.
import type ExcelJS from 'exceljs';
import type { Lang } from '../../i18n/messages.js';
import { auditActionLabel, auditEntityLabel } from './labels.js';

const HEADERS: Record<'zh' | 'en', Record<string, string>> & Partial<Record<Lang, Record<string, string>>> = {
  zh: {
    sheet: '审计日志',
    at: '时间',
    actorName: '操作人',
    action: '操作',
    entity: '对象类型',
    entityId: '对象编号',
    before: '修改前',
    after: '修改后',
    ip: 'IP',
  },
  en: {
    sheet: 'Audit log',
    at: 'Time',
    actorName: 'Actor',
    action: 'Action',
    entity: 'Record type',
    entityId: 'Record id',
    before: 'Before',
    after: 'After',
    ip: 'IP',
  },
};

/** The sheet's (and the downloaded file's) name. */
export const auditSheetName = (lang: Lang = 'zh') => (HEADERS[lang] ?? HEADERS.zh).sheet;

/** Columns of the 审计日志 sheet in a language. */
export function auditColumns(lang: Lang = 'zh'): Partial<ExcelJS.Column>[] {
  const h = HEADERS[lang] ?? HEADERS.zh;
  const widths: Array<[string, number]> = [
    ['at', 22],
    ['actorName', 20],
    ['action', 20],
    ['entity', 16],
    ['entityId', 10],
    ['before', 60],
    ['after', 60],
    ['ip', 16],
  ];
  return widths.map(([key, width]) => ({ header: h[key], key, width }));
}

/** Columns of the 审计日志 sheet (Chinese, the CLI export's). */
export const AUDIT_COLUMNS = auditColumns('zh');

/** One audit row as sheet values: action and type in words; JSON images cut to Excel's 32,767-character cell limit. */
export function auditSheetRow(x: any, lang: Lang = 'zh') {
  const json = (v: unknown) => (v == null ? '' : JSON.stringify(v).slice(0, 32000));
  return {
    ...x,
    at: new Date(x.at).toISOString(),
    action: auditActionLabel(String(x.action), lang),
    entity: auditEntityLabel(String(x.entity), lang),
    before: json(x.before),
    after: json(x.after),
  };
}
