// The fixed facts behind the demo 社情民意 items: county departments, which department answers what, channels, reasons.
import type { Rng } from './demo-random.js';

/** County functional departments (kind 'county') that 社情民意 items are forwarded to. */
export const COUNTY_DEPARTMENTS = [
  '县交通运输局',
  '县农业农村局',
  '县生态环境分局',
  '县住建局',
  '县教育局',
  '县卫生健康局',
  '县民政局',
  '县医保局',
  '县水利局',
  '县自然资源和规划局',
  '县文化和广电旅游体育局',
  '县人社局',
] as const;

/** One routing rule: text that matches files under category › sub-category and goes to the lead department. */
export interface Route {
  test: RegExp;
  category: string;
  sub: string;
  dept: (typeof COUNTY_DEPARTMENTS)[number];
}

// First match wins, so the specific topics come before the broad ones.
const ROUTES: readonly Route[] = [
  { test: /养殖|生猪/, category: '生态环境', sub: '养殖污染', dept: '县生态环境分局' },
  { test: /污水|河道|漂浮物|农药包装/, category: '生态环境', sub: '水污染', dept: '县生态环境分局' },
  { test: /垃圾|厕所/, category: '生态环境', sub: '垃圾处理', dept: '县生态环境分局' },
  { test: /噪音/, category: '生态环境', sub: '噪声扰民', dept: '县生态环境分局' },
  { test: /自来水|供水|山泉水|天然气|电压/, category: '城乡建设', sub: '供水供电', dept: '县住建局' },
  { test: /透析|大病|医疗救助/, category: '社会保障', sub: '低保救助', dept: '县医保局' },
  { test: /医保/, category: '医疗卫生', sub: '医保报销', dept: '县医保局' },
  { test: /卫生室|家庭医生|疾控/, category: '医疗卫生', sub: '基层医疗', dept: '县卫生健康局' },
  { test: /公交|高铁/, category: '交通出行', sub: '公交线路', dept: '县交通运输局' },
  { test: /堵车|停车场/, category: '交通出行', sub: '停车管理', dept: '县交通运输局' },
  { test: /打通|机耕路|路灯|道路/, category: '交通出行', sub: '道路建设', dept: '县交通运输局' },
  { test: /校车|上下学/, category: '教育', sub: '校车与上学路', dept: '县教育局' },
  { test: /学位|入学|助学|托管/, category: '教育', sub: '义务教育', dept: '县教育局' },
  { test: /灌溉|渠道|山塘|河堤|水毁/, category: '农业农村', sub: '农村水利', dept: '县水利局' },
  { test: /滑坡|宅基地|建房/, category: '城乡建设', sub: '农房审批', dept: '县自然资源和规划局' },
  { test: /电梯|老旧小区|雨污/, category: '城乡建设', sub: '老旧小区改造', dept: '县住建局' },
  { test: /物业|充电/, category: '城乡建设', sub: '物业管理', dept: '县住建局' },
  { test: /白茶|茶农|茶叶/, category: '农业农村', sub: '白茶产业', dept: '县农业农村局' },
  { test: /土地流转|承包|租金/, category: '农业农村', sub: '土地流转', dept: '县农业农村局' },
  { test: /林下|中药材|品牌|毛竹|野猪|笋/, category: '农业农村', sub: '乡村振兴', dept: '县农业农村局' },
  { test: /集体经济/, category: '农业农村', sub: '乡村振兴', dept: '县农业农村局' },
  { test: /高龄|独居|老年|孤寡/, category: '社会保障', sub: '养老服务', dept: '县民政局' },
  { test: /残疾人/, category: '社会保障', sub: '残疾人帮扶', dept: '县民政局' },
  { test: /养老保险/, category: '社会保障', sub: '社保缴纳', dept: '县人社局' },
  { test: /招工|采茶工|创业|就业/, category: '经济发展', sub: '就业创业', dept: '县人社局' },
  { test: /民宿/, category: '文化旅游', sub: '民宿管理', dept: '县文化和广电旅游体育局' },
  { test: /研学|景区/, category: '文化旅游', sub: '景区建设', dept: '县文化和广电旅游体育局' },
  { test: /文化礼堂|健身/, category: '文化旅游', sub: '文体设施', dept: '县文化和广电旅游体育局' },
  { test: /纠纷|补偿/, category: '社会治理', sub: '矛盾纠纷', dept: '县民政局' },
  { test: /诈骗|防火|安全隐患/, category: '社会治理', sub: '安全隐患', dept: '县民政局' },
  { test: /快递|信号|宽带|市场/, category: '经济发展', sub: '营商环境', dept: '县人社局' },
  { test: /困难/, category: '社会保障', sub: '低保救助', dept: '县民政局' },
];

const FALLBACK: Route = { test: /./, category: '社会治理', sub: '基层治理', dept: '县民政局' };

/** Where an item's text belongs and who answers it; the same text always routes the same way. */
export function routeFor(text: string): Route {
  return ROUTES.find((r) => r.test.test(text)) ?? FALLBACK;
}

/** Intake channels of the demo with their share of the year's items. */
export const CHANNEL_WEIGHTS = [
  ['activity', 22],
  ['web', 18],
  ['phone', 14],
  ['officer', 10],
  ['reception', 8],
  ['letter', 6],
  ['box', 6],
  ['petition', 5],
  ['forum', 5],
  ['email', 6],
] as const;

/** A demo channel code. */
export type DemoChannel = (typeof CHANNEL_WEIGHTS)[number][0];

/** Why an item was not accepted (不予受理). */
export const NOT_ACCEPT_REASONS = [
  '反映内容属于司法程序处理范围，已告知当事人通过诉讼途径解决。',
  '反映事项已有明确处理结论，无新的事实和理由。',
  '反映内容过于简略，无法核实具体地点和事项，已告知补充材料后重新提交。',
  '属于个人商业纠纷，不属于社情民意受理范围。',
  '与前期已办结事项重复，已告知查询原办理结果。',
] as const;

/** What a citizen writes when unsatisfied (不满意 needs a comment). */
export const UNSATISFIED_COMMENTS = [
  '答复只说列入计划，问题至今没有解决。',
  '现场情况没有改善，希望再去看一看。',
  '答复内容和实际情况不符。',
  '整改后又出现反复，希望持续督促。',
] as const;

/** Kind words for a satisfied rating. */
export const SATISFIED_COMMENTS = ['', '', '处理及时，感谢！', '问题已解决，满意。', '基本解决，希望保持。'] as const;

/** The five hot topics (indexes into CONCERNS): 养殖污染, 自来水, 断头路, 大病救助, 农业帮扶. */
export const HOT_CONCERNS = [0, 1, 2, 3, 4] as const;

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A 10-character tracking code from the seeded stream, in the alphabet the public form uses; unique within `used`. */
export function makeTrackingCode(rng: Rng, used: Set<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 10; i++) code += ALPHABET[rng.int(0, ALPHABET.length - 1)];
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** A short title from an item's text: its first clause, at most 28 characters. */
export function titleOf(text: string): string {
  const body = text.replace(/^[^，。；\n]*?：/, '').replace(/^\s*\d+\.\s*/, '');
  const first = body.split(/[，。；！？,]/)[0] || body;
  return first.length > 28 ? `${first.slice(0, 27)}…` : first;
}
