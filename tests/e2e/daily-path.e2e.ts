// The daily path counted in clicks, as each role meets it on the demo: the office takes one item from 已接收 to 已办结,
// merges a duplicate chosen from the picker, the department replies, and a leader signs a bulletin on a phone.
// Typing is not counted; every click is, and the counts are printed (the before: 14 for the office item).
import fs from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { clickOption, type E2E, openPage, SHOTS, startE2E } from './harness.js';

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

const open = (kind: 'phone' | 'desk', user: string) => openPage(e, contexts, kind, user);

/** Counts clicks per flow: every click in a flow goes through `click`. */
class Clicks {
  n = 0;
  async click(l: Locator) {
    this.n++;
    await l.click();
  }
}

/** The modal's OK once its zoom-in is over (a click during the animation can miss under load). */
async function okButton(page: Page) {
  const ok = page.getByTestId('op-modal-ok');
  await ok.waitFor();
  await page
    .locator('.ant-modal[class*="zoom-appear"], .ant-modal[class*="zoom-enter"]')
    .waitFor({ state: 'detached' });
  await expect.poll(() => ok.isEnabled()).toBe(true);
  return ok;
}

const itemStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="op-item"][data-status="${status}"]`).waitFor();

/** A write through the API as a signed-in page (setting up what another role did, not counted). */
async function apiAs(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, url, body },
  );
}

/** A citizen's submission on the public endpoint, in a category the demo's history routes to a department. */
async function citizenSubmits(title: string, content: string) {
  const cats = (await (await fetch(`${e.baseUrl}/api/v1/public/categories`)).json()) as any;
  const flat: any[] = [];
  const walk = (xs: any[]) => {
    for (const x of xs) {
      flat.push(x);
      walk(x.children ?? []);
    }
  };
  walk(Array.isArray(cats) ? cats : (cats.items ?? []));
  const villages = (await (
    await fetch(`${e.baseUrl}/api/v1/public/villages?q=${encodeURIComponent('村')}`)
  ).json()) as any;
  const leaf = flat.find((c) => /交通|道路/.test(c.name) && !(c.children ?? []).length) ?? flat.at(-1);
  const res = await fetch(`${e.baseUrl}/api/v1/public/opinions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      title,
      content,
      categoryId: leaf.id,
      regionId: villages.items[0].id,
      name: '陈女士',
      phone: '13905725678',
      consent: true,
    }),
  });
  const json = (await res.json()) as any;
  expect(res.status, JSON.stringify(json)).toBeLessThan(300);
  return json.trackingCode as string;
}

