// Hostile and oversized import files (from a penetration test): refused early, with small answers, without stalling the server.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';
import { AppError } from '../../errors.js';
import { COLUMNS, headerText } from './columns.js';
import { buildZip, hugeCellXlsx, rowXml, sheetXlsx, workbookParts } from './hostile-xlsx.test-helper.js';
import { runImport } from './service.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.db);
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const headers = COLUMNS.representatives.map(headerText);
const MB = 1024 * 1024;

/** A representatives row with the given name, phone and optional overrides by header. */
function repRow(name: string, phone: string, over: Record<string, string> = {}): string[] {
  const row = headers.map(() => '');
  row[headers.indexOf('姓名*')] = name;
  row[headers.indexOf('性别*')] = '男';
  row[headers.indexOf('联系电话*')] = phone;
  row[headers.indexOf('所属村（社区）区划代码')] = '330523001201';
  for (const [h, v] of Object.entries(over)) row[headers.indexOf(h)] = v;
  return row;
}

function multipart(data: Buffer) {
  const boundary = `----jl${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (data: Buffer, query = '') => {
  const m = multipart(data);
  return admin.post(`/api/v1/imports/representatives${query}`, m.body, m.headers);
};

async function representativeCount() {
  return ((await t.db.execute(sql`select count(*)::int as n from representatives`)).rows[0] as any).n as number;
}

describe('import size limits', () => {
  it('checks the file helper itself: a small hand-built workbook imports', async () => {
    const res = await upload(sheetXlsx(headers, [repRow('手工代表', '13700009999')]), '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, total: 1, created: 1 });
  });

  it('refuses one 100 MB cell (a 100 KB file) with a small 4xx, and imports nothing', async () => {
    const before = await representativeCount();
    const file = hugeCellXlsx(headers, 100 * 1000 * 1000);
    expect(file.length).toBeLessThan(MB);
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    expect(res.rawPayload.length).toBeLessThan(64 * 1024);
    expect(res.json().code).toBe('import_too_large');
    expect(res.json().message).toContain('50 MB');
    expect(res.json().details.errors[0].code).toBe('file_too_large');
    expect(await representativeCount()).toBe(before);
  });

  it('refuses a zip whose declared uncompressed size is over the cap, before reading any sheet', async () => {
    const good = workbookParts(`<worksheet><sheetData></sheetData></worksheet>`);
    const file = buildZip([...good, { name: 'customXml/item1.bin', data: 'x', stored: true, declaredSize: 60 * MB }]);
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_too_large');
    expect(res.json().details.errors[0].message).toContain('50 MB');
  });

  it('refuses a compression bomb (a ratio no spreadsheet has) even under the size cap', async () => {
    const padding = ' '.repeat(20 * MB);
    const rows = [rowXml(1, headers), padding, rowXml(2, repRow('炸弹代表', '13700008888'))].join('');
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    const file = buildZip(workbookParts(sheet));
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_bad_file');
    expect(res.json().details.errors[0].code).toBe('zip_bomb');
  });

  it('refuses an entry that inflates to more than its header says, without inflating it all', async () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(60 * MB)}</t></is></c></row></sheetData></worksheet>`;
    const file = buildZip(workbookParts(sheet, { declaredSize: 2000 }));
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_bad_file');
    expect(res.rawPayload.length).toBeLessThan(64 * 1024);
  });

  it('refuses 200,000 rows at the row limit, and the server keeps answering meanwhile', async () => {
    const before = await representativeCount();
    function* rows() {
      for (let i = 0; i < 200_000; i++) yield repRow(`代${i % 100}`, '13700001111');
    }
    const file = sheetXlsx(headers, rows());
    const importing = upload(file).then((res) => ({ who: 'import' as const, res }));
    const health = t.app.inject({ url: '/api/health' }).then((res) => ({ who: 'health' as const, res }));
    const first = await Promise.race([importing, health]);
    expect(first.who).toBe('health');
    expect((await health).res.statusCode).toBe(200);
    const { res } = await importing;
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_too_large');
    expect(res.json().details.errors[0]).toMatchObject({ code: 'too_many_rows' });
    expect(res.json().message).toContain('超过 20,000 行');
    expect(await representativeCount()).toBe(before);
  });

  it('lets other requests through while it checks rows (and keeps characters split across chunks whole)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => repRow(`让路代表${i}`, `135${String(i).padStart(8, '0')}`));
    const data = sheetXlsx(headers, rows);
    let health: Promise<string> | undefined;
    const importing = runImport(t.db, {
      kind: 'representatives',
      data,
      actor: null,
      dryRun: true,
      onProgress: () => {
        health ??= t.app.inject({ url: '/api/health' }).then(() => 'health');
      },
    });
    const settled = importing.then(
      () => 'import',
      () => 'import',
    );
    while (!health) await Promise.race([settled, new Promise((r) => setImmediate(r))]);
    expect(await Promise.race([settled, health])).toBe('health');
    expect(await importing).toMatchObject({ ok: true, total: 3000, created: 3000 });
  });

  it('truncates echoed values to 50 characters', async () => {
    const long = 'x'.repeat(1000);
    const header = await upload(sheetXlsx([...headers, long], [repRow('甲', '13700001111')]));
    expect(header.statusCode).toBe(422);
    const [unknown] = header.json().details.errors;
    expect(unknown.code).toBe('header_unknown');
    expect(unknown.column).toBe(`${'x'.repeat(50)}…`);
    expect(unknown.message).toContain(`${'x'.repeat(50)}…`);
    expect(unknown.message).not.toContain('x'.repeat(51));

    const cell = await upload(sheetXlsx(headers, [repRow('乙', '13700001111', { '性别*': 'y'.repeat(150) })]));
    expect(cell.statusCode).toBe(422);
    const [bad] = cell.json().details.errors;
    expect(bad.code).toBe('code_unknown');
    expect(bad.message).toContain(`${'y'.repeat(50)}…`);
    expect(bad.message).not.toContain('y'.repeat(51));
  });

  it('reports an overlong cell once, as a problem of its row (never echoing it)', async () => {
    const res = await upload(sheetXlsx(headers, [repRow('丙', '13700001111', { '联系电话*': '1'.repeat(3000) })]));
    expect(res.statusCode).toBe(422);
    const errors = res.json().details.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, column: '联系电话', code: 'too_long' });
    expect(errors[0].message).toContain('40');
  });

  it('lists the first 200 problems and counts them all', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => repRow(`错${i}`, '1234'));
    const res = await upload(sheetXlsx(headers, rows));
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors).toHaveLength(200);
    expect(res.json().details.errorCount).toBe(300);
    expect(res.json().message).toContain('300');
  });

  it('reports limits through the CLI path too (runImport raises the same AppError)', async () => {
    const file = hugeCellXlsx(headers, 60 * MB);
    const err = await runImport(t.db, { kind: 'representatives', data: file, actor: null }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('import_too_large');
  });
});
