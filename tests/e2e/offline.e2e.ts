// The member app as a PWA without signal: after one visit with signal it opens offline (service worker), shows the
// member's villages from the phone's copy, keeps a visit with a photo in the outbox across a closed page, and sends
// it exactly once (one activity, one photo) when the signal returns.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, signIn, startE2E } from './harness.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.stop());

const PHOTO = fs.readFileSync('src/web/public/icons/icon-192.png');

describe('member app offline', () => {
  it('opens without signal, records a visit with a photo into the outbox and syncs it exactly once', async () => {
    const opinions = `离线打开：村卫生室缺少常用药（e2e ${Date.now()}）`;
    const ctx = await e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await ctx.newPage();
    await signIn(page, e.baseUrl, 'member1');

    // With signal: the service worker installs and takes the page; one visit to the record screen keeps its data.
    await page.goto(`${e.baseUrl}/record`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await page.reload();
    await page.getByTestId('record-village').locator('.ant-radio-button-wrapper').first().waitFor();
    const villagesOnline = await page.getByTestId('record-village').locator('.ant-radio-button-wrapper').count();
    const manifest = await page.request.get(`${e.baseUrl}/manifest.webmanifest`);
    expect((await manifest.json()).name).toBe('界联');

    // No signal: a reload still opens the app, with the member's villages and a note saying how old the data is.
    await ctx.setOffline(true);
    await page.reload();
    await page.getByTestId('record-village').locator('.ant-radio-button-wrapper').first().waitFor();
    expect(await page.getByTestId('record-village').locator('.ant-radio-button-wrapper').count()).toBe(villagesOnline);
    await expect.poll(() => page.getByTestId('offline-banner').textContent()).toMatch(/离线，显示 .+ 的数据/);

    await page.getByTestId('record-village').locator('.ant-radio-button-wrapper').first().click();
    await page.locator('[data-testid^="record-contact-"]').first().click();
    await page.getByTestId('record-method-visit').click();
    await page.getByTestId('record-opinions').fill(opinions);
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('.ant-upload-list-item').first().waitFor();
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-success').waitFor();
    expect(await page.getByTestId('record-success').getAttribute('data-pending')).toBe('true');

    // The page is closed; a new one (still offline) opens the app and the outbox lists the visit.
    await page.close();
    const again = await ctx.newPage();
    await again.goto(`${e.baseUrl}/activities`);
    await again.getByTestId('outbox-item').first().waitFor();
    expect(await again.getByTestId('outbox-item').count()).toBe(1);
    await expect.poll(() => again.getByTestId('outbox-item').first().textContent()).toContain('卫生室');

    // Signal returns: the outbox empties by itself, and the server has one activity with one photo.
    await ctx.setOffline(false);
    await again.getByTestId('outbox-list').waitFor({ state: 'detached', timeout: 30_000 });
    const find = async () => {
      const res = await again.request.get(
        `${e.baseUrl}/api/v1/activities?q=${encodeURIComponent('卫生室缺少常用药')}&pageSize=50`,
      );
      return (await res.json()).items.filter((a: any) => a.opinions === opinions);
    };
    const found = await find();
    expect(found).toHaveLength(1);
    const atts = await (await again.request.get(`${e.baseUrl}/api/v1/activities/${found[0].id}/attachments`)).json();
    expect(atts.items.filter((a: any) => a.kind === 'photo')).toHaveLength(1);

    // Another start of the app (the outbox is retried at start) sends nothing twice.
    await again.reload();
    await again.getByTestId('user-menu').waitFor();
    expect(await find()).toHaveLength(1);
    const after = await (await again.request.get(`${e.baseUrl}/api/v1/activities/${found[0].id}/attachments`)).json();
    expect(after.items).toHaveLength(1);

    // A shared phone: the answers kept for offline use are the member's; signing out forgets them.
    await expect.poll(() => again.evaluate(() => caches.has('jl-api'))).toBe(true);
    await again.getByTestId('user-menu').click();
    await again.getByText(/退出登录|Sign out|Log out/).click();
    await again.locator('input[type=password]').waitFor();
    await expect.poll(() => again.evaluate(() => caches.has('jl-api'))).toBe(false);
    await ctx.close();
  });
});

describe('opening the member app with signal', () => {
  /** member1 signed in on a phone; `tabbarMounts` in the page counts every creation of the bottom bar (a second one
   * means the whole app was mounted again). */
  async function memberPhone(serviceWorkers: 'allow' | 'block') {
    const ctx = await e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      serviceWorkers,
    });
    await ctx.addInitScript(() => {
      const w = window as unknown as { tabbarMounts: number };
      w.tabbarMounts = 0;
      let last: Element | null = null;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="phone-tabbar"]');
        if (bar && bar !== last) w.tabbarMounts++;
        last = bar ?? last;
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await ctx.newPage();
    await signIn(page, e.baseUrl, 'member1');
    return { ctx, page };
  }
  const tabbarMounts = (page: import('playwright-core').Page) =>
    page.evaluate(() => (window as unknown as { tabbarMounts: number }).tabbarMounts);

  it('mounts the home once and asks for each answer once; the warm-up keeps only what the home did not read', async () => {
    const { ctx, page } = await memberPhone('allow');
    // The service worker in charge from the first request, as on a phone that used the app before.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('phone-tabbar').waitFor();

    const asked: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/')) asked.push(u.pathname + u.search);
    });
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('phone-tabbar').waitFor();
    // The warm-up comes after the home's own requests; /liaison-groups is one only it reads.
    await expect.poll(() => asked.includes('/api/v1/liaison-groups')).toBe(true);
    await page.waitForLoadState('networkidle');
    const twice = asked.filter((p, i) => asked.indexOf(p) !== i);
    expect(twice, asked.join('\n')).toEqual([]);
    expect(asked).toContain('/api/v1/workbench');
    expect(await tabbarMounts(page)).toBe(1);
    // What the warm-up is for is still kept: the member's contacts, which the home never reads.
    const kept = await page.evaluate(async () =>
      (await (await caches.open('jl-api')).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search),
    );
    const memberId = asked.map((p) => /^\/api\/v1\/members\/(\d+)$/.exec(p)?.[1]).find(Boolean);
    expect(memberId).toBeDefined();
    for (const p of [
      '/api/v1/workbench',
      '/api/v1/liaison-groups',
      `/api/v1/representatives?memberId=${memberId}&pageSize=500`,
    ])
      expect(kept).toContain(p);
    await ctx.close();
  });

  it('mounts once when the antd texts arrive after the messages (a slow line, no service worker)', async () => {
    const { ctx, page } = await memberPhone('block');
    // antd's locale chunks (locales/<code>/antd.ts and antd's zh_CN) come 0.8 s late.
    await ctx.route(/\/assets\/(antd|zh_CN|en_US)-[\w-]+\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('phone-tabbar').waitFor();
    expect(await tabbarMounts(page)).toBe(1);
    await ctx.close();
  });
});

