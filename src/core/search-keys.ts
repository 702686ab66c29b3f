import { pinyin } from 'pinyin-pro';

// Keys stored beside a person's name so staff can find 张三 by typing zs or zhangsan.
export interface PinyinKeys {
  initials: string;
  full: string;
}

// What a search box query looks like, so the server picks the right column to search.
export type QueryKind = 'phone' | 'pinyin' | 'text';

// Latin words keep their first letter as the initial; digit runs are kept whole in both keys.
const ALNUM_RUN = /[a-z]+|\d+/g;

// Pinyin search keys for a name: lowercase, toneless, no spaces, ü written v (as typed on keyboards).
// Surname readings apply to the head of the name only (单田芳 → shan…, but 王单 → wangdan).
export function pinyinKeys(name: string): PinyinKeys {
  const text = name.normalize('NFKC').trim();
  if (text === '') return { initials: '', full: '' };
  const parts = pinyin(text, {
    mode: 'surname',
    surname: 'head',
    toneType: 'none',
    type: 'all',
    nonZh: 'consecutive',
    v: true,
  });
  let initials = '';
  let full = '';
  for (const part of parts) {
    if (part.isZh && part.pinyin !== '') {
      const syllable = part.pinyin.toLowerCase();
      full += syllable;
      initials += syllable[0];
      continue;
    }
    for (const run of part.origin.toLowerCase().match(ALNUM_RUN) ?? []) {
      full += run;
      initials += /\d/.test(run) ? run : run[0];
    }
  }
  return { initials, full };
}

// Routes a search: digits/dashes (≥3 digits) search phones, plain ASCII letters search pinyin keys, the rest names.
export function classifyQuery(q: string): QueryKind {
  const t = q.normalize('NFKC').trim();
  if (/^[\d-]+$/.test(t) && t.replace(/-/g, '').length >= 3) return 'phone';
  if (/^[a-z]+(?: +[a-z]+)*$/i.test(t)) return 'pinyin';
  return 'text';
}
