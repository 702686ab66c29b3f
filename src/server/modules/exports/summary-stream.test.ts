// The 汇总表 xlsx streams from keyset pages: every row arrives once and in order across page boundaries (many
// activities share a date), the file still opens in Excel's reader, and the PDF path reads the same pages.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { SUMMARY_HEADERS } from '../../adapters/renderers/format.js';
import type { Actor } from '../../context.js';
import { loadSummaryData, SUMMARY_PAGE_ROWS, summaryRowPages } from './service.js';

let t: TestApp;
let w: World;
const ROWS = SUMMARY_PAGE_ROWS * 2 + 37;
const YEAR = 2029;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  // Five dates only, so page boundaries fall inside runs of the same date (the keyset must go by date and id).
  await t.db.execute(sql`with ins as (
      insert into activities (client_id, date, methods, location, opinions, handling)
      select 'stream-' || i, make_date(${YEAR}, 3, 1 + (i % 5)), array['talk'], '村委会', '意见第' || lpad(i::text, 4, '0') || '条', ''
      from generate_series(1, ${ROWS}) i returning id)
    insert into activity_members (activity_id, member_id) select ins.id, ${w.m1.id} from ins`);
});
afterAll(() => t.close());

describe('summary export streams from pages', () => {
  it('reads pages no bigger than SUMMARY_PAGE_ROWS, every activity once', async () => {
    const sizes: number[] = [];
    const seen = new Set<string>();
    const range = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
    for await (const page of summaryRowPages(t.db, w.groupA.id, range)) {
      sizes.push(page.length);
      for (const r of page) seen.add(r.opinions);
    }
    expect(sizes).toEqual([SUMMARY_PAGE_ROWS, SUMMARY_PAGE_ROWS, 37]);
    expect(seen.size).toBe(ROWS);
    const whole = await loadSummaryData(t.db, OFFICE, w.groupA.id, range.from, range.to);
    expect(whole.rows).toHaveLength(ROWS);
  });

  it('finds sparse activities across years and window edges, in order, full pages across windows', async () => {
    // Dates at the first window's last day and the next one's first, after long gaps, and at the period's last day.
    const dates = ['2040-01-01', '2040-01-31', '2040-02-01', '2043-07-15', '2043-07-15', '2043-07-15', '2048-12-31'];
    const ins = await t.db.execute(sql`with ins as (
        insert into activities (client_id, date, methods, location, opinions, handling)
        select 'sparse-' || i, d::date, array['talk'], '村委会', '稀疏' || i, ''
        from unnest(${`{${dates.join(',')}}`}::text[]) with ordinality as x(d, i) returning id)
      insert into activity_members (activity_id, member_id) select ins.id, ${w.m1.id} from ins returning activity_id`);
    expect(ins.rows).toHaveLength(dates.length);
    const sizes: number[] = [];
    const got: string[] = [];
    for await (const page of summaryRowPages(t.db, w.groupA.id, { from: '2040-01-01', to: '2048-12-31' }, 2)) {
      sizes.push(page.length);
      got.push(...page.map((r) => `${r.date} ${r.opinions}`));
    }
    expect(sizes).toEqual([2, 2, 2, 1]);
    expect(got).toEqual(dates.map((d, i) => `${d} 稀疏${i + 1}`));
    // Another group's summary of the same period has none of them.
    const other: unknown[] = [];
    for await (const page of summaryRowPages(t.db, w.groupB.id, { from: '2040-01-01', to: '2048-12-31' }))
      other.push(...page);
    expect(other).toEqual([]);
  });

  it('the streamed xlsx opens in exceljs with every row, by date then by id', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.get(`/api/v1/exports/summary?groupId=${w.groupA.id}&from=${YEAR}-01-01&to=${YEAR}-12-31`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    const opinions: string[] = [];
    const dates: string[] = [];
    ws.eachRow((row, n) => {
      if (n <= 3) return;
      opinions.push(String(row.getCell(4).value ?? ''));
      dates.push(String(row.getCell(3).value ?? ''));
    });
    expect(opinions).toHaveLength(ROWS);
    expect(new Set(opinions).size).toBe(ROWS);
    expect([...dates].sort()).toEqual(dates);
    expect(ws.getCell(3, 1).value).toBe(SUMMARY_HEADERS[0]);
    expect(ws.pageSetup.orientation).toBe('landscape');
  });
});

const OFFICE: Actor = {
  userId: 0,
  username: 'system',
  displayName: '系统',
  roles: ['admin'],
  memberId: null,
  groupId: null,
  townshipId: null,
  departmentId: null,
  via: 'token',
};
