// The citizens' frame: a slim header with the public entry points and the language switch, phone-first width. Plain
// HTML and public.css: the citizens' entry carries no UI library.
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { intlLocale } from '../../i18n/setup';
import '../../numbers.css';
import './public.css';

/** The public entry points, in the header's order: [path, message key]. */
const PUBLIC_NAV: readonly (readonly [string, string])[] = [
  ['/public/opinions/new', 'pub.nav.submit'],
  ['/public/track', 'pub.nav.track'],
  ['/public/my-items', 'pub.nav.mine'],
  ['/public/reception', 'pub.nav.reception'],
  ['/public/consultations', 'pub.nav.consultations'],
  ['/public/directory', 'dir.nav'],
  ['/public/problems', 'pub.problems.nav'],
  ['/public/transparency', 'pub.tr.nav'],
];

/**
 * Wraps a public page. On a wide screen the entry points are a row of links in the bar. On a phone the bar holds the
 * title, a 菜单 button and the language switch; the button opens the entry points as a full-width list below (a row
 * that scrolled sideways hid five of the eight), and choosing one, Escape or the button closes it again.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="pub">
      <header
        className="pub-header"
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !open) return;
          setOpen(false);
          button.current?.focus();
        }}
      >
        <Link to="/public/opinions/new" className="pub-brand">
          {t('pub.brand')}
        </Link>
        <button
          ref={button}
          type="button"
          className="pub-menu-button"
          data-testid="pub-menu"
          aria-expanded={open}
          aria-controls="pub-nav"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '✕' : '☰'}</span> {t('pub.nav.open')}
        </button>
        {/* A click on an entry (or anywhere in the list) closes the phone menu; on a wide screen it is always shown. */}
        <nav
          id="pub-nav"
          className={open ? 'pub-header-links pub-open' : 'pub-header-links'}
          aria-label={t('pub.nav.menu')}
          onClick={() => setOpen(false)}
        >
          {PUBLIC_NAV.map(([to, key]) => (
            <NavLink key={to} to={to}>
              {t(key)}
            </NavLink>
          ))}
        </nav>
        {/* After the links in the page's order (as shown on a wide screen); beside the 菜单 button on a phone. */}
        <LanguageSwitch className="pub-lang" />
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
