// The precise definition of each KPI, returned with every report so readers (and the UI's tooltips) see the rule.
import type { Lang } from '../../i18n/messages.js';

const zh = {
  cohort: '统计对象：在所选期间内接收（按北京时间日期）的社情民意，已合并的重复件不计；事件不论发生于何时均计入。',
  received: '收件量：期间内接收的件数。',
  acceptance: '受理率 = 已受理件数（状态为已受理或其后任一状态）÷ 已分流件数（已受理 + 不予受理）。',
  onTime:
    '按时办结率 = 承办单位首次答复日期不晚于办理期限（转办期限，经批准延期后为新期限）的件数 ÷ 有承办单位答复的件数。',
  reply: '回复率 = 有承办单位答复或办公室直接答复的件数 ÷ 已受理（含已转办）件数。',
  feedback: '反馈率 = 答复已审核（或直接答复）且已反馈的件数 ÷ 答复已审核（或直接答复）的件数。',
  satisfaction: '满意率 = “满意”与“基本满意”评价次数 ÷ 全部评价次数（群众与每位提出委员的评价各计一次）。',
  avgHandlingDays: '平均办理天数 = 自接收至首次反馈的自然日数的平均值（仅计已反馈件）。',
};

const en = {
  cohort:
    'Items received in the period (China dates), merged duplicates excluded; events count whenever they happened.',
  received: 'Received: items received in the period.',
  acceptance: 'Acceptance = items accepted (accepted or any later status) ÷ items triaged (accepted + not accepted).',
  onTime:
    "On time = items whose first department reply date is on or before the deadline (the forward's, or the extended one) ÷ items with a department reply.",
  reply: 'Reply rate = items with a department reply or a direct office reply ÷ items accepted (incl. forwarded).',
  feedback:
    'Feedback rate = items with an approved (or direct) reply and feedback sent ÷ items with an approved reply.',
  satisfaction:
    'Satisfaction = satisfied + basically satisfied ratings ÷ all ratings (the citizen and each originating member count once each).',
  avgHandlingDays: 'Average handling days = mean calendar days from receipt to first feedback (items with feedback).',
};

/** The definitions in the request's language. */
export function definitionsFor(lang: Lang) {
  return lang === 'en' ? en : zh;
}
