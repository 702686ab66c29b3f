// The citizens' frame: a slim header with the public entry points and the language switch, phone-first width. Plain
// HTML and public.css: the citizens' entry carries no UI library.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { intlLocale } from '../../i18n/setup';
import './public.css';

/** Wraps a public page. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="pub">
      <header className="pub-header">
        <Link to="/public/opinions/new" className="pub-brand">
          {t('pub.brand')}
        </Link>
        <nav className="pub-header-links" aria-label={t('pub.nav.menu')}>
          <Link to="/public/opinions/new">{t('pub.nav.submit')}</Link>
          <Link to="/public/track">{t('pub.nav.track')}</Link>
          <Link to="/public/my-items">{t('pub.nav.mine')}</Link>
          <Link to="/public/reception">{t('pub.nav.reception')}</Link>
          <Link to="/public/consultations">{t('pub.nav.consultations')}</Link>
          <Link to="/public/directory">{t('dir.nav')}</Link>
          <Link to="/public/problems">{t('pub.problems.nav')}</Link>
          <Link to="/public/transparency">{t('pub.tr.nav')}</Link>
          <LanguageSwitch className="pub-lang" />
        </nav>
      </header>
      <main className="pub-main">{children}</main>
    </div>
  );
}

/** Formats an API timestamp in China time, in the UI language. */
export function formatTime(at: string, lang: string) {
  return new Date(at).toLocaleString(intlLocale(lang), {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
