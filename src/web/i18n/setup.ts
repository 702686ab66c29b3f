// i18next set-up shared by the two web entries (staff app, citizens' pages): each passes only the catalogues it shows,
// so the citizens' pages never download the staff app's messages.
import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** One page area's messages in both languages. */
export type Catalogue = { zh: Record<string, unknown>; en: Record<string, unknown> };

/** Merges page areas into i18next resources for both languages. */
export function mergeCatalogues(areas: Catalogue[]): Resource {
  const merge = (lang: 'zh' | 'en') => Object.assign({}, ...areas.map((a) => a[lang]));
  return { zh: { translation: merge('zh') }, en: { translation: merge('en') } };
}

/** Starts i18next in the remembered language (Chinese by default) with the given resources. */
export function initI18n(resources: Resource) {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('jl.lang') : null;
  i18n.use(initReactI18next).init({
    resources,
    lng: saved === 'en' ? 'en' : 'zh',
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return i18n;
}

/** Switches the UI language and remembers it. */
export function setLanguage(lang: 'zh' | 'en') {
  localStorage.setItem('jl.lang', lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  return i18n.changeLanguage(lang);
}
