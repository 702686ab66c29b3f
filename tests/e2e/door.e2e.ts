// Duplicates at the door (issue 12) in chromium on the demo: a citizen types a matter already raised and being handled,
// sees "已有 N 人反映此问题", joins it (and can undo), picks the suggested category with one tap, submits, and the tracking
// page shows the item merged; the staff new-item form lists the same item with its score and link. Screenshots of the
// citizen form at 390 × 844 and 1366 in zh, en and ug go to /tmp/shots-door/.
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, openPage, startE2E } from './harness.js';

const SHOTS = '/tmp/shots-door';
let e: E2E;
const contexts: BrowserContext[] = [];
/** A real open, public demo item in a village, as the office reads it. */
let item: { id: number; title: string; content: string; regionName: string; peopleCount: number };

/** Signs in through the API (for picking the demo item the citizen will type again). */
async function adminGet(path: string) {
  const login = await fetch(`${e.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Demo@2026' }),
  });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  return (await fetch(`${e.baseUrl}/api/v1${path}`, { headers: { cookie } })).json();
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e = await startE2E();
  const list = await adminGet('/opinions?status=forwarded&pageSize=50');
  const pick = list.items.find((x: any) => x.confidentiality === 'normal' && x.regionName);
  const full = await adminGet(`/opinions/${pick.id}`);
  item = { id: pick.id, title: full.title, content: full.content, regionName: pick.regionName, peopleCount: 0 };
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await e?.stop();
});

/** The citizen form in a language, with the matter typed in. */
async function typed(kind: 'phone' | 'desk', lang: string): Promise<Page> {
  const page = await openPage(e, contexts, kind);
  await page.addInitScript((l) => localStorage.setItem('jl.lang', l), lang);
  await page.goto(`${e.baseUrl}/public/opinions/new`);
  await page.getByTestId('pub-title').fill(item.title);
  await page.getByTestId('pub-content').fill(item.content);
  return page;
}

describe('duplicates at the door', () => {
  it('a citizen joins the matter already raised, with the suggested category, and the tracking page shows it merged', async () => {
    const page = await typed('phone', 'zh');
    const card = page.getByTestId('pub-door-item').filter({ hasText: item.title });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toMatch(/已有 \d+ 人反映此问题/);
    // The category: one tap on the chip selects it in the picker, and the chip goes away.
    const chip = page.getByTestId('pub-category-chip');
    await chip.waitFor();
    expect(await chip.textContent()).toMatch(/（.+）/);
    await page.locator('[data-field="categoryId"]').screenshot({ path: `${SHOTS}/zh-390-category-chip.png` });
    await chip.click();
    expect(await page.getByTestId('pub-category').inputValue()).not.toBe('');
    await expect.poll(() => chip.count()).toBe(0);
    await page.getByTestId('pub-village').fill(item.regionName);
    await page.getByTestId('pub-village-option').filter({ hasText: item.regionName }).first().click();
    await page.getByTestId('pub-village-chosen').waitFor();
    await card.getByTestId('pub-door-follow').click();
    await page.getByTestId('pub-door-following').waitFor();
    // Undo, and join again.
    await page.getByTestId('pub-door-undo').click();
    await page.getByTestId('pub-door-follow').first().waitFor();
    await page.getByTestId('pub-door-item').filter({ hasText: item.title }).getByTestId('pub-door-follow').click();
    await page.getByTestId('pub-door-following').waitFor();
    await page.getByTestId('pub-door').screenshot({ path: `${SHOTS}/zh-390-following.png` });
    await page.getByTestId('pub-consent').check();
    await page.getByTestId('pub-submit').click();
    await page.getByTestId('pub-code').waitFor();
    expect(await page.getByTestId('pub-joined').textContent()).toContain('已并入');
    await page.screenshot({ path: `${SHOTS}/zh-390-submitted.png`, fullPage: true });
    await page.getByTestId('pub-follow').click();
    await page.getByTestId('track-status').waitFor();
    expect(await page.getByTestId('track-status').textContent()).toContain('已合并办理');
  }, 120_000);

  it('shows the panel and the chip in zh, en and ug, on a phone and a desk', async () => {
    const texts: Record<string, RegExp> = {
      zh: /已有 \d+ 人反映此问题/,
      en: /People who raised this: \d+/,
      ug: /كىشى بۇ مەسىلىنى ئىنكاس قىلدى/,
    };
    for (const lang of ['zh', 'en', 'ug'])
      for (const kind of ['phone', 'desk'] as const) {
        const page = await typed(kind, lang);
        const card = page.getByTestId('pub-door-item').first();
        await card.waitFor({ timeout: 30_000 });
        expect(await card.textContent()).toMatch(texts[lang]);
        await page.getByTestId('pub-category-chip').waitFor();
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ug' ? 'rtl' : 'ltr');
        await page.getByTestId('pub-door').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${lang}-${kind === 'phone' ? 390 : 1366}.png` });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
        );
        expect(overflow).toBe(false);
      }
  }, 180_000);

  it('the staff new-item form lists the item with its score, linking it in a new tab, and sets a suggested category', async () => {
    const page = await openPage(e, contexts, 'desk', 'admin');
    await page.goto(`${e.baseUrl}/opinions/new`);
    await page.getByTestId('op-field-title').fill(item.title);
    await page.getByTestId('op-field-content').fill(item.content);
    const row = page.locator(`[data-testid="op-draft-similar-row"][data-id="${item.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toMatch(/\d+%/);
    const link = row.locator(`a[href="/opinions/${item.id}"]`);
    expect(await link.getAttribute('target')).toBe('_blank');
    const chip = page.getByTestId('op-draft-category').first();
    const name = ((await chip.textContent()) ?? '').replace(/\s*\d+%$/, '').trim();
    await chip.click();
    await expect.poll(() => page.locator('[data-testid="op-field-categoryId"]').textContent()).toContain(name);
    expect(await page.getByTestId('op-field-title').inputValue()).toBe(item.title);
    await page.screenshot({ path: `${SHOTS}/staff-1366.png`, fullPage: true });
  }, 120_000);
});
