// Server-side message catalogue: every error code in Chinese (default), English and Uyghur (messages-ug.ts), chosen by
// Accept-Language.
import { ugMessages } from './messages-ug.js';

/** The languages the server answers in (the web app's locale folders zh, en, ug). */
export const LANGS = ['zh', 'en', 'ug'] as const;
export type Lang = (typeof LANGS)[number];

/** A module's own texts: Chinese and English always, other languages when translated (Chinese is the fallback). */
export type Texts = { zh: string; en: string } & Partial<Record<Lang, string>>;

/** The text in the given language, or the Chinese one when that language has no translation yet. */
export const textIn = (texts: Texts, lang: Lang): string => texts[lang] ?? texts.zh;

export const messages = {
  validation_failed: { zh: '提交的数据有误，请检查标注的字段', en: 'Some fields are invalid' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  session_expired: { zh: '登录已超时，请重新登录', en: 'Your session has expired, please sign in again' },
  bad_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: {
    zh: '该账号登录失败次数过多，已临时锁定，请 {minutes} 分钟后再试，或请管理员重置密码',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes (an admin can reset the password)',
  },
  too_many_attempts: {
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  password_attempts_exceeded: {
    zh: '当前密码输入错误次数过多，已退出登录；请 {minutes} 分钟后重新登录再修改密码',
    en: 'Too many wrong current passwords; you have been signed out. Sign in and try again in {minutes} minutes',
  },
  account_disabled: { zh: '账号已停用', en: 'This account is disabled' },
  csrf_failed: { zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed, reload the page and retry' },
  forbidden: { zh: '没有权限执行此操作', en: 'You may not do this' },
  not_found: { zh: '记录不存在或无权查看', en: 'Not found' },
  conflict: { zh: '与已有记录冲突', en: 'Conflicts with an existing record' },
  duplicate_representative: {
    zh: '已存在同名同电话的群众代表：{name}（{phone}）',
    en: 'A representative with the same name and phone already exists: {name} ({phone})',
  },
  duplicate_username: { zh: '用户名已被使用', en: 'Username already taken' },
  weak_password: { zh: '密码不符合要求', en: 'The password does not meet the rules' },
  wrong_password: { zh: '当前密码不正确', en: 'The current password is wrong' },
  in_use: { zh: '该记录正在被使用，不能删除', en: 'The record is in use and cannot be deleted' },
  payload_too_large: { zh: '文件过大，最大允许 {maxMb} MB', en: 'File too large; the limit is {maxMb} MB' },
  unsupported_file_type: { zh: '不支持的文件类型：{allowed}', en: 'Unsupported file type; allowed: {allowed}' },
  too_many_files: { zh: '一次最多上传 {max} 个文件', en: 'At most {max} files at a time' },
  import_invalid: {
    zh: '导入文件有 {count} 处错误，未写入任何数据',
    en: '{count} problems in the file; nothing was imported',
  },
  import_bad_file: {
    zh: '无法读取该文件，请使用下载的 Excel 模板（.xlsx）',
    en: 'Cannot read the file; use the .xlsx template',
  },
  import_too_large: {
    zh: '文件超出导入限制，未写入任何数据：{reason}',
    en: 'The file exceeds the import limits; nothing was imported: {reason}',
  },
  rate_limited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  invalid_transition: {
    zh: '当前状态为「{statusLabel}」，不能执行「{actionLabel}」；可执行的操作：{allowedLabels}',
    en: 'The item is {status}; "{action}" is not possible now. Allowed actions: {allowed}',
  },
  slot_taken: {
    zh: '该时段已被预约，请选择其他时段',
    en: 'This time slot is already booked; pick another one',
  },
  reception_closed: {
    zh: '该接待日已结束或已取消，不能再预约或修改',
    en: 'This reception day is over or cancelled; it can no longer be booked or changed',
  },
  reception_slot_booked: {
    zh: '时段 {time} 已有预约，不能删除',
    en: 'The slot at {time} has a booking and cannot be removed',
  },
  reception_not_today: {
    zh: '接待日当天或之后才能签到、登记和办结',
    en: 'Check-in, recording and closing are possible from the day itself',
  },
  booking_state: {
    zh: '该预约当前状态不能执行此操作',
    en: 'The booking is not in a state that allows this',
  },
  consultation_state: {
    zh: '协商当前阶段不能执行此操作：须按“计划→已召开→落实中→已完成”依次推进，全部成果办结后才能完成',
    en: 'Not possible at this stage: steps go planned → held → implementing → completed, completing needs every outcome done',
  },
  outcome_state: {
    zh: '该成果当前状态不能执行此操作',
    en: 'The outcome is not in a state that allows this',
  },
  bulk_refused: {
    zh: '{count} 项不能执行「{actionLabel}」，全部未作更改：{list}',
    en: '{count} items refuse "{action}"; nothing was changed: {list}',
  },
  duplicate_view_name: { zh: '已有同名的视图「{name}」', en: 'You already have a view named "{name}"' },
  bulletin_too_long: {
    zh: '正文 {count} 字，超过 {max} 字上限',
    en: 'The body has {count} characters, over the limit of {max}',
  },
  bulletin_mixed_topics: {
    zh: '一期只能一个主题：所选社情民意分属不同类别（{names}），请拆分或选定同一类别的条目',
    en: 'One topic per issue: the items belong to different categories ({names})',
  },
  bulletin_category_required: {
    zh: '所选社情民意没有类别，请选定本期的类别',
    en: 'The items have no category; pick the category of the issue',
  },
  bulletin_item_ineligible: {
    zh: '社情民意「{title}」当前状态为「{statusLabel}」，须受理后才能编入《社情民意》',
    en: 'Item "{title}" is {status}; only accepted items can be compiled',
  },
  bulletin_item_compiled: {
    zh: '社情民意「{title}」已编入其他期《社情民意》',
    en: 'Item "{title}" is already in another bulletin',
  },
  bulletin_invalid_step: {
    zh: '本期当前状态为「{statusLabel}」，不能执行「{stepLabel}」',
    en: 'The bulletin is {status}; "{step}" is not possible now',
  },
  bulletin_self_signoff: {
    zh: '编辑人不能签发自己编辑的稿件，请由领导或其他工作人员签发',
    en: 'The editor cannot sign off their own draft',
  },
  bulletin_not_issued: {
    zh: '本期尚未印发（当前状态「{statusLabel}」），印发后才能登记采用或批示',
    en: 'Outcomes can be recorded only for issued bulletins (this one is {status})',
  },
  bulletin_comment_required: { zh: '退回修改须填写意见', en: 'A comment is required to return a draft' },
  feedback_not_sent: {
    zh: '该件尚未向委员反馈办理结果，暂不能记录转达',
    en: 'The feedback on this item has not been sent yet; relaying cannot be recorded',
  },
  assessment_year_closed: {
    zh: '{year} 年度考核已关闭，不能再修改（年度已关闭）',
    en: 'The {year} assessment is closed and can no longer be changed',
  },
  assessment_year_missing: { zh: '{year} 年度尚未设置考核方案', en: 'No assessment scheme is set for {year}' },
  proposal_cosign_closed: {
    zh: '联名截止日期已过（{deadline}），不能再答复联名邀请',
    en: 'The co-signing deadline ({deadline}) has passed; the invitation can no longer be answered',
  },
  proposal_cosign_pending: {
    zh: '还有 {count} 位委员未答复联名邀请，请等到截止日期（{deadline}）之后或全部答复后再提交',
    en: '{count} invited members have not answered; submit after the deadline ({deadline}) or once all have answered',
  },
  proposal_deadline_past: { zh: '联名截止日期不能早于今天', en: 'The co-signing deadline cannot be in the past' },
  proposal_member_only: { zh: '只有委员本人可以起草提案', en: 'Only members can draft proposals' },
  petition_extension_used: {
    zh: '信访事项只能延期一次（最多 {max} 次），已经延期过，不能再次延期',
    en: 'A petition may be extended only once ({max}); it has already been extended',
  },
  petition_review_late: {
    zh: '已超过申请复查的期限：答复日期 {answeredOn}，复查申请应在 {lastDay} 前提出（答复之日起30日内）',
    en: 'Too late to request a review: answered on {answeredOn}, the last day was {lastDay} (30 days)',
  },
  contact_already_released: {
    zh: '该事项的联系人信息已向承办单位公开',
    en: 'The contact details of this item are already released to the departments',
  },
  opinion_reply_file_locked: {
    zh: '该文件随答复一并提交，不能删除',
    en: 'This file was submitted with a reply and cannot be deleted',
  },
  reference_missing: {
    zh: '所选的关联记录不存在或已被删除，请刷新后重新选择',
    en: 'A record you chose no longer exists; reload and choose again',
  },
  password_change_required: {
    zh: '首次登录或密码已被重置，请先修改密码',
    en: 'Change your password before doing anything else',
  },
  activity_has_opinions: {
    zh: '该联系活动已转为 {count} 条社情民意，不能删除；如需更正请修改活动内容',
    en: 'This activity has {count} 社情民意 item(s) raised from it and cannot be deleted; edit it instead',
  },
  opinion_already_raised: {
    zh: '意见「{title}」已转为社情民意，不能重复转',
    en: 'The opinion "{title}" has already been raised as an item',
  },
  database_unavailable: {
    zh: '数据库暂时无法连接，请稍后再试',
    en: 'The database is temporarily unavailable, try again shortly',
  },
  data_dir_locked: {
    zh: '数据目录 {dir} 正被另一个界联进程使用（进程号 {pid}，主机 {host}，命令「{command}」，自 {since} 起），未做任何修改。请先停止该进程；备份运行中的嵌入式数据库请先停止服务，生产环境请使用 PostgreSQL 与 pg_dump',
    en: 'The data folder {dir} is in use by another Jielian process (pid {pid} on {host}, "{command}", since {since}); nothing was changed. Stop that process first (stop the server to back up an embedded database; in production use PostgreSQL and pg_dump)',
  },
  backup_damaged: {
    zh: '备份文件已损坏或被改动（{reason}），未做任何修改',
    en: 'The backup file is damaged or was altered ({reason}); nothing was changed',
  },
  backup_format: {
    zh: '不支持的备份格式版本 {version}（本程序可读取 1 至 {supported} 版），未做任何修改',
    en: 'Unsupported backup format version {version} (this program reads versions 1 to {supported}); nothing was changed',
  },
  open311_api_key: {
    zh: '缺少或无效的 api_key（由管理员在「API 令牌」中签发）',
    en: 'Missing or invalid api_key (issued by an administrator as an API token)',
  },
  open311_jurisdiction: { zh: '未找到 jurisdiction_id：{id}', en: 'jurisdiction_id not found: {id}' },
  open311_service_code_missing: { zh: '缺少 service_code', en: 'service_code was not provided' },
  open311_service_code: { zh: '未找到 service_code：{code}', en: 'service_code not found: {code}' },
  open311_location: {
    zh: '请提供地点：address_id（村的编号）或 address_string（村名）；暂不支持仅凭经纬度定位',
    en: 'Give a location: address_id (a village id) or address_string (a village name); lat/long alone cannot be placed',
  },
  open311_address: {
    zh: '无法识别的地点「{address}」，请改用 address_id',
    en: 'Unknown location "{address}"; use address_id',
  },
  open311_date: {
    zh: '{field} 须为带时区的 W3C 日期时间，例如 2026-01-01T00:00:00Z',
    en: '{field} must be a W3C datetime with a time zone, e.g. 2026-01-01T00:00:00Z',
  },
  open311_span: { zh: '查询时间跨度不能超过 90 天', en: 'The date range may not span more than 90 days' },
  open311_status: { zh: 'status 只能是 open 或 closed', en: 'status must be open or closed' },
  open311_ids: {
    zh: 'service_request_id 须为逗号分隔的数字',
    en: 'service_request_id must be comma-separated numbers',
  },
  open311_request_not_found: { zh: '未找到服务请求：{id}', en: 'service_request_id not found: {id}' },
  open311_token_not_found: { zh: '未找到 token：{token}', en: 'token not found: {token}' },
  open311_not_found: { zh: '没有这个 Open311 资源', en: 'No such Open311 resource' },
  open311_attr_title: {
    zh: '标题（不超过 100 字；不填则取描述的开头）',
    en: 'Title (at most 100 characters; defaults to the start of the description)',
  },
  open311_attr_consent: {
    zh: '提交人已阅读并同意个人信息处理说明（必填，值为 true）',
    en: 'The submitter has read and agreed to the personal-data notice (required, value true)',
  },
  open311_consent_yes: { zh: '同意', en: 'Agreed' },
  webhook_secret_required: {
    zh: '新的推送地址须填写签名密钥（至少 16 个字符）',
    en: 'A new endpoint needs a signing secret (at least 16 characters)',
  },
  subscription_token_invalid: {
    zh: '链接无效：请检查是否完整复制了邮件中的链接',
    en: 'This link is not valid: check that the whole link from the e-mail was copied',
  },
  subscription_token_expired: {
    zh: '确认链接已过期（7 天内有效），请重新订阅',
    en: 'This confirmation link has expired (it is valid for 7 days); please subscribe again',
  },
  problem_invalid_status: {
    zh: '民生问题当前为「{fromLabel}」，不能改为「{toLabel}」（可改为：{allowedLabels}）；须按“征集中→已确定→推进中→已解决/部分解决”推进',
    en: 'A problem that is {from} cannot become {to}; steps go collecting → confirmed → in_progress → solved / partly_solved',
  },
  follow_ref_invalid: {
    zh: '无法并入所选事项：选择已失效（超过几小时或已被改动）。请重新查看“已有人反映”的事项后再选，或取消并入直接提交',
    en: 'Cannot join the chosen matter: the choice has expired or was altered. Look at the matters already raised again, or submit without joining',
  },
  category_not_pickable: {
    zh: '不能选这个分类：请选一个启用中的末级分类（有下级分类的顶层分类不能直接选择）',
    en: 'This category cannot be chosen: pick an active category at the lowest level (a top level with sub-categories cannot be chosen)',
  },
  opinion_category_locked: {
    zh: '该事项已办结或已合并，不能再改分类；如需修改请先重新督办',
    en: 'This item is closed or merged, so its category can no longer change; reopen it first',
  },
  internal: { zh: '服务器内部错误，请稍后再试', en: 'Internal error, try again later' },
} as const satisfies Record<string, Record<'zh' | 'en', string>>;

export type MessageCode = keyof typeof messages;

/** Picks the caller's language from Accept-Language: English or Uyghur only when asked for first, Chinese otherwise. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  const base = first.split(/[-_;]/)[0];
  return base === 'en' || base === 'ug' ? base : 'zh';
}

/** Formats a catalogue message with {placeholders}. */
export function t(code: MessageCode, lang: Lang, params: Record<string, unknown> = {}): string {
  const template: string = lang === 'ug' ? ugMessages[code] : messages[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}
