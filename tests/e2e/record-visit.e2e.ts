// A member on a phone records a village visit; the visit then appears in the group's 汇总表 export.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, signIn, startE2E } from './harness.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.stop());

describe('member records a visit on a phone', () => {
  it('records, syncs and shows up in the liaison group summary form', async () => {
    const opinions = `村民反映：进村主干道路灯损坏，夜间出行不便（e2e ${Date.now()}）`;
    const phone = await e.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await phone.newPage();
    await signIn(page, e.baseUrl, 'member1');
    await page.goto(`${e.baseUrl}/record`);

    await page.getByTestId('record-village').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('record-contacts').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('record-method-visit').click();
    await page.getByTestId('record-opinions').fill(opinions);
    await page.screenshot({ path: '.tmp/e2e-record-phone.png', fullPage: true });
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-success').waitFor();
    await page.screenshot({ path: '.tmp/e2e-record-success.png' });

    // the member's own activity list shows it
    const mine = await page.request.get(`${e.baseUrl}/api/v1/activities?q=${encodeURIComponent('路灯损坏')}`);
    const found = (await mine.json()).items.find((a: any) => a.opinions === opinions);
    expect(found).toBeTruthy();
    expect(found.methods).toContain('visit');
    const me = await (await page.request.get(`${e.baseUrl}/api/v1/auth/me`)).json();
    const member = await (await page.request.get(`${e.baseUrl}/api/v1/members/${me.user.memberId}`)).json();
    await phone.close();

    // the office downloads the group's 汇总表 for the period and finds the visit in it
    const desk = await e.browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const office = await desk.newPage();
    await signIn(office, e.baseUrl, 'admin');
    const res = await office.request.get(
      `${e.baseUrl}/api/v1/exports/summary?groupId=${member.groupId}&from=${found.date}&to=${found.date}&format=xlsx`,
    );
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as any);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? ''))));
    expect(cells.some((c) => c.includes(opinions))).toBe(true);
    expect(cells.some((c) => c.includes(member.name))).toBe(true);
    await desk.close();
  });
});
