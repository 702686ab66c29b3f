// Server-side message catalogue: every error code in Chinese (default) and English, chosen by Accept-Language.
export type Lang = 'zh' | 'en';

export const messages = {
  validation_failed: { zh: '提交的数据有误，请检查标注的字段', en: 'Some fields are invalid' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  session_expired: { zh: '登录已超时，请重新登录', en: 'Your session has expired, please sign in again' },
  bad_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: {
    zh: '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes',
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
  import_invalid: {
    zh: '导入文件有 {count} 处错误，未写入任何数据',
    en: '{count} problems in the file; nothing was imported',
  },
  import_bad_file: {
    zh: '无法读取该文件，请使用下载的 Excel 模板（.xlsx）',
    en: 'Cannot read the file; use the .xlsx template',
  },
  rate_limited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  invalid_transition: {
    zh: '当前状态为「{statusLabel}」，不能执行「{actionLabel}」；可执行的操作：{allowedLabels}',
    en: 'The item is {status}; "{action}" is not possible now. Allowed actions: {allowed}',
  },
  internal: { zh: '服务器内部错误，请稍后再试', en: 'Internal error, try again later' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageCode = keyof typeof messages;

/** Picks the caller's language from Accept-Language: English only when asked for first, Chinese otherwise. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

/** Formats a catalogue message with {placeholders}. */
export function t(code: MessageCode, lang: Lang, params: Record<string, unknown> = {}): string {
  const template: string = messages[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}
