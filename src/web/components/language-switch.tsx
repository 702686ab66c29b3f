// The language switch on every page (login, shell, citizens' pages): a plain select of the languages that have a
// locale folder, each in its own name; the choice is remembered (localStorage 'jl.lang'). No UI library, so the
// citizens' entry can use it.
import { useTranslation } from 'react-i18next';
import { languages, setLanguage } from '../i18n/setup';

export function LanguageSwitch({ className }: { className?: string }) {
  const { i18n } = useTranslation();
  return (
    <select
      className={className ?? 'jl-lang-switch'}
      data-testid="lang-switch"
      aria-label="Language / 语言 / تىل"
      value={i18n.language}
      onChange={(e) => void setLanguage(e.target.value)}
    >
      {languages.map((l) => (
        <option key={l.code} value={l.code} lang={l.htmlLang} dir={l.dir}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
