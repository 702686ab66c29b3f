// /public/problems: the county's board of 民生问题 (?region=<townshipId> for a township's): this year's problems ranked
// by how many people raised them, each with its stage, progress and lead department; the closed ones with what was
// done; a year switch and the townships. Plain HTML and public.css (the citizens' entry carries no UI library).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, qs } from '../../api';
import { ProblemCard } from './problem-parts';
import type { PublicProblemBoard } from './problem-types';
import { boardYears, splitBoard, todayInChina } from './problem-view';
import { PublicLayout } from './public-layout';
import { SubscribeBox } from './subscription-box';

/** The board, its region and year kept in the address so a link or the back button keeps them. */
export function ProblemBoardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const regionId = Number(params.get('region')) || undefined;
  const thisYear = Number(todayInChina().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const q = useQuery({
    queryKey: ['pub-problems', regionId ?? 0, year],
    queryFn: () => api<PublicProblemBoard>(`/public/problems${qs({ regionId, year })}`),
    placeholderData: (prev) => prev,
    retry: false,
  });
  const link = (next: { region?: number; year?: number }) =>
    `/public/problems${qs({ region: next.region, year: next.year === thisYear ? undefined : next.year })}`;
  const data = q.data;
  const { open, closed } = splitBoard(data?.problems ?? []);
  const isCounty = !regionId || data?.region.level === 'county';
  return (
    <PublicLayout>
      <section className="pub-card" data-testid="problem-board" data-region={data?.region.id ?? undefined}>
        {!isCounty && (
          <Link to={link({ year })} className="pp-back">
            {t('pub.problems.toCounty')}
          </Link>
        )}
        <h1>
          {data
            ? t('pub.problems.boardTitle', { region: isCounty ? t('pub.problems.county') : data.region.name, year })
            : t('pub.problems.boardTitleYear', { year })}
        </h1>
        <p className="pub-muted">{t('pub.problems.intro')}</p>
        <nav className="pp-chips" aria-label={t('pub.problems.year')}>
          {boardYears(thisYear, year).map((y) => (
            <Link
              key={y}
              to={link({ region: regionId, year: y })}
              className="pp-chip"
              aria-current={y === year ? 'page' : undefined}
              data-testid="problem-year"
            >
              {t('pub.problems.yearN', { year: y })}
            </Link>
          ))}
        </nav>
      </section>
      {q.isLoading && (
        <div className="pub-spinner" role="status">
          {t('pub.loading')}
        </div>
      )}
      {q.error && (
        <div className="pub-alert pub-alert-error" role="alert">
          {q.error instanceof ApiError && q.error.status === 404 ? t('pub.problems.noRegion') : q.error.message}
        </div>
      )}
      {data && (
        <>
          <section aria-labelledby="pp-open">
            <h2 id="pp-open" className="pp-section-title">
              {t('pub.problems.openTitle')}
            </h2>
            {open.length === 0 ? (
              <p className="pub-card pub-muted">{t('pub.problems.noneOpen')}</p>
            ) : (
              <ol className="pp-list" data-testid="problem-open-list">
                {open.map((p, i) => (
                  <ProblemCard key={p.id} p={p} rank={i + 1} showRegion={isCounty} />
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="pp-closed">
            <h2 id="pp-closed" className="pp-section-title">
              {t('pub.problems.closedTitle')}
            </h2>
            {closed.length === 0 ? (
              <p className="pub-card pub-muted">{t('pub.problems.noneClosed')}</p>
            ) : (
              <ol className="pp-list" data-testid="problem-closed-list">
                {closed.map((p, i) => (
                  <ProblemCard key={p.id} p={p} rank={i + 1} showRegion={isCounty} />
                ))}
              </ol>
            )}
          </section>
          {!isCounty && regionId && <SubscribeBox regionId={regionId} />}
          {data.townships.length > 0 && (
            <section className="pub-card" aria-labelledby="pp-townships">
              <h2 id="pp-townships">{t('pub.problems.townships')}</h2>
              <ul className="pp-townships">
                {data.townships.map((tw) => (
                  <li key={tw.id}>
                    <Link
                      to={link({ region: tw.id, year })}
                      className="pp-township"
                      aria-current={tw.id === regionId ? 'page' : undefined}
                      data-testid="problem-township"
                    >
                      <span dir="auto">{tw.name}</span>
                      <span className="pp-count">{t('pub.problems.count', { count: tw.problemCount })}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </PublicLayout>
  );
}
