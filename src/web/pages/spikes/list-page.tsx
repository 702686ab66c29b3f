// /spikes: the spike alerts (突增提醒) — a village × category far above its usual weekly count — with the items behind
// each; a notification's link (?id=) opens one alert.
import { RiseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, List, Select, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api';
import { PageHead } from '../office/components/page-head';
import type { SpikeAlert } from './types';

const DAYS = [30, 90, 180, 365];
/** The rule's floor of the usual weekly count (core/spikes/detect.ts SPIKE_RULE.minBaseline): at it, "under one". */
const MIN_BASELINE = 0.5;

/** A China date (YYYY-MM-DD) of an instant. */
const chinaDay = (iso: string, shiftMs = 0) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000 + shiftMs).toISOString().slice(0, 10);

/** The usual weekly count, one decimal. */
const usual = (b: number) => String(Math.round(b * 10) / 10);

/** The spikes page. */
export function SpikeListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('id')) || undefined;
  const days = Number(params.get('days')) || 90;
  const q = useQuery({
    queryKey: ['/spikes', id, days],
    queryFn: () => api<{ items: SpikeAlert[] }>(`/spikes${qs({ id, days: id ? 366 : days })}`),
  });
  const alerts = q.data?.items ?? [];
  return (
    <div data-testid="spikes-page">
      <PageHead
        title={t('spk.title')}
        sub={t('spk.rule')}
        extra={
          id ? (
            <Button onClick={() => setParams({})} data-testid="spikes-all">
              {t('spk.all')}
            </Button>
          ) : (
            <Select
              aria-label={t('spk.days')}
              style={{ width: 160 }}
              value={days}
              options={DAYS.map((d) => ({ value: d, label: t('spk.lastDays', { count: d }) }))}
              onChange={(d) => setParams({ days: String(d) })}
              data-testid="spikes-days"
            />
          )
        }
      />
      <Spin spinning={q.isLoading}>
        {!q.isLoading && !alerts.length && <Empty description={t('spk.none')} />}
        <List
          grid={{ gutter: 12, xs: 1, sm: 1, md: 1, lg: 2 }}
          dataSource={alerts}
          renderItem={(a) => (
            <List.Item>
              <Card
                size="small"
                data-testid="spike-card"
                title={
                  <Flex wrap gap={8} align="center" style={{ whiteSpace: 'normal' }}>
                    <RiseOutlined style={{ color: '#cf1322' }} />
                    <span>{a.village}</span>
                    <Tag>{a.category}</Tag>
                  </Flex>
                }
                extra={<Typography.Text type="secondary">{a.township}</Typography.Text>}
              >
                <Flex wrap gap={16} align="baseline" style={{ marginBlockEnd: 8 }}>
                  <Typography.Text strong style={{ fontSize: 20, color: '#cf1322' }} data-testid="spike-count">
                    {t('spk.count', { count: a.count })}
                  </Typography.Text>
                  <Typography.Text type="secondary" data-testid="spike-usual">
                    {a.baseline <= MIN_BASELINE ? t('spk.usualLow') : t('spk.usual', { usual: usual(a.baseline) })}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('spk.window', { from: chinaDay(a.windowStart), to: chinaDay(a.windowEnd, -86_400_000) })}
                  </Typography.Text>
                </Flex>
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {a.items.map((o) => (
                    <li key={o.id}>
                      <Link to={`/opinions/${o.id}`} data-testid="spike-item">
                        {o.title}
                      </Link>
                    </li>
                  ))}
                </ul>
                {a.hiddenCount > 0 && (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                    {t('spk.hidden', { count: a.hiddenCount })}
                  </Typography.Paragraph>
                )}
              </Card>
            </List.Item>
          )}
        />
      </Spin>
      {q.isError && <Alert type="error" showIcon message={t('msg.loadFailed')} />}
    </div>
  );
}
