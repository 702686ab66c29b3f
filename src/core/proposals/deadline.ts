// The 3-month reply clock of a proposal: same calendar as items, counted in calendar months.
import { type CalendarData, rollToWorkingDay, toChinaDate } from '../calendar';

// The same day n calendar months later; a day the month lacks (31 Nov) becomes that month's last day.
export function addCalendarMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// When the reply is due: 3 calendar months after assignment (China date), moved to the next working day if needed.
export function proposalReplyDue(assignedAt: Date | string, cal: CalendarData): string {
  return rollToWorkingDay(addCalendarMonths(toChinaDate(assignedAt), 3), cal);
}

// Overdue once the due day has ended in China and no reply came.
export function isProposalOverdue(replyDue: string | null, repliedAt: unknown, now: Date): boolean {
  return !!replyDue && !repliedAt && toChinaDate(now) > replyDue;
}
