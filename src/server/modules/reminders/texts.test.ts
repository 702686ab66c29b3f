// The reminder/feedback catalogue: both languages for every key, placeholders filled once (user text is not a template).
import { describe, expect, it } from 'vitest';
import { reminderText, reminderTexts, renderReminder } from './texts.js';

describe('reminder texts', () => {
  it('has Chinese and English for every key with the same placeholders', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const v of Object.values(reminderTexts)) {
      expect(v.zh.length).toBeGreaterThan(0);
      expect(holes(v.en)).toEqual(holes(v.zh));
    }
  });

  it('fills placeholders without re-reading what the user wrote', () => {
    expect(reminderText('accept_overdue', { title: '路灯' })).toBe('已超期未受理：路灯');
    expect(reminderText('due_at', { due: '2026-10-09 17:00' }, 'en')).toBe('Due: 2026-10-09 17:00');
    const body = reminderText('feedback_email_body', { title: 'a{code}', reply: '$& {title}', code: 'X1' });
    expect(body).toContain('“a{code}”');
    expect(body).toContain('$& {title}');
    expect(body).toContain('查询码：X1');
  });

  it('words a deadline reminder from its data in either language, overdue by working days when known', () => {
    const data = { title: '路灯', dueAt: '2026-10-09T09:00:00.000Z' };
    expect(renderReminder('accept_overdue', data, 'zh')).toEqual({
      title: '已超期未受理：路灯',
      body: '期限：2026-10-09 17:00',
    });
    expect(renderReminder('accept_overdue', { ...data, overdueDays: 2 }, 'zh').title).toBe(
      '已超期 2 个工作日未受理：路灯',
    );
    expect(renderReminder('reply_overdue', { ...data, overdueDays: 4 }, 'en').title).toBe(
      'Reply 4 working day(s) overdue: 路灯',
    );
    expect(renderReminder('reply_due_soon', { ...data, overdueDays: 4 }, 'en')).toEqual({
      title: 'Reply due soon: 路灯',
      body: 'Due: 2026-10-09 17:00',
    });
  });
});
