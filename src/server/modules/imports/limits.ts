// The import's limits in one place (documented in docs/SECURITY.md): a hostile file is refused early and answered briefly.
import type { ZipLimits } from '../../adapters/zip-reader.js';

/** The largest file we accept in one go; 5,000 rows is the expected size of a county registry. */
export const MAX_ROWS = 20_000;

/** What the .xlsx may hold once unzipped: a 20,000-row registry is 10–30 MB of XML; real sheets compress under ~20:1. */
export const ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 50 * 1024 * 1024,
  maxEntries: 1000,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** Longest cell text we keep; a longer cell is a problem of its row (no column allows more). */
export const MAX_CELL_CHARS = 2000;

/** Longest piece of the file echoed back in a message. */
export const MAX_ECHO_CHARS = 50;

/** Problems listed in a report (all are counted). */
export const MAX_LISTED = 200;

/** Shortens text from the file before it goes into a message. */
export function clip(s: string, max = MAX_ECHO_CHARS): string {
  if (s.length <= max) return s;
  const head = /[\uD800-\uDBFF]/.test(s[max - 1]) ? s.slice(0, max - 1) : s.slice(0, max);
  return `${head}…`;
}
