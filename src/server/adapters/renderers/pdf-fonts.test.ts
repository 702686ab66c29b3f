// PDFs on a machine without Debian's fonts: JIELIAN_SYSTEM_FONTS=0 forces the npm fonts, which must embed and extract.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderBulletinPdf } from './bulletin-pdf.js';
import { renderRecordCardPdf, renderRegistrationPdf } from './index.js';
import {
  CJK_FONT_ENV,
  CJK_FONT_PATH,
  NPM_CJK_PACKAGE,
  NPM_UYGHUR_PACKAGE,
  resolveBulletinFonts,
  resolveFonts,
  resolveUyghurFont,
  SYSTEM_FONTS_ENV,
} from './pdf-fonts.js';
import { card, registration } from './renderers.fixtures.js';

interface FontkitFont {
  postscriptName: string;
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string): { glyphs: Array<{ id: number }> };
}
// fontkit as pdfkit itself loads it (a dependency of pdfkit, not of the app).
const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as {
  openSync(path: string): FontkitFont;
};

const dir = mkdtempSync(join(tmpdir(), 'jl-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function save(buf: Buffer): string {
  const file = join(dir, `f${n++}.pdf`);
  writeFileSync(file, buf);
  return file;
}
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const pkgDir = (pkg: string) => `${sep}node_modules${sep}${pkg.replace('/', sep)}${sep}`;

/** A valid PDF whose embedded fonts are the npm Noto Sans Hans faces only. */
function expectNpmFonts(buf: Buffer): string {
  expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
  const file = save(buf);
  expect(pdfPages(file)).toBeGreaterThanOrEqual(1);
  const bytes = buf.toString('latin1');
  expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
  expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/);
  expect(bytes).not.toMatch(/CJKsc/);
  return pdfText(file);
}

describe('fonts from npm (no Debian fonts)', () => {
  beforeEach(() => {
    delete process.env[CJK_FONT_ENV];
    process.env[SYSTEM_FONTS_ENV] = '0';
  });
  afterEach(() => {
    delete process.env[SYSTEM_FONTS_ENV];
  });

  it('resolves the npm CJK faces, and prefers Debian when present and allowed', () => {
    const f = resolveFonts();
    expect(f.body.path).toContain(pkgDir(NPM_CJK_PACKAGE));
    expect(f.body.path).toMatch(/NotoSansHans-Regular\.otf$/);
    expect(f.title.path).toMatch(/NotoSansHans-Bold\.otf$/);
    expect(resolveBulletinFonts()).toEqual(f);
    const system = resolveFonts({});
    if (existsSync(CJK_FONT_PATH)) expect(system.title.name).toBe('NotoSansCJKsc-Bold');
    else expect(system).toEqual(f);
  });

  it('registration form and record card embed the npm font and extract as Chinese', async () => {
    const reg = expectNpmFonts(await renderRegistrationPdf(registration));
    expect(reg).toContain('政协委员联系群众名单登记表');
    expect(reg).toContain('联络组：大路槽乡政协联络组');
    const rc = expectNpmFonts(await renderRecordCardPdf(card));
    expect(rc).toContain('政协委员联系群众代表活动记录卡');
    expect(rc).toContain('联系日期：2024 年 3 月 5 日');
    for (const name of ['张晓明', '李芳', '王建国']) expect(rc).toContain(name);
  });

  it('bulletin embeds the npm font and extracts as Chinese', async () => {
    const t = expectNpmFonts(
      await renderBulletinPdf({
        year: 2026,
        number: 7,
        unit: '政协安吉县委员会办公室',
        date: '2026-11-01',
        title: '关于加强畜禽养殖污染治理的建议',
        body: '近年来，我县养殖业快速发展，部分养殖场污水直排，造成周边河道水质下降。',
        distribution: '报：县委、县政府主要领导',
      }),
    );
    expect(t).toContain('社情民意');
    expect(t).toContain('关于加强畜禽养殖污染治理的建议');
    expect(t.replace(/\s+/g, '')).toContain('部分养殖场污水直排');
  });

  it('has a Uyghur face with every Uyghur letter', () => {
    const f = resolveUyghurFont();
    expect(f.path).toContain(pkgDir(NPM_UYGHUR_PACKAGE));
    const font = fontkit.openSync(f.path);
    for (const ch of 'ەۆۈېىڭۇئپچژگ') expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    const glyphs = font.layout('ئۇيغۇر تىلى مەكتەپ').glyphs;
    expect(glyphs.length).toBeGreaterThan(0);
    expect(glyphs.filter((g) => g.id === 0)).toEqual([]);
  });
});
