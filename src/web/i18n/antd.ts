// antd's own texts and direction for the UI language: each locale folder's antd.ts names antd's locale (loaded as a
// chunk on first use), meta.json gives the direction. Used by the staff app and the public pages built with antd.
import type { Locale } from 'antd/es/locale';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageMeta } from './setup';

const antdLocales = import.meta.glob<Locale>('../locales/*/antd.ts', { import: 'default' });
const cache = new Map<string, Locale>();
const loaderOf = (code: string) => Object.entries(antdLocales).find(([file]) => file.split('/').at(-2) === code)?.[1];

/**
 * Loads antd's locale of `code` (once). The entries await it before their first render: antd's ConfigProvider wraps
 * its children in one more provider once a locale is set, so a locale that arrived after the first render mounted the
 * whole app a second time (every query of a member's home was sent twice on each opening).
 */
export async function loadAntdLocale(code: string): Promise<void> {
  const load = loaderOf(code);
  if (!load || cache.has(code)) return;
  try {
    cache.set(code, await load());
  } catch {
    // offline before the chunk was kept: the page shows without antd's texts
  }
}

/**
 * antd's locale and direction for the current UI language. `ready`: the locale is loaded, or the language has none (or
 * its chunk failed), so what renders now will not be mounted again when it arrives.
 */
export function useAntdLocale(): { locale: Locale | undefined; direction: 'ltr' | 'rtl'; ready: boolean } {
  const { i18n } = useTranslation();
  const code = i18n.language;
  // The locale shown; null once it is known there is none to wait for. A language switch keeps the previous one
  // until the new one is in (no mount in between).
  const [locale, setLocale] = useState<Locale | null | undefined>(
    () => cache.get(code) ?? (loaderOf(code) ? undefined : null),
  );
  useEffect(() => {
    let live = true;
    void loadAntdLocale(code).then(() => {
      if (live) setLocale((shown) => cache.get(code) ?? shown ?? null);
    });
    return () => {
      live = false;
    };
  }, [code]);
  return { locale: locale ?? undefined, direction: languageMeta(code).dir, ready: locale !== undefined };
}