describe('nothing typed is lost', () => {
  it('restores a draft, keeps a hanging save and a signed-out save in the outbox, then sends each once', async () => {
    const tag = Date.now();
    // No service worker here: page.route must see the app's own requests.
    const ctx = await e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      serviceWorkers: 'block',
    });
    const page = await ctx.newPage();
    await signIn(page, e.baseUrl, 'member1');
    const count = async (text: string) => {
      const res = await page.request.get(`${e.baseUrl}/api/v1/activities?q=${encodeURIComponent(text)}&pageSize=50`);
      return (await res.json()).items.length as number;
    };
    const fill = async (opinions: string) => {
      await page.getByTestId('record-village').locator('.ant-radio-button-wrapper').first().click();
      await page.locator('[data-testid^="record-contact-"]').first().click();
      await page.getByTestId('record-method-visit').click();
      await page.getByTestId('record-opinions').fill(opinions);
    };

    // A draft survives a closed page.
    const slow = `草稿与慢网：村道需要护栏（e2e ${tag}）`;
    await page.goto(`${e.baseUrl}/record`);
    await fill(slow);
    await page.reload();
    await page.getByTestId('record-draft-restored').waitFor();
    await expect.poll(() => page.getByTestId('record-opinions').inputValue()).toBe(slow);

    // The server does not answer within 8 s: the record goes to the outbox with a message; the late answer and the
    // outbox's resend make one activity.
    await page.route('**/api/v1/activities', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await new Promise((r) => setTimeout(r, 10_000));
      return route.continue().catch(() => undefined);
    });
    await page.getByTestId('record-save').click();
    await page.getByText('网络太慢').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('record-success').getAttribute('data-pending')).toBe('true');
    await page.unroute('**/api/v1/activities');
    await expect.poll(() => count('村道需要护栏'), { timeout: 90_000, interval: 500 }).toBe(1);
    await page
      .getByTestId('outbox-sync')
      .click({ timeout: 1000 })
      .catch(() => undefined);
    await page.goto(`${e.baseUrl}/activities`);
    await page.getByTestId('user-menu').waitFor();
    await expect.poll(() => page.getByTestId('outbox-item').count(), { timeout: 30_000 }).toBe(0);
    expect(await count('村道需要护栏')).toBe(1);
    // the draft was cleared with the save
    await page.goto(`${e.baseUrl}/record`);
    await page.getByTestId('record-opinions').waitFor();
    expect(await page.getByTestId('record-draft-restored').count()).toBe(0);

    // The session ends while the member types: the save goes to the outbox, the app asks to sign in, then sends it.
    const expired = `会话过期：村小学操场积水（e2e ${tag}）`;
    await fill(expired);
    await ctx.clearCookies();
    await page.getByTestId('record-save').click();
    await page.getByText('登录已过期').waitFor();
    await signIn(page, e.baseUrl, 'member1');
    await expect.poll(() => count('村小学操场积水'), { timeout: 30_000, interval: 500 }).toBe(1);
    await ctx.close();
  });
});
