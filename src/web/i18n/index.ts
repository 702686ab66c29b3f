// i18next set-up: Chinese by default, English available; each page area keeps its own catalogue file.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from './catalogues';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('jl.lang') : null;
i18n.use(initReactI18next).init({
  resources: catalogues,
  lng: saved === 'en' ? 'en' : 'zh',
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language === 'en' ? 'en' : 'zh-CN';

/** Switches the UI language and remembers it. */
export function setLanguage(lang: 'zh' | 'en') {
  localStorage.setItem('jl.lang', lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  return i18n.changeLanguage(lang);
}
export default i18n;
