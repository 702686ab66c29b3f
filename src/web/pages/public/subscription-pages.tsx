// /public/subscriptions/confirm and /public/subscriptions/unsubscribe: the pages the subscription mails link to. Each
// reads ?token=, calls the API once (one click, no sign-in) and says what happened, or why not in the user's language.
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api';
import { PublicLayout } from './public-layout';

/** What confirm and unsubscribe answer: the problem or township the address follows (or followed). */
interface TokenReply {
  ok: true;
  target: { kind: 'problem' | 'region'; id: number; name: string };
}

function TokenPage({ action }: { action: 'confirm' | 'unsubscribe' }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const run = useMutation({
    mutationFn: () => api<TokenReply>(`/public/problem-subscriptions/${action}`, { body: { token } }),
  });
  const { mutate } = run;
  // Once per token: the link is the click.
  useEffect(() => {
    if (token) mutate();
  }, [token, mutate]);
  const target = run.data?.target;
  const link = target
    ? target.kind === 'problem'
      ? `/public/problems/${target.id}`
      : `/public/problems?region=${target.id}`
    : '/public/problems';
  const error = !token
    ? t('dir.sub.noToken')
    : run.error instanceof ApiError
      ? run.error.body.message
      : run.error
        ? t('dir.sub.failed')
        : null;
  return (
    <PublicLayout>
      <section className="pub-card" data-testid={`sub-${action}`}>
        <h1>{t(action === 'confirm' ? 'dir.sub.confirmTitle' : 'dir.sub.unsubscribeTitle')}</h1>
        {token && run.isPending && (
          <p className="pub-spinner" role="status">
            {t('dir.sub.working')}
          </p>
        )}
        {error && (
          <p className="pub-alert pub-alert-error" role="alert" data-testid="sub-error">
            {error}
          </p>
        )}
        {target && (
          <p className="pub-alert pub-alert-ok" role="status" data-testid="sub-done">
            {t(action === 'confirm' ? 'dir.sub.confirmed' : 'dir.sub.unsubscribed', { name: target.name })}
          </p>
        )}
        <p>
          <Link className="pub-btn" to={link}>
            {target?.kind === 'problem' ? t('dir.sub.toProblem') : t('dir.sub.toBoard')}
          </Link>
        </p>
      </section>
    </PublicLayout>
  );
}

/** The confirm link's page. */
export function SubscriptionConfirmPage() {
  return <TokenPage action="confirm" />;
}

/** The unsubscribe link's page. */
export function SubscriptionUnsubscribePage() {
  return <TokenPage action="unsubscribe" />;
}
