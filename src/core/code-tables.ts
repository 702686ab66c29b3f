// The code lists (性别, 政治面貌, 学历, 联系方式, purposes, handling statuses, roles) and their label/code helpers, without
// validation: the web app imports this file so zod stays out of its bundle; code-lists.ts adds the zod schemas.
// One entry of a code list; the code is what we store, the label is what the paper forms print.
export interface CodeItem {
  readonly code: string;
  readonly label: string;
}

// Any code list, so helpers work on every list below.
export type CodeList = readonly CodeItem[];

// 性别 (GB/T 2261.1-2003), so records exchange cleanly with other government systems.
export const GENDER = [
  { code: '1', label: '男' },
  { code: '2', label: '女' },
  { code: '0', label: '未知的性别' },
  { code: '9', label: '未说明的性别' },
] as const satisfies CodeList;

// 政治面貌 (GB/T 4762); the standard's text for 12 is 无党派民主人士, today's usage is 无党派人士.
export const POLITICAL_STATUS = [
  { code: '01', label: '中国共产党党员' },
  { code: '02', label: '中国共产党预备党员' },
  { code: '03', label: '中国共产主义青年团团员' },
  { code: '04', label: '中国国民党革命委员会会员' },
  { code: '05', label: '中国民主同盟盟员' },
  { code: '06', label: '中国民主建国会会员' },
  { code: '07', label: '中国民主促进会会员' },
  { code: '08', label: '中国农工民主党党员' },
  { code: '09', label: '中国致公党党员' },
  { code: '10', label: '九三学社社员' },
  { code: '11', label: '台湾民主自治同盟盟员' },
  { code: '12', label: '无党派人士' },
  { code: '13', label: '群众' },
] as const satisfies CodeList;

// 学历 (GB/T 4658-2006): the level codes (x0) plus the two graduate degrees registries ask for.
export const EDUCATION = [
  { code: '10', label: '研究生教育' },
  { code: '11', label: '博士研究生毕业' },
  { code: '14', label: '硕士研究生毕业' },
  { code: '20', label: '大学本科教育' },
  { code: '30', label: '大学专科教育' },
  { code: '40', label: '中等职业教育' },
  { code: '60', label: '普通高级中学教育' },
  { code: '70', label: '初级中学教育' },
  { code: '80', label: '小学教育' },
  { code: '90', label: '其他' },
] as const satisfies CodeList;

// 联系方式, the tick boxes of the 活动记录卡.
export const CONTACT_METHODS = [
  { code: 'talk', label: '座谈' },
  { code: 'box', label: '社情民意箱' },
  { code: 'visit', label: '走访' },
  { code: 'phone', label: '电话' },
  { code: 'letter', label: '信件' },
  { code: 'other', label: '其他' },
] as const satisfies CodeList;

// Purpose tags of a contact activity (篇七 plus the usual extra kinds), used for filtering and scoring.
export const PURPOSE_TAGS = [
  { code: 'policy', label: '宣传政策' },
  { code: 'opinions', label: '征求意见' },
  { code: 'mediation', label: '化解矛盾' },
  { code: 'relief', label: '帮扶济困' },
  { code: 'reception', label: '委员接待日' },
  { code: 'research', label: '调研' },
  { code: 'inspection', label: '视察' },
  { code: 'charity', label: '公益活动' },
  { code: 'pairing', label: '结对帮扶' },
  { code: 'training', label: '学习培训' },
  { code: 'experience', label: '经验交流' },
] as const satisfies CodeList;

// How far an opinion heard in an activity has been handled (委员处理意见及办理情况).
export const HANDLING_STATUS = [
  { code: 'pending', label: '待处理' },
  { code: 'in_progress', label: '办理中' },
  { code: 'done', label: '已办结' },
  { code: 'reported', label: '已转社情民意' },
] as const satisfies CodeList;

// The account roles; policies are keyed by these codes.
export const ROLES = [
  { code: 'admin', label: '办公室工作人员' },
  { code: 'group_leader', label: '联络组组长' },
  { code: 'member', label: '委员' },
  { code: 'info_officer', label: '社情民意信息员' },
  { code: 'dept_handler', label: '承办单位' },
  { code: 'leader', label: '领导' },
] as const satisfies CodeList;

// Short forms people write in spreadsheets, so imports map them to the standard codes.
const ALIASES = new Map<CodeList, Readonly<Record<string, string>>>([
  [GENDER, { 男性: '1', 女性: '2' }],
  [
    POLITICAL_STATUS,
    {
      中共党员: '01',
      党员: '01',
      中共预备党员: '02',
      预备党员: '02',
      共青团员: '03',
      团员: '03',
      民革党员: '04',
      民革会员: '04',
      民盟盟员: '05',
      民建会员: '06',
      民进会员: '07',
      农工党党员: '08',
      致公党党员: '09',
      台盟盟员: '11',
      无党派民主人士: '12',
      无党派: '12',
    },
  ],
  [
    EDUCATION,
    {
      研究生: '10',
      博士: '11',
      博士研究生: '11',
      硕士: '14',
      硕士研究生: '14',
      本科: '20',
      大学本科: '20',
      大学: '20',
      专科: '30',
      大专: '30',
      大学专科: '30',
      中专: '40',
      职高: '40',
      技校: '40',
      高中: '60',
      普通高中: '60',
      初中: '70',
      小学: '80',
    },
  ],
]);

// Label to show for a stored code; undefined when the code is not in the list (e.g. retired codes).
export function labelOf(list: CodeList, code: string): string | undefined {
  return list.find((item) => item.code === code)?.label;
}

// Code for user input that may be a code, the full label or a common short form (Excel import, search).
export function codeOf<const T extends CodeList>(list: T, text: string): T[number]['code'] | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const hit = list.find((item) => item.code === t || item.label === t);
  if (hit) return hit.code;
  const alias = ALIASES.get(list)?.[t];
  return alias === undefined ? undefined : (alias as T[number]['code']);
}
