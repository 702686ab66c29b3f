// A cheap first pass over the data sheet's XML that counts the rows holding a value, so a file far over the row limit
// is refused before its shared strings and rows are parsed (a 50,000-row file costs one inflate, not a full read).
import type { Readable } from 'node:stream';
import { loopSlicer } from '../../adapters/renderers/cooperative.js';

// A row start, a row end, a value (<v>x, not an empty <v></v>: cached empty formula results are common) or an
// inline string; any namespace prefix (x:row) allowed.
const TOKEN = /<(?:\w+:)?row[\s>/]|<\/(?:\w+:)?row>|<(?:\w+:)?v>(?!<)|<(?:\w+:)?is>/g;
/** Characters kept from one chunk to the next, so a token split across chunks is still seen once. */
const CARRY = 16;

/**
 * Counts rows with at least one value, stopping as soon as the count passes `stopAbove` (returns that count).
 * An over-estimate at worst (a shared string may be blank), so callers leave a margin before refusing.
 */
export async function countValueRows(xml: Readable, stopAbove: number): Promise<number> {
  const pause = loopSlicer();
  let count = 0;
  let inRow = false;
  let hasValue = false;
  let carry = '';
  const close = () => {
    if (inRow && hasValue) count++;
    inRow = false;
    hasValue = false;
  };
  const scan = (text: string, upTo: number) => {
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m && m.index < upTo; m = TOKEN.exec(text)) {
      const t = m[0];
      if (t.startsWith('</')) close();
      else if (/^<(?:\w+:)?row/.test(t)) {
        close();
        inRow = true;
      } else hasValue = true;
    }
  };
  for await (const chunk of xml) {
    const text = carry + chunk;
    // Tokens starting in the last CARRY characters are left for the next chunk, which sees them whole.
    const upTo = Math.max(0, text.length - CARRY);
    scan(text, upTo);
    carry = text.slice(upTo);
    if (count > stopAbove) return count;
    await pause();
  }
  scan(carry, carry.length);
  close();
  return count;
}
