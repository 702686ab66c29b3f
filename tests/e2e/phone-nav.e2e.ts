// Every entry a role has in the desktop side menu is reachable on a 390×844 phone: in the bottom bar or in the 我的
// drawer, and opening it lands on that page. Also the larger-text setting: remembered, 130 % text, no sideways scroll.
// And the citizens' pages: every entry point of the public bar is in the phone's 菜单, in view, in each language.
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

describe('public pages on a phone', () => {
  /** A public page in `lang`, without an account. */
  async function publicPage(kind: 'phone' | 'desk', lang: string, path: string) {
    const page = await openPage(e, contexts, kind);
    await page.context().addInitScript((l) => localStorage.setItem('jl.lang', l), lang);
    await page.goto(`${e.baseUrl}${path}`);
    await page.locator('.pub-main').waitFor();
    return page;
  }
  const hrefs = (page: Page) =>
    page.locator('#pub-nav a').evaluateAll((els) => els.map((x) => new URL((x as HTMLAnchorElement).href).pathname));

  it('a wide screen shows the entry points in the bar, without the 菜单 button', async () => {
    const desk = await publicPage('desk', 'zh', '/public/problems');
    expect(await desk.getByTestId('pub-menu').isVisible()).toBe(false);
    const links = desk.locator('#pub-nav a');
    expect(await links.count()).toBeGreaterThanOrEqual(8);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    // The page being shown is marked in the bar.
    expect(await desk.locator('#pub-nav a[aria-current="page"]').textContent()).toBe('民生问题');
  });

  it('a page built with antd (协商成果) mounts its header once, so a menu opened meanwhile stays open', async () => {
    const phone = await publicPage('phone', 'zh', '/public/problems');
    await phone.evaluate(() => {
      const w = window as unknown as { headerMounts: number };
      w.headerMounts = 0;
      let last = document.querySelector('.pub-header');
      new MutationObserver(() => {
        const h = document.querySelector('.pub-header');
        if (h && h !== last) w.headerMounts++;
        last = h ?? last;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await phone.getByTestId('pub-menu').click();
    await phone.locator('#pub-nav a[href="/public/consultations"]').click();
    await phone.waitForLoadState('networkidle');
    await phone.locator('.pub-main .ant-typography').first().waitFor();
    expect(await phone.evaluate(() => (window as unknown as { headerMounts: number }).headerMounts)).toBe(1);
  });

  for (const lang of ['zh', 'ug', 'en'])
    it(`${lang}: the 菜单 button opens every entry point in view; each opens its page and closes the menu`, async () => {
      const desk = await publicPage('desk', lang, '/public/opinions/new');
      const entries = await hrefs(desk);
      await desk.context().close();
      for (const p of ['/public/opinions/new', '/public/track', '/public/problems', '/public/directory'])
        expect(entries).toContain(p);

      const phone = await publicPage('phone', lang, '/public/problems');
      const menu = phone.getByTestId('pub-menu');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      // Closed: the bar holds no entry point a citizen would have to find by scrolling it sideways.
      for (const link of await phone.locator('#pub-nav a').all()) expect(await link.isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await hrefs(phone)).toEqual(entries);
      for (const link of await phone.locator('#pub-nav a').all()) {
        const box = await link.boundingBox();
        expect(box, (await link.textContent()) ?? '').not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        expect(box!.y + box!.height).toBeLessThanOrEqual(844);
        expect(box!.height).toBeGreaterThanOrEqual(44);
      }
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.screenshot({ path: `${SHOTS}/public-menu-${lang}-390.png` });
      // Escape closes it and gives the focus back to the button.
      await phone.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await menu.evaluate((b) => b === document.activeElement)).toBe(true);
      for (const path of entries) {
        await menu.click();
        await phone.locator(`#pub-nav a[href="${path}"]`).click();
        await expect.poll(() => pathname(phone)).toBe(path);
        // The new page is in (its header marks it): a page's code loads on first use while the old one stays shown.
        await expect
          .poll(() => phone.locator('#pub-nav a[aria-current="page"]').getAttribute('href', { timeout: 1_000 }))
          .toBe(path);
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        expect(await phone.locator('#pub-nav a').first().isVisible()).toBe(false);
      }
    });
});
