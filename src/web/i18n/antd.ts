// antd's own texts and direction for the UI language: each locale folder's antd.ts names antd's locale (loaded as a
// chunk on first use), meta.json gives the direction. Used by the staff app and the public pages built with antd.
import type { Locale } from 'antd/es/locale';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageMeta } from './setup';

const antdLocales = import.meta.glob<Locale>('../locales/*/antd.ts', { import: 'default' });
const cache = new Map<string, Locale>();

/** antd's locale and direction for the current UI language (undefined locale until its chunk has loaded). */
export function useAntdLocale(): { locale: Locale | undefined; direction: 'ltr' | 'rtl' } {
  const { i18n } = useTranslation();
  const code = i18n.language;
  const [locale, setLocale] = useState<Locale | undefined>(cache.get(code));
  useEffect(() => {
    const hit = cache.get(code);
    if (hit) return setLocale(hit);
    const load = Object.entries(antdLocales).find(([file]) => file.split('/').at(-2) === code)?.[1];
    let live = true;
    void load?.().then((l) => {
      cache.set(code, l);
      if (live) setLocale(l);
    });
    return () => {
      live = false;
    };
  }, [code]);
  return { locale, direction: languageMeta(code).dir };
}
