// Default 社情民意 deadlines (settings the office edits, per-category overridable) on the working-day calendar.
import { z } from 'zod';
import { type DateInput, type IsoDate, toChinaDate } from './china-time';
import { acceptanceDeadline } from './petition-clock';
import { addWorkingDays, type CalendarData } from './working-days';
import { addWorkingHours } from './working-hours';

// The deadline settings: acceptance and department reply periods, normal and urgent.
export interface DeadlineSettings {
  acceptWorkingDays: number;
  urgentAcceptHours: number;
  replyWorkingDays: number;
  urgentReplyWorkingDays: number;
}

// The defaults: accept within 1 working day (urgent 2 hours); reply in 15 working days (urgent 5).
export const DEFAULT_DEADLINE_SETTINGS: Readonly<DeadlineSettings> = Object.freeze({
  acceptWorkingDays: 1,
  urgentAcceptHours: 2,
  replyWorkingDays: 15,
  urgentReplyWorkingDays: 5,
});

const count = (min: number, max: number) => z.number().int().min(min).max(max);

// Validates the settings an admin saves: whole numbers in sensible ranges, unknown keys refused.
export const deadlineSettingsSchema = z.strictObject({
  acceptWorkingDays: count(0, 30),
  urgentAcceptHours: count(1, 72),
  replyWorkingDays: count(1, 120),
  urgentReplyWorkingDays: count(1, 120),
});

// The settings in force: each stored value that is valid on its own, else the default, so a bad row never breaks intake.
export function resolveDeadlineSettings(stored: unknown): DeadlineSettings {
  const out = { ...DEFAULT_DEADLINE_SETTINGS };
  if (!stored || typeof stored !== 'object') return out;
  for (const key of Object.keys(out) as (keyof DeadlineSettings)[]) {
    const ok = deadlineSettingsSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
    if (ok.success) out[key] = ok.data;
  }
  return out;
}

// What an item's clock depends on.
export interface DeadlineFacts {
  channel: string;
  urgency: 'normal' | 'urgent' | string;
}

// When acceptance is due: 信访 15 days after receipt; urgent items in working hours; others in working days.
export function acceptDueAt(receivedAt: Date, item: DeadlineFacts, s: DeadlineSettings, cal: CalendarData): Date {
  if (item.channel === 'petition') return acceptanceDeadline(receivedAt, { calendar: cal }).at;
  if (item.urgency === 'urgent') return addWorkingHours(receivedAt, s.urgentAcceptHours, cal);
  return addWorkingDays(receivedAt, s.acceptWorkingDays, cal).at;
}

// Working days a department gets to reply: the category's own period, else urgent or normal from the settings.
export function replyWorkingDays(urgency: string, categoryDays: number | null, s: DeadlineSettings): number {
  if (categoryDays !== null && categoryDays > 0) return categoryDays;
  return urgency === 'urgent' ? s.urgentReplyWorkingDays : s.replyWorkingDays;
}

// The default department deadline (a China date) when the office forwards without naming one.
export function defaultReplyDeadline(
  forwardedAt: DateInput,
  urgency: string,
  categoryDays: number | null,
  s: DeadlineSettings,
  cal: CalendarData,
): IsoDate {
  return addWorkingDays(forwardedAt, replyWorkingDays(urgency, categoryDays, s), cal).date;
}

// An explicit deadline may be today but never a day already gone (China date of `now`).
export function isDeadlineInPast(deadline: IsoDate, now: DateInput): boolean {
  return deadline < toChinaDate(now);
}
