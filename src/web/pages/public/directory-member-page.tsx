// /public/directory/members/:id: one member's public page (sector, villages, published phone, upcoming reception
// days) and the button that opens the citizen form addressed to them.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { type DirectoryMember, writeToUrl } from './directory-types';
import { PublicLayout } from './public-layout';

/** The member page. */
export function DirectoryMemberPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({
    queryKey: ['pub-directory-member', id],
    queryFn: () => api<DirectoryMember>(`/public/directory/members/${encodeURIComponent(id ?? '')}`),
    retry: false,
  });
  const m = q.data;
  return (
    <PublicLayout>
      <p>
        <Link to="/public/directory">{t('dir.back')}</Link>
      </p>
      {q.isError && <p className="pub-alert pub-alert-warn">{t('dir.notFound')}</p>}
      {m && (
        <section className="pub-card" data-testid="dir-member-page">
          <h1>{m.name}</h1>
          <dl className="pub-dl">
            <dt>{t('dir.sector')}</dt>
            <dd>{m.sectorName ?? '—'}</dd>
            <dt>{t('dir.villages')}</dt>
            <dd>
              {m.villages.map((v) => (v.townshipName ? `${v.townshipName} ${v.name}` : v.name)).join('、') || '—'}
            </dd>
            <dt>{t('dir.phone')}</dt>
            <dd>{m.publicPhone ? <a href={`tel:${m.publicPhone}`}>{m.publicPhone}</a> : t('dir.noPhone')}</dd>
            <dt>{t('dir.reception')}</dt>
            <dd>
              {m.receptionDays?.length ? (
                <ul>
                  {m.receptionDays.map((d) => (
                    <li key={d.id}>
                      <Link to={`/public/reception/${d.id}`}>
                        {d.date} {d.title}
                      </Link>{' '}
                      <span className="pub-muted">{d.place}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                t('dir.noReception')
              )}
            </dd>
          </dl>
          <Link className="pub-btn pub-btn-primary pub-btn-block" to={writeToUrl(m)} data-testid="dir-write">
            {t('dir.write')}
          </Link>
        </section>
      )}
    </PublicLayout>
  );
}
