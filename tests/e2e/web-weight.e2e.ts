// Page weight is a budget (ENGINEERING.md §15): the citizen form's first visit loads at most 150 KB of JavaScript
// (gzip) and none of the staff app's libraries; a member's phone home at most 350 KB (issue #9), without zod or antd's
// List, Pagination and Select (the home renders plain lists). Reads the build that
// `npm run test:e2e` makes; a size on disk, not a time, so it holds on any machine.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENS, scriptsOf, weigh } from './web-weight.js';

const DIST = 'dist/web';
const kb = (n: number) => Math.round(n / 102.4) / 10;

describe('web weight budgets', () => {
  it('builds two entries, every script precompressed', () => {
    expect(fs.existsSync(path.join(DIST, 'public.html')), 'npm run build:web first').toBe(true);
    for (const f of fs.readdirSync(path.join(DIST, 'assets')).filter((x) => x.endsWith('.js'))) {
      const size = fs.statSync(path.join(DIST, 'assets', f)).size;
      if (size < 512) continue;
      expect(fs.existsSync(path.join(DIST, 'assets', `${f}.br`)), f).toBe(true);
      expect(fs.existsSync(path.join(DIST, 'assets', `${f}.gz`)), f).toBe(true);
    }
  });

  it('keeps the citizen form within 150 KB of JavaScript (gzip), without antd or the staff pages', () => {
    const w = weigh(DIST, SCREENS.citizenForm.keys);
    console.log(
      `citizen form: ${kb(w.gzip)} KB gzip`,
      w.files.map((f) => `${f.file} ${kb(f.gzip)}`),
    );
    expect(kb(w.gzip)).toBeLessThanOrEqual(SCREENS.citizenForm.budgetKb);
    const code = scriptsOf(DIST, SCREENS.citizenForm.keys)
      .map((f) => fs.readFileSync(path.join(DIST, f), 'utf8'))
      .join('\n');
    // antd's class prefix and the staff shell's sign-in call never reach the citizen's phone.
    expect(code).not.toMatch(/ant-btn|ant-select/);
    expect(code).not.toContain('/auth/me');
  });

  it("keeps a member's phone home within 350 KB of JavaScript (gzip), without zod or antd's List", () => {
    const w = weigh(DIST, SCREENS.memberHome.keys);
    console.log(
      `member home: ${kb(w.gzip)} KB gzip`,
      w.files.slice(0, 8).map((f) => `${f.file} ${kb(f.gzip)}`),
    );
    expect(kb(w.gzip)).toBeLessThanOrEqual(SCREENS.memberHome.budgetKb);
    const code = scriptsOf(DIST, SCREENS.memberHome.keys)
      .map((f) => fs.readFileSync(path.join(DIST, f), 'utf8'))
      .join('\n');
    // zod's error class, antd List's itemLayout prop and Pagination's jump-prev class: none on the home's first screen.
    expect(code).not.toContain('$ZodError');
    expect(code).not.toContain('itemLayout');
    expect(code).not.toContain('jump-prev');
  });
});
