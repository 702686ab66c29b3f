// The KPI table: one row per group with each rate's numerator/denominator and a link to the items behind it.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type KpiReport, type KpiRow, pct, RATES } from './types';
import { useRowLabel } from './use-row-label';

/** The table with a total row at the bottom. */
export function KpiTable({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const label = useRowLabel(report.groupBy);
  const columns = [
    {
      title: t(`kpi.group.${report.groupBy}`),
      key: 'label',
      fixed: 'start' as const,
      render: (_: unknown, r: KpiRow) => label(r),
    },
    { title: t('kpi.measure.received'), dataIndex: 'received', align: 'end' as const },
    ...RATES.map((k) => ({
      title: t(`kpi.measure.${k}`),
      key: k,
      align: 'end' as const,
      render: (_: unknown, r: KpiRow) => (
        <span title={t('kpi.ratio', { num: r[k].num, den: r[k].den })}>
          {pct(r[k])}
          <span style={{ color: 'rgba(0, 0, 0, 0.62)', fontSize: 12, marginInlineStart: 4 }}>
            {t('kpi.ratio', { num: r[k].num, den: r[k].den })}
          </span>
        </span>
      ),
    })),
    {
      title: t('kpi.measure.avgHandlingDays'),
      dataIndex: 'avgHandlingDays',
      align: 'end' as const,
      render: (v: number | null) => v ?? '—',
    },
    {
      title: '',
      key: 'drill',
      render: (_: unknown, r: KpiRow) => (
        <Link to={r.drillUrl} data-testid="kpi-drill">
          {t('kpi.drill')}
        </Link>
      ),
    },
  ];
  const total = report.total;
  return (
    <Table<KpiRow>
      data-testid="kpi-table"
      size="small"
      rowKey={(r) => r.key ?? '∅'}
      columns={columns}
      dataSource={report.rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('kpi.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="end">
              {total.received}
            </Table.Summary.Cell>
            {RATES.map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 2} align="end">
                {pct(total[k])}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={7} align="end">
              {total.avgHandlingDays ?? '—'}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8}>
              <Link to={total.drillUrl}>{t('kpi.drill')}</Link>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
