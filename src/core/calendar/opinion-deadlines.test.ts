import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR as cal } from './holidays-data';
import {
  acceptDueAt,
  deadlineSettingsSchema,
  defaultReplyDeadline,
  isDeadlineInPast,
  replyWorkingDays,
  resolveDeadlineSettings,
  DEFAULT_DEADLINE_SETTINGS as s,
} from './opinion-deadlines';

describe('default reply deadline', () => {
  it('counts 15 working days across the Spring Festival, with the make-up Saturdays (2026-02-14, 2026-02-28)', () => {
    expect(defaultReplyDeadline('2026-02-12', 'normal', null, s, cal)).toBe('2026-03-11');
  });
  it('gives urgent items 5 working days, here across the Spring Festival', () => {
    expect(defaultReplyDeadline('2026-02-13', 'urgent', null, s, cal)).toBe('2026-02-27');
  });
  it('skips the National Day week and counts the make-up Saturday 2026-10-10', () => {
    expect(defaultReplyDeadline('2026-09-30', 'urgent', null, s, cal)).toBe('2026-10-13');
    expect(defaultReplyDeadline('2026-09-30', 'normal', null, s, cal)).toBe('2026-10-27');
  });
  it('prefers the category period over both urgent and normal settings', () => {
    expect(replyWorkingDays('urgent', 10, s)).toBe(10);
    expect(replyWorkingDays('normal', null, { ...s, replyWorkingDays: 20 })).toBe(20);
    expect(defaultReplyDeadline('2026-09-30', 'normal', 2, s, cal)).toBe('2026-10-09');
  });
});

describe('acceptance due', () => {
  it('is the end of the next working day, 2 working hours when urgent, 15 days for petitions', () => {
    expect(
      acceptDueAt(new Date('2026-02-13T02:00:00Z'), { channel: 'phone', urgency: 'normal' }, s, cal).toISOString(),
    ).toBe('2026-02-14T09:30:00.000Z');
    expect(
      acceptDueAt(new Date('2026-09-30T08:00:00Z'), { channel: 'web', urgency: 'urgent' }, s, cal).toISOString(),
    ).toBe('2026-10-08T01:00:00.000Z');
    expect(
      acceptDueAt(new Date('2026-03-02T02:00:00Z'), { channel: 'petition', urgency: 'urgent' }, s, cal).toISOString(),
    ).toBe('2026-03-17T09:30:00.000Z');
  });
});

describe('settings', () => {
  it('keeps valid stored values and falls back per key', () => {
    expect(resolveDeadlineSettings(null)).toEqual(s);
    expect(resolveDeadlineSettings({ replyWorkingDays: 10, urgentAcceptHours: -1, other: 3 })).toEqual({
      ...s,
      replyWorkingDays: 10,
    });
    expect(deadlineSettingsSchema.safeParse({ ...s, replyWorkingDays: 0 }).success).toBe(false);
    expect(deadlineSettingsSchema.safeParse({ ...s, extra: 1 }).success).toBe(false);
  });
  it('refuses a deadline before today (China date) but accepts today', () => {
    const now = new Date('2026-05-10T17:00:00Z'); // 2026-05-11 01:00 in China
    expect(isDeadlineInPast('2026-05-10', now)).toBe(true);
    expect(isDeadlineInPast('2026-05-11', now)).toBe(false);
  });
});
