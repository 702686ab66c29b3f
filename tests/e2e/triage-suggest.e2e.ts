// Triage suggestion in chromium: the office opens a received item (a demo message registered again, no category), sees the suggested category with its
// probability and the suggested lead departments, accepts the category in one click, and the timeline shows the
// change (调整分类). The card reads on a phone and at 1366 px, in Chinese and English; a member sees no card.
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, openPage, startE2E } from './harness.js';

const SHOTS = '/tmp/shots-triage';
let e: E2E;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e = await startE2E();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await e?.stop();
});

interface Suggestions {
  categories: { categoryId: number; name: string; probability: number }[];
}

/**
 * A received item with no category yet: the demo's received items already carry the category the classifier learned
 * from them, so the office registers one more letter with the text of one of them, as a clerk would before triage.
 */
async function receivedItem(page: Page): Promise<{ id: number; suggested: string }> {
  return page.evaluate(async () => {
    const { csrfToken } = await (await fetch('/api/v1/auth/me')).json();
    const list = await (await fetch('/api/v1/opinions?status=received&pageSize=5')).json();
    const demo = await (await fetch(`/api/v1/opinions/${list.items[0].id}`)).json();
    const res = await fetch('/api/v1/opinions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ title: demo.title, content: demo.content, channel: 'letter' }),
    });
    const item = await res.json();
    const s: Suggestions = await (await fetch(`/api/v1/opinions/${item.id}/suggestions`)).json();
    return { id: item.id, suggested: s.categories[0].name };
  });
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

describe('triage suggestion card', () => {
  it('lets the office accept the suggested category in one click; the timeline shows the change', async () => {
    const page = await openPage(e, contexts, 'desk', 'admin');
    const { id, suggested } = await receivedItem(page);
    await page.goto(`${e.baseUrl}/opinions/${id}`);
    const card = page.getByTestId('op-triage');
    await card.getByTestId('op-triage-category').waitFor({ timeout: 60_000 });
    expect(await card.getByTestId('op-triage-category').textContent()).toMatch(new RegExp(`${suggested}.*\\d+%`));
    expect(await card.getByTestId('op-triage-departments').locator('li').count()).toBeGreaterThan(0);
    await shot(page, 'desk-zh-before');
    const before = await page.getByTestId('op-event').count();
    await card.getByTestId('op-triage-accept').click();
    await card.getByText('已是当前分类').waitFor();
    await page.getByTestId('op-event').nth(before).waitFor();
    const last = page.getByTestId('op-event').last();
    expect(await last.textContent()).toContain('调整分类');
    expect(await last.textContent()).toContain(suggested);
    expect(await last.textContent()).toContain('采用建议');
    await shot(page, 'desk-zh-after');
    // 受理并转办 preselects the suggested lead department and says how sure it is.
    await page.getByTestId('op-compound-accept_and_forward').click();
    const line = page.getByTestId('op-forward-suggestion');
    await line.waitFor();
    expect(await line.textContent()).toMatch(/建议主办：.+\d+%/);
    await shot(page, 'desk-zh-forward-dialog');
    await page.keyboard.press('Escape');

    // English, same page.
    await page.evaluate(() => localStorage.setItem('jl.lang', 'en'));
    await page.reload();
    await page.getByTestId('op-triage-category').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('op-triage').textContent()).toContain('Suggested category');
    expect(await page.getByTestId('op-event').last().textContent()).toContain('Category changed');
    await shot(page, 'desk-en');

    // A phone, both languages.
    const phone = await openPage(e, contexts, 'phone', 'admin');
    await phone.goto(`${e.baseUrl}/opinions/${id}`);
    await phone.getByTestId('op-triage-category').waitFor({ timeout: 60_000 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(overflow).toBe(false);
    await shot(phone, 'phone-zh');
    await phone.getByTestId('op-triage').screenshot({ path: `${SHOTS}/phone-zh-card.png` });
    await phone.evaluate(() => localStorage.setItem('jl.lang', 'en'));
    await phone.reload();
    await phone.getByTestId('op-triage-category').waitFor({ timeout: 60_000 });
    await shot(phone, 'phone-en');
    await phone.getByTestId('op-triage').screenshot({ path: `${SHOTS}/phone-en-card.png` });
  });

  it('shows nothing to a member', async () => {
    const page = await openPage(e, contexts, 'desk', 'member1');
    const id = await page.evaluate(
      async () => (await (await fetch('/api/v1/opinions?pageSize=1')).json()).items[0]?.id,
    );
    expect(id).toBeTruthy();
    await page.goto(`${e.baseUrl}/opinions/${id}`);
    await page.getByTestId('op-item').waitFor();
    await page.getByTestId('op-timeline').waitFor();
    expect(await page.getByTestId('op-triage').count()).toBe(0);
  });
});
