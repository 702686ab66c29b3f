// Shapes of GET /public/transparency and GET /public/answers (server: src/server/modules/transparency), and the
// formatting both pages share.
import { intlLocale } from '../../i18n/setup';

/** A month's (or the year's) numbers; a rate is null when nothing was counted. */
export interface BoardCell {
  received: number;
  acceptRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  avgDays: number | null;
}
/** One department or township with every month of the year so far. */
export interface BoardRow {
  id: number;
  name: string;
  months: (BoardCell & { month: string })[];
  total: BoardCell;
}
/** The board. */
export interface Board {
  year: number;
  region: { id: number; name: string } | null;
  months: string[];
  departments: BoardRow[];
  townships: BoardRow[];
}
/** One published answer (texts already without personal data). */
export interface PublicAnswer {
  id: number;
  title: string;
  content: string;
  reply: string;
  regionName: string;
  categoryName: string;
  departmentName: string;
  receivedAt: string;
  closedAt: string | null;
}

/** The measures a board table can show. */
export const MEASURES = ['received', 'acceptRate', 'onTimeRate', 'satisfactionRate', 'avgDays'] as const;
/** One measure. */
export type Measure = (typeof MEASURES)[number];

/** A cell's value as text: a count, a percentage with one decimal, days with one decimal, or — for nothing. */
export function formatMeasure(cell: BoardCell, m: Measure, lang: string): string {
  const v = cell[m];
  if (v === null) return '—';
  const nf = (opts: Intl.NumberFormatOptions) => new Intl.NumberFormat(intlLocale(lang), opts).format(v);
  if (m === 'received') return nf({});
  if (m === 'avgDays') return nf({ maximumFractionDigits: 1 });
  return nf({ style: 'percent', maximumFractionDigits: 1 });
}

/** A date in China time, in the UI language. */
export function formatDay(at: string, lang: string): string {
  return new Date(at).toLocaleDateString(intlLocale(lang), { timeZone: 'Asia/Shanghai', dateStyle: 'medium' });
}