describe('the daily path, counted in clicks', () => {
  it('office item from 已接收 to 已办结, department reply, merge from the picker, leader sign-off on a phone', async () => {
    onTestFailed(async () => {
      let n = 0;
      for (const c of contexts)
        for (const p of c.pages())
          await p.screenshot({ path: `${SHOTS}/daily-path-failed-${++n}.png` }).catch(() => undefined);
    });
    const tag = `jlc${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
    const code = await citizenSubmits(
      `村道路面塌陷 ${tag}`,
      `县道到村口的路面塌陷了一个大坑，晚上骑电动车很危险，请尽快修补。${tag}`,
    );

    // 1. The office: from the inbox row to 受理并转办 (the department suggested, the deadline shown).
    const office = await open('desk', 'admin');
    const officeClicks = new Clicks();
    await office.goto(`${e.baseUrl}/opinions?status=received&q=${tag}`);
    await officeClicks.click(
      office.locator('[data-testid="op-row"]').filter({ hasText: tag }).first().getByRole('link'),
    );
    await itemStatus(office, 'received');
    const itemUrl = office.url();
    await officeClicks.click(office.getByTestId('op-compound-accept_and_forward'));
    await officeClicks.click(await okButton(office));
    await itemStatus(office, 'forwarded');
    await office.screenshot({ path: `${SHOTS}/daily-01-office-forwarded.png`, fullPage: true });

    // 2. The department: from its desk (待办 by default) to a sent reply.
    const dept = await open('desk', 'dept1');
    const deptClicks = new Clicks();
    await dept.goto(`${e.baseUrl}/dept?q=${tag}`);
    await deptClicks.click(dept.locator('[data-testid="op-row"]').filter({ hasText: tag }).first().getByRole('link'));
    await itemStatus(dept, 'forwarded');
    await deptClicks.click(dept.getByTestId('op-action-reply'));
    await (await okButton(dept)).waitFor();
    await dept.getByTestId('op-field-content').fill(`已安排养护站三日内修补村道路面。${tag}`);
    await deptClicks.click(dept.getByTestId('op-modal-ok'));
    await itemStatus(dept, 'replied');
    expect(await dept.content()).not.toContain(code);

    // 3. The office again: 审核通过并反馈 in one dialog.
    await office.goto(`${e.baseUrl}/opinions?status=replied&q=${tag}`);
    await officeClicks.click(
      office.locator('[data-testid="op-row"]').filter({ hasText: tag }).first().getByRole('link'),
    );
    await itemStatus(office, 'replied');
    await officeClicks.click(office.getByTestId('op-compound-approve_and_feedback'));
    await officeClicks.click(await okButton(office));
    await itemStatus(office, 'feedback_sent');

    // 4. The citizen rates 满意 by tracking code; the item closes by itself.
    const rated = await fetch(`${e.baseUrl}/api/v1/public/opinions/${code}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rating: 'satisfied' }),
    });
    expect(rated.status).toBeLessThan(300);
    await office.goto(itemUrl);
    await itemStatus(office, 'closed');
    console.log(
      `daily path: office item 已接收 → 已办结 in ${officeClicks.n} clicks (before: 14); department reply in ${deptClicks.n}`,
    );
    expect(officeClicks.n).toBeLessThanOrEqual(6);

    // 5. A duplicate merged from the picker, whose first choices are the similar items.
    const first = `路灯不亮 ${tag}a`;
    await citizenSubmits(first, `村委会门口到小学的一排路灯都不亮，孩子晚上放学很黑。${tag}a`);
    await citizenSubmits(`路灯坏了 ${tag}b`, `村委会门口到小学那排路灯不亮，晚上放学太黑了。${tag}b`);
    const mergeClicks = new Clicks();
    await office.goto(`${e.baseUrl}/opinions?status=received&q=${tag}b`);
    await mergeClicks.click(
      office
        .locator('[data-testid="op-row"]')
        .filter({ hasText: `${tag}b` })
        .first()
        .getByRole('link'),
    );
    await itemStatus(office, 'received');
    await mergeClicks.click(office.getByTestId('op-action-merge'));
    await okButton(office).catch(() => undefined);
    await mergeClicks.click(office.getByTestId('op-field-targetId'));
    await clickOption(office, 'op-field-targetId', first, (l) => mergeClicks.click(l));
    await mergeClicks.click(office.getByTestId('op-modal-ok'));
    await itemStatus(office, 'merged');
    console.log(`daily path: a merge chosen from the picker in ${mergeClicks.n} clicks (before: an item number typed)`);

    // 6. A leader signs a bulletin on a phone, from the workbench.
    const drafts = await apiAs(office, 'GET', '/api/v1/bulletins?status=draft&pageSize=5');
    const draft = drafts.json.items[0];
    const submitted = await apiAs(office, 'POST', `/api/v1/bulletins/${draft.id}/steps`, { step: 'submit' });
    expect(submitted.status, JSON.stringify(submitted.json)).toBeLessThan(300);
    const leader = await open('phone', 'leader1');
    const leaderClicks = new Clicks();
    await leader.goto(`${e.baseUrl}/`);
    await leaderClicks.click(leader.getByTestId('wb-bulletinsToSignOff'));
    await leaderClicks.click(leader.locator(`[data-testid="bl-row"][data-id="${draft.id}"]`).getByRole('link'));
    await leaderClicks.click(leader.getByTestId('bl-step-sign_off'));
    const confirm = leader.getByTestId('bl-step-ok');
    if (await confirm.isVisible().catch(() => false)) await leaderClicks.click(confirm);
    await leader.locator('[data-testid="bl-status"][data-status="signed_off"]').waitFor();
    await leader.screenshot({ path: `${SHOTS}/daily-02-leader-signed-phone.png`, fullPage: true });
    console.log(`daily path: a leader signs a bulletin on a phone in ${leaderClicks.n} clicks from the home page`);
    expect(leaderClicks.n).toBeLessThanOrEqual(4);
  });
});
