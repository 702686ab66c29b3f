// Calendar dates (YYYY-MM-DD, e.g. an item's due date) in the UI language, without shifting the day by time zone.
import { intlLocale } from '../../i18n/setup';

/** Formats a 'YYYY-MM-DD' date as a long date in `lang` (中文: 2026年4月15日; en: 15 April 2026). */
export function formatDay(date: string, lang: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'UTC', dateStyle: 'long' }).format(d);
}
