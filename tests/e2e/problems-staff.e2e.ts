// 民生问题 staff pages in chromium: the office opens a suggested group as a new problem, moves it through its
// statuses, records a milestone, uploads evidence, unlinks an item and closes it with an outcome; the inbox's bulk bar
// adds items to an existing problem; the list and the problem page read on a phone (cards, no sideways scroll) and in
// English; a department sees only its problems, without the office's buttons.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type E2E, openPage, pick, SHOTS, startE2E } from './harness.js';

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

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/problems-staff-${name}.png`, fullPage: true });
/** Waits until the problem page shows this attribute value (data-status, data-progress). */
const detailWith = (page: Page, attr: string, value: string) =>
  page.locator(`[data-testid="prb-detail"][${attr}="${value}"]`).waitFor();

/** Confirms a status move (with an outcome when given) and waits for the new status. */
async function move(page: Page, to: string, outcome?: string) {
  await page.getByTestId(`prb-move-${to}`).click();
  if (outcome) await page.getByTestId('prb-move-outcome').fill(outcome);
  await page.getByTestId('prb-move-ok').click();
  await detailWith(page, 'data-status', to);
}

let problemId = 0;
const title = '老旧小区雨污管网混接（测试）';

describe('民生问题 staff pages', () => {
  it('creates a problem from a suggestion and follows it to solved', async () => {
    const page = await openPage(e, contexts, 'desk', 'admin');
    await page.getByTestId('user-menu').waitFor();
    await page.locator('[data-path="/problems"]').click();
    await page.getByTestId('prb-list-page').waitFor();
    await page.getByTestId('prb-suggest').click();
    const group = page.getByTestId('prb-sg-group').first();
    await group.waitFor({ timeout: 90_000 });
    await group.getByTestId('prb-sg-create').click();
    await page.getByTestId('prb-new-page').waitFor();
    // The group's title, township and items come along.
    expect(await page.getByTestId('prb-f-title').inputValue()).not.toBe('');
    const ids = new URL(page.url()).searchParams.get('ids')?.split(',') ?? [];
    expect(ids.length).toBeGreaterThan(1);
    await page.getByTestId('prb-f-title').fill(title);
    await pick(page, 'prb-f-lead', '住建', '县住建局');
    await page.getByTestId('prb-create').click();
    await detailWith(page, 'data-status', 'collecting');
    problemId = Number(page.url().split('/').at(-1));
    expect(await page.getByTestId('prb-title').textContent()).toBe(title);
    expect(Number(await page.getByTestId('prb-items').getAttribute('data-count'))).toBe(ids.length);

    await move(page, 'confirmed');
    await move(page, 'in_progress');
    await page.getByTestId('prb-ms-add').click();
    await page.getByTestId('prb-ms-title').fill('完成管网排查');
    await page.getByTestId('prb-ms-progress').fill('60');
    await page.getByTestId('prb-ms-ok').click();
    await page.getByTestId('prb-ms-item').filter({ hasText: '完成管网排查' }).getByTestId('prb-ms-reach').click();
    await detailWith(page, 'data-progress', '60');

    const photo = path.join(SHOTS, 'problems-staff-photo.png');
    fs.writeFileSync(
      photo,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    await page.getByTestId('prb-ev-add').click();
    await page.getByTestId('prb-ev-title').fill('现场照片');
    await page.locator('.ant-modal input[type=file]').setInputFiles(photo);
    await page.getByTestId('prb-ev-ok').click();
    const evidence = page.getByTestId('prb-ev-item').filter({ hasText: '现场照片' });
    await evidence.waitFor();
    const href = await evidence.locator('a').getAttribute('href');
    expect((await page.request.get(`${e.baseUrl}${href}`)).status()).toBe(200);

    await page.getByTestId('prb-item-unlink').first().click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator(`[data-testid="prb-items"][data-count="${ids.length - 1}"]`).waitFor();

    // Solving asks what was done; without it the form says so and nothing moves.
    await page.getByTestId('prb-move-solved').click();
    await page.getByTestId('prb-move-ok').click();
    await page.locator('.ant-modal .ant-form-item-explain-error').waitFor();
    await page.getByTestId('prb-move-outcome').fill('完成雨污分流改造');
    await page.getByTestId('prb-move-ok').click();
    await detailWith(page, 'data-status', 'solved');
    await detailWith(page, 'data-progress', '100');
    await page.getByTestId('prb-move-in_progress').waitFor();
    const events = await page
      .getByTestId('prb-event')
      .evaluateAll((els) => els.map((x) => x.getAttribute('data-type')));
    expect(events.slice(0, 4)).toEqual(['status', 'item_unlinked', 'evidence_added', 'milestone_reached']);
    await shot(page, 'detail-desk');
  });

  it("adds the inbox's selected items to an existing problem", async () => {
    const page = await openPage(e, contexts, 'desk', 'admin');
    onTestFailed(async () => {
      await shot(page, 'bulk-failed');
    });
    await page.goto(`${e.baseUrl}/problems/${problemId}`);
    // Only problems still open are offered: reopen ours first.
    await move(page, 'in_progress');
    const before = Number(await page.getByTestId('prb-items').getAttribute('data-count'));
    await page.goto(`${e.baseUrl}/opinions`);
    const boxes = page.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox-input');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('op-bulk-to-problem').click();
    await page.getByText('加入已有的民生问题').click();
    await pick(page, 'prb-bulk-pick', '', title);
    await page.locator('[data-testid="prb-bulk-ok"]:not([disabled])').waitFor();
    await page.getByTestId('prb-bulk-ok').click();
    await page.getByTestId('prb-detail').waitFor();
    expect(page.url()).toContain(`/problems/${problemId}`);
    await page.locator(`[data-testid="prb-items"][data-count="${before + 2}"]`).waitFor();
  });

  it('reads on a phone (cards, no sideways scroll) and in English', async () => {
    const page = await openPage(e, contexts, 'phone', 'admin');
    await page.goto(`${e.baseUrl}/problems`);
    await page.getByTestId('prb-card').first().waitFor();
    expect(await page.getByTestId('prb-table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'list-phone');
    await page.getByTestId('prb-card').filter({ hasText: title }).click();
    await page.getByTestId('prb-detail').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'detail-phone');
    await page.evaluate(() => localStorage.setItem('jl.lang', 'en'));
    await page.reload();
    await page.getByTestId('prb-detail').waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain('Milestones');
    expect(text).not.toMatch(/\bprb\.[a-z]+/);
  });

  it('shows a department only its problems, with the report upload and no office buttons', async () => {
    const page = await openPage(e, contexts, 'desk', 'dept1');
    await page.locator('[data-path="/problems"]').click();
    await page.getByTestId('prb-table').waitFor();
    // The table is drawn before its rows arrive.
    await page.getByTestId('prb-link').first().waitFor();
    const titles = await page.getByTestId('prb-link').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).not.toContain(title);
    expect(await page.getByTestId('prb-new').count()).toBe(0);
    await page.getByTestId('prb-link').first().click();
    await page.getByTestId('prb-detail').waitFor();
    expect(await page.getByTestId('prb-ev-add').count()).toBe(1);
    expect(await page.getByTestId('prb-edit').count()).toBe(0);
    expect(await page.getByTestId('prb-moves').count()).toBe(0);
    expect(await page.getByTestId('prb-ms-add').count()).toBe(0);
  });
});
