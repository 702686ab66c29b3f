// The texts sign-in security writes into the admins' in-app notifications: one catalogue, Chinese stored by default.
import { type Lang, type Texts, textIn } from '../../i18n/messages.js';

export const authTexts = {
  account_locked_title: {
    zh: '账号「{username}」登录失败次数过多，已锁定 {minutes} 分钟',
    en: 'Account "{username}" is locked for {minutes} minutes after too many failed sign-ins',
  },
  account_locked_body: {
    zh: '{hours} 小时内登录失败 {failures} 次，来自 {addresses} 个地址，最近一次来自 {ip}。如非本人操作，可能有人在猜测密码，请查看审计日志；重置密码可立即解除锁定。',
    en: '{failures} failed sign-ins in {hours} hours from {addresses} addresses, the latest from {ip}. Someone may be guessing the password: see the audit log. Resetting the password lifts the lock at once.',
  },
} as const satisfies Record<string, Texts>;

/** A text key of the catalogue. */
export type AuthTextKey = keyof typeof authTexts;

/** Fills a catalogue text's {placeholders}; Chinese unless told (what is stored is read by Chinese staff). */
export function authText(key: AuthTextKey, params: Record<string, unknown>, lang: Lang = 'zh'): string {
  const template: string = textIn(authTexts[key], lang);
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}
