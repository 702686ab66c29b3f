// Page weight and slow-3G speed of the web app, as a villager's phone sees it: the real server (built web app, demo
// data, embedded database) and Debian's chromium with the network throttled through the DevTools protocol to 400 ms
// round trip and 400 kbit/s each way. For the citizen form (/public/opinions/new) and a member's phone home (member1,
// 390×844) it prints, on a first visit (empty cache) and a repeat visit: bytes transferred, the JavaScript loaded
// (gzip -9 of each script's body, whatever the server sent), and the time until the page can be used (the form's first
// field enabled and focusable; the home's 记录走访 button), with the ratio to the figures measured before the split
// (BASELINE). Usage: npm run build:web && npm run bench:web (builds dist/web itself when it is missing).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/db/seed/demo.js';
import { startE2E } from '../tests/e2e/harness.js';

/** Slow 3G as the issue defines it: 400 ms RTT, 400 kbit/s down and up (bytes per second for CDP). */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

interface Figures {
  /** Bytes on the wire (headers and bodies) until the page settled. */
  bytes: number;
  /** gzip -9 size of every script the page loaded. */
  jsGzip: number;
  /** Milliseconds from navigation until the page could be used. */
  usableMs: number;
  /** The same visit again with the browser cache warm. */
  repeatBytes: number;
  repeatUsableMs: number;
}

/**
 * Measured on 2026-12-04 at commit ceacade (before the split): one 2.61 MB script for every page, sent uncompressed
 * with `cache-control: max-age=0` (a repeat visit revalidates it).
 */
const BASELINE: Record<'citizen' | 'member', Figures> = {
  citizen: { bytes: 2_621_888, jsGzip: 814_085, usableMs: 55_990, repeatBytes: 9_842, repeatUsableMs: 3_598 },
  member: { bytes: 2_628_252, jsGzip: 814_085, usableMs: 58_491, repeatBytes: 16_206, repeatUsableMs: 4_168 },
};

/** Counts the bytes and scripts of one navigation through CDP's network events. */
function watchNetwork(cdp: CDPSession) {
  let bytes = 0;
  let inFlight = 0;
  let lastActivity = Date.now();
  const scripts = new Set<string>();
  const jobs: Promise<void>[] = [];
  const sizes: number[] = [];
  cdp.on('Network.requestWillBeSent', () => {
    inFlight++;
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
    bytes += e.encodedDataLength;
    if (!scripts.has(e.requestId)) return;
    jobs.push(
      cdp.send('Network.getResponseBody', { requestId: e.requestId }).then((r) => {
        const body = r.base64Encoded ? Buffer.from(r.body, 'base64') : Buffer.from(r.body);
        sizes.push(gzipSync(body, { level: 9 }).length);
      }),
    );
  });
  cdp.on('Network.loadingFailed', () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  });
  return {
    /** Waits until nothing has moved on the network for a second (the page settled). */
    async settle() {
      while (inFlight > 0 || Date.now() - lastActivity < 1000) await new Promise((r) => setTimeout(r, 100));
      await Promise.all(jobs);
      return { bytes, jsGzip: sizes.reduce((a, b) => a + b, 0) };
    },
    reset() {
      bytes = 0;
      sizes.length = 0;
      jobs.length = 0;
      scripts.clear();
    },
  };
}

/** Opens `url` and times it until `selector` is enabled and takes the focus. */
async function visit(page: Page, url: string, selector: string) {
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 300_000 });
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      if (!el || (el as HTMLInputElement).disabled) return false;
      el.focus();
      return document.activeElement === el;
    },
    selector,
    { polling: 50, timeout: 300_000 },
  );
  return Date.now() - t0;
}

/** One first visit and one repeat visit on a throttled page of `ctx`. */
async function measure(ctx: BrowserContext, url: string, selector: string): Promise<Figures> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const net = watchNetwork(cdp);
  const usableMs = await visit(page, url, selector);
  const first = await net.settle();
  net.reset();
  const repeatUsableMs = await visit(page, url, selector);
  const repeat = await net.settle();
  await page.close();
  return { bytes: first.bytes, jsGzip: first.jsGzip, usableMs, repeatBytes: repeat.bytes, repeatUsableMs };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (now: number, before: number) => (before ? `${(now / before).toFixed(3)}×` : '—');

function print(name: string, now: Figures, before: Figures) {
  console.log(`\n${name}`);
  const rows: [string, keyof Figures, (n: number) => string][] = [
    ['bytes transferred (first visit)', 'bytes', kb],
    ['JavaScript, gzip (first visit)', 'jsGzip', kb],
    ['usable after (first visit)', 'usableMs', sec],
    ['bytes transferred (repeat visit)', 'repeatBytes', kb],
    ['usable after (repeat visit)', 'repeatUsableMs', sec],
  ];
  for (const [label, key, fmt] of rows)
    console.log(
      `  ${label.padEnd(34)} ${fmt(now[key]).padStart(10)}   before ${fmt(before[key]).padStart(10)}   ratio ${ratio(now[key], before[key])}`,
    );
}

async function main() {
  if (!fs.existsSync('dist/web/index.html')) execSync('npm run build:web --silent', { stdio: 'inherit' });
  const e = await startE2E();
  try {
    const citizenCtx = await e.browser.newContext({ ...PHONE, locale: 'zh-CN' });
    const citizen = await measure(citizenCtx, `${e.baseUrl}/public/opinions/new`, '[data-testid="pub-title"]');
    await citizenCtx.close();

    const memberCtx = await e.browser.newContext({ ...PHONE, locale: 'zh-CN' });
    const login = await memberCtx.request.post(`${e.baseUrl}/api/v1/auth/login`, {
      data: { username: 'member1', password: DEMO_PASSWORD },
    });
    if (!login.ok()) throw new Error(`member1 sign-in: ${login.status()} ${await login.text()}`);
    const member = await measure(memberCtx, `${e.baseUrl}/`, '[data-testid="home-record"]');
    await memberCtx.close();

    console.log('Web weight on slow 3G (400 ms RTT, 400 kbit/s), chromium at 390×844');
    print('Citizen form /public/opinions/new (aim: usable < 5 s, JS ≤ 150 KB gzip)', citizen, BASELINE.citizen);
    print('Member phone home / as member1 (aim: JS ≤ 350 KB gzip)', member, BASELINE.member);
    console.log(`\nJSON ${JSON.stringify({ citizen, member })}`);
  } finally {
    await e.stop();
  }
}

await main();
