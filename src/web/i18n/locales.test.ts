// Key completeness of the locale folders (src/web/locales/<lang>/): every language's meta.json says which areas it has
// translated ("all" for the reference languages); each claimed area must have every key Chinese has, with the same
// {{placeholders}}; no file of any language may hold an empty text or a key Chinese does not have. Areas a language
// does not claim fall back to Chinese at run time (i18next fallbackLng). Raw keys on rendered pages are checked by
// tests/e2e/languages.e2e.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = path.resolve(import.meta.dirname, '../locales');
let dir = LOCALES;
const read = (lang: string, file: string) => JSON.parse(readFileSync(path.join(dir, lang, file), 'utf8'));
const areasOf = (lang: string) =>
  readdirSync(path.join(dir, lang))
    .filter((f) => f.endsWith('.json') && f !== 'meta.json')
    .map((f) => f.replace(/\.json$/, ''))
    .sort();

/** Flattens nested messages to 'a.b.c' → text. */
function flatten(obj: unknown, prefix = '', out = new Map<string, unknown>()) {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, obj);
  return out;
}
const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/** Texts deliberately blank in every language (a label that reads better with nothing). */
const BLANK_BY_DESIGN = new Set(['op.actor.user']);
/** i18next plural forms: a language may have more than Chinese (which has none). */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const langs = readdirSync(dir).filter((d) => existsSync(path.join(dir, d, 'meta.json')));

/** The problems of one language: claimed areas missing keys, empty texts, keys unknown to Chinese. */
function problemsOf(lang: string): string[] {
  const zhAreas = areasOf('zh');
  const meta = read(lang, 'meta.json');
  const claimed: string[] = meta.complete === 'all' ? zhAreas : meta.complete;
  const problems: string[] = [];
  for (const area of claimed) {
    if (!zhAreas.includes(area)) problems.push(`${lang}: claims unknown area ${area}`);
    else if (!existsSync(path.join(dir, lang, `${area}.json`))) problems.push(`${lang}/${area}.json: missing`);
  }
  for (const area of areasOf(lang)) {
    const zh = existsSync(path.join(dir, 'zh', `${area}.json`)) ? flatten(read('zh', `${area}.json`)) : new Map();
    const en = existsSync(path.join(dir, 'en', `${area}.json`)) ? flatten(read('en', `${area}.json`)) : new Map();
    const mine = flatten(read(lang, `${area}.json`));
    for (const [key, text] of mine) {
      const base = baseKey(key);
      if ((typeof text !== 'string' || text.trim() === '') && !BLANK_BY_DESIGN.has(key))
        problems.push(`${lang}/${area}: empty ${key}`);
      if (!zh.has(key) && !zh.has(base)) problems.push(`${lang}/${area}: ${key} is not a Chinese key`);
      // A translation may only use the values the page passes: those the Chinese or English text uses.
      const known = new Set([
        ...placeholders(zh.get(base) ?? zh.get(key)),
        ...placeholders(en.get(key) ?? en.get(base)),
      ]);
      const unknown = placeholders(text).filter((p) => !known.has(p));
      if (unknown.length) problems.push(`${lang}/${area}: ${key} uses unknown {{${unknown.join()}}}`);
    }
    if (claimed.includes(area))
      for (const key of zh.keys()) if (!mine.has(key)) problems.push(`${lang}/${area}: lacks ${key}`);
  }
  return problems;
}

describe('locale folders', () => {
  it('has the reference languages and a meta for each folder', () => {
    expect(langs).toEqual(expect.arrayContaining(['zh', 'en', 'ug']));
    for (const lang of langs) {
      const meta = read(lang, 'meta.json');
      expect(meta.name, lang).toBeTruthy();
      expect(['ltr', 'rtl'], lang).toContain(meta.dir);
      expect(meta.complete === 'all' || Array.isArray(meta.complete), lang).toBe(true);
    }
  });

  for (const lang of langs) {
    it(`${lang}: every claimed area has every Chinese key, and no text is empty`, () => {
      expect(problemsOf(lang)).toEqual([]);
    });
  }

  it('notices a missing key, an empty text, a stray key and a missing claimed area', () => {
    // The check itself must be able to fail: a doctored copy of Chinese as a language 'xx'.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'jl-locales-'));
    try {
      for (const lang of ['zh', 'xx']) mkdirSync(path.join(tmp, lang));
      const zhCommon = JSON.parse(readFileSync(path.join(LOCALES, 'zh', 'common.json'), 'utf8'));
      writeFileSync(path.join(tmp, 'zh', 'common.json'), JSON.stringify(zhCommon));
      writeFileSync(path.join(tmp, 'zh', 'public.json'), JSON.stringify({ pub: { brand: '品牌' } }));
      const doctored = structuredClone(zhCommon);
      delete doctored.app.name;
      doctored.app.logout = ' ';
      doctored.app.invented = 'x';
      writeFileSync(path.join(tmp, 'xx', 'common.json'), JSON.stringify(doctored));
      writeFileSync(path.join(tmp, 'xx', 'meta.json'), JSON.stringify({ complete: ['common', 'public'] }));
      dir = tmp;
      expect(problemsOf('xx').sort()).toEqual(
        [
          'xx/common: empty app.logout',
          'xx/common: app.invented is not a Chinese key',
          'xx/common: lacks app.name',
          'xx/public.json: missing',
        ].sort(),
      );
    } finally {
      dir = LOCALES;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('Uyghur is right-to-left and claims at least the citizens\u2019 and phone areas', () => {
    const meta = read('ug', 'meta.json');
    expect(meta.dir).toBe('rtl');
    expect(meta.complete).toEqual(expect.arrayContaining(['common', 'public']));
  });
});
