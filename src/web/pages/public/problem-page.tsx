// /public/problems/:id: one 民生问题 as the public sees it — title, summary, goal, stage and progress, the milestones
// as a timeline (reached or due), how many people raised it by village and by channel, the published evidence
// (photos shown, documents as links), the public timeline, the outcome once solved, and the e-mail subscription.
// No names, contacts or item texts ever reach this page (the server sends none).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api';
import { intlLocale } from '../../i18n/setup';
import { ProblemStatusTag, ProgressBar } from './problem-parts';
import type { PublicProblem, PublicProblemEvent } from './problem-types';
import { eventMilestoneTitle, isClosed, milestoneState, orderMilestones, todayInChina } from './problem-view';
import { formatTime, PublicLayout } from './public-layout';
import { SubscribeBox } from './subscription-box';

/** A calendar date (YYYY-MM-DD) in the UI language. */
const formatDate = (d: string, lang: string) =>
  new Date(`${d.slice(0, 10)}T00:00:00Z`).toLocaleDateString(intlLocale(lang), {
    timeZone: 'UTC',
    dateStyle: 'medium',
  });

/** The problem page. */
export function ProblemPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['pub-problem', Number(id)],
    queryFn: () => api<PublicProblem>(`/public/problems/${encodeURIComponent(id)}`),
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
    const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    return (
      <PublicLayout>
        <section className="pub-card" style={{ textAlign: 'center' }}>
          <h1>{notFound ? t('pub.problems.notFound') : (q.error as Error)?.message}</h1>
          <Link to="/public/problems" className="pub-btn">
            {t('pub.problems.toBoard')}
          </Link>
        </section>
      </PublicLayout>
    );
  }
  const p = q.data;
  const lang = i18n.language;
  const today = todayInChina();
  const villageMax = Math.max(1, ...p.countsByVillage.map((v) => v.count));
  const channelMax = Math.max(1, ...p.countsByChannel.map((c) => c.count));
  const photos = p.evidence.filter((e) => e.kind === 'photo');
  const files = p.evidence.filter((e) => e.kind !== 'photo');
  const others = p.departments.filter((d) => d !== p.leadDepartmentName);
  return (
    <PublicLayout>
      <section className="pub-card" data-testid="problem-page" data-problem-id={p.id}>
        <Link to={`/public/problems?region=${p.regionId}`} className="pp-back">
          {t('pub.problems.toRegion', { region: p.regionName })}
        </Link>
        <h1 data-testid="problem-title" dir="auto">
          {p.title}
        </h1>
        <div className="pp-meta">
          <ProblemStatusTag status={p.status} />
          <span>{t('pub.problems.people', { n: p.peopleCount })}</span>
          <span>{t('pub.problems.items', { n: p.itemCount })}</span>
          <span>
            {p.regionName} · {t('pub.problems.yearN', { year: p.year })}
          </span>
        </div>
        <ProgressBar value={p.progress} />
        <dl className="pub-dl pp-dl">
          {p.leadDepartmentName && (
            <>
              <dt>{t('pub.problems.lead')}</dt>
              <dd data-testid="problem-lead" dir="auto">
                {p.leadDepartmentName}
              </dd>
            </>
          )}
          {others.length > 0 && (
            <>
              <dt>{t('pub.problems.coDepartments')}</dt>
              <dd dir="auto">{others.join('、')}</dd>
            </>
          )}
        </dl>
      </section>

      {isClosed(p.status) && p.outcome && (
        <section className="pub-card pp-solved" data-testid="problem-outcome" aria-labelledby="pp-outcome">
          <h2 id="pp-outcome">{t(`pub.problems.outcomeTitle.${p.status}`)}</h2>
          <p className="pp-text" dir="auto">
            {p.outcome}
          </p>
        </section>
      )}

      {(p.summary || p.goal) && (
        <section className="pub-card">
          {p.summary && (
            <>
              <h2>{t('pub.problems.summary')}</h2>
              <p className="pp-text" dir="auto">
                {p.summary}
              </p>
            </>
          )}
          {p.goal && (
            <>
              <h2>{t('pub.problems.goal')}</h2>
              <p className="pp-text" data-testid="problem-goal" dir="auto">
                {p.goal}
              </p>
            </>
          )}
        </section>
      )}

      <section className="pub-card" aria-labelledby="pp-milestones">
        <h2 id="pp-milestones">{t('pub.problems.milestones')}</h2>
        {p.milestones.length === 0 ? (
          <p className="pub-muted">{t('pub.problems.noMilestones')}</p>
        ) : (
          <ol className="pp-milestones" data-testid="problem-milestones">
            {orderMilestones(p.milestones).map((m) => {
              const state = milestoneState(m, today);
              return (
                <li key={m.id} data-state={state} data-testid="problem-milestone">
                  <div className="pp-ms-head">
                    <strong dir="auto">{m.title}</strong>
                    <span className="pp-ms-pct">{t('pub.problems.percent', { n: m.progress })}</span>
                  </div>
                  <div className={`pp-ms-state pp-ms-${state}`}>
                    {state === 'reached'
                      ? t('pub.problems.reachedOn', { date: formatDate(m.reachedAt ?? '', lang) })
                      : m.dueDate
                        ? t(state === 'overdue' ? 'pub.problems.overdueSince' : 'pub.problems.dueOn', {
                            date: formatDate(m.dueDate, lang),
                          })
                        : t('pub.problems.due')}
                  </div>
                  {m.note && (
                    <p className="pub-small pp-text" dir="auto">
                      {m.note}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section className="pub-card" aria-labelledby="pp-counts">
        <h2 id="pp-counts">{t('pub.problems.whoRaised')}</h2>
        <p className="pub-muted">{t('pub.problems.whoRaisedHint')}</p>
        {p.countsByVillage.length > 0 && (
          <>
            <h3 className="pp-h3">{t('pub.problems.byVillage')}</h3>
            <ul className="pp-counts" data-testid="problem-by-village">
              {p.countsByVillage.map((v) => (
                <li key={v.regionId}>
                  <span className="pp-count-name" dir="auto">
                    {v.name}
                  </span>
                  <span className="pp-count-bar" aria-hidden="true">
                    <span style={{ inlineSize: `${(v.count / villageMax) * 100}%` }} />
                  </span>
                  <span className="pp-count-n">{v.count}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {p.countsByChannel.length > 0 && (
          <>
            <h3 className="pp-h3">{t('pub.problems.byChannel')}</h3>
            <ul className="pp-counts" data-testid="problem-by-channel">
              {p.countsByChannel.map((c) => (
                <li key={c.channel}>
                  <span className="pp-count-name">
                    {t(`pub.problems.channel.${c.channel}`, { defaultValue: c.channel })}
                  </span>
                  <span className="pp-count-bar" aria-hidden="true">
                    <span style={{ inlineSize: `${(c.count / channelMax) * 100}%` }} />
                  </span>
                  <span className="pp-count-n">{c.count}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {p.evidence.length > 0 && (
        <section className="pub-card" aria-labelledby="pp-evidence" data-testid="problem-evidence">
          <h2 id="pp-evidence">{t('pub.problems.evidence')}</h2>
          {photos.length > 0 && (
            <ul className="pp-photos">
              {photos.map((e) => (
                <li key={e.id}>
                  <a href={e.url} target="_blank" rel="noopener noreferrer">
                    <img
                      src={e.url}
                      alt={e.title || e.filename || t('pub.problems.evidenceKind.photo')}
                      loading="lazy"
                    />
                  </a>
                  {e.title && (
                    <span className="pub-small" dir="auto">
                      {e.title}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {files.length > 0 && (
            <ul className="pp-files">
              {files.map((e) => (
                <li key={e.id}>
                  <a href={e.url} target="_blank" rel="noopener noreferrer" className="pp-file">
                    <span>
                      {t('pub.problems.labelValue', {
                        label: t(`pub.problems.evidenceKind.${e.kind}`),
                        value: e.title || e.filename || '',
                      })}
                    </span>
                    <span className="pub-muted pub-small">{formatTime(e.createdAt, lang)}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {p.events.length > 0 && (
        <section className="pub-card" aria-labelledby="pp-events">
          <h2 id="pp-events">{t('pub.problems.timeline')}</h2>
          <ol className="pub-timeline" data-testid="problem-events">
            {[...p.events].reverse().map((e, i) => (
              <li key={e.id ?? `${e.type}-${e.at}-${i}`}>
                <div>{eventLabel(e, t)}</div>
                <span className="pub-muted pub-small">{formatTime(e.at, lang)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      <SubscribeBox problemId={p.id} />
    </PublicLayout>
  );
}

/** One line of the public timeline: what happened, with the new stage or the milestone's title. */
function eventLabel(e: PublicProblemEvent, t: (key: string, opts?: Record<string, unknown>) => string) {
  const what = t(`pub.problems.event.${e.type}`, { defaultValue: t('pub.problems.event.other') });
  const milestone = eventMilestoneTitle(e);
  const value = milestone ?? (e.toStatus ? t(`pub.problems.status.${e.toStatus}`, { defaultValue: e.toStatus }) : null);
  return value ? t('pub.problems.labelValue', { label: what, value }) : what;
}
