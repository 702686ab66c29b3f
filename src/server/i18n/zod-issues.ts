// Translates zod validation issues into field-level messages in the caller's language.
import { type Lang, type Texts, textIn } from './messages.js';

const fieldMessages: Record<string, Texts> = {
  phone_invalid: {
    zh: '请输入正确的手机号或固定电话（如 13812345678 或 0572-5123456）',
    en: 'Enter a valid mobile or landline number',
  },
  region_code_invalid: { zh: '区划代码应为12位数字', en: 'The division code must be 12 digits' },
  village_or_department: {
    zh: '必须且只能选择所属村（社区）或乡机关部门之一',
    en: 'Choose exactly one of village or department',
  },
  date_invalid: { zh: '日期格式应为 YYYY-MM-DD', en: 'Use the date format YYYY-MM-DD' },
  min_le_max: { zh: '下限不能大于上限', en: 'The minimum cannot exceed the maximum' },
  code_unknown: { zh: '不在国家标准代码表中', en: 'Not in the national code list' },
  age_or_birth_year: { zh: '年龄应在 0–120 之间', en: 'Age must be 0–120' },
  member_required: { zh: '至少选择一名委员', en: 'Choose at least one member' },
  member_missing: { zh: '委员不存在', en: 'No such member' },
  subscription_target: {
    zh: '请选择要订阅的民生问题或乡镇（街道）',
    en: 'Choose a published problem or a township to follow',
    ug: 'مۇشتەرى بولىدىغان خەلق تۇرمۇش مەسىلىسى ياكى يېزا-بازارنى تاللاڭ',
  },
  station_region: { zh: '请选择乡镇（街道）或村（社区）', en: 'Choose a township or village' },
  contact_not_yours: { zh: '联系对象不存在或不在您的名单中', en: 'No such representative in your lists' },
  village_missing: { zh: '村（社区）不存在', en: 'No such village or community' },
  region_required: { zh: '请选择所在村（社区）', en: 'Choose your village or community' },
  station_missing: { zh: '联络站不存在或未开放', en: 'No such open contact station' },
  township_missing: { zh: '乡镇（街道）不存在', en: 'No such township' },
  sector_not_current: { zh: '界别不属于本届', en: 'The sector is not in the current term' },
  file_required: { zh: '请选择文件', en: 'Choose a file' },
  date_range_reversed: { zh: '结束日期不能早于开始日期', en: 'The end date is before the start date' },
  activity_missing: { zh: '联系活动不存在或无权查看', en: 'No such activity' },
  activity_opinion_missing: {
    zh: '该联系活动的意见中没有这一条（可能已被修改），请刷新后重试',
    en: 'The activity has no such opinion (it may have been edited); reload and retry',
  },
  channel_required: { zh: '请选择来源渠道', en: 'Choose the channel' },
  department_missing: { zh: '承办单位不存在', en: 'No such department' },
  merge_target_invalid: { zh: '不能合并到该条目', en: 'Cannot merge into that item' },
  confidential_office_only: {
    zh: '只有办公室工作人员和领导可以将条目设为“保密”',
    en: 'Only office staff and the leader may mark an item confidential',
  },
  redaction_required: {
    zh: '保密条目转办前须填写脱敏后的标题和内容（承办单位只看到脱敏副本）',
    en: 'A confidential item needs a redacted title and text before it is forwarded (departments see only that copy)',
  },
  named_staff_invalid: {
    zh: '指定人员必须是在职的办公室工作人员',
    en: 'Named staff must be active office staff',
  },
  topics_region_missing: { zh: '所选地区不存在', en: 'No such area', ug: 'بۇنداق رايون يوق' },
  topics_period_order: {
    zh: '开始日期不能晚于结束日期',
    en: 'The start date cannot be after the end date',
    ug: 'باشلىنىش ۋاقتى ئاخىرلىشىش ۋاقتىدىن كېيىن بولسا بولمايدۇ',
  },
  topics_period_too_long: {
    zh: '统计期间最长三年',
    en: 'The period can be at most three years',
    ug: 'ۋاقىت دائىرىسى ئەڭ ئۇزۇن ئۈچ يىل بولىدۇ',
  },
  problem_region_township: { zh: '请选择乡镇（街道）', en: 'Choose a township' },
  problem_region_not_yours: {
    zh: '只能为本乡镇（街道）设立民生问题',
    en: 'You may only set up problems of your own township',
  },
  problem_item_missing: {
    zh: '所选社情民意不存在或无权查看',
    en: 'An item you chose does not exist or is not visible to you',
  },
  problem_outcome_required: {
    zh: '标记为已解决或部分解决时，请填写解决情况',
    en: 'Say what was done before marking the problem solved or partly solved',
  },
  duplicate_ids: { zh: '有重复的选项', en: 'Duplicate entries' },
  lead_is_co_handler: { zh: '主办单位不能同时是协办单位', en: 'The lead department cannot also co-handle' },
  comment_required: { zh: '选择“不满意”时请填写意见', en: 'Please explain why you are unsatisfied' },
  merge_into_self: { zh: '不能合并到自身', en: 'Cannot merge an item into itself' },
  auto_reason_system_only: { zh: '只有系统自动办结时才能注明该原因', en: 'Only the automatic close gives this reason' },
  steps_unknown_sequence: {
    zh: '不支持这组连续操作（可用：受理并转办、审核通过并反馈）',
    en: 'Unsupported sequence of steps (use accept and forward, or approve and send feedback)',
  },
  bulletin_not_draft: { zh: '该期刊不存在或已提交签发，不能再编入条目', en: 'No such draft issue that can take items' },
  proposal_missing: { zh: '提案不存在或无权关联', en: 'No such proposal you may link' },
  deadline_not_later: { zh: '新的期限必须晚于原期限', en: 'The new deadline must be later than the current one' },
  consent_required: { zh: '请阅读并同意隐私说明', en: 'Please read and accept the privacy notice' },
  category_missing: { zh: '请选择有效的分类', en: 'Choose a valid category' },
  originator_not_self: { zh: '委员只能将本人列为反映人', en: 'Members may name only themselves as originators' },
  channel_not_for_members: {
    zh: '委员只能选择联系活动或接待日作为来源渠道',
    en: 'Members may choose only a contact activity or a reception day as the channel',
  },
  text_unstorable: {
    zh: '含有无法保存的字符（空字符或残缺的 Unicode 字符），请删除后重试',
    en: 'Contains characters that cannot be stored (NUL or a broken Unicode character)',
  },
  patch_empty: { zh: '没有要修改的内容', en: 'Nothing to change: the request names no field' },
  id_out_of_range: { zh: '编号无效', en: 'Invalid id' },
  token_roles_not_held: {
    zh: '令牌的角色只能是所属账号已有的角色',
    en: 'A token may carry only roles its account has',
  },
};

