// /public/answers: the office's answers to items whose authors agreed to publication, newest first, by township and
// category, 20 a page. The server has already removed names, phones, addresses and ID numbers from every text.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api';
import { Pager } from './pager';
import { PublicLayout } from './public-layout';
import { type Board, formatDay, type PublicAnswer } from './transparency-types';

const PAGE_SIZE = 20;

/** The published answers with their filters and page kept in the address. */
export function TransparencyAnswersPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = {
    regionId: params.get('region') ?? '',
    categoryId: params.get('category') ?? '',
    page: Number(params.get('page') ?? '1') || 1,
  };
  const q = useQuery({
    queryKey: ['pub-answers', filter],
    queryFn: () =>
      api<{ items: PublicAnswer[]; total: number }>(
        `/public/answers${qs({
          regionId: filter.regionId || undefined,
          categoryId: filter.categoryId || undefined,
          page: filter.page,
        })}`,
      ),
    placeholderData: (prev) => prev,
  });
  const categories = useQuery({
    queryKey: ['pub-categories'],
    queryFn: () => api<{ items: { id: number; name: string }[] }>('/public/categories'),
  });
  const townships = useQuery({
    queryKey: ['pub-transparency', new Date().getFullYear(), ''],
    queryFn: () => api<Board>('/public/transparency'),
  });
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
    window.scrollTo(0, 0);
  };
  const data = q.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <PublicLayout>
      <section className="pub-card">
        <h1>{t('pub.answers.title')}</h1>
        <p className="pub-muted">{t('pub.answers.intro')}</p>
        <div className="pub-filters">
          <select
            aria-label={t('pub.tr.region')}
            value={filter.regionId}
            onChange={(e) => set('region', e.target.value)}
          >
            <option value="">{t('pub.tr.allRegions')}</option>
            {(townships.data?.townships ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <select
            aria-label={t('pub.answers.category')}
            value={filter.categoryId}
            onChange={(e) => set('category', e.target.value)}
          >
            <option value="">{t('pub.answers.allCategories')}</option>
            {(categories.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {data && <p className="pub-muted">{t('pub.answers.total', { n: data.total })}</p>}
        <Link to="/public/transparency">{t('pub.answers.boardLink')}</Link>
      </section>
      {!data && <div className="pub-spinner">{t('pub.loading')}</div>}
      {data && data.items.length === 0 && <p className="pub-muted">{t('pub.answers.none')}</p>}
      {(data?.items ?? []).map((a) => (
        <article className="pub-card" key={a.id} data-testid="pub-answer">
          <h2 dir="auto">{a.title}</h2>
          <p className="pub-muted pub-small">
            {[a.regionName, a.categoryName, formatDay(a.receivedAt, i18n.language)].filter(Boolean).join(' · ')}
          </p>
          <p className="pub-answer-text" dir="auto">
            {a.content}
          </p>
          <div className="pub-alert pub-alert-ok">
            <strong>{t('pub.answers.reply')}</strong>
            {a.departmentName && <span className="pub-small"> · {a.departmentName}</span>}
            {a.closedAt && <span className="pub-small"> · {formatDay(a.closedAt, i18n.language)}</span>}
            <p className="pub-answer-text" dir="auto">
              {a.reply}
            </p>
          </div>
        </article>
      ))}
      <Pager
        page={filter.page}
        pages={pages}
        onPage={(n) => set('page', String(n))}
        prev={t('pub.answers.prev')}
        next={t('pub.answers.next')}
      />
    </PublicLayout>
  );
}
