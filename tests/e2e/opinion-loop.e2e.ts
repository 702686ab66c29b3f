// 社情民意 end to end in chromium: a citizen submits on the public form, a member raises the same matter and the office
// merges it in, forwards it, the department replies, the office approves and feeds back, the citizen reads the reply
// by tracking code and rates it, the member sees the answer, and the KPIs move by exactly that.
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type E2E, openPage, pick, pickTree, SHOTS, startE2E } from './harness.js';

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

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });

/** Runs one action from the item page's action bar: opens its modal, lets `fill` fill it, confirms, waits for the status. */
async function act(page: Page, action: string, status: string, fill?: () => Promise<void>) {
  await page.getByTestId(`op-action-${action}`).click();
  const ok = page.getByTestId('op-modal-ok');
  await ok.waitFor();
  // Let the modal's zoom-in finish: under CI load a click during the animation can miss the button.
  await page
    .locator('.ant-modal[class*="zoom-appear"], .ant-modal[class*="zoom-enter"]')
    .waitFor({ state: 'detached' });
  if (fill) await fill();
  // Answers (答复) go with their files to /answer; every other move to /transitions.
  const sent = page.waitForRequest((r) => /\/(transitions|answer)$/.test(r.url()) && r.method() === 'POST');
  await ok.click();
  await sent;
  await page.locator(`[data-testid="op-item"][data-status="${status}"]`).waitFor();
  await ok.waitFor({ state: 'detached' });
}

