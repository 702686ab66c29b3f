// Touch targets on a phone (issue #9, WCAG 2.5.5): on a member's pages at 390×844 every button, tab, checkbox, radio,
// switch and stand-alone link is at least 44 × 44 px — the phone theme's rule in src/web/theme.css, not page by page.
// A link inside a sentence is exempt (it keeps the line's height); a switch counts its invisible hit area (::after).
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, openPage, startE2E } from './harness.js';

let e: E2E;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await e?.stop();
});

/** The visible targets smaller than 44 × 44 px, described as "width×height tag text". */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const sel =
      'a[href], button, [role="button"], [role="tab"], .ant-checkbox-wrapper, .ant-radio-wrapper, .ant-switch';
    for (const found of document.querySelectorAll<HTMLElement>(sel)) {
      // antd's tab is the whole .ant-tabs-tab (the role=tab inside is its label); a switch is measured on its own.
      const el = found.closest<HTMLElement>('.ant-tabs-tab') ?? found;
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || style.visibility === 'hidden' || el.closest('[aria-hidden="true"]')) continue;
      const inSentence =
        el.tagName === 'A' &&
        [...(el.parentElement?.childNodes ?? [])].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (inSentence) continue;
      let height = r.height;
      const after = getComputedStyle(el, '::after');
      if (after.content !== 'none' && after.position === 'absolute')
        height += Math.max(0, -Number.parseFloat(after.top) || 0) + Math.max(0, -Number.parseFloat(after.bottom) || 0);
      if (r.width < 43.5 || height < 43.5)
        out.push(
          `${Math.round(r.width)}×${Math.round(height)} ${el.tagName} ${(el.textContent ?? '').trim().slice(0, 16)}`,
        );
    }
    return [...new Set(out)];
  });
}

describe('touch targets on a phone', () => {
  it("are at least 44 px on a member's home, proposals, messages and assessment", async () => {
    const page = await openPage(e, contexts, 'phone', 'member1');
    const screens: Array<[string, string]> = [
      ['/', 'home-villages'],
      ['/proposals', 'prp-row'],
      ['/notifications', 'ntf-page'],
      ['/assessment/me', 'asmt-total'],
    ];
    const small: string[] = [];
    for (const [url, testId] of screens) {
      await page.goto(`${e.baseUrl}${url}`);
      await page.getByTestId(testId).first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const s of await smallTargets(page)) small.push(`${url}: ${s}`);
    }
    expect(small).toEqual([]);
  });
});
