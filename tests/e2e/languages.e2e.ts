// Languages in the browser (issue #9): a first visit follows the browser's languages (ug*, en* → those, else
// Chinese); in Uyghur the page is right-to-left (<html dir="rtl" lang="ug">), uses the Arabic-script web font, and
// shows no raw message key on the citizen form, the member's phone home and the member's other phone pages (我的考核,
// 提案, 消息, 我的社情民意); the switch is remembered. Saves the Uyghur screens at 390×844 in docs/screenshots/ (the lead
// commits them).
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.js';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const OUT = 'docs/screenshots';

/** Visible text that looks like an i18next key (area.word.word) instead of a message. */
async function rawKeys(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return (
    text.match(
      /\b(?:app|nav|login|action|msg|role|table|pub|rcp|cst|field|dir|wb|op|ops|asmt|prp|ntf|bl|mine)\.[a-zA-Z_]+(?:\.[a-zA-Z_]+)*\b/g,
    ) ?? []
  );
}

describe('languages', () => {
  let e: E2E;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    e = await startE2E();
    fs.mkdirSync(OUT, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await e?.stop();
  });
  const open = async (locale: string) => {
    const ctx = await e.browser.newContext({ ...PHONE, locale });
    contexts.push(ctx);
    return ctx.newPage();
  };

  it('shows the citizen form in Uyghur, right to left, for a Uyghur browser', async () => {
    const page = await open('ug-CN');
    await page.goto(`${e.baseUrl}/public/opinions/new`);
    await page.getByRole('heading', { name: 'ئىجتىمائىي ئەھۋال ۋە خەلق پىكىرىنى ئىنكاس قىلىش' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'ug',
    ]);
    expect(await rawKeys(page)).toEqual([]);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'ئۇيغۇر'))).toBe(true);
    await page.screenshot({ path: `${OUT}/ug-citizen-form-390.png` });
    // The API answers in Uyghur too (Accept-Language follows the page).
    const msg = await page.evaluate(async () => {
      const r = await fetch('/api/v1/auth/me', { headers: { 'accept-language': document.documentElement.lang } });
      return (await r.json()).message;
    });
    expect(msg).toBe('ئاۋۋال كىرىڭ');
  });

  it('keeps a phone number in its digit order in Uyghur (member directory)', async () => {
    const page = await open('ug-CN');
    await page.goto(`${e.baseUrl}/public/directory`);
    const tel = page.locator('a[href^="tel:"]').first();
    await tel.waitFor();
    expect(await tel.textContent()).toMatch(/^\d+-\d+$/);
    // Where the first and the last character are drawn: left to right, as written ("0572-5238896", not "5238896-0572").
    const [first, last] = await tel.evaluate((a) => {
      const text = a.firstChild as Text;
      const at = (i: number) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect().left;
      };
      return [at(0), at(text.length - 1)];
    });
    expect(first).toBeLessThan(last);
  });

  it('follows an English browser, and a Chinese one, and remembers the switch', async () => {
    const en = await open('en-US');
    await en.goto(`${e.baseUrl}/public/opinions/new`);
    await en.getByTestId('lang-switch').waitFor();
    expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
    const zh = await open('zh-CN');
    await zh.goto(`${e.baseUrl}/public/opinions/new`);
    await zh.getByTestId('lang-switch').waitFor();
    expect(await zh.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'zh-CN',
      'ltr',
    ]);
    await zh.getByTestId('lang-switch').selectOption('ug');
    await zh.getByRole('button', { name: 'يوللاش' }).waitFor();
    await zh.reload();
    await zh.getByRole('button', { name: 'يوللاش' }).waitFor();
    expect(await zh.evaluate(() => [localStorage.getItem('jl.lang'), document.documentElement.dir])).toEqual([
      'ug',
      'rtl',
    ]);
  });

  it("shows the login and the member's phone home in Uyghur, mirrored", async () => {
    const page = await open('ug-CN');
    await page.goto(e.baseUrl);
    await page.getByLabel('ئىشلەتكۈچى نامى').fill('member1');
    await page.getByLabel('پارول').fill('Demo@2026');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('user-menu').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('.ant-layout-rtl, .ant-menu-rtl, [class*="-rtl"]').count()).toBeGreaterThan(0);
    // The villages list has loaded (each village shows its last visit or that it was never visited).
    await page
      .getByText(/ئالدىنقى زىيارەت|تېخى زىيارەت قىلىنمىدى|بۇ يىل زىيارەت قىلىنمىدى/)
      .first()
      .waitFor();
    expect(await rawKeys(page)).toEqual([]);
    await page.screenshot({ path: `${OUT}/ug-member-home-390.png` });
  });

  it("shows the member's 考核, 提案, messages and own items in Uyghur, with no raw key", async () => {
    const page = await open('ug-CN');
    await page.goto(e.baseUrl);
    await page.getByLabel('ئىشلەتكۈچى نامى').fill('member1');
    await page.getByLabel('پارول').fill('Demo@2026');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('user-menu').waitFor();
    const screens: Array<[string, string, string, string]> = [
      ['/assessment/me', 'asmt-total', 'ئومۇمىي نومۇر', 'assessment'],
      ['/proposals', 'prp-row', 'مېنىڭ تەكلىپلىرىم', 'proposals'],
      ['/notifications', 'ntf-page', 'ئوقۇلمىغان', 'notifications'],
      ['/opinions/mine', 'mine-item', 'مېنىڭ ئىجتىمائىي ئەھۋال ۋە خەلق پىكىرلىرىم', 'opinions'],
    ];
    for (const [url, testId, text, shot] of screens) {
      await page.goto(`${e.baseUrl}${url}`);
      await page.getByTestId(testId).first().waitFor();
      await page.getByText(text).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.dir), url).toBe('rtl');
      expect(await rawKeys(page), url).toEqual([]);
      await page.screenshot({ path: `${OUT}/ug-member-${shot}-390.png` });
    }
  });
});
