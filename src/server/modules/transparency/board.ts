// The public transparency board (透明度): 受理率, 按时办结率, 满意率 and average days per department and per township,
// month by month, read from the KPI rollups with the KPI table's own rules (kpis/query.ts kpiSumsByMonth and
// kpis/service.ts toRow), never from a scan of items or events. Numbers only: no item, name or text.
import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import type { DbOrTx } from '../../db/client.js';
import { fieldError } from '../../errors.js';
import { type KpiMonthSums, kpiSumsByMonth, sumRows } from '../kpis/query.js';
import { toRow } from '../kpis/service.js';
import type { TransparencyQuery } from './schema.js';

/** One cell of the board: a month's (or the year's) numbers; a rate is null when nothing was counted. */
export interface BoardCell {
  received: number;
  acceptRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  avgDays: number | null;
}

/** One department or township with its months (every month of the year so far) and its total. */
export interface BoardRow {
  id: number;
  name: string;
  months: (BoardCell & { month: string })[];
  total: BoardCell;
}

const EMPTY: BoardCell = { received: 0, acceptRate: null, onTimeRate: null, satisfactionRate: null, avgDays: null };

function cellOf(s: Parameters<typeof toRow>[0]): BoardCell {
  const r = toRow(s, '');
  return {
    received: r.received,
    acceptRate: r.acceptance.rate,
    onTimeRate: r.onTime.rate,
    satisfactionRate: r.satisfaction.rate,
    avgDays: r.avgHandlingDays,
  };
}

/** The months of the year shown: all twelve of a past year, up to the current month of this year, none ahead. */
function monthsOf(year: number, today: string): string[] {
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const last = year < ty ? 12 : year === ty ? tm : 0;
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

function rowsOf(sums: KpiMonthSums[], months: string[]): BoardRow[] {
  const byKey = new Map<string, KpiMonthSums[]>();
  for (const s of sums) {
    const list = byKey.get(String(s.key)) ?? [];
    list.push(s);
    byKey.set(String(s.key), list);
  }
  const rows = [...byKey.entries()].map(([key, list]) => {
    const at = new Map(list.map((s) => [s.month, s]));
    return {
      id: Number(key),
      name: list[0]?.label ?? '',
      months: months.map((month) => {
        const s = at.get(month);
        return { month, ...(s ? cellOf(s) : EMPTY) };
      }),
      total: cellOf(sumRows(list)),
    };
  });
  return rows.sort((a, b) => b.total.received - a.total.received || a.name.localeCompare(b.name, 'zh'));
}

/** The township a board is narrowed to: a township itself, or a village's township; unknown → 400 on regionId. */
async function townshipOf(db: DbOrTx, regionId: number): Promise<{ id: number; name: string }> {
  const res = await db.execute(sql`select t.id, t.name from regions r
    join regions t on t.id = case when r.level = 'township' then r.id else r.parent_id end where r.id = ${regionId}`);
  const row = res.rows[0] as { id: number; name: string } | undefined;
  if (!row) throw fieldError('regionId', 'township_missing');
  return row;
}

/** GET /public/transparency: the year's board for the county, or for one township (its items only). */
export async function transparencyBoard(db: DbOrTx, q: TransparencyQuery, now: Date) {
  const today = chinaDateOf(now);
  const year = q.year ?? Number(today.slice(0, 4));
  const township = q.regionId ? await townshipOf(db, q.regionId) : null;
  const months = monthsOf(year, today);
  const range = { from: `${year}-01-01`, to: `${year}-12-31`, townshipId: township?.id ?? null };
  const [departments, townships] = await Promise.all([
    kpiSumsByMonth(db, { dim: 'department', ...range }),
    kpiSumsByMonth(db, { dim: 'region', ...range }),
  ]);
  return {
    year,
    region: township,
    months,
    departments: rowsOf(departments, months),
    townships: rowsOf(townships, months),
  };
}
