// The 《社情民意》 page geometry (GB/T 9704-2012 margins, a 28 × 28 grid) and the line breaking both renderers share.

/** What a bulletin document prints. */
export interface BulletinDocData {
  year: number;
  /** Null until issued (printed as a blank for drafts). */
  number: number | null;
  unit: string;
  /** yyyy-mm-dd; the issue date, or today for drafts. */
  date: string;
  title: string;
  body: string;
  /** Free text, one line per recipient group: 报：… / 送：… */
  distribution: string;
}

/** The masthead text. */
export const MASTHEAD = '社情民意';
/** The official red. */
export const RED = '#E00000';

const MM = 72 / 25.4;
/** A4 and the standard's margins, in points. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  top: 37 * MM,
  bottom: 35 * MM,
  left: 28 * MM,
  right: 26 * MM,
};
/** Lines per page and characters per line. */
export const GRID = { lines: 28, chars: 28 };
/** The text area (版心) and the pitches that fit 28 × 28 in it. */
export const AREA = {
  width: PAGE.width - PAGE.left - PAGE.right,
  height: PAGE.height - PAGE.top - PAGE.bottom,
};
export const LINE_PITCH = AREA.height / GRID.lines;
export const CHAR_PITCH = AREA.width / GRID.chars;
/** Body 三号 (16 pt), title 二号 (22 pt), masthead, page numbers and the 版记 四号 (14 pt). */
export const SIZE = { body: 16, title: 22, masthead: 48, small: 14 };

/** 2026年第7期 (drafts: 2026年第  期). */
export function issueLine(d: BulletinDocData): string {
  return `${d.year}年第${d.number ?? '  '}期`;
}

/** 2026-11-01 → 2026年11月1日. */
export function cnDateLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The distribution lines, empty ones dropped. */
export function distributionLines(d: BulletinDocData): string[] {
  return d.distribution
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』】〕”’…·,.;:?!)]}%'));
/** Grid cells a character takes: half for ASCII, one for everything else. */
const cells = (ch: string) => (ch.charCodeAt(0) < 0x80 ? 0.5 : 1);

/**
 * Breaks the body into grid lines of 28 cells: paragraphs at line breaks, each indented two characters; a closing
 * punctuation mark that would start a line hangs at the end of the previous one, as Chinese typesetting does.
 */
export function breakBody(body: string, perLine = GRID.chars): string[] {
  const out: string[] = [];
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const para = raw.replace(/^[\s\u3000]+|\s+$/g, '');
    if (!para) continue;
    let line = '\u3000\u3000';
    let used = 2;
    for (const ch of para) {
      const w = cells(ch);
      if (used + w > perLine + 1e-9 && !(NO_LINE_START.has(ch) && used <= perLine)) {
        out.push(line);
        line = '';
        used = 0;
      }
      line += ch;
      used += w;
    }
    if (line) out.push(line);
  }
  return out;
}

/** Grid lines the first page's head takes: masthead (3), issue line, unit/date line, a gap, the title, a gap. */
export const HEAD_LINES = 6;
/** Grid lines the 版记 takes at the foot of the last page. */
export const distributionSpan = (d: BulletinDocData) => distributionLines(d).length + 2;

/** Places body lines on pages: page 1 after the head and title, later pages from the top; the 版记 needs room at the end. */
export function paginate(bodyLines: string[], titleLines: number, footLines: number) {
  const pages: { startLine: number; lines: string[] }[] = [];
  let i = 0;
  let start = HEAD_LINES + titleLines + 1;
  do {
    const room = GRID.lines - start;
    pages.push({ startLine: start, lines: bodyLines.slice(i, i + room) });
    i += room;
    start = 0;
  } while (i < bodyLines.length);
  const last = pages[pages.length - 1];
  if (last.startLine + last.lines.length > GRID.lines - footLines) pages.push({ startLine: 0, lines: [] });
  return pages;
}
