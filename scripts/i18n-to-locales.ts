// Converts the old per-area TypeScript catalogues (src/web/i18n/<area>.ts, each exporting { zh, en }) into locale
// folders: src/web/locales/<lang>/<area>.json, texts unchanged. Re-runnable: an area's zh/en JSON is rewritten from
// its TS file whenever that file exists (so keys other branches added to a TS catalogue are not lost), then the TS
// file is removed (keep it with --keep). Files in src/web/i18n that are code, not catalogues, are left alone.
//   npx tsx scripts/i18n-to-locales.ts [--keep]
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const i18nDir = path.join(root, 'src/web/i18n');
const localesDir = path.join(root, 'src/web/locales');
const keep = process.argv.includes('--keep');

const isCatalogue = (v: unknown): v is { zh: object; en: object } =>
  !!v && typeof v === 'object' && 'zh' in v && 'en' in v && typeof (v as any).zh === 'object';

/** Files of src/web/i18n that are code (loaders, set-up), old or new. */
const code = new Set(['catalogues', 'index', 'setup', 'public-catalogues', 'public-index', 'areas', 'languages', 'antd']);

for (const file of readdirSync(i18nDir).sort()) {
  if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.endsWith('.d.ts')) continue;
  if (code.has(file.replace(/\.ts$/, ''))) continue;
  const mod = await import(pathToFileURL(path.join(i18nDir, file)).href);
  const found = Object.values(mod).filter(isCatalogue);
  if (found.length !== 1) continue; // setup, loaders: code
  const area = file.replace(/\.ts$/, '');
  for (const lang of ['zh', 'en'] as const) {
    mkdirSync(path.join(localesDir, lang), { recursive: true });
    writeFileSync(path.join(localesDir, lang, `${area}.json`), `${JSON.stringify(found[0][lang], null, 2)}\n`);
  }
  console.log(`${file} → locales/{zh,en}/${area}.json`);
  if (!keep) rmSync(path.join(i18nDir, file));
}
// The office area kept its texts beside its pages (pages/office/i18n/{zh,en}.ts, read by i18n/office.ts above).
const officeDir = path.join(root, 'src/web/pages/office/i18n');
if (!keep && !existsSync(path.join(i18nDir, 'office.ts')) && existsSync(officeDir)) rmSync(officeDir, { recursive: true });
