// Accessibility in a real browser: axe-core (npm, injected into the page) finds no serious or critical violation on
// the sign-in page, the citizens' form and tracking page, the member's phone home and 记录走访, the office inbox, an
// item page and the statistics; the sign-in and the citizens' form are completed with the keyboard alone, and the
// focused control shows a visible focus ring.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, SHOTS, signIn, startE2E } from './harness.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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

const SIZES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desk: { viewport: { width: 1366, height: 800 } },
};

/** A page in a new context; the server's CSP forbids inline scripts, so axe's injected script needs bypassCSP. */
async function openPage(_e: E2E, list: BrowserContext[], kind: 'phone' | 'desk', user?: string) {
  const ctx = await e.browser.newContext({ ...SIZES[kind], locale: 'zh-CN', bypassCSP: true });
  list.push(ctx);
  const page = await ctx.newPage();
  if (user) await signIn(page, e.baseUrl, user);
  return page;
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core on the page as it is now; returns the serious and critical violations, printed for the log. */
async function serious(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  // Let antd's enter animations finish (axe reads colours mid-fade as low contrast); spinners loop forever, skip them.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document
            .getAnimations()
            .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
            .length,
      ),
    )
    .toBe(0);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  })) as Violation[];
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad)
    console.log(
      `${name}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes
        .slice(0, 12)
        .map(
          (n) =>
            `    ${n.target.join(' ')} ${n.html.slice(0, 160)}: ${(n.failureSummary ?? '').split('\n').slice(1, 2).join(' ')}`,
        )
        .join('\n')}`,
    );
  return bad.map((v) => `${v.id} (${v.nodes.length})`);
}

/** Presses Tab until the focused element matches `selector` (at most 40 times); fails if it never does. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element draws a visible ring: an outline or a box-shadow. */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  });

describe('accessibility', () => {
  let trackingCode = '';

  it('sign-in: no serious violations, completed with the keyboard alone', async () => {
    const page = await openPage(e, contexts, 'desk');
    await page.goto(e.baseUrl);
    await page.locator('#username').waitFor();
    expect(await serious(page, 'login')).toEqual([]);
    await page.locator('body').focus();
    await tabTo(page, '#username');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type('admin');
    await tabTo(page, '#password');
    await page.keyboard.type('Demo@2026');
    await page.keyboard.press('Enter');
    await page.getByTestId('user-menu').waitFor();
  });

  it("citizens' form: no serious violations, completed with the keyboard alone; tracking page too", async () => {
    const page = await openPage(e, contexts, 'phone');
    await page.goto(`${e.baseUrl}/public/opinions/new`);
    await page.getByTestId('pub-title').waitFor();
    await page.locator('[data-testid="pub-category"] option').nth(2).waitFor({ state: 'attached' });
    expect(await serious(page, 'citizen form')).toEqual([]);
    await tabTo(page, '[data-testid="pub-title"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type('路灯不亮');
    await tabTo(page, '[data-testid="pub-content"]');
    await page.keyboard.type('村口路灯坏了一个月，晚上走路看不见。');
    await tabTo(page, '[data-testid="pub-category"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('pub-category').inputValue()).not.toBe('');
    await tabTo(page, '[data-testid="pub-village"]');
    await page.keyboard.type('康山');
    await page.getByTestId('pub-village-option').first().waitFor();
    await tabTo(page, '[data-testid="pub-village-option"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('pub-village-chosen').waitFor();
    await tabTo(page, '[data-testid="pub-name"]');
    await page.keyboard.type('王秀英');
    await tabTo(page, '[data-testid="pub-consent"]');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('pub-consent').isChecked()).toBe(true);
    await tabTo(page, '[data-testid="pub-submit"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    trackingCode = ((await page.getByTestId('pub-code').textContent()) ?? '').trim();
    expect(trackingCode).not.toBe('');
    expect(await serious(page, 'citizen submitted')).toEqual([]);
    await page.goto(`${e.baseUrl}/public/opinions/${encodeURIComponent(trackingCode)}`);
    await page.locator('h1').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/a11y-track.png`, fullPage: true });
    expect(await serious(page, 'tracking page')).toEqual([]);
  });

  it('member on a phone: home and 记录走访', async () => {
    const page = await openPage(e, contexts, 'phone', 'member1');
    await page.getByTestId('home').waitFor();
    expect(await serious(page, 'member home')).toEqual([]);
    await page.goto(`${e.baseUrl}/record`);
    await page.locator('form').first().waitFor();
    expect(await serious(page, 'record visit')).toEqual([]);
    await page.getByTestId('tab-more').click();
    await page.getByTestId('more-drawer').waitFor();
    expect(await serious(page, 'phone 我的 drawer')).toEqual([]);
  });

  it('office: inbox, an item page and the statistics', async () => {
    const page = await openPage(e, contexts, 'desk', 'admin');
    await page.goto(`${e.baseUrl}/opinions`);
    await page.locator('[data-testid="op-row"]').first().waitFor();
    expect(await serious(page, 'inbox')).toEqual([]);
    await page.locator('[data-testid="op-row"]').first().getByRole('link').first().click();
    await page.getByTestId('op-item').waitFor();
    expect(await serious(page, 'item page')).toEqual([]);
    await page.goto(`${e.baseUrl}/kpis`);
    await page.locator('[data-testid^="kpi-card-"]').first().waitFor();
    expect(await serious(page, 'kpis')).toEqual([]);
  });
});
