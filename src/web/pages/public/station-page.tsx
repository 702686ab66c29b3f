// /public/stations: the contact stations (委员联络站) where members receive people, by township: address, opening
// hours, the members who receive there (names only) and a "write to this station" link, which opens the citizen form
// addressed to the station like its QR code does. Plain HTML and public.css.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api';
import { PublicLayout } from './public-layout';

/** One published station as GET /public/stations gives it. */
export interface PublicStation {
  id: number;
  name: string;
  regionId: number;
  regionName: string;
  townshipId: number;
  townshipName: string;
  address: string;
  openHours: string;
  members: { id: number; name: string }[];
}

/** The list, filtered by ?region=<townshipId> (kept in the address so a link keeps it). */
export function StationListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const region = Number(params.get('region')) || 0;
  const q = useQuery({
    queryKey: ['pub-stations'],
    queryFn: () => api<{ items: PublicStation[] }>('/public/stations'),
  });
  const all = q.data?.items ?? [];
  const townships = [...new Map(all.map((s) => [s.townshipId, s.townshipName])).entries()];
  const shown = region ? all.filter((s) => s.townshipId === region || s.regionId === region) : all;
  const choose = (v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set('region', v);
    else next.delete('region');
    setParams(next, { replace: true });
  };
  return (
    <PublicLayout>
      <section className="pub-card">
        <h1>{t('dir.station.title')}</h1>
        <p className="pub-muted">{t('dir.station.intro')}</p>
        <div className="pub-field">
          <select
            aria-label={t('dir.station.township')}
            value={region || ''}
            onChange={(e) => choose(e.target.value)}
            data-testid="station-township"
          >
            <option value="">{t('dir.station.allTownships')}</option>
            {townships.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {q.data && <p className="pub-muted">{t('dir.station.total', { n: shown.length })}</p>}
      </section>
      {q.isPending && <p className="pub-spinner">{t('dir.station.loading')}</p>}
      {q.isError && (
        <p className="pub-alert pub-alert-error" role="alert">
          {t('dir.station.failed')}
        </p>
      )}
      {q.data && shown.length === 0 && <p className="pub-muted">{t('dir.station.none')}</p>}
      {shown.map((s) => (
        <section className="pub-card" key={s.id} data-testid="station-card">
          <h2>{s.name}</h2>
          <p className="pub-muted">
            {s.regionName === s.townshipName ? s.townshipName : `${s.townshipName} · ${s.regionName}`}
          </p>
          <dl className="pub-dl">
            {s.address && (
              <>
                <dt>{t('dir.station.address')}</dt>
                <dd>{s.address}</dd>
              </>
            )}
            {s.openHours && (
              <>
                <dt>{t('dir.station.openHours')}</dt>
                <dd>{s.openHours}</dd>
              </>
            )}
            {s.members.length > 0 && (
              <>
                <dt>{t('dir.station.members')}</dt>
                <dd>
                  {s.members.map((m, i) => (
                    <span key={m.id}>
                      {i > 0 && '、'}
                      <Link to={`/public/directory/members/${m.id}`}>{m.name}</Link>
                    </span>
                  ))}
                </dd>
              </>
            )}
          </dl>
          <p>
            <Link className="pub-btn" to={`/public/opinions/new?station=${s.id}`} data-testid="station-write">
              {t('dir.station.write')}
            </Link>
          </p>
        </section>
      ))}
    </PublicLayout>
  );
}
