// Festival names of the shipped holiday notices, and which festival each official date belongs to.
import { type Festival, type IsoDate, OFFICIAL_SCHEDULES } from '../../../core/calendar/index.js';
import { type Lang, type Texts, textIn } from '../../i18n/messages.js';

const festivalNames: Record<Festival, Texts> = {
  new_year: { zh: '元旦', en: "New Year's Day" },
  spring_festival: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming Festival' },
  labour_day: { zh: '劳动节', en: 'Labour Day' },
  dragon_boat: { zh: '端午节', en: 'Dragon Boat Festival' },
  mid_autumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  national_day: { zh: '国庆节', en: 'National Day' },
  national_day_mid_autumn: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' },
};

/** The festival's name in the caller's language, so API answers read "国庆节" instead of a code. */
export function festivalName(festival: Festival, lang: Lang): string {
  return textIn(festivalNames[festival], lang);
}

/** An official date with the festival whose notice lists it, as a day off or a make-up working day. */
export interface OfficialDay {
  festival: Festival;
  kind: 'holiday' | 'workday';
}

/** Official dates by date: built once, since the shipped notices never change at run time. */
export const OFFICIAL_DAYS: ReadonlyMap<IsoDate, OfficialDay> = new Map<IsoDate, OfficialDay>(
  Object.values(OFFICIAL_SCHEDULES).flatMap((year) =>
    year.flatMap((f) => [
      ...f.holidays.map((d): [IsoDate, OfficialDay] => [d, { festival: f.festival, kind: 'holiday' }]),
      ...f.workdays.map((d): [IsoDate, OfficialDay] => [d, { festival: f.festival, kind: 'workday' }]),
    ]),
  ),
);
