// 联络站 and e-mail subscriptions in chromium: the office creates a contact station on /stations, a citizen finds it on
// /public/stations and its "write" link opens the form addressed to it (?station=); the subscription link pages say
// clearly when a link is broken.
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const open = (kind: 'phone' | 'desk', user?: string) => openPage(e, contexts, kind, user);
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

describe('contact stations', () => {
  it('goes from the office form to the public list and the form addressed to the station', async () => {
    const name = `端到端测试联络站${Date.now() % 10000}`;
    const office = await open('desk', 'admin');
    await office.goto(`${e.baseUrl}/stations`);
    await office.getByTestId('station-add').click();
    await office.getByTestId('station-name').fill(name);
    // The first township offered, chosen from the keyboard and checked (a clicked option did not always take: CI).
    await office.getByTestId('station-township').click();
    const township = (await office.locator('.ant-select-dropdown .ant-select-item-option').first().innerText()).trim();
    await pick(office, 'station-township', '', township);
    await office.getByTestId('station-save').click();
    await office.locator('tr').filter({ hasText: name }).first().waitFor();
    await shot(office, 'station-01-office');

    const citizen = await open('phone');
    await citizen.goto(`${e.baseUrl}/public/stations`);
    const card = citizen.getByTestId('station-card').filter({ hasText: name }).first();
    await card.waitFor();
    await shot(citizen, 'station-02-public');
    await card.getByTestId('station-write').click();
    await citizen.waitForURL(/\/public\/opinions\/new\?station=\d+/);
  });

  it('says clearly when a subscription link is broken', async () => {
    const citizen = await open('phone');
    await citizen.goto(`${e.baseUrl}/public/subscriptions/confirm?token=not-a-real-token`);
    expect(await citizen.getByTestId('sub-error').textContent()).toContain('链接无效');
    await citizen.goto(`${e.baseUrl}/public/subscriptions/unsubscribe`);
    expect(await citizen.getByTestId('sub-error').textContent()).toContain('链接不完整');
    await shot(citizen, 'station-03-unsubscribe');
  });
});