/** Translates a message key of the field catalogue; anything else (already a sentence) passes through. */
export function translateFieldMessage(message: string, lang: Lang): string {
  return fieldMessages[message]?.[lang] ?? message;
}

/** A zod issue as the type provider hands it over (structure only, no zod import needed). */
export interface IssueLike {
  code: string;
  path?: PropertyKey[];
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  format?: string;
  values?: unknown[];
}

/** Turns one issue into a human message: our own codes from refinements, else a generic per-kind message. */
export function translateIssue(issue: IssueLike, lang: Lang): string {
  const own = issue.message ? fieldMessages[issue.message] : undefined;
  if (own) return textIn(own, lang);
  const zh = lang === 'zh';
  const isString = issue.origin === 'string';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'undefined' || issue.message?.includes('received undefined')
        ? zh
          ? '此项为必填项'
          : 'Required'
        : zh
          ? `类型不正确，应为 ${issue.expected}`
          : `Expected ${issue.expected}`;
    case 'too_small':
      if (isString && Number(issue.minimum) === 1) return zh ? '此项不能为空' : 'Required';
      return isString
        ? zh
          ? `至少 ${issue.minimum} 个字符`
          : `At least ${issue.minimum} characters`
        : issue.origin === 'array'
          ? zh
            ? `至少选择 ${issue.minimum} 项`
            : `Choose at least ${issue.minimum}`
          : zh
            ? `不能小于 ${issue.minimum}`
            : `Must be at least ${issue.minimum}`;
    case 'too_big':
      return isString
        ? zh
          ? `不能超过 ${issue.maximum} 个字符`
          : `At most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? zh
            ? `最多 ${issue.maximum} 项`
            : `At most ${issue.maximum} items`
          : zh
            ? `不能大于 ${issue.maximum}`
            : `Must be at most ${issue.maximum}`;
    case 'invalid_format':
      return zh ? `格式不正确（${issue.format}）` : `Invalid format (${issue.format})`;
    case 'invalid_value':
      return zh
        ? `取值无效，可选：${(issue.values ?? []).join('、')}`
        : `Invalid value; allowed: ${(issue.values ?? []).join(', ')}`;
    case 'unrecognized_keys':
      return zh ? '包含不允许的字段' : 'Unknown fields';
    default:
      return zh ? '取值无效' : 'Invalid value';
  }
}
