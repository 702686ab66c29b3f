// i18next set-up shared by the two web entries (staff app, citizens' pages). Messages live in locale folders,
// src/web/locales/<lang>/<area>.json; a language is a folder with a meta.json (see docs/ARCHITECTURE.md, "Languages"),
// so adding one needs no code change. Each entry passes the loaders of the areas it shows (import.meta.glob), and only
// the chosen language's files (plus Chinese, the fallback) are downloaded.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/** A language folder's meta.json. */
export interface LanguageMeta {
  /** Folder name: the i18next language code (zh, en, ug). */
  code: string;
  /** The language's own name, shown in the switch. */
  name: string;
  /** The html lang attribute and the Accept-Language sent to the server. */
  htmlLang: string;
  dir: 'ltr' | 'rtl';
  /** Locale for Intl date and number formatting. */
  intl: string;
  order: number;
  /** The areas fully translated ("all" for the reference languages); others fall back to Chinese. */
  complete: 'all' | string[];
}

const metaFiles = import.meta.glob<Omit<LanguageMeta, 'code'>>('../locales/*/meta.json', {
  eager: true,
  import: 'default',
});
const fonts = import.meta.glob('../locales/*/font.css');

const folderOf = (file: string) => file.split('/').at(-2) ?? '';
const areaOf = (file: string) => (file.split('/').at(-1) ?? '').replace(/\.json$/, '');

/** Every language with a folder, in switch order. */
export const languages: LanguageMeta[] = Object.entries(metaFiles)
  .map(([file, meta]) => ({ ...meta, code: folderOf(file) }))
  .sort((a, b) => a.order - b.order);

export const FALLBACK = 'zh';
const STORAGE_KEY = 'jl.lang';

/** The meta of a language (Chinese when unknown). */
export const languageMeta = (code: string): LanguageMeta =>
  languages.find((l) => l.code === code) ?? languages.find((l) => l.code === FALLBACK)!;

/** Lazy loaders of an entry's message files, keyed by path (from import.meta.glob). */
export type AreaLoaders = Record<string, () => Promise<unknown>>;

let loaders: AreaLoaders = {};
/** Message files fetched or being fetched, by path (a failed fetch is forgotten, so the next ask retries it). */
const loading = new Map<string, Promise<void>>();
/** Every area asked for so far; a language switch loads these in the new language. */
const wanted = new Set<string>();

/** The areas this entry has messages for (from the file names of its loaders). */
const allAreas = () => [...new Set(Object.keys(loaders).map(areaOf))].filter((a) => a !== 'meta');

function loadFile(file: string, load: () => Promise<unknown>, code: string) {
  let p = loading.get(file);
  if (!p) {
    p = load().then(
      (m) => {
        i18n.addResourceBundle(code, 'translation', ((m as { default?: unknown }).default ?? m) as object, true, true);
      },
      (err) => {
        loading.delete(file);
        throw err;
      },
    );
    loading.set(file, p);
  }
  return p;
}

async function loadLanguage(code: string, areas: readonly string[]) {
  const files = Object.entries(loaders).filter(([file]) => folderOf(file) === code && areas.includes(areaOf(file)));
  await Promise.all(files.map(([file, load]) => loadFile(file, load, code)));
}

/**
 * Loads the messages of some page areas (`'all'`: every area of the entry) in the current language and in Chinese,
 * the fallback. Each page chunk asks for its areas before it renders (lazyComponent in routes.ts), so a first visit
 * downloads only the catalogues of the screen it opens (issue #9: the member's phone home).
 */
export async function loadAreas(areas: readonly string[] | 'all' = 'all') {
  const list = areas === 'all' ? allAreas() : areas;
  for (const a of list) wanted.add(a);
  const lng = i18n.language || FALLBACK;
  await Promise.all([loadLanguage(FALLBACK, list), loadLanguage(lng, list)]);
}

/** The remembered language, else the first of the browser's languages that has a folder, else Chinese. */
export function initialLanguage(): string {
  const known = new Set(languages.map((l) => l.code));
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved && known.has(saved)) return saved;
  const asked = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  for (const tag of asked) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (known.has(base)) return base;
  }
  return FALLBACK;
}

function applyToDocument(code: string) {
  const meta = languageMeta(code);
  document.documentElement.lang = meta.htmlLang;
  document.documentElement.dir = meta.dir;
  const font = Object.entries(fonts).find(([file]) => folderOf(file) === code);
  if (font) void font[1]();
}

/**
 * Starts i18next in the initial language with the given entry's message files; resolves once the areas of the first
 * screen (`firstAreas`, every area by default) are loaded. Other areas load when a page asks for them (loadAreas).
 */
export async function initI18n(entryLoaders: AreaLoaders, firstAreas: readonly string[] | 'all' = 'all') {
  loaders = entryLoaders;
  const lng = initialLanguage();
  await i18n.use(initReactI18next).init({
    resources: {},
    lng,
    fallbackLng: FALLBACK,
    interpolation: { escapeValue: false },
    react: { bindI18nStore: 'added' },
  });
  await loadAreas(firstAreas);
  applyToDocument(lng);
  return i18n;
}

/** Switches the UI language (loading the areas asked for so far in it) and remembers it. */
export async function setLanguage(code: string) {
  await loadLanguage(code, [...wanted]);
  localStorage.setItem(STORAGE_KEY, code);
  applyToDocument(code);
  return i18n.changeLanguage(code);
}

/** The Intl locale of the current UI language (dates, numbers). */
export const intlLocale = (code: string = i18n.language) => languageMeta(code).intl;

export { i18n };
