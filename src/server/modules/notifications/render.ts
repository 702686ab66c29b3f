// A notification's words in the reader's language, from its kind and data at read time; rows written before data
// existed (or kinds without a renderer) show the text stored with them.
import type { Lang } from '../../i18n/messages.js';
import { authText } from '../auth/texts.js';
import { type ReminderData, type ReminderKind, reminderText, renderReminder } from '../reminders/texts.js';
import { renderSpike, type SpikeData } from '../spikes/texts.js';

/** A stored notification as far as its words go. */
export interface StoredNotification {
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown> | null;
}

type Render = (data: any, stored: StoredNotification, lang: Lang) => { title: string; body: string } | null;

const reminder: Render = (d, s, lang) =>
  typeof d.title === 'string' && typeof d.dueAt === 'string'
    ? renderReminder(s.kind as ReminderKind, d as ReminderData, lang)
    : null;

const RENDERERS: Record<string, Render> = {
  accept_due_soon: reminder,
  accept_overdue: reminder,
  reply_due_soon: reminder,
  reply_overdue: reminder,
  // The body is the office's answer to the citizen: written once, in the language it was written in.
  feedback: (d, s, lang) =>
    typeof d.title === 'string'
      ? { title: reminderText('feedback_title', { title: d.title }, lang).slice(0, 300), body: s.body }
      : null,
  spike: (d, _s, lang) =>
    typeof d.village === 'string' && typeof d.count === 'number' ? renderSpike(d as SpikeData, lang) : null,
  account_locked: (d, _s, lang) =>
    typeof d.username === 'string'
      ? { title: authText('account_locked_title', d, lang), body: authText('account_locked_body', d, lang) }
      : null,
};

/** The title and body to show: rendered from kind + data when both are known, else the stored text. */
export function renderNotification(n: StoredNotification, lang: Lang): { title: string; body: string } {
  const render = n.data ? RENDERERS[n.kind] : undefined;
  return render?.(n.data, n, lang) ?? { title: n.title, body: n.body };
}
