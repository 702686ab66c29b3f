// Every entry a role has in the desktop side menu is reachable on a 390×844 phone: in the bottom bar or in the 我的
// drawer, and opening it lands on that page. Also the larger-text setting: remembered, 130 % text, no sideways scroll.
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, openPage, SHOTS, startE2E } from './harness.js';

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

const ROLES = ['admin', 'leader1', 'member1', 'officer1', 'grouplead1', 'dept1'];

/** The paths of the desktop side menu for a user (registry submenu open by default). */
async function desktopEntries(user: string) {
  const desk = await openPage(e, contexts, 'desk', user);
  const entries = desk.locator('.ant-layout-sider [data-path]');
  let paths: string[] = [];
  // The first render may be the phone layout (antd measures the width after mounting): read once the menu is there.
  await expect
    .poll(async () => (paths = await entries.evaluateAll((els) => els.map((x) => (x as HTMLElement).dataset.path!))))
    .not.toEqual([]);
  await desk.context().close();
  return paths;
}

const pathname = (page: Page) => new URL(page.url()).pathname;

/** Opens `path` from the phone's navigation only (bottom bar, else the 我的 drawer) and waits for the page. */
async function reach(page: Page, path: string) {
  const tab = page.locator(`[data-testid="phone-tabbar"] [data-path="${path}"]`);
  if (await tab.count()) await tab.click();
  else {
    await page.getByTestId('tab-more').click();
    const entry = page
      .locator('[data-testid="more-drawer"] li.ant-menu-item')
      .filter({ has: page.locator(`[data-path="${path}"]`) });
    await entry.waitFor();
    await entry.click();
    await page.locator('.jl-more-drawer .ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
  }
  await expect.poll(() => pathname(page)).toBe(path);
}

describe('phone navigation', () => {
  for (const user of ROLES) {
    it(`${user}: every desktop menu entry is reachable at 390×844`, async () => {
      const paths = await desktopEntries(user);
      expect(paths.length).toBeGreaterThan(0);
      const phone = await openPage(e, contexts, 'phone', user);
      await phone.getByTestId('phone-tabbar').waitFor();
      // No side menu on the phone: only the bar and the drawer.
      expect(await phone.locator('.ant-layout-sider').count()).toBe(0);
      const tabs = await phone
        .locator('[data-testid="phone-tabbar"] [data-path]')
        .evaluateAll((els) => els.map((x) => (x as HTMLElement).dataset.path!));
      expect(tabs.length).toBeLessThanOrEqual(4);
      await phone.getByTestId('tab-more').click();
      await phone.getByTestId('more-drawer').waitFor();
      const drawer = await phone
        .locator('[data-testid="more-drawer"] [data-path]')
        .evaluateAll((els) => els.map((x) => (x as HTMLElement).dataset.path!));
      await phone.screenshot({ path: `${SHOTS}/phone-nav-${user}-drawer.png` });
      await phone.getByTestId('more-drawer').press('Escape');
      // The drawer lists the whole desktop menu, the bar only some of it.
      expect(new Set(drawer)).toEqual(new Set(paths));
      for (const p of tabs) expect(paths).toContain(p);
      const wide: string[] = [];
      for (const p of paths) {
        await reach(phone, p);
        await phone.waitForLoadState('networkidle');
        const w = await phone.evaluate(() => document.documentElement.scrollWidth);
        if (w > 390) wide.push(`${p} (${w}px)`);
      }
      if (wide.length) console.log(`${user}: pages wider than the phone: ${wide.join(', ')}`);
      if (user === 'member1')
        for (const p of ['/assessment/me', '/proposals', '/reception', '/consultations', '/bulletins/mine'])
          expect(paths).toContain(p);
      if (user === 'leader1') {
        expect(paths).toContain('/bulletins');
        await reach(phone, '/bulletins');
        await phone.getByTestId('bl-cards').waitFor();
      }
    });
  }

  it('larger text: remembered, 130 % text, the phone page still fits', async () => {
    const phone = await openPage(e, contexts, 'phone', 'member1');
    await phone.getByTestId('phone-tabbar').waitFor();
    const bodySize = () =>
      phone.evaluate(() => Number.parseFloat(getComputedStyle(document.querySelector('.ant-layout')!).fontSize));
    expect(await bodySize()).toBeGreaterThanOrEqual(16);
    await phone.getByTestId('tab-more').click();
    const sw = phone.getByTestId('larger-text');
    await sw.focus();
    await sw.press('Space');
    await expect.poll(() => sw.getAttribute('aria-checked')).toBe('true');
    await phone.getByTestId('more-drawer').press('Escape');
    await phone.reload();
    await phone.getByTestId('phone-tabbar').waitFor();
    expect(await phone.evaluate(() => localStorage.getItem('jl.textScale'))).toBe('large');
    expect(await bodySize()).toBeGreaterThanOrEqual(20);
    for (const p of ['/', '/assessment/me', '/opinions/mine']) {
      await reach(phone, p);
      await phone.waitForLoadState('networkidle');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await phone.screenshot({ path: `${SHOTS}/phone-nav-larger-text.png`, fullPage: true });
  });
});
