// Pieces the public problem pages share: the status tag, the progress bar with its %, a problem's card on a board.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import type { PublicProblem, PublicProblemRow } from './problem-types';
import { clampProgress, isClosed } from './problem-view';
import './problem-pages.css';

/** The problem's stage as a coloured tag. */
export function ProblemStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`pp-status pp-status-${status}`} data-testid="problem-status" data-status={status}>
      {t(`pub.problems.status.${status}`, { defaultValue: status })}
    </span>
  );
}

/** A bar and its percentage; the number is the text, the bar only draws it. */
export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const { t } = useTranslation();
  const v = clampProgress(value);
  return (
    <div className="pp-progress">
      <div
        className="pp-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={v}
        aria-label={label ?? t('pub.problems.progress')}
      >
        <div className="pp-bar-fill" style={{ inlineSize: `${v}%` }} />
      </div>
      <span className="pp-percent" data-testid="problem-progress" data-value={v}>
        {t('pub.problems.percent', { n: v })}
      </span>
    </div>
  );
}

/** One problem on a board: rank, title (a link), status, progress, people, lead department; the outcome when closed. */
export function ProblemCard({ p, rank, showRegion }: { p: PublicProblemRow; rank: number; showRegion: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="pub-card pp-card" data-testid="problem-card" data-problem-id={p.id}>
      <div className="pp-card-head">
        <span className="pp-rank" aria-label={t('pub.problems.rank', { n: rank })}>
          {rank}
        </span>
        <h3 className="pp-card-title">
          <Link to={`/public/problems/${p.id}`} className="pp-title-link" dir="auto">
            {p.title}
          </Link>
        </h3>
      </div>
      <div className="pp-meta">
        <ProblemStatusTag status={p.status} />
        <span>{t('pub.problems.people', { n: p.peopleCount })}</span>
        {showRegion && p.regionName && <span dir="auto">{p.regionName}</span>}
      </div>
      <ProgressBar value={p.progress} />
      {p.leadDepartmentName && (
        <p className="pp-line">
          {t('pub.problems.labelValue', { label: t('pub.problems.lead'), value: p.leadDepartmentName })}
        </p>
      )}
      {isClosed(p.status) && <Outcome row={p} />}
    </li>
  );
}

/** What was done: from the list when the server sends it, else from the problem itself (a handful per year). */
function Outcome({ row }: { row: PublicProblemRow }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['pub-problem', row.id],
    queryFn: () => api<PublicProblem>(`/public/problems/${row.id}`),
    enabled: row.outcome === undefined,
    staleTime: 60_000,
  });
  const outcome = row.outcome ?? q.data?.outcome;
  if (!outcome) return null;
  return (
    <div className="pp-outcome" data-testid="problem-outcome">
      <strong>{t('pub.problems.outcome')}</strong>
      <p dir="auto">{outcome}</p>
    </div>
  );
}
