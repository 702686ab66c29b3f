// /kpis: the 社情民意 KPI dashboard — period and grouping switches, headline cards, charts, the table and its xlsx.
import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Popover, Segmented, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl, qs } from '../../api';
import { KpiCards } from './kpi-cards';
import { KpiCharts } from './kpi-charts';
import { KpiTable } from './kpi-table';
import { GROUPS, type GroupBy, type KpiReport, type PeriodUnit, UNITS } from './types';

/** The dashboard page. */
export function KpisPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs().endOf('year')]);
  const [groupBy, setGroupBy] = useState<GroupBy>('period');
  const [period, setPeriod] = useState<PeriodUnit>('month');
  const params = {
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
    groupBy,
    period,
  };
  const q = useQuery({
    queryKey: ['kpis', params],
    queryFn: () => api<KpiReport>(`/kpis${qs(params)}`),
    placeholderData: (prev) => prev,
  });
  const defs = q.data?.definitions;
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('kpi.title')}
          {defs ? (
            <Popover
              title={t('kpi.definitions')}
              content={
                <div style={{ maxWidth: 420 }}>
                  {Object.entries(defs).map(([k, v]) => (
                    <p key={k} style={{ marginBlock: 4 }}>
                      {v}
                    </p>
                  ))}
                </div>
              }
            >
              <InfoCircleOutlined style={{ marginInlineStart: 8, fontSize: 16 }} data-testid="kpi-definitions" />
            </Popover>
          ) : null}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          href={downloadUrl('/kpis', { ...params, format: 'xlsx' })}
          data-testid="kpi-export"
        >
          {t('kpi.export')}
        </Button>
      </Flex>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <DatePicker.RangePicker
            aria-label={t('kpi.range')}
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            data-testid="kpi-range"
          />
          <div style={{ maxInlineSize: '100%', overflowX: 'auto' }}>
            <Segmented
              options={GROUPS.map((g) => ({ value: g, label: t(`kpi.group.${g}`) }))}
              value={groupBy}
              onChange={(v) => setGroupBy(v as GroupBy)}
              data-testid="kpi-group-by"
            />
          </div>
          {groupBy === 'period' ? (
            <Select
              aria-label={t('kpi.period')}
              value={period}
              onChange={setPeriod}
              options={UNITS.map((u) => ({ value: u, label: t(`kpi.unit.${u}`) }))}
              style={{ width: 100 }}
              data-testid="kpi-period"
            />
          ) : null}
        </Flex>
      </Card>
      {q.error ? <Alert type="error" showIcon title={(q.error as Error).message} /> : null}
      {q.data ? (
        <Spin spinning={q.isFetching}>
          <Flex vertical gap={12}>
            <KpiCards report={q.data} />
            <KpiCharts report={q.data} />
            <Card size="small">
              <KpiTable report={q.data} />
            </Card>
          </Flex>
        </Spin>
      ) : (
        <Spin />
      )}
    </Flex>
  );
}
