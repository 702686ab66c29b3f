// Starts the real server (built web app, fresh PGlite with demo data) on a free port and opens Debian's chromium.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface E2E {
  baseUrl: string;
  browser: Browser;
  dataDir: string;
  stop(): Promise<void>;
}

/** Boots `jielian serve` with demo data in a temp DATA_DIR and waits for /api/health. */
export async function startE2E(): Promise<E2E> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`chromium not found at ${CHROMIUM}: run .ci/run or apt-get install chromium`);
  if (!fs.existsSync('dist/web/index.html'))
    throw new Error('dist/web is missing: run npm run build:web first (npm run test:e2e does)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-e2e-'));
  const port = await freePort();
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    // The demo's dates follow its load date; the flows pin it (bulletin-credit's fixed dates are after 2026-11-01).
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      DEMO_TODAY: process.env.DEMO_TODAY ?? '2026-11-01',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout?.on('data', (d) => (log += d));
  proc.stderr?.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Loading the demo takes ~20 s on an idle machine and several times that on a busy one: wait up to 220 s (the
  // suites' hook timeout is 240 s).
  const deadline = Date.now() + 220_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseUrl,
    browser,
    dataDir,
    async stop() {
      await browser.close();
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login page. */
export async function signIn(
  page: import('playwright-core').Page,
  baseUrl: string,
  username: string,
  password = 'Demo@2026',
) {
  await page.goto(baseUrl);
  await page.getByLabel(/用户名/).fill(username);
  await page.getByLabel(/密码/).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** Where the browser flows leave their screenshots. */
export const SHOTS = '/tmp/e2e-shots';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESK = { viewport: { width: 1366, height: 800 } };

/** A new browser context per user (a phone or a desk), remembered in `contexts` so the flow closes it; signed in when a user is named. */
export async function openPage(
  e: E2E,
  contexts: import('playwright-core').BrowserContext[],
  kind: 'phone' | 'desk',
  user?: string,
) {
  const ctx = await e.browser.newContext({ ...(kind === 'phone' ? PHONE : DESK), locale: 'zh-CN' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  if (user) await signIn(page, e.baseUrl, user);
  return page;
}

/** The open (not hidden) dropdown of an antd Select/TreeSelect. */
export const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/**
 * Waits for the dropdown to close after a choice; one still open after 5 s is put away with Escape. Whether the choice
 * was made is for the caller to check on the field (pick and pickTree do).
 */
async function dropdownClosed(page: Page) {
  try {
    await dropdown(page).waitFor({ state: 'hidden', timeout: 5_000 });
  } catch {
    await page.keyboard.press('Escape');
    await dropdown(page).waitFor({ state: 'hidden' });
  }
}

/**
 * Opens an antd Select by its test id, types a search and chooses the first option with that label from the keyboard
 * (arrows to it, Enter), then checks the field shows it. Under CI load a choice could still go unmade (a pointer click,
 * and once Enter, on a list still being filtered): up to three attempts, each logged after the first.
 */
export async function pick(page: Page, testId: string, search: string, label: string | RegExp) {
  const field = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) console.log(`e2e: option ${label} in ${testId} not chosen; attempt ${attempt}`);
    if (!(await dropdown(page).first().isVisible())) await field.click();
    if (search) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(search);
    }
    const option = dropdown(page).locator('.ant-select-item-option').filter({ hasText: label }).first();
    await option.waitFor();
    const options = dropdown(page).locator('.ant-select-item-option');
    for (let i = 0; i <= (await options.count()); i++) {
      if (await option.evaluate((el) => el.classList.contains('ant-select-item-option-active'))) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await dropdownClosed(page);
    const took = await field
      .filter({ hasText: label })
      .waitFor({ timeout: attempt < 3 ? 5_000 : 30_000 })
      .then(() => true)
      .catch(() => false);
    if (took) return;
    if (attempt >= 3) throw new Error(`option ${label} in ${testId} not chosen after 3 attempts`);
  }
}

/**
 * Clicks an option in the open dropdown of the Select `testId` (as a user would) and checks the field took it. On a
 * loaded machine a click can land while the list is still laid out and choose nothing; then the option is chosen from
 * the keyboard instead, and the test log says so.
 */
export async function clickOption(
  page: Page,
  testId: string,
  label: string | RegExp,
  click = (l: Locator) => l.click(),
) {
  const field = page.getByTestId(testId);
  await click(dropdown(page).locator('.ant-select-item-option').filter({ hasText: label }).first());
  const took = await field
    .filter({ hasText: label })
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (took) return;
  console.log(`e2e: the click on option ${label} in ${testId} chose nothing; choosing it from the keyboard`);
  await pick(page, testId, '', label);
}

/** The same for a TreeSelect leaf: searches its parent, unfolds it when needed and clicks the leaf. */
export async function pickTree(page: Page, testId: string, parent: string, leaf: string) {
  const field = page.getByTestId(testId);
  await field.click();
  await page.keyboard.type(parent);
  const node = dropdown(page).locator(`.ant-select-tree-node-content-wrapper[title="${leaf}"]`);
  const parentNode = dropdown(page)
    .locator('.ant-select-tree-treenode')
    .filter({ has: page.locator(`[title="${parent}"]`) });
  await parentNode.waitFor();
  if (!(await node.isVisible())) await parentNode.locator('.ant-select-tree-switcher').click();
  await node.click();
  await dropdownClosed(page);
  await field.filter({ hasText: leaf }).waitFor();
}
