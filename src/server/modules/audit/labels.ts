// The audit log's action and record-type codes in words (zh, en): the server's side of the labels the web page shows,
// used by the xlsx export. Codes "prefix:step" name a lifecycle step (transition:accept, step:issue, proposal:submit).
import { OPINION_ACTIONS } from '../../../core/opinions/lifecycle.js';
import { PROPOSAL_ACTIONS } from '../../../core/proposals/lifecycle.js';
import type { Lang, Texts } from '../../i18n/messages.js';

type Labels = Record<string, Texts>;

/** Plain action codes (writeAudit's `action`). */
export const AUDIT_ACTIONS = {
  create: { zh: '新增', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  delete: { zh: '删除', en: 'Delete' },
  import: { zh: '导入', en: 'Import' },
  reset_password: { zh: '重置密码', en: 'Reset password' },
  change_password: { zh: '修改密码', en: 'Change password' },
  change_password_failed: { zh: '修改密码失败', en: 'Password change failed' },
  password_change_throttled: { zh: '改密码次数超限', en: 'Password changes blocked' },
  login: { zh: '登录', en: 'Sign in' },
  login_failed: { zh: '登录失败', en: 'Sign-in failed' },
  login_throttled: { zh: '登录限制', en: 'Sign-in throttled' },
  account_locked: { zh: '账号锁定', en: 'Account locked' },
  issue_api_token: { zh: '为其签发令牌', en: 'Token issued for' },
  duplicate_probe_blocked: { zh: '重复登记查询过多，已暂停', en: 'Too many duplicate checks: paused' },
  logout: { zh: '退出', en: 'Sign out' },
  seed_demo: { zh: '载入演示数据', en: 'Load demo data' },
  close: { zh: '关闭年度', en: 'Close the year' },
  compile_into_bulletin: { zh: '编入《社情民意》', en: 'Compile into bulletin' },
  escalate_to_proposal: { zh: '转为提案', en: 'Escalate to proposal' },
  release_contact: { zh: '释放联系方式', en: 'Release contact details' },
  relay: { zh: '记录转达', en: 'Record relay' },
  rate: { zh: '评价', en: 'Rate' },
  progress: { zh: '登记落实进展', en: 'Record progress' },
  grade: { zh: '评定落实成效', en: 'Grade the outcome' },
  status: { zh: '变更阶段', en: 'Change stage' },
  check_in: { zh: '签到', en: 'Check in' },
  record_matter: { zh: '登记接待事项', en: 'Record a matter' },
  hold: { zh: '完成接待', en: 'Close the day as held' },
  cancel: { zh: '取消', en: 'Cancel' },
} as const satisfies Labels;

/** What a prefix says about the step after the colon. */
export const AUDIT_PREFIXES = {
  transition: { zh: '社情民意办理', en: 'Item' },
  step: { zh: '刊物流程', en: 'Bulletin' },
  proposal: { zh: '提案办理', en: 'Proposal' },
} as const satisfies Labels;

const OPINION_EN: Record<(typeof OPINION_ACTIONS)[number]['code'], string> = {
  accept: 'Accept',
  not_accept: 'Do not accept',
  merge: 'Merge',
  forward: 'Forward',
  urge: 'Urge',
  reply: 'Reply',
  add_co_opinion: 'Co-handler opinion',
  request_extension: 'Request extension',
  approve_extension: 'Approve extension',
  refuse_extension: 'Refuse extension',
  approve_reply: 'Approve reply',
  return_for_rework: 'Return for rework',
  reply_directly: 'Answer directly',
  send_feedback: 'Send feedback',
  rate: 'Rate',
  close: 'Close',
  reopen: 'Reopen',
  compile_into_bulletin: 'Compile into bulletin',
  escalate_to_proposal: 'Escalate to proposal',
};
const PROPOSAL_EN: Record<(typeof PROPOSAL_ACTIONS)[number]['code'], string> = {
  edit: 'Edit',
  invite: 'Invite co-signers',
  cosign: 'Answer invitation',
  submit: 'Submit',
  decide: 'Decide',
  assign: 'Assign',
  reply: 'Reply',
  rate: 'Rate',
};
const fromCore = (list: readonly { code: string; label: string }[], en: Record<string, string>): Labels =>
  Object.fromEntries(list.map((x) => [x.code, { zh: x.label, en: en[x.code] ?? x.code }]));

/** The steps after each prefix: the lifecycle tables' own (Chinese) labels, with English beside them. */
export const AUDIT_STEPS: Record<keyof typeof AUDIT_PREFIXES, Labels> = {
  transition: fromCore(OPINION_ACTIONS, OPINION_EN),
  step: {
    submit: { zh: '提交签发', en: 'Submitted' },
    sign_off: { zh: '签发', en: 'Signed off' },
    return: { zh: '退回修改', en: 'Returned' },
    issue: { zh: '印发', en: 'Issued' },
  },
  proposal: fromCore(PROPOSAL_ACTIONS, PROPOSAL_EN),
};

/** Record types (writeAudit's `entity`); import batches are named by the kind imported. */
export const AUDIT_ENTITIES = {
  member: { zh: '委员', en: 'Member' },
  representative: { zh: '群众代表', en: 'Representative' },
  activity: { zh: '联系活动', en: 'Activity' },
  attachment: { zh: '附件', en: 'Attachment' },
  region: { zh: '区划', en: 'Region' },
  regions: { zh: '区划导入', en: 'Region import' },
  members: { zh: '委员导入', en: 'Member import' },
  representatives: { zh: '群众代表导入', en: 'Representative import' },
  sector: { zh: '界别', en: 'Sector' },
  term: { zh: '届次', en: 'Term' },
  liaison_group: { zh: '联络组', en: 'Liaison group' },
  department: { zh: '部门', en: 'Department' },
  user: { zh: '账号', en: 'Account' },
  api_token: { zh: 'API 令牌', en: 'API token' },
  settings: { zh: '设置', en: 'Settings' },
  system: { zh: '系统', en: 'System' },
  opinion: { zh: '社情民意', en: '社情民意 item' },
  opinion_attachment: { zh: '社情民意附件', en: 'Item attachment' },
  opinion_category: { zh: '意见分类', en: 'Opinion category' },
  saved_view: { zh: '保存的视图', en: 'Saved view' },
  calendar_override: { zh: '工作日历', en: 'Working-day calendar' },
  bulletin: { zh: '《社情民意》刊物', en: 'Bulletin' },
  bulletin_outcome: { zh: '采用与批示', en: 'Adoption or instruction' },
  proposal: { zh: '提案', en: 'Proposal' },
  consultation: { zh: '协商', en: 'Consultation' },
  consultation_outcome: { zh: '协商成果', en: 'Consultation outcome' },
  reception_day: { zh: '委员接待日', en: 'Reception day' },
  reception_booking: { zh: '接待日预约', en: 'Reception booking' },
  assessment_scheme: { zh: '考核方案', en: 'Assessment scheme' },
  assessment_year: { zh: '考核年度', en: 'Assessment year' },
  assessment_entry: { zh: '考核记录', en: 'Assessment entry' },
  assessment_appeal: { zh: '考核申诉', en: 'Assessment appeal' },
  assessment_evaluation: { zh: '述职评议', en: 'Annual report evaluation' },
} as const satisfies Labels;

/** An unknown code made readable: "record_matter" → "record matter". */
export const readableCode = (code: string) => code.replace(/_/g, ' ').trim() || code;

/** The words for an action code; "prefix:step" reads "前缀：步骤", unknown codes stay readable. */
export function auditActionLabel(code: string, lang: Lang): string {
  const at = code.indexOf(':');
  if (at < 0) return (AUDIT_ACTIONS as Labels)[code]?.[lang] ?? readableCode(code);
  const prefix = code.slice(0, at);
  const step = code.slice(at + 1);
  const head = (AUDIT_PREFIXES as Labels)[prefix]?.[lang] ?? readableCode(prefix);
  const tail = AUDIT_STEPS[prefix as keyof typeof AUDIT_PREFIXES]?.[step]?.[lang] ?? readableCode(step);
  return `${head}${lang === 'zh' ? '：' : ': '}${tail}`;
}

/** The words for a record type. */
export function auditEntityLabel(code: string, lang: Lang): string {
  return (AUDIT_ENTITIES as Labels)[code]?.[lang] ?? readableCode(code);
}