/** China date of now, shifted by whole days (the KPI period is in China dates). */
function chinaDate(shiftDays = 0) {
  return new Date(Date.now() + shiftDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

interface Ratio {
  num: number;
  den: number;
}
interface KpiTotal {
  received: number;
  acceptance: Ratio;
  onTime: Ratio;
  reply: Ratio;
  feedback: Ratio;
  satisfaction: Ratio;
}

describe('社情民意: from the citizen form back to the citizen and the member', () => {
  it('submits, merges, forwards, replies, approves, feeds back, is rated, reaches the member and moves the KPIs', async () => {
    // On a failure the last state of every open page is kept for a look.
    onTestFailed(async () => {
      let n = 0;
      for (const c of contexts)
        for (const p of c.pages())
          await p.screenshot({ path: `${SHOTS}/opinion-loop-failed-${++n}.png` }).catch(() => undefined);
    });
    // A latin tag keeps the run's items findable in the full-text inbox search and apart from the demo data.
    const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26)));
    const tag = `jlx${letters.join('')}`;
    const title = `村口公交站台遮雨棚损坏 ${tag}`;
    const content = `递铺街道康山村村口公交站台遮雨棚被大风吹坏，下雨天候车群众淋雨，老人小孩很不方便，请尽快修复。${tag}`;
    const reply = `已安排公交公司于三个工作日内更换康山村村口公交站台遮雨棚，并加固立柱。${tag}`;
    const citizenPhone = '13905721234';

    const office = await open('desk', 'admin');
    // The period holds the flow even if it crosses midnight in China.
    const period = `from=${chinaDate(-1)}&to=${chinaDate(1)}`;
    const kpis = async (): Promise<KpiTotal> => {
      const res = await office.request.get(`${e.baseUrl}/api/v1/kpis?${period}&groupBy=period`);
      expect(res.status()).toBe(200);
      return (await res.json()).total;
    };
    const before = await kpis();

    // 1. The citizen, on a phone and without an account, submits on the public form and keeps the tracking code.
    const citizen = await open('phone');
    await citizen.goto(`${e.baseUrl}/public/opinions/new`);
    await citizen.getByTestId('pub-title').fill(title);
    await citizen.getByTestId('pub-content').fill(content);
    // The citizens' entry has plain controls (no antd): a native select for the category, a search list for villages.
    await citizen.getByTestId('pub-category').selectOption({ label: '公交线路' });
    await citizen.getByTestId('pub-village').fill('康山');
    await citizen.getByTestId('pub-village-option').filter({ hasText: '康山村' }).first().click();
    await citizen.getByTestId('pub-village-chosen').waitFor();
    await citizen.getByTestId('pub-name').fill('王秀英');
    await citizen.getByTestId('pub-phone').fill(citizenPhone);
    await citizen.getByTestId('pub-consent').check();
    await shot(citizen, '01-citizen-form');
    await citizen.getByTestId('pub-submit').click();
    const code = (await citizen.getByTestId('pub-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6,}$/);
    await shot(citizen, '02-citizen-code');

    // member1 raises the same matter through the staff entry form (they become its originator).
    const member = await open('desk', 'member1');
    await member.goto(`${e.baseUrl}/opinions/new`);
    await member.getByTestId('op-field-title').fill(title);
    await member.getByTestId('op-field-content').fill(content);
    await pickTree(member, 'op-field-categoryId', '交通出行', '公交线路');
    await pick(member, 'op-field-regionId', '康山', /康山村/);
    await member.getByTestId('op-modal-ok').click();
    await member.waitForURL(/\/opinions\/\d+$/);
    const duplicateId = Number(new URL(member.url()).pathname.split('/').pop());
    await member.getByTestId('op-item').waitFor();

    // The office finds the citizen's item in the inbox and merges the member's duplicate into it.
    await office.goto(`${e.baseUrl}/opinions`);
    await office.getByTestId('op-search').locator('input').fill(tag);
    await office.getByTestId('op-search').locator('input').press('Enter');
    await office.locator('[data-testid="op-row"]').filter({ hasText: code }).getByRole('link').click();
    await office.waitForURL(/\/opinions\/\d+$/);
    const id = Number(new URL(office.url()).pathname.split('/').pop());
    expect(id).not.toBe(duplicateId);
    await office.locator('[data-testid="op-item"][data-status="received"]').waitFor();
    const similar = office.locator(`[data-testid="op-similar-row"][data-id="${duplicateId}"]`);
    await similar.getByTestId('op-merge-here').click();
    await office.locator('.ant-popover:not(.ant-popover-hidden) .ant-btn-primary').click();
    await similar.waitFor({ state: 'detached' });
    const originators = office.getByTestId('op-originator');
    await originators.nth(1).waitFor();
    expect(await originators.count()).toBe(2);
    await shot(office, '03-office-merged');

    // 2. The office accepts and forwards to 县交通运输局.
    await act(office, 'accept', 'accepted');
    await act(office, 'forward', 'forwarded', async () => {
      await pick(office, 'op-field-leadDepartmentId', '交通运输', '县交通运输局');
      await office.getByTestId('op-field-instructions').fill('请核实情况，尽快修复并答复群众。');
    });

    // 3. The department handler finds it on the 承办工作台 by its words (departments never see the tracking code,
    //    so they cannot rate their own work; the citizen's phone is masked) and replies.
    const dept = await open('desk', 'dept1');
    await dept.goto(`${e.baseUrl}/dept`);
    await dept.getByTestId('op-search').locator('input').fill(tag);
    await dept.getByTestId('op-search').locator('input').press('Enter');
    await dept.locator('[data-testid="op-row"]').filter({ hasText: tag }).first().getByRole('link').click();
    await dept.locator('[data-testid="op-item"][data-status="forwarded"]').waitFor();
    expect(await dept.getByTestId('op-item').textContent()).not.toContain(citizenPhone);
    expect(await dept.content()).not.toContain(code);
    await act(dept, 'reply', 'replied', () => dept.getByTestId('op-field-content').fill(reply));
    await shot(dept, '04-dept-replied');

    // 4. The office approves the reply and sends the feedback.
    await office.reload();
    await office.locator('[data-testid="op-item"][data-status="replied"]').waitFor();
    await act(office, 'approve_reply', 'reviewed');
    await act(office, 'send_feedback', 'feedback_sent');

    // 5. The citizen reads the reply by tracking code and rates it 满意.
    await citizen.goto(`${e.baseUrl}/public/track`);
    await citizen.getByTestId('track-code').fill(code);
    await citizen.getByTestId('track-go').click();
    expect((await citizen.getByTestId('track-reply').textContent())?.trim()).toBe(reply);
    // antd puts the test id on the radio's hidden input; the visible control is its label.
    await citizen.locator('label', { has: citizen.getByTestId('rate-satisfied') }).click();
    await citizen.getByTestId('rate-submit').click();
    await citizen.getByTestId('track-my-rating').waitFor();
    await citizen.getByTestId('rate-submit').waitFor({ state: 'detached' });
    await shot(citizen, '05-citizen-rated');
    const item = await (await office.request.get(`${e.baseUrl}/api/v1/opinions/${id}`)).json();
    // 满意 closes the item at once (the handling setting's default).
    expect(item.status).toBe('closed');

    // 6. The member opens 我的社情民意 on a phone and finds the answer to the matter they raised.
    const memberPhone = await open('phone', 'member1');
    await memberPhone.goto(`${e.baseUrl}/opinions/mine`);
    const card = memberPhone.locator(`[data-testid="mine-item"][data-id="${id}"]`);
    expect((await card.getByTestId('mine-reply').textContent())?.trim()).toBe(reply);
    await card.scrollIntoViewIfNeeded();
    await shot(memberPhone, '06-member-mine', false);

    // 7. The KPIs moved by exactly this flow: one item (the duplicate merged away), accepted, replied on time,
    // approved and fed back, one satisfied rating.
    const after = await kpis();
    const delta = (f: (k: KpiTotal) => number) => f(after) - f(before);
    expect(delta((k) => k.received)).toBe(1);
    expect([delta((k) => k.acceptance.num), delta((k) => k.acceptance.den)]).toEqual([1, 1]);
    expect([delta((k) => k.reply.num), delta((k) => k.reply.den)]).toEqual([1, 1]);
    expect([delta((k) => k.onTime.num), delta((k) => k.onTime.den)]).toEqual([1, 1]);
    expect([delta((k) => k.feedback.num), delta((k) => k.feedback.den)]).toEqual([1, 1]);
    expect([delta((k) => k.satisfaction.num), delta((k) => k.satisfaction.den)]).toEqual([1, 1]);

    // The 统计分析 dashboard renders its cards, charts and table.
    await office.goto(`${e.baseUrl}/kpis`);
    await office.getByTestId('kpi-table').waitFor();
    await office.getByTestId('kpi-chart-volume').locator('canvas').first().waitFor();
    expect(await office.locator('[data-testid^="kpi-card-"]').count()).toBeGreaterThan(0);
    // ECharts draws its lines in with an animation: let it finish so the picture shows them whole (not a check).
    await office.waitForTimeout(1500);
    await shot(office, '07-kpis');
  });
});
