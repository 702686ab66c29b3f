// The texts reminders and feedback notices write (in-app, email, SMS): one catalogue, Chinese stored by default.
import type { Lang } from '../../i18n/messages.js';

export const reminderTexts = {
  accept_due_soon: { zh: '即将超期未受理：{title}', en: 'Acceptance due soon: {title}' },
  accept_overdue: { zh: '已超期未受理：{title}', en: 'Acceptance overdue: {title}' },
  reply_due_soon: { zh: '即将到办理期限：{title}', en: 'Reply due soon: {title}' },
  reply_overdue: { zh: '已超过办理期限：{title}', en: 'Reply overdue: {title}' },
  due_at: { zh: '期限：{due}', en: 'Due: {due}' },
  feedback_title: { zh: '办理结果已反馈：{title}', en: 'Feedback on: {title}' },
  feedback_email_subject: { zh: '社情民意办理结果反馈：{title}', en: 'The answer to your opinion: {title}' },
  feedback_email_body: {
    zh: '您反映的“{title}”已有办理结果：\n\n{reply}\n\n查询码：{code}（可在县政协社情民意查询页面查看并评价）',
    en: 'Your opinion "{title}" has been answered:\n\n{reply}\n\nTracking code: {code} (view and rate it on the tracking page)',
  },
  feedback_sms: {
    zh: '您反映的“{title}”已办理并答复，查询码 {code}，可上网查看并评价。',
    en: 'Your opinion "{title}" has been answered; tracking code {code}, view and rate it online.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** A text key of the catalogue. */
export type ReminderTextKey = keyof typeof reminderTexts;

/** Fills a catalogue text's {placeholders}; Chinese unless told (what is stored is read by Chinese staff and citizens). */
export function reminderText(key: ReminderTextKey, params: Record<string, unknown>, lang: Lang = 'zh'): string {
  const template: string = reminderTexts[key][lang];
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}
