// /public/opinions/:code: status steps, the public answer once sent, the history, and the rating form.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api';
import { formatDay } from './dates';
import { ProblemStatusTag, ProgressBar } from './problem-parts';
import { formatTime, PublicLayout } from './public-layout';
import { RatingForm } from './rating-form';
import type { PublicView } from './types';

const STEPS = ['received', 'accepted', 'processing', 'answered', 'closed'] as const;
/** Where each stage sits on the steps, and whether it marks a problem there. */
const POSITION: Record<string, [number, 'process' | 'error' | 'finish']> = {
  received: [0, 'process'],
  accepted: [1, 'process'],
  not_accepted: [1, 'error'],
  processing: [2, 'process'],
  merged: [2, 'process'],
  reopened: [2, 'error'],
  answered: [3, 'process'],
  closed: [4, 'finish'],
};

/** The tracking page. */
export function TrackPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ['pub-track', code];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<PublicView>(`/public/opinions/${encodeURIComponent(code)}`),
    retry: false,
  });
  if (q.isLoading)
    return (
      <PublicLayout>
        <div className="pub-spinner" role="status">
          {t('pub.loading')}
        </div>
      </PublicLayout>
    );
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return (
      <PublicLayout>
        <section className="pub-card" style={{ textAlign: 'center' }}>
          <h1>{notFound ? t('pub.track.notFound') : (q.error as Error)?.message}</h1>
          <Link to="/public/track" className="pub-btn">
            {t('pub.track.heading')}
          </Link>
        </section>
      </PublicLayout>
    );
  }
  const v = q.data;
  const [current, state] = POSITION[v.status] ?? [0, 'process'];
  const stepState = (i: number) =>
    i < current || state === 'finish' ? 'done' : i === current ? (state === 'error' ? 'error' : 'current') : 'todo';
  return (
    <PublicLayout>
      <section className="pub-card">
        <div className="pub-muted">
          {t('pub.track.codeLabel')}: <code>{v.trackingCode}</code>
        </div>
        <h1 dir="auto" style={{ marginBlock: 8 }}>
          {v.title}
        </h1>
        <span
          className={state === 'error' ? 'pub-tag pub-tag-error' : 'pub-tag'}
          data-testid="track-status"
          data-status={v.status}
        >
          {t(`pub.stage.${v.status}`)}
        </span>
        <dl className="pub-dl">
          <dt>{t('pub.track.received')}</dt>
          <dd>{formatTime(v.receivedAt, i18n.language)}</dd>
          <dt>{t('pub.track.category')}</dt>
          <dd>{v.category}</dd>
          <dt>{t('pub.track.village')}</dt>
          <dd>{v.village}</dd>
          {v.handlingUnit && (
            <>
              <dt>{t('pub.track.unit')}</dt>
              <dd data-testid="track-unit">{v.handlingUnit}</dd>
            </>
          )}
          {v.dueDate && (
            <>
              <dt>{t('pub.track.due')}</dt>
              <dd data-testid="track-due">{formatDay(v.dueDate, i18n.language)}</dd>
            </>
          )}
        </dl>
        <p dir="auto" style={{ whiteSpace: 'pre-wrap', marginBlock: '12px 0' }}>
          {v.content}
        </p>
      </section>
      {(v.problems ?? []).length > 0 && (
        <section className="pub-card" data-testid="track-problems">
          <h2>{t('pub.problems.fromTrack')}</h2>
          <p className="pub-muted">{t('pub.problems.fromTrackHint')}</p>
          <ul className="pp-list">
            {(v.problems ?? []).map((p) => (
              <li key={p.id}>
                <Link to={`/public/problems/${p.id}`} className="pp-track-link" data-testid="track-problem-link">
                  <strong dir="auto">{p.title}</strong>
                  <span>
                    <ProblemStatusTag status={p.status} />
                  </span>
                  <ProgressBar value={p.progress} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="pub-card">
        <h2>{t('pub.track.progress')}</h2>
        <ol className="pub-steps">
          {STEPS.map((s, i) => (
            <li key={s} data-state={stepState(i)} aria-current={i === current ? 'step' : undefined}>
              {i === current ? t(`pub.stage.${v.status}`) : t(`pub.stage.${s}`)}
            </li>
          ))}
        </ol>
      </section>
      <section className="pub-card">
        <h2>{t('pub.track.reply')}</h2>
        {v.publicReply ? (
          <p data-testid="track-reply" dir="auto" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {v.publicReply}
          </p>
        ) : (
          <span className="pub-muted">{t('pub.track.noReply')}</span>
        )}
        {v.replyAttachments?.length > 0 && (
          <div data-testid="track-reply-files" style={{ marginBlockStart: 12 }}>
            <span className="pub-muted">{t('pub.track.replyFiles')}</span>
            <ul style={{ paddingInlineStart: 20, marginBlock: 4 }}>
              {v.replyAttachments.map((f) => (
                <li key={f.id}>
                  <a
                    href={`/api/v1/public/opinions/${encodeURIComponent(v.trackingCode)}/attachments/${f.id}`}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    📎 {f.filename}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      {v.myRating && (
        <div
          data-testid="track-my-rating"
          className={v.myRating.rating === 'unsatisfied' ? 'pub-alert pub-alert-warn' : 'pub-alert pub-alert-ok'}
        >
          <strong>{`${t('pub.rate.yours')}: ${t(`pub.rate.${v.myRating.rating}`)}`}</strong>
          {v.myRating.comment && <div>{v.myRating.comment}</div>}
        </div>
      )}
      {v.canRate && <RatingForm code={v.trackingCode} onDone={(nv) => qc.setQueryData(key, nv)} />}
      <section className="pub-card">
        <h2>{t('pub.track.timeline')}</h2>
        <ol className="pub-timeline">
          {v.timeline.map((e) => (
            <li key={`${e.type}-${e.at}`}>
              <div>{t(`pub.event.${e.type}`)}</div>
              <span className="pub-muted pub-small">{formatTime(e.at, i18n.language)}</span>
            </li>
          ))}
        </ol>
      </section>
    </PublicLayout>
  );
}
