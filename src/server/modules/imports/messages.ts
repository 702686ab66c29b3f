// Row-level import problems in Chinese and English: each report entry carries the code and the translated message.
import { type Lang, type Texts, textIn } from '../../i18n/messages.js';
import { clip } from './limits.js';

const catalog = {
  bad_file: {
    zh: '文件不是有效的 Excel（.xlsx）文件，请使用下载的导入模板',
    en: 'The file is not a valid Excel (.xlsx) workbook; use the template',
  },
  old_excel: {
    zh: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入',
    en: 'Old .xls files are not supported; save as .xlsx and retry',
  },
  no_file: { zh: '请选择要导入的文件', en: 'Choose a file to import' },
  no_sheet: { zh: '文件中没有工作表', en: 'The workbook has no worksheet' },
  no_rows: { zh: '表格中没有数据行', en: 'The sheet has no data rows' },
  too_many_rows: {
    zh: '数据超过 {max} 行，一次最多导入 {max} 行，请拆分文件后分批导入',
    en: 'More than {max} data rows; at most {max} rows per import, split the file',
  },
  file_too_large: {
    zh: '解压后的内容超过 {maxMb} MB，请拆分文件，或删除无关的工作表和图片',
    en: 'Over {maxMb} MB once unzipped; split the file or remove unrelated sheets and pictures',
  },
  zip_bomb: {
    zh: '文件的压缩结构异常（疑似压缩炸弹），已拒绝；请在 Excel 中另存为 .xlsx 后再导入',
    en: 'The file is abnormally compressed (a likely zip bomb) and was refused; re-save it as .xlsx in Excel',
  },
  header_missing: { zh: '缺少列“{column}”，请使用下载的导入模板', en: 'Missing column "{column}"; use the template' },
  header_unknown: { zh: '无法识别的列“{value}”', en: 'Unknown column "{value}"' },
  header_duplicate: { zh: '列“{column}”重复出现', en: 'Column "{column}" appears twice' },
  required: { zh: '{column}不能为空', en: '{column} is required' },
  too_long: { zh: '{column}不能超过 {max} 个字', en: '{column} must be at most {max} characters' },
  code_unknown: {
    zh: '“{value}”不是有效的{column}，可填：{allowed}',
    en: '"{value}" is not a valid {column}; allowed: {allowed}',
  },
  phone_invalid: {
    zh: '“{value}”不是有效的电话号码（手机11位，固话需带区号）',
    en: '"{value}" is not a valid phone number',
  },
  email_invalid: { zh: '“{value}”不是有效的电子邮箱', en: '"{value}" is not a valid email address' },
  int_invalid: { zh: '{column}应为 {min}–{max} 之间的整数', en: '{column} must be a whole number from {min} to {max}' },
  yes_no: { zh: '{column}应填“是”或“否”', en: '{column} must be 是 (yes) or 否 (no)' },
  region_code_invalid: { zh: '区划代码“{value}”应为12位数字', en: 'Division code "{value}" must have 12 digits' },
  level_unknown: {
    zh: '层级应为“乡镇/街道”或“村/社区”',
    en: 'Level must be 乡镇/街道 (township) or 村/社区 (village)',
  },
  level_unknowable: {
    zh: '无法判断层级：请填写层级或上级区划代码',
    en: 'Cannot tell the level: fill in the level or the parent code',
  },
  level_change: { zh: '不能通过导入修改已有区划的层级', en: 'An existing region cannot change level by import' },
  village_needs_parent: { zh: '村（社区）必须填写上级区划代码', en: 'A village needs the parent (township) code' },
  township_no_parent: { zh: '乡镇（街道）不能填写上级区划代码', en: 'A township has no parent code' },
  parent_unknown: {
    zh: '上级区划代码“{value}”不存在，也不在本文件前面的行中',
    en: 'Parent code "{value}" exists neither in the registry nor in an earlier row',
  },
  parent_not_township: { zh: '上级区划“{value}”不是乡镇（街道）', en: 'Parent "{value}" is not a township' },
  village_unknown: { zh: '村（社区）区划代码“{value}”不存在', en: 'No village or community with code "{value}"' },
  not_village: { zh: '“{value}”不是村（社区）', en: '"{value}" is not a village or community' },
  place_one_of: {
    zh: '“所属村（社区）区划代码”和“所属乡机关部门”必须且只能填写一项',
    en: 'Fill in exactly one of the village code and the township department',
  },
  department_unknown: { zh: '乡机关部门“{value}”不存在', en: 'No township department "{value}"' },
  department_ambiguous: {
    zh: '有多个名为“{value}”的部门，请写成“乡镇（街道）名称/部门名称”',
    en: 'Several departments are called "{value}"; write "township/department"',
  },
  member_unknown: { zh: '委员编号“{value}”不存在', en: 'No member with code "{value}"' },
  sector_unknown: { zh: '本届没有名为“{value}”的界别', en: 'No sector "{value}" in the current term' },
  sector_ambiguous: {
    zh: '本届有多个名为“{value}”的界别，请写成“上级界别/界别”',
    en: 'Several sectors are called "{value}"; write "parent/sector"',
  },
  no_current_term: { zh: '尚未设置本届届次，无法导入委员', en: 'No current term is set; members cannot be imported' },
  group_unknown: { zh: '联络组“{value}”不存在', en: 'No liaison group "{value}"' },
  duplicate_in_file: { zh: '与第 {other} 行重复（{key}）', en: 'Duplicates row {other} ({key})' },
  write_failed: {
    zh: '写入数据库时出错：与已有记录冲突',
    en: 'Could not write this row: it conflicts with an existing record',
  },
} as const satisfies Record<string, Texts>;

/** A row-level problem code. */
export type ImportIssueCode = keyof typeof catalog;

// Placeholders filled with text from the file: shortened, so a huge cell never comes back in the answer.
const ECHOED = new Set(['value', 'key', 'column']);

/** Formats a row-level message with {placeholders}; text from the file is clipped to MAX_ECHO_CHARS. */
export function importMessage(code: ImportIssueCode, lang: Lang, params: Record<string, unknown> = {}): string {
  return textIn(catalog[code], lang).replace(/\{(\w+)\}/g, (_, k) => {
    const v = String(params[k] ?? '');
    return ECHOED.has(k) ? clip(v) : v;
  });
}
