// The 《社情民意》 documents rendered and read back: PDF → text, page count and a PPM raster of the red masthead; docx → XML.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBulletinDocx } from './bulletin-docx.js';
import { type BulletinDocData, breakBody, GRID, HEAD_LINES, paginate } from './bulletin-layout.js';
import { renderBulletinPdf } from './bulletin-pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'jl-bulletin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: BulletinDocData = {
  year: 2026,
  number: 7,
  unit: '政协安吉县委员会办公室',
  date: '2026-11-01',
  title: '关于加强畜禽养殖污染治理的建议',
  body: '近年来，我县养殖业快速发展，部分养殖场污水直排，造成周边河道水质下降。\n建议加强监管，落实粪污资源化利用。',
  distribution: '报：县委、县政府主要领导\n送：县政协主席、副主席',
};
const PARA =
  '近年来我县畜禽养殖业快速发展部分养殖场粪污处理设施不完善污水直排现象时有发生造成周边河道水质下降群众反映强烈';
const longBody = (chars: number) => {
  const text = PARA.repeat(Math.ceil(chars / PARA.length)).slice(0, chars);
  return text.match(/.{1,300}/g)?.join('\n') ?? '';
};

let n = 0;
function save(buf: Buffer, ext: string) {
  const file = join(dir, `f${n++}.${ext}`);
  writeFileSync(file, buf);
  return file;
}
const pages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

/** Reads a binary PPM (P6) that pdftoppm wrote: width, height and the RGB bytes. */
function readPpm(buf: Buffer) {
  const head = buf.subarray(0, 50).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m) throw new Error('not a P6 ppm');
  return { width: Number(m[1]), height: Number(m[2]), data: buf.subarray(m[0].length) };
}

describe('layout', () => {
  it('breaks the body on a 28-character grid with a two-character indent and hanging punctuation', () => {
    const lines = breakBody(`${'字'.repeat(26)}，${'字'.repeat(10)}`);
    expect(lines[0]).toBe(`\u3000\u3000${'字'.repeat(26)}，`);
    expect(lines[1]).toBe('字'.repeat(10));
    expect(breakBody('字'.repeat(60)).map((l) => [...l].length)).toEqual([28, 28, 6]);
  });
  it('keeps room for the 版记 on the last page', () => {
    const p = paginate(Array(GRID.lines - HEAD_LINES - 2).fill('字'), 1, 4);
    expect(p).toHaveLength(2);
    expect(p[1].lines).toHaveLength(0);
  });
});

describe('bulletin pdf', () => {
  it('prints the red masthead, issue line, title and distribution; a long body adds pages', async () => {
    const file = save(await renderBulletinPdf(base), 'pdf');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of [
      '社情民意',
      '2026年第7期',
      base.title,
      '政协安吉县委员会办公室',
      '2026年11月1日',
      '报：县委',
      '— 1 —',
    ])
      expect(text.replace(/ {2,}/g, ' ')).toContain(s.replace(/ {2,}/g, ' ').replace('— 1 —', '1'));
    expect(pages(file)).toBe(1);

    // The masthead band (top of the text area, 37–60 mm from the top) is red; the body area below is not.
    execFileSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const ppm = readPpm(readFileSync(join(dir, 'page-1.ppm')));
    const share = (y0mm: number, y1mm: number) => {
      const px = (mm: number) => Math.round((mm / 25.4) * 40);
      let red = 0;
      let total = 0;
      for (let y = px(y0mm); y < px(y1mm); y++)
        for (let x = px(28); x < ppm.width - px(26); x++) {
          const i = (y * ppm.width + x) * 3;
          total++;
          if (ppm.data[i] > 180 && ppm.data[i + 1] < 90 && ppm.data[i + 2] < 90) red++;
        }
      return red / total;
    };
    expect(share(37, 60)).toBeGreaterThan(0.03);
    expect(share(120, 200)).toBe(0);

    const f2 = save(await renderBulletinPdf({ ...base, body: longBody(900) }), 'pdf');
    const f3 = save(await renderBulletinPdf({ ...base, body: longBody(1500) }), 'pdf');
    expect(pages(f2)).toBe(2);
    expect(pages(f3)).toBe(3);
    expect(execFileSync('pdftotext', [f3, '-'], { encoding: 'utf8' })).toContain('3');
  });
});

describe('bulletin docx', () => {
  it('holds the masthead in red, the issue line, the body, the fonts and the 28 × 28 grid', async () => {
    const file = save(await renderBulletinDocx({ ...base, number: 12 }), 'docx');
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('社情民意');
    expect(xml).toMatch(/w:color w:val="E00000"/);
    expect(xml).toContain('2026年第12期');
    expect(xml).toContain(base.title);
    expect(xml).toContain('部分养殖场污水直排');
    expect(xml).toContain('报：县委、县政府主要领导');
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(xml).toMatch(/w:sz w:val="32"/);
    const grid = /<w:docGrid[^>]*>/.exec(xml)?.[0] ?? '';
    expect(grid).toContain('w:type="linesAndChars"');
    expect(Number(/w:linePitch="(\d+)"/.exec(grid)?.[1])).toBe(455);
    expect(xml).toMatch(/w:pgMar w:top="2098"/);
    const footer = execFileSync('unzip', ['-p', file, 'word/footer1.xml'], { encoding: 'utf8' });
    expect(footer).toContain('PAGE');
  });
});
