// The audit export streams from keyset pages: every row once, newest first, across page boundaries; the cap holds;
// the streamed file opens in exceljs with its bold header row.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';
import { AUDIT_EXPORT_PAGE_ROWS, auditPages } from './export.js';

let t: TestApp;
const ROWS = AUDIT_EXPORT_PAGE_ROWS * 2 + 11;

beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.db);
  await t.db.execute(sql`insert into audit_log (actor_name, action, entity, entity_id, after)
    select '流式导出', 'update', 'representative', i::text, jsonb_build_object('n', i) from generate_series(1, ${ROWS}) i`);
});
afterAll(() => t.close());

const mine = sql`actor_name = '流式导出'`;

describe('audit export streams', () => {
  it('reads pages of at most AUDIT_EXPORT_PAGE_ROWS, newest first, every row once, and stops at the cap', async () => {
    const sizes: number[] = [];
    const ids: number[] = [];
    for await (const page of auditPages(t.db, mine)) {
      sizes.push(page.length);
      ids.push(...page.map((r) => Number(r.id)));
    }
    expect(sizes).toEqual([AUDIT_EXPORT_PAGE_ROWS, AUDIT_EXPORT_PAGE_ROWS, 11]);
    expect(new Set(ids).size).toBe(ROWS);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const cap = AUDIT_EXPORT_PAGE_ROWS + 7;
    let capped = 0;
    for await (const page of auditPages(t.db, mine, cap)) capped += page.length;
    expect(capped).toBe(cap);
  });

  it('the downloaded xlsx opens in exceljs with a bold header and every matching row', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.get(`/api/v1/audit?format=xlsx&actor=${encodeURIComponent('流式导出')}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('审计日志');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell(1, 2).value).toBe('操作人');
    const after: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) after.push(String(row.getCell(7).value));
    });
    expect(after).toHaveLength(ROWS);
    expect(after[0]).toBe(JSON.stringify({ n: ROWS }));
    expect(after.at(-1)).toBe(JSON.stringify({ n: 1 }));
  });
});
