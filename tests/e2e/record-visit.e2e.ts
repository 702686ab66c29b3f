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

    await page.getByTestId('record-village').locator('.ant-radio-button-wrapper').first().click();
    await page.locator('[data-testid^="record-contact-"]').first().click();
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

describe('no signal in the village', () => {
  it('keeps the visit in the outbox while offline and syncs it once, without duplicates, when back online', async () => {
    const opinions = `离线记录：村里缺少老年食堂（e2e ${Date.now()}）`;
    const ctx = await e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await ctx.newPage();
    await signIn(page, e.baseUrl, 'member1');
    await page.goto(`${e.baseUrl}/record`);
    await page.getByTestId('record-village').locator('.ant-radio-button-wrapper').first().click();
    await page.locator('[data-testid^="record-contact-"]').first().click();
    await page.getByTestId('record-method-talk').click();
    await page.getByTestId('record-opinions').fill(opinions);
    await ctx.setOffline(true);
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-success').waitFor();
    expect(await page.getByTestId('record-success').getAttribute('data-pending')).toBe('true');
    await ctx.setOffline(false);
    const count = async () => {
      const res = await page.request.get(
        `${e.baseUrl}/api/v1/activities?q=${encodeURIComponent('老年食堂（e2e')}&pageSize=50`,
      );
      return (await res.json()).items.filter((a: any) => a.opinions === opinions).length;
    };
    for (let i = 0; i < 50 && (await count()) === 0; i++) await page.waitForTimeout(200);
    expect(await count()).toBe(1);
    // a second sync attempt (reload: the outbox is retried at start) must not duplicate it
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    await page.waitForTimeout(1000);
    expect(await count()).toBe(1);
    await ctx.close();
  });
});
