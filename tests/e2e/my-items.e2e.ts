// Citizens keep hold of their case (issue 9), in chromium on a 390 px phone: the form sends the tracking link by SMS
// when asked, a citizen finds their items by phone with the one-time SMS code (read from the SMS gateway the server's
// outbox posts to: SMS_HTTP_URL), the public pages link each other without overflowing, and no public page asks
// /auth/me.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, openPage, startE2E } from './harness.js';

let e: E2E;
const contexts: BrowserContext[] = [];
const sms: { phone: string; text: string }[] = [];
let gateway: http.Server;

beforeAll(async () => {
  gateway = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      try {
        sms.push(JSON.parse(body));
      } catch {}
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  process.env.SMS_HTTP_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
  process.env.REMINDER_INTERVAL_SECONDS = '1';
  e = await startE2E();
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await e?.stop();
  delete process.env.SMS_HTTP_URL;
  delete process.env.REMINDER_INTERVAL_SECONDS;
  await new Promise((r) => gateway.close(r));
});

/** The last SMS to a phone that matches `re`, waiting for the outbox worker to post it. */
async function smsTo(phone: string, re: RegExp): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      () => {
        found = sms.filter((m) => m.phone === phone && re.test(m.text)).at(-1)?.text;
        return !!found;
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(true);
  return found as string;
}

/** Records every /auth/me request and every 401 answer the page makes. */
function watchAuth(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => r.url().includes('/auth/me') && seen.push(r.url()));
  page.on('response', (r) => r.status() === 401 && seen.push(`401 ${r.url()}`));
  return seen;
}

/** The public pages the header links (issue 9: each page links the others). */
const NAV = [
  '/public/opinions/new',
  '/public/track',
  '/public/my-items',
  '/public/reception',
  '/public/consultations',
  '/public/directory',
  '/public/problems',
  '/public/transparency',
];

const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);

describe('my items by phone', () => {
  it('sends the tracking link, then lists the items after the SMS code', async () => {
    const page = await openPage(e, contexts, 'phone');
    const auth = watchAuth(page);
    const phone = '13698765432';
    await page.goto(`${e.baseUrl}/public/opinions/new`);
    await page.getByTestId('pub-title').fill('桥头护栏松动');
    await page.getByTestId('pub-content').fill('村口小桥护栏松动，孩子上学经过很危险。');
    await page.locator('[data-testid="pub-category"] option').nth(2).waitFor({ state: 'attached' });
    await page.getByTestId('pub-category').selectOption({ index: 2 });
    await page.getByTestId('pub-village').fill('康山');
    await page.getByTestId('pub-village-option').filter({ hasText: '康山村' }).first().click();
    await page.getByTestId('pub-village-chosen').waitFor();
    await page.getByTestId('pub-phone').fill(phone);
    // Typing a phone ticks the link box.
    expect(await page.getByTestId('pub-send-link').isChecked()).toBe(true);
    await page.getByTestId('pub-consent').check();
    await page.getByTestId('pub-submit').click();
    const code = ((await page.getByTestId('pub-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(await smsTo(phone, new RegExp(code))).toContain(`/public/opinions/${code}`);

    // From the tracking entry page to 我的反映: phone, code, list.
    await page.goto(`${e.baseUrl}/public/track`);
    await page.getByTestId('track-mine').click();
    await page.getByTestId('mine-phone').fill(phone);
    await page.getByTestId('mine-send').click();
    await page.getByTestId('mine-sent').waitFor();
    const sent = await smsTo(phone, /\d{6}/);
    const otp = /\d{6}/.exec(sent)?.[0] as string;
    await page.getByTestId('mine-code').fill(otp);
    await page.getByTestId('mine-verify').click();
    await page.getByTestId('mine-list').waitFor();
    const items = page.getByTestId('mine-item');
    expect(await items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('桥头护栏松动');
    expect(await noOverflow(page)).toBe(true);
    await items.first().click();
    await page.waitForURL(`**/public/opinions/${code}`);
    await page.getByTestId('track-status').waitFor();
    expect(auth).toEqual([]);
  }, 180_000);

  // Uyghur too: right to left, longer words (an antd card's head pushed two pages past the phone's width).
  for (const lang of ['zh', 'ug'])
    it(`${lang}: every public page links the others, fits a 390 px phone and asks no /auth/me`, async () => {
      const page = await openPage(e, contexts, 'phone');
      await page.context().addInitScript((l) => localStorage.setItem('jl.lang', l), lang);
      const auth = watchAuth(page);
      for (const href of NAV) {
        await page.goto(`${e.baseUrl}${href}`);
        // On a phone the links sit in the closed 菜单 (phone-nav.e2e.ts opens it): present, not shown.
        await page.locator(`header a[href="${NAV.at(-1)}"]`).waitFor({ state: 'attached' });
        await page.waitForLoadState('networkidle');
        for (const to of NAV)
          expect(await page.locator(`header a[href="${to}"]`).count(), `${href} → ${to}`).toBeGreaterThan(0);
        expect(await noOverflow(page), `${lang} ${href}`).toBe(true);
        // No card title cut short with "…" (antd's default for a card head).
        const cut = await page
          .locator('.ant-card-head-title')
          .evaluateAll((els) => els.filter((x) => x.scrollWidth > x.clientWidth + 1).map((x) => x.textContent));
        expect(cut, `${lang} ${href}`).toEqual([]);
      }
      expect(auth).toEqual([]);
    }, 180_000);
});
