// The columns of each import template: one list drives the template, its 说明 sheet, header checks and row parsing.

/** What can be imported from a spreadsheet. */
export const IMPORT_KINDS = ['regions', 'members', 'representatives'] as const;
/** One of the importable registries. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Where a column's drop-down list comes from: a national code list, a fixed choice, or the registry. */
export type ListSource = 'gender' | 'political' | 'education' | 'level' | 'yesno' | 'sector' | 'group';

/** One template column. */
export interface ColumnSpec {
  key: string;
  header: string;
  required: boolean;
  list?: ListSource;
  /** Kept as text in Excel (codes, phone numbers) so leading zeros and long digits survive. */
  asText?: boolean;
  width: number;
  note: string;
  example: string;
}

const col = (
  key: string,
  header: string,
  width: number,
  note: string,
  example: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  key,
  header,
  required: false,
  width,
  note,
  example,
  ...extra,
});
const req = { required: true };
const LINK_NOTE = '可填多个，用“、”或“,”分隔；留空则不修改已有的联系关系';

const regions: ColumnSpec[] = [
  col('code', '区划代码', 16, '12位统计用区划代码；按此列匹配已有区划', '330523001201', { ...req, asText: true }),
  col('name', '名称', 16, '乡镇（街道）或村（社区）名称', '古城村', req),
  col('level', '层级', 12, '“乡镇/街道”或“村/社区”；留空时有上级区划代码的为村（社区）', '村/社区', { list: 'level' }),
  col(
    'parentCode',
    '上级区划代码',
    16,
    '村（社区）所属乡镇（街道）的区划代码：须已存在或在本文件前面的行中',
    '330523001000',
    { asText: true },
  ),
  col('contactName', '联系人', 10, '村（社区）对接联系人', '王芳'),
  col('contactPhone', '联系电话', 16, '手机或带区号的固定电话', '13900001111', { asText: true }),
];

const members: ColumnSpec[] = [
  col('code', '委员编号', 12, '委员的唯一编号；按此列匹配已有委员', 'W0101', { ...req, asText: true }),
  col('name', '姓名', 10, '', '张三', req),
  col('gender', '性别', 8, '男 / 女', '男', { ...req, list: 'gender' }),
  col('birthYear', '出生年份', 10, '四位年份', '1975'),
  col('ethnicity', '民族', 8, '留空为汉族', '汉族'),
  col('politicalStatus', '政治面貌', 18, '按 GB/T 4762，可填简称（如“中共党员”“民盟盟员”“群众”）', '中国共产党党员', {
    ...req,
    list: 'political',
  }),
  col('education', '文化程度', 16, '按 GB/T 4658，可填简称（如“本科”“大专”）', '大学本科教育', { list: 'education' }),
  col('workUnit', '工作单位', 24, '', '安吉县农业农村局'),
  col('post', '职务', 14, '', '副局长'),
  col('sector', '界别', 14, '本届界别名称；同名界别可写成“上级界别/界别”', '农业', { ...req, list: 'sector' }),
  col('group', '联络组', 14, '联络组名称', '递铺联络组', { list: 'group' }),
  col('standing', '常委', 6, '是 / 否，留空为否', '否', { list: 'yesno' }),
  col('phone', '手机', 14, '', '13800001234', { asText: true }),
  col('email', '电子邮箱', 20, '', 'zhangsan@example.com'),
  col('address', '地址', 24, '', '递铺街道胜利路1号'),
  col('publicPhone', '公开电话', 14, '向群众公开的联系电话', '0572-5123456', { asText: true }),
  col('publishContact', '公开联系方式', 12, '是 / 否：是否向群众公开联系方式，留空为否', '是', { list: 'yesno' }),
  col(
    'villageCodes',
    '联系村（社区）区划代码',
    28,
    `委员联系的村（社区），${LINK_NOTE}`,
    '330523001201、330523001202',
    { asText: true },
  ),
];

const representatives: ColumnSpec[] = [
  col('name', '姓名', 10, '与联系电话一起匹配已有群众代表', '赵大', req),
  col('gender', '性别', 8, '男 / 女', '女', { ...req, list: 'gender' }),
  col('birthYear', '出生年份', 10, '四位年份；与年龄填一项即可', '1968'),
  col('age', '年龄', 6, '', ''),
  col('education', '文化程度', 16, '按 GB/T 4658，可填简称（如“高中”“初中”）', '普通高级中学教育', {
    list: 'education',
  }),
  col('politicalStatus', '政治面貌', 18, '按 GB/T 4762，可填简称；留空为群众', '群众', { list: 'political' }),
  col('post', '职务', 14, '', '村民小组长'),
  col('workUnit', '工作单位', 24, '', '古城村'),
  col('address', '地址', 24, '', '古城村1组18号'),
  col('phone', '联系电话', 16, '手机或带区号的固定电话；与姓名一起匹配已有群众代表', '13800000001', {
    ...req,
    asText: true,
  }),
  col('regionCode', '所属村（社区）区划代码', 22, '与“所属乡机关部门”必须且只能填写一项', '330523001201', {
    asText: true,
  }),
  col('department', '所属乡机关部门', 20, '部门名称；同名部门写成“乡镇（街道）名称/部门名称”', ''),
  col('memberCodes', '联系委员编号', 18, `联系该代表的委员编号，${LINK_NOTE}`, 'W0101', { asText: true }),
  col('remarks', '备注', 24, '', ''),
];

/** The columns of each kind, in template order. */
export const COLUMNS: Record<ImportKind, ColumnSpec[]> = { regions, members, representatives };

/** The data sheet's name in each template. */
export const SHEET_NAMES: Record<ImportKind, string> = {
  regions: '区划',
  members: '委员',
  representatives: '群众代表',
};

/** The file name offered for download. */
export const TEMPLATE_FILE_NAMES: Record<ImportKind, string> = {
  regions: '区划导入模板.xlsx',
  members: '委员导入模板.xlsx',
  representatives: '群众代表导入模板.xlsx',
};

/** Sheets of our templates that hold no data rows. */
export const HELP_SHEET = '说明';
/** Hidden sheet holding the drop-down lists. */
export const LIST_SHEET = '代码表';

/** The header text as printed: required columns carry a trailing *. */
export const headerText = (c: ColumnSpec) => (c.required ? `${c.header}*` : c.header);

/** Folds a header the way people retype it: full-width forms, spaces and the required-mark * do not matter. */
export function normalizeHeader(s: string): string {
  return s.normalize('NFKC').replace(/[\s*]/g, '');
}

/** Separators people use between several codes in one cell. */
export const LIST_SEPARATORS = /[、,，;；\s]+/;
