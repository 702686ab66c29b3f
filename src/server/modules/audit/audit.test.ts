// The audit log in words: the codes present for the filters, the export's action and record-type labels in the
// reader's language, and the server and web catalogues naming the same codes.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';
import { writeAudit } from '../../audit.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_PREFIXES, auditActionLabel, auditEntityLabel } from './labels.js';

/** The web app's office texts (src/web/locales/<lang>/office.json, top-level key 'office'). */
const webOffice = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../../web/locales/${lang}/office.json`, import.meta.url), 'utf8')).office;
const webEn = webOffice('en');
const webZh = webOffice('zh');

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.db);
  admin = await login(t.app, 'admin');
  await writeAudit(t.db, null, { action: 'seed_demo', entity: 'system', after: { members: 3 } });
  await writeAudit(t.db, null, { action: 'transition:accept', entity: 'opinion', entityId: 7 });
  await writeAudit(t.db, null, { action: 'step:issue', entity: 'bulletin', entityId: 2 });
  await writeAudit(t.db, null, { action: 'brand_new_thing', entity: 'some_new_record', entityId: 1 });
});
afterAll(() => t.close());

async function sheet(url: string, headers: Record<string, string> = {}) {
  const res = await admin.get(url, headers);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as any);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return { name: ws.name, rows, file: String(res.headers['content-disposition']) };
}

describe('audit log labels', () => {
  it('lists the action and record-type codes present, for admins only', async () => {
    const res = await admin.get('/api/v1/audit/codes');
    expect(res.statusCode).toBe(200);
    const { actions, entities } = res.json();
    expect(actions).toEqual(expect.arrayContaining(['seed_demo', 'transition:accept', 'step:issue', 'login']));
    expect(entities).toEqual(expect.arrayContaining(['system', 'opinion', 'bulletin', 'user']));
    expect(new Set(actions).size).toBe(actions.length);
    const member = await login(t.app, 'member1');
    expect((await member.get('/api/v1/audit/codes')).statusCode).toBe(404);
  });

  it('words codes in Chinese and English, prefixed steps from the lifecycle tables, unknown codes readable', () => {
    expect(auditActionLabel('transition:accept', 'zh')).toBe('社情民意办理：受理');
    expect(auditActionLabel('transition:accept', 'en')).toBe('Item: Accept');
    expect(auditActionLabel('proposal:submit', 'zh')).toBe('提案办理：提交');
    expect(auditActionLabel('step:issue', 'en')).toBe('Bulletin: Issued');
    expect(auditActionLabel('seed_demo', 'zh')).toBe('载入演示数据');
    expect(auditActionLabel('brand_new_thing', 'zh')).toBe('brand new thing');
    expect(auditActionLabel('transition:future_step', 'en')).toBe('Item: future step');
    expect(auditEntityLabel('opinion', 'zh')).toBe('社情民意');
    expect(auditEntityLabel('opinion', 'en')).toBe('社情民意 item');
  });

  it('exports the sheet in the request language: Accept-Language, or the page language given as lang', async () => {
    const zh = await sheet('/api/v1/audit?format=xlsx', { 'accept-language': 'zh-CN' });
    expect(zh.name).toBe('审计日志');
    expect(zh.rows[0]).toEqual(expect.arrayContaining(['操作', '对象类型']));
    const zhCells = zh.rows.flat();
    expect(zhCells).toEqual(
      expect.arrayContaining(['载入演示数据', '系统', '社情民意办理：受理', '社情民意', '刊物流程：印发']),
    );
    expect(zhCells).toEqual(expect.arrayContaining(['brand new thing', 'some new record']));
    expect(zhCells).not.toContain('transition:accept');

    const en = await sheet('/api/v1/audit?format=xlsx', { 'accept-language': 'en-US' });
    expect(en.name).toBe('Audit log');
    expect(en.rows[0]).toEqual(expect.arrayContaining(['Action', 'Record type']));
    expect(en.rows.flat()).toEqual(
      expect.arrayContaining(['Load demo data', 'System', 'Item: Accept', '社情民意 item']),
    );
    expect(en.file).toContain(encodeURIComponent('Audit log.xlsx'));

    const asked = await sheet('/api/v1/audit?format=xlsx&lang=en', { 'accept-language': 'zh-CN' });
    expect(asked.rows.flat()).toContain('Item: Accept');
  });

  it('the web catalogue words the same codes as the server catalogue', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(webZh.audit.actions)).toEqual(keys(AUDIT_ACTIONS));
    expect(keys(webEn.audit.actions)).toEqual(keys(AUDIT_ACTIONS));
    expect(keys(webZh.audit.entities)).toEqual(keys(AUDIT_ENTITIES));
    expect(keys(webEn.audit.entities)).toEqual(keys(AUDIT_ENTITIES));
    expect(keys(webZh.audit.prefixes)).toEqual(keys(AUDIT_PREFIXES));
    for (const [code, v] of Object.entries(AUDIT_ACTIONS)) {
      expect((webZh.audit.actions as Record<string, string>)[code]).toBe(v.zh);
      expect((webEn.audit.actions as Record<string, string>)[code]).toBe(v.en);
    }
    for (const [code, v] of Object.entries(AUDIT_ENTITIES)) {
      expect((webZh.audit.entities as Record<string, string>)[code]).toBe(v.zh);
      expect((webEn.audit.entities as Record<string, string>)[code]).toBe(v.en);
    }
  });
});
