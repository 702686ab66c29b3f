// 热点问题 in chromium on the demo county: the office opens the topics page from the menu, sees topics with their
// phrases, counts and trend, opens one's items, and turns it into a 民生问题 in one step — landing on the new problem
// with the topic's items linked. Screenshots at 390×844 and 1366 in Chinese and English in /tmp/shots-topics.
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, openPage, startE2E } from './harness.js';

const SHOTS = '/tmp/shots-topics';
let e: E2E;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e = await startE2E();
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await e?.stop();
});

const setLang = async (page: Page, lang: string) => {
  await page.evaluate((l) => localStorage.setItem('jl.lang', l), lang);
  await page.reload();
  await page.getByTestId('user-menu').waitFor();
};

/** Waits until nothing on the page is still fading in (antd's motion), so a screenshot shows the final picture. */
const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('.ant-spin-blur') && document.getAnimations().length === 0);

describe('hot problems', () => {
  it('the office sees the topics and turns one into a 民生问题 with its items', async () => {
    const page = await openPage(e, contexts, 'desk', 'admin');
    await page.locator('[data-path="/topics"]').click();
    await page.getByTestId('topics-page').waitFor();
    const card = page.getByTestId('tp-card').first();
    await card.waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('tp-card').count()).toBeGreaterThan(1);
    expect(await card.getByTestId('tp-phrase').count()).toBeGreaterThan(0);
    expect(await card.getByTestId('tp-spark').count()).toBe(1);
    const count = Number((await card.getByTestId('tp-count').textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(1);
    await page.screenshot({ path: `${SHOTS}/topics-zh-1366.png`, fullPage: true });

    // The topic's items, each a link to the item page.
    await card.getByTestId('tp-expand').click();
    await card.getByTestId('tp-items').waitFor();
    expect(await card.getByTestId('tp-item').count()).toBe(count);
    const phrases = await card.getByTestId('tp-phrase').allTextContents();

    await card.getByTestId('tp-to-problem').click();
    await page.getByTestId('prb-new-page').waitFor();
    expect(await page.getByTestId('prb-f-title').inputValue()).toBe(phrases.join('、'));
    const ids = new URL(page.url()).searchParams.get('ids')?.split(',') ?? [];
    expect(ids).toHaveLength(count);
    await page.getByTestId('prb-create').click();
    await page.waitForURL(/\/problems\/\d+$/);
    await page.getByTestId('prb-title').waitFor();
    expect(await page.getByTestId('prb-title').textContent()).toBe(phrases.join('、'));
    await expect
      .poll(async () => Number(await page.getByTestId('prb-items').getAttribute('data-count')), { timeout: 20_000 })
      .toBe(count);

    // Back on the topics page the topic says its items are in a problem now.
    await page.goto(`${e.baseUrl}/topics`);
    await page.getByTestId('tp-card').first().waitFor({ timeout: 60_000 });
    await expect.poll(async () => page.getByTestId('tp-linked').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    await setLang(page, 'en');
    await page.goto(`${e.baseUrl}/topics`);
    await page.getByTestId('tp-card').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('topics-page').textContent()).toContain('Hot problems');
    await settled(page);
    await page.getByTestId('tp-expand').first().click();
    await page.getByTestId('tp-items').first().waitFor();
    await settled(page);
    expect(await page.getByTestId('tp-items').first().isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/topics-en-1366.png`, fullPage: true });
  });

  it('shows the topics as cards on a phone', async () => {
    const page = await openPage(e, contexts, 'phone', 'admin');
    await page.goto(`${e.baseUrl}/topics`);
    await page.getByTestId('tp-card').first().waitFor({ timeout: 90_000 });
    const box = await page.getByTestId('tp-card').first().boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/topics-zh-390.png`, fullPage: false });
    await setLang(page, 'en');
    await page.goto(`${e.baseUrl}/topics`);
    await page.getByTestId('tp-card').first().waitFor({ timeout: 60_000 });
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/topics-en-390.png`, fullPage: false });
  });
});
