// The texts reminders and feedback notices write (in-app, email, SMS): one catalogue; in-app notices keep their kind
// and parameters and are worded in the reader's language when listed; email and SMS to a citizen go in the language
// of the form they used (opinion_originators.lang), Chinese otherwise.
import { toChinaDate } from '../../../core/calendar/index.js';
import { type Lang, type Texts, textIn } from '../../i18n/messages.js';

export const reminderTexts = {
  accept_due_soon: { zh: '即将超期未受理：{title}', en: 'Acceptance due soon: {title}' },
  accept_overdue: { zh: '已超期未受理：{title}', en: 'Acceptance overdue: {title}' },
  reply_due_soon: { zh: '即将到办理期限：{title}', en: 'Reply due soon: {title}' },
  reply_overdue: { zh: '已超过办理期限：{title}', en: 'Reply overdue: {title}' },
  accept_overdue_days: {
    zh: '已超期 {days} 个工作日未受理：{title}',
    en: 'Acceptance {days} working day(s) overdue: {title}',
  },
  reply_overdue_days: {
    zh: '已超过办理期限 {days} 个工作日：{title}',
    en: 'Reply {days} working day(s) overdue: {title}',
  },
  due_at: { zh: '期限：{due}', en: 'Due: {due}' },
  feedback_title: { zh: '办理结果已反馈：{title}', en: 'Feedback on: {title}' },
  feedback_email_subject: {
    zh: '社情民意办理结果反馈：{title}',
    en: 'The answer to your opinion: {title}',
    ug: 'ئىنكاسىڭىزغا بېرىلگەن جاۋاب: {title}',
  },
  feedback_email_body: {
    zh: '您反映的“{title}”已有办理结果：\n\n{reply}\n\n查询码：{code}（可在县政协社情民意查询页面查看并评价）',
    en: 'Your opinion "{title}" has been answered:\n\n{reply}\n\nTracking code: {code} (view and rate it on the tracking page)',
    ug: 'سىز ئىنكاس قىلغان «{title}» بىر تەرەپ قىلىندى:\n\n{reply}\n\nسۈرۈشتۈرۈش نومۇرى: {code} (سۈرۈشتۈرۈش بېتىدە كۆرۈپ باھا بېرەلەيسىز)',
  },
  feedback_sms: {
    zh: '您反映的“{title}”已办理并答复，查询码 {code}，可上网查看并评价。',
    en: 'Your opinion "{title}" has been answered; tracking code {code}, view and rate it online.',
    ug: 'سىز ئىنكاس قىلغان «{title}» بىر تەرەپ قىلىنىپ جاۋاب بېرىلدى، سۈرۈشتۈرۈش نومۇرى {code}، توردا كۆرۈپ باھا بېرىڭ.',
  },
} as const satisfies Record<string, Texts>;

/** A text key of the catalogue. */
export type ReminderTextKey = keyof typeof reminderTexts;

/** Fills a catalogue text's {placeholders}; Chinese unless told (what is stored is read by Chinese staff and citizens). */
export function reminderText(key: ReminderTextKey, params: Record<string, unknown>, lang: Lang = 'zh'): string {
  const template: string = textIn(reminderTexts[key], lang);
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}

/** The four deadline reminder kinds (notifications.kind). */
export type ReminderKind = 'accept_due_soon' | 'accept_overdue' | 'reply_due_soon' | 'reply_overdue';

/** What a deadline reminder stores in notifications.data. */
export interface ReminderData {
  title: string;
  /** The deadline instant (ISO). */
  dueAt: string;
  /** Working days past the deadline's date when the reminder was written (overdue kinds, when at least 1). */
  overdueDays?: number;
}

/** An instant as China wall time, "2026-10-09 17:00", the same in every language. */
export function chinaTime(at: Date): string {
  return `${toChinaDate(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;
}

/** A deadline reminder's title and body in a language; overdue ones say by how many working days when known. */
export function renderReminder(kind: ReminderKind, data: ReminderData, lang: Lang): { title: string; body: string } {
  const days = data.overdueDays ?? 0;
  const key: ReminderTextKey =
    days > 0 && kind === 'accept_overdue'
      ? 'accept_overdue_days'
      : days > 0 && kind === 'reply_overdue'
        ? 'reply_overdue_days'
        : kind;
  return {
    title: reminderText(key, { title: data.title, days }, lang).slice(0, 300),
    body: reminderText('due_at', { due: chinaTime(new Date(data.dueAt)) }, lang),
  };
}
