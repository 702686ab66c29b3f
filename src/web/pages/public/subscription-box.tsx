// "Follow by e-mail" for a 民生问题 or a township's problems: one address field; the answer is always the same (check
// your mailbox), since the server never says whether an address already follows. Plain HTML for the public entry.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api';
import './public.css';

/** The box; give exactly one of `problemId` and `regionId` (a township). */
export function SubscribeBox({ problemId, regionId }: { problemId?: number; regionId?: number }) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api<{ ok: true }>('/public/problem-subscriptions', {
        body: { email: email.trim(), problemId, regionId, lang: mailLang(i18n.language) },
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (email.trim()) send.mutate();
  };
  const err = send.error;
  const message =
    err instanceof ApiError
      ? ((err.body.details as { message: string }[] | null)?.[0]?.message ?? err.body.message)
      : err
        ? t('dir.sub.failed')
        : null;
  return (
    <section className="pub-card" data-testid="subscribe-box">
      <h2>{t(problemId ? 'dir.sub.boxTitleProblem' : 'dir.sub.boxTitleArea')}</h2>
      <p className="pub-muted">{t('dir.sub.boxIntro')}</p>
      {send.isSuccess ? (
        <p className="pub-alert pub-alert-ok" role="status" data-testid="subscribe-sent">
          {t('dir.sub.sent', { email: email.trim() })}
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="pub-field">
            <label className="pub-label" htmlFor="sub-email">
              {t('dir.sub.email')}
            </label>
            <input
              id="sub-email"
              type="email"
              inputMode="email"
              autoComplete="email"
              maxLength={254}
              required
              value={email}
              aria-invalid={!!message}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="subscribe-email"
            />
            {message && (
              <p className="pub-error" role="alert">
                {message}
              </p>
            )}
          </div>
          <button
            type="submit"
            className="pub-btn pub-btn-primary"
            disabled={send.isPending || !email.trim()}
            data-testid="subscribe-submit"
          >
            {t('dir.sub.submit')}
          </button>
          <p className="pub-small pub-muted">{t('dir.sub.privacy')}</p>
        </form>
      )}
    </section>
  );
}

/** The mail language for the page's language (the server writes mails in zh, en or ug). */
function mailLang(lang: string): 'zh' | 'en' | 'ug' {
  const base = lang.split('-')[0];
  return base === 'en' || base === 'ug' ? base : 'zh';
}
