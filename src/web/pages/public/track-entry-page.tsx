// /public/track: type a tracking code and go to its page.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Field } from './fields';
import { PublicLayout } from './public-layout';

/** The code entry page. */
export function TrackEntryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/[\s-]/g, '').toUpperCase();
    if (!clean) return setError(t('pub.form.required'));
    navigate(`/public/opinions/${encodeURIComponent(clean)}`);
  };
  return (
    <PublicLayout>
      <section className="pub-card">
        <h1>{t('pub.track.heading')}</h1>
        <form onSubmit={onSubmit} noValidate>
          <Field label={t('pub.track.codeLabel')} required error={error}>
            {(a) => (
              <input
                {...a}
                type="text"
                data-testid="track-code"
                placeholder={t('pub.track.codePh')}
                maxLength={20}
                autoCapitalize="characters"
                autoComplete="off"
                value={code}
                onChange={(e) => {
                  setCode(e.target.value);
                  setError(undefined);
                }}
              />
            )}
          </Field>
          <button type="submit" className="pub-btn pub-btn-primary pub-btn-block" data-testid="track-go">
            {t('pub.track.go')}
          </button>
        </form>
        <p style={{ marginBlock: '16px 0' }}>
          <Link to="/public/my-items" data-testid="track-mine">
            {t('pub.track.mineLink')}
          </Link>
        </p>
      </section>
    </PublicLayout>
  );
}
