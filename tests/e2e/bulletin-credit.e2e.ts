// The office compiles a 《社情民意》 issue from two of a member's items, takes it through sign-off and issue,
// records a 市政协 采用, downloads Word and PDF, and the originating member's 2026 score rises by the rule's points.
import fs from 'node:fs';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineOf, type ScoringRule } from '../../src/core/assessment/index.js';
import { AFTER_ACCEPTANCE } from '../../src/core/opinions/index.js';
import { type E2E, pick, signIn, startE2E } from './harness.js';

const YEAR = 2026; // the demo's current year ("today" is 2026-11-01); dates below are fixed, never the wall clock
const ISSUE_DATE = '2026-11-20';
const ADOPTION_DATE = '2026-11-25';
const LEVEL = 'city';
const SHOTS = '/tmp/e2e-shots';

type Item = {
  id: number;
  trackingCode: string;
  title: string;
  status: string;
  categoryId: number;
  isInBulletin: boolean;
};

let e: E2E;
beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e = await startE2E();
});
afterAll(() => e?.stop());

async function desk(): Promise<BrowserContext> {
  return e.browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
}
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/bulletin-${name}.png`, fullPage: true });
async function getJson(req: APIRequestContext, path: string) {
  const res = await req.get(`${e.baseUrl}/api/v1${path}`);
  expect(res.status(), path).toBe(200);
  return res.json();
}

/**
 * Two eligible items (accepted or later, in no bulletin) under one top-level category, at least one originated by
 * the member, each findable in the editor's picker by its title (the picker lists the first 30 search hits).
 */
async function pickItems(req: APIRequestContext, memberId: number): Promise<[Item, Item]> {
  const cats = (await getJson(req, '/opinion-categories')).items as { id: number; parentId: number | null }[];
  const top = (id: number) => cats.find((c) => c.id === id)?.parentId ?? id;
  const eligible = (o: Item) => (AFTER_ACCEPTANCE as readonly string[]).includes(o.status) && !o.isInBulletin;
  const findable = async (o: Item) => {
    const hits = await getJson(req, `/opinions?pageSize=30&q=${encodeURIComponent(o.title)}`);
    return hits.items.some((h: Item) => h.id === o.id);
  };
  const mine = ((await getJson(req, `/opinions?memberId=${memberId}&pageSize=100`)).items as Item[]).filter(eligible);
  const usable: Item[] = [];
  for (const o of mine) if (await findable(o)) usable.push(o);
  for (const a of usable) {
    const b = usable.find((x) => x.id !== a.id && top(x.categoryId) === top(a.categoryId));
    if (b) return [a, b];
  }
  for (const a of usable) {
    const same = (await getJson(req, `/opinions?categoryId=${top(a.categoryId)}&pageSize=100`)).items as Item[];
    for (const b of same.filter((x) => x.id !== a.id && eligible(x))) if (await findable(b)) return [a, b];
  }
  throw new Error(`no two eligible items of member ${memberId} in one category`);
}

/** Picks one item in the editor's multi-select by searching its title and clicking the option with its code. */
async function pickInEditor(page: Page, item: Item) {
  const input = page.getByTestId('bl-items').locator('input');
  await input.click();
  await input.fill(item.title);
  const option = page.locator('.ant-select-item-option').filter({ hasText: item.trackingCode });
  await option.waitFor();
  await option.click();
  await page.keyboard.press('Escape');
}

async function clickStep(page: Page, step: string) {
  await page.getByTestId(`bl-step-${step}`).click();
}
async function waitStatus(page: Page, status: string) {
  await page.locator(`[data-testid="bl-status"][data-status="${status}"]`).waitFor();
}
async function fillDate(page: Page, testId: string, date: string) {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function myScore(page: Page) {
  await page.goto(`${e.baseUrl}/assessment/me?year=${YEAR}`);
  const total = page.getByTestId('asmt-total');
  await total.waitFor();
  return Number(await total.getAttribute('data-value'));
}

describe('bulletin → 采用 → the member is credited', () => {
  it('compiles, signs off, issues, records a city adoption, downloads, and raises member1’s score', async () => {
    // member1's score before, on the 我的考核 page and through the API
    const memberCtx = await desk();
    const member = await memberCtx.newPage();
    await signIn(member, e.baseUrl, 'member1');
    const me = (await getJson(member.request, '/auth/me')).user;
    const memberId: number = me.memberId;
    const before = await getJson(member.request, `/assessments/${YEAR}/members/${memberId}`);
    expect(before.year.status).toBe('open');
    expect(await myScore(member)).toBe(before.total);
    await shot(member, '0-my-score-before');

    // the rule table of the year: the expected rise from one more unit on every adopted_city line (caps included)
    const officeCtx = await desk();
    const office = await officeCtx.newPage();
    await signIn(office, e.baseUrl, 'admin');
    const scheme = await getJson(office.request, `/assessment-rules/${YEAR}`);
    const rules = (scheme.rules as ScoringRule[]).filter((r) => r.source === `adopted_${LEVEL}`);
    expect(rules.length).toBeGreaterThan(0);
    let delta = 0;
    for (const r of rules) {
      const units = before.lines.find((l: { ruleId: number }) => l.ruleId === r.id).units as number;
      delta += lineOf(r, units + 1).points - lineOf(r, units).points;
    }
    expect(delta).toBeGreaterThan(0); // a level whose cap is not reached yet (city: 3 points, no cap in the demo)

    const [a, b] = await pickItems(office.request, memberId);
    const settings = await getJson(office.request, '/settings/bulletins');
    const issuedBefore = await getJson(office.request, `/bulletins?year=${YEAR}&status=issued&pageSize=100`);
    const nextNo = Math.max(0, ...issuedBefore.items.map((x: { number: number | null }) => x.number ?? 0)) + 1;

    // 1. the office compiles the issue from the two items in the editor
    await office.goto(`${e.baseUrl}/bulletins`);
    await office.getByTestId('bl-new').click();
    await office.getByTestId('bl-items').waitFor();
    await pickInEditor(office, a);
    await pickInEditor(office, b);
    const title = `关于${a.title.slice(0, 20)}等问题的反映（e2e）`;
    const body = [
      `近期，委员在联系群众中收集到两条同类社情民意：一是${a.title}；二是${b.title}。`,
      '群众普遍希望有关部门加强统筹，明确责任分工，尽快研究解决办法，并及时向群众反馈办理进展。',
      '建议：一、由主管部门牵头开展专项调查，摸清底数；二、制定分步实施计划，明确时限；三、建立回访机制，跟踪落实情况。',
    ].join('\n');
    await office.getByTestId('bl-title').fill(title);
    await office.getByTestId('bl-body').fill(body);
    await office.getByTestId('bl-distribution').fill('报：县委、县人大常委会、县政府主要领导\n送：县政府有关部门');
    const count = [...body].filter((ch) => !/\s/.test(ch)).length;
    expect(count).toBeLessThanOrEqual(settings.maxChars);
    await expect.poll(() => office.getByTestId('bl-count').textContent()).toContain(String(count));
    await shot(office, '1-editor');
    await office.getByTestId('bl-save').click();
    await office.waitForURL(/\/bulletins\/\d+$/);
    const id = Number(new URL(office.url()).pathname.split('/').pop());
    await waitStatus(office, 'draft');
    expect(await office.getByTestId('bl-credits').textContent()).toContain(me.displayName);

    await clickStep(office, 'submit');
    await waitStatus(office, 'submitted');
    expect(await office.getByTestId('bl-step-sign_off').count()).toBe(0); // the editor does not sign their own draft

    // 2. leader1 signs off
    const leaderCtx = await desk();
    const leader = await leaderCtx.newPage();
    await signIn(leader, e.baseUrl, 'leader1');
    await leader.goto(`${e.baseUrl}/bulletins/${id}`);
    await clickStep(leader, 'sign_off');
    await waitStatus(leader, 'signed_off');
    await shot(leader, '2-signed-off');
    await leaderCtx.close();

    // … and the office issues it on a fixed date: the next number of the year appears
    await office.reload();
    await clickStep(office, 'issue');
    await fillDate(office, 'bl-issue-date', ISSUE_DATE);
    await office.getByTestId('bl-step-ok').click();
    await waitStatus(office, 'issued');
    expect(await office.getByTestId('bl-issue-no').textContent()).toBe(`${YEAR}年第${nextNo}期`);

    // 3. a 市政协 采用 with its date in the outcomes panel
    await office.getByTestId('bl-outcome-add').click();
    await pick(office, 'bl-outcome-level', '', '市政协采用');
    await fillDate(office, 'bl-outcome-date', ADOPTION_DATE);
    await office.getByTestId('bl-outcome-ok').click();
    const outcome = office.locator('[data-testid="bl-outcome"][data-kind="adoption"]');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-level')).toBe(LEVEL);
    expect(await outcome.textContent()).toContain(ADOPTION_DATE);
    await shot(office, '3-issued-adopted');
    const saved = await getJson(office.request, `/bulletins/${id}`);
    expect(saved).toMatchObject({ year: YEAR, number: nextNo, issueDate: ISSUE_DATE, status: 'issued' });
    expect(saved.items.map((x: Item) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(saved.outcomes).toMatchObject([{ kind: 'adoption', level: LEVEL, date: ADOPTION_DATE }]);

    // 4. Word and PDF through the page's links
    for (const [format, type, magic] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK\x03\x04'],
      ['pdf', 'application/pdf', '%PDF'],
    ] as const) {
      const link = office.getByTestId(`bl-${format}`);
      const href = await link.getAttribute('href');
      expect(href).toContain(`/bulletins/${id}/document`);
      const res = await office.request.get(new URL(href!, e.baseUrl).toString());
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
      const [download] = await Promise.all([office.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      const bytes = fs.readFileSync((await download.path())!);
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      expect(bytes.length).toBeGreaterThan(1000);
    }
    await officeCtx.close();

    // 5. the member's 我的考核 shows the rise and the issue as evidence of the 市政协采用 line
    const after = await myScore(member);
    expect(after).toBeCloseTo(before.total + delta, 2);
    const line = member.locator(`[data-testid="asmt-line"][data-source="adopted_${LEVEL}"]`).first();
    await line.locator('.ant-table-row-expand-icon').click();
    const evidence = member.locator(`[data-testid="asmt-evidence"][data-kind="bulletin"][data-id="${id}"]`);
    await evidence.waitFor();
    expect(await evidence.textContent()).toContain(ADOPTION_DATE);
    await shot(member, '4-my-score-after');
    const detail = await getJson(member.request, `/assessments/${YEAR}/members/${memberId}`);
    expect(detail.total).toBe(after);

    // and the member's 《社情民意》 list (their record) credits them with the issue
    await member.goto(`${e.baseUrl}/bulletins/mine`);
    await member.locator(`[data-testid="bl-row"][data-id="${id}"]`).waitFor();
    await shot(member, '5-my-bulletins');
    await memberCtx.close();
  });
});
