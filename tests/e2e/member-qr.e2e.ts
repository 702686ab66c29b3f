// 码上联系 in chromium: a citizen finds a member in the public directory, opens the form the member's QR code opens
// (/public/opinions/new?member=…&village=…), sees whom it goes to with the village preset, submits, and the member
// finds the item in 我的社情民意 as one they raised. The office's poster for that member names them and the URL.
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

const open = (kind: 'phone' | 'desk', user?: string) => openPage(e, contexts, kind, user);
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const getJson = (page: Page, url: string) =>
  page.evaluate((u) => fetch(u, { credentials: 'same-origin' }).then((r) => r.json()), url);

describe('member QR code', () => {
  it('takes a citizen from the QR URL to the member’s own list', async () => {
    const member = await open('desk', 'member1');
    const me = await getJson(member, '/api/v1/auth/me');
    const memberId: number = me.memberId ?? me.user?.memberId;
    expect(memberId).toBeGreaterThan(0);
    const entry = await (await fetch(`${e.baseUrl}/api/v1/public/directory/members/${memberId}`)).json();
    expect(entry.villages.length).toBeGreaterThan(0);
    const village = entry.villages[0];

    // The directory leads to the member and their "write" button.
    const citizen = await open('phone');
    await citizen.goto(`${e.baseUrl}/public/directory?q=${encodeURIComponent(entry.name)}`);
    await citizen.getByTestId('dir-member').filter({ hasText: entry.name }).first().getByRole('link').first().click();
    await citizen.getByTestId('dir-member-page').waitFor();
    await shot(citizen, 'qr-01-member-page');

    // The QR code's URL: the form says whom it goes to and has the village preset.
    await citizen.goto(`${e.baseUrl}/public/opinions/new?member=${memberId}&village=${village.id}`);
    const addressee = citizen.getByTestId('pub-addressee');
    await addressee.waitFor();
    expect((await addressee.textContent())?.trim()).toBe(`写给 ${entry.name}（${entry.sectorName}）`);
    expect(await citizen.getByTestId('pub-village-chosen').textContent()).toContain(village.name);
    const title = `扫码反映：${village.name}村道积水`;
    await citizen.getByTestId('pub-title').fill(title);
    await citizen.getByTestId('pub-content').fill('雨后村道积水严重，老人小孩出行不便，希望疏通排水沟。');
    await citizen.getByTestId('pub-category').selectOption({ label: '公交线路' });
    await citizen.getByTestId('pub-name').fill('赵阿姨');
    await citizen.getByTestId('pub-consent').check();
    await shot(citizen, 'qr-02-form');
    await citizen.getByTestId('pub-submit').click();
    expect((await citizen.getByTestId('pub-code').textContent())?.trim()).toMatch(/^[A-Z0-9]{6,}$/);

    // The member sees it in 我的社情民意.
    await member.goto(`${e.baseUrl}/opinions/mine`);
    await member.locator('[data-testid="mine-item"]').filter({ hasText: title }).first().waitFor();
    await shot(member, 'qr-03-member-mine');

    // The office prints the member's poster.
    const office = await open('desk', 'admin');
    const pdf = await office.evaluate(
      (u) =>
        fetch(u).then(async (r) => ({
          status: r.status,
          type: r.headers.get('content-type'),
          size: (await r.arrayBuffer()).byteLength,
        })),
      `/api/v1/directory/members/${memberId}/poster.pdf`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.size).toBeGreaterThan(1000);
  });
});
