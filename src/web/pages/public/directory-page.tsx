// /public/directory: the members by sector (界别), township and village, searchable by name or pinyin; each with the
// villages they contact, their published phone and a "write to this member" link. Plain HTML and public.css.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api';
import { type DirectoryPage, writeToUrl } from './directory-types';
import { Pager } from './pager';
import { PublicLayout } from './public-layout';

const PAGE_SIZE = 20;

/** The directory list with its filters kept in the address (so a link or the back button keeps them). */
export function DirectoryListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? '',
    sectorId: params.get('sectorId') ?? '',
    townshipId: params.get('townshipId') ?? '',
    page: Number(params.get('page') ?? '1') || 1,
  };
  const q = useQuery({
    queryKey: ['pub-directory', filter],
    queryFn: () =>
      api<DirectoryPage>(
        `/public/directory${qs({
          q: filter.q || undefined,
          sectorId: filter.sectorId || undefined,
          townshipId: filter.townshipId || undefined,
          page: filter.page,
          pageSize: PAGE_SIZE,
        })}`,
      ),
    placeholderData: (prev) => prev,
  });
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const data = q.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <PublicLayout>
      <section className="pub-card">
        <h1>{t('dir.title')}</h1>
        <p className="pub-muted">{t('dir.intro')}</p>
        <p className="pub-small">
          <Link to="/public/stations">{t('dir.station.link')}</Link>
        </p>
        <div className="pub-field">
          <input
            type="search"
            aria-label={t('dir.search')}
            placeholder={t('dir.search')}
            data-testid="dir-search"
            maxLength={30}
            value={filter.q}
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
        <div className="pub-field">
          <select
            aria-label={t('dir.sector')}
            value={filter.sectorId}
            onChange={(e) => set('sectorId', e.target.value)}
          >
            <option value="">{t('dir.allSectors')}</option>
            {(data?.filters.sectors ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.parentId ? `· ${s.name}` : s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="pub-field">
          <select
            aria-label={t('dir.allTownships')}
            value={filter.townshipId}
            onChange={(e) => set('townshipId', e.target.value)}
          >
            <option value="">{t('dir.allTownships')}</option>
            {(data?.filters.townships ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {data && <p className="pub-muted">{t('dir.total', { n: data.total })}</p>}
      </section>
      {data && data.items.length === 0 && <p className="pub-muted">{t('dir.none')}</p>}
      {(data?.items ?? []).map((m) => (
        <section className="pub-card" key={m.id} data-testid="dir-member">
          <h2>
            <Link to={`/public/directory/members/${m.id}`}>{m.name}</Link>
          </h2>
          <p className="pub-muted">
            {[m.sectorName, m.townships.map((x) => x.name).join('、')].filter(Boolean).join(' · ')}
          </p>
          {m.villages.length > 0 && (
            <p className="pub-small">
              {t('dir.villages')}：{m.villages.map((v) => v.name).join('、')}
            </p>
          )}
          {m.publicPhone && (
            <p className="pub-small">
              {t('dir.phone')}：<a href={`tel:${m.publicPhone}`}>{m.publicPhone}</a>
            </p>
          )}
          <Link className="pub-btn" to={writeToUrl(m)}>
            {t('dir.write')}
          </Link>
        </section>
      ))}
      <Pager
        page={filter.page}
        pages={pages}
        onPage={(n) => set('page', String(n))}
        prev={t('dir.prev')}
        next={t('dir.more')}
        className="pub-options"
      />
    </PublicLayout>
  );
}
