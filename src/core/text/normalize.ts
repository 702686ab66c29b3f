// Text normalisation before segmentation: the same matter typed on a phone (full-width digits), pasted from a
// Hong Kong or Taiwan source (traditional characters) or with stray spacing must produce the same words.
import { Converter } from 'opencc-js/t2cn';

type Convert = (text: string) => string;
let toSimplified: Convert | null = null;

/** OpenCC's traditional→simplified (mainland) table, built on first use (≈0.1 s) so importing core stays free. */
function simplify(text: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

const HAN_OR_TRADITIONAL_HINT = /[\u3400-\u9fff\uf900-\ufaff]/u;
const SPACES = /[\s\u00a0\u3000]+/gu;
/** Chinese numerals before a unit (三十二户, 二〇一九年) become digits, so "32户" and "三十二户" match. */
const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_NUMBER = /[〇零一二两三四五六七八九十百千]+(?=[户人家个名次年月日号栋楼层天元万米公岁])/gu;

/** The value of a Chinese numeral written with 十/百/千 (三十二 → 32) or digit by digit (二〇一九 → 2019); null if odd. */
export function chineseNumeralValue(text: string): number | null {
  if (!/[十百千]/u.test(text)) {
    let v = '';
    for (const ch of text) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      v += d;
    }
    return v ? Number(v) : null;
  }
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (unit) {
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      digit = d;
    }
  }
  return total + (digit ?? 0);
}

/**
 * One canonical form of a citizen's text: NFKC (full-width ＡＢＣ１２３ and ，。compatibility forms to ASCII),
 * traditional → simplified characters, lower case, Chinese counts as digits, runs of spaces as one space.
 */
export function normalizeText(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (HAN_OR_TRADITIONAL_HINT.test(s)) {
    s = simplify(s);
    s = s.replace(CN_NUMBER, (m) => {
      // 一楼/三月 stay words (a single digit character reads the same either way); 三十二户 and 二〇一九年 become numbers.
      if (m.length === 1 && m !== '十') return m;
      const v = chineseNumeralValue(m);
      return v === null ? m : String(v);
    });
  }
  return s.replace(SPACES, ' ').trim();
}
