// /public/transparency: 受理率, 按时办结率, 满意率 and average days per department and per township, month by month.
// One measure at a time in a table whose first column stays put while the months scroll sideways (a 390 px phone
// shows the name and three months). Plain HTML and public.css.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api';
import { PublicLayout } from './public-layout';
import { type Board, type BoardRow, formatMeasure, MEASURES, type Measure } from './transparency-types';

function BoardTable({
  rows,
  months,
  measure,
  caption,
}: {
  rows: BoardRow[];
  months: string[];
  measure: Measure;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="pub-card pub-card-shrink">
      <h2>{caption}</h2>
      {rows.length === 0 ? (
        <p className="pub-muted">{t('pub.tr.none')}</p>
      ) : (
        <div className="pub-table-wrap" role="region" aria-label={caption} tabIndex={0}>
          <table className="pub-table" data-testid="tr-table">
            <thead>
              <tr>
                <th scope="col">{caption}</th>
                <th scope="col">{t('pub.tr.total')}</th>
                {months.map((m) => (
                  <th scope="col" key={m}>
                    {t('pub.tr.monthLabel', { m: Number(m.slice(5)) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td className="pub-table-total">{formatMeasure(r.total, measure, i18n.language)}</td>
                  {r.months.map((c) => (
                    <td key={c.month}>{formatMeasure(c, measure, i18n.language)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The transparency board with its year, township and measure kept in the address. */
export function TransparencyBoardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const regionId = params.get('region') ?? '';
  const [measure, setMeasure] = useState<Measure>('onTimeRate');
  const board = useQuery({
    queryKey: ['pub-transparency', year, regionId],
    queryFn: () => api<Board>(`/public/transparency${qs({ year, regionId: regionId || undefined })}`),
    placeholderData: (prev) => prev,
  });
  // The township choices come from the county's board (a narrowed board lists only its own township).
  const county = useQuery({
    queryKey: ['pub-transparency', year, ''],
    queryFn: () => api<Board>(`/public/transparency${qs({ year })}`),
  });
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const data = board.data;
  return (
    <PublicLayout>
      <section className="pub-card pub-card-shrink">
        <h1>{t('pub.tr.title')}</h1>
        <p className="pub-muted">{t('pub.tr.intro')}</p>
        <div className="pub-filters">
          <select aria-label={t('pub.tr.year')} value={year} onChange={(e) => set('year', e.target.value)}>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <select
            aria-label={t('pub.tr.region')}
            data-testid="tr-region"
            value={regionId}
            onChange={(e) => set('region', e.target.value)}
          >
            <option value="">{t('pub.tr.allRegions')}</option>
            {(county.data?.townships ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="pub-radios pub-measures">
          <legend className="pub-honeypot">{t('pub.tr.title')}</legend>
          {MEASURES.map((m) => (
            <label key={m}>
              <input type="radio" name="measure" checked={measure === m} onChange={() => setMeasure(m)} />
              {t(`pub.tr.${m}`)}
            </label>
          ))}
        </fieldset>
        <p className="pub-muted pub-small">{t('pub.tr.scrollHint')}</p>
        <Link to="/public/answers">{t('pub.tr.answersLink')}</Link>
      </section>
      {!data && <div className="pub-spinner">{t('pub.loading')}</div>}
      {data && (
        <>
          <BoardTable
            rows={data.departments}
            months={data.months}
            measure={measure}
            caption={t('pub.tr.byDepartment')}
          />
          <BoardTable rows={data.townships} months={data.months} measure={measure} caption={t('pub.tr.byTownship')} />
        </>
      )}
      <p className="pub-muted pub-small">{t('pub.tr.definitions')}</p>
    </PublicLayout>
  );
}
