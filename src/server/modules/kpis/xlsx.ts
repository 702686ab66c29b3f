// The KPI table as an xlsx workbook with Chinese headers: counts, each rate with its numerator and denominator.
import ExcelJS from 'exceljs';
import type { KpiReport, KpiRow } from './service.js';

const GROUP_LABEL: Record<string, string> = {
  period: '期间',
  region: '镇街',
  sector: '界别',
  department: '承办单位',
  channel: '渠道',
  member: '委员',
  category: '类别',
};

/** Chinese channel names (the codes of opinions.channel). */
export const CHANNEL_LABEL: Record<string, string> = {
  activity: '联系活动',
  web: '网上提交',
  box: '社情民意箱',
  phone: '电话',
  letter: '来信',
  email: '电子邮件',
  petition: '信访',
  officer: '信息员',
  reception: '接待日',
  forum: '论坛/微博',
  open311: '平台对接 (Open311)',
};

const HEADERS = [
  '收件量',
  '已受理',
  '已分流',
  '受理率',
  '按时答复',
  '承办答复',
  '按时办结率',
  '已答复',
  '已受理(回复率分母)',
  '回复率',
  '已反馈',
  '答复已审核',
  '反馈率',
  '满意评价',
  '评价次数',
  '满意率',
  '平均办理天数',
];
const RATE_COLUMNS = [5, 8, 11, 14, 17];

function cells(r: KpiRow) {
  return [
    r.received,
    r.acceptance.num,
    r.acceptance.den,
    r.acceptance.rate,
    r.onTime.num,
    r.onTime.den,
    r.onTime.rate,
    r.reply.num,
    r.reply.den,
    r.reply.rate,
    r.feedback.num,
    r.feedback.den,
    r.feedback.rate,
    r.satisfaction.num,
    r.satisfaction.den,
    r.satisfaction.rate,
    r.avgHandlingDays,
  ];
}

/** Builds the workbook: one sheet of the table plus a sheet with the definitions. */
export async function kpiWorkbook(report: KpiReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('社情民意指标');
  ws.addRow([GROUP_LABEL[report.groupBy] ?? '分组', ...HEADERS]).font = { bold: true };
  const label = (r: KpiRow) =>
    (report.groupBy === 'channel' && r.key ? CHANNEL_LABEL[r.key] : null) ?? r.label ?? '（未指定）';
  for (const r of report.rows) ws.addRow([label(r), ...cells(r)]);
  ws.addRow(['合计', ...cells(report.total)]).font = { bold: true };
  for (const c of RATE_COLUMNS) ws.getColumn(c + 1).numFmt = '0.0%';
  ws.getColumn(1).width = 24;
  for (let c = 2; c <= HEADERS.length + 1; c++) ws.getColumn(c).width = 12;
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  const defs = wb.addWorksheet('指标口径');
  defs.addRow([`统计期间：${report.from} 至 ${report.to}`]);
  for (const text of Object.values(report.definitions)) defs.addRow([text]);
  defs.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
