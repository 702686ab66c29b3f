// How many items of a problem came from each village and through each channel: bars scaled to the largest count.
import { Button, Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDetail } from './types';

/** Rows shown before 'show all'. */
const TOP = 8;

function Bars({ rows, testId }: { rows: { key: string; label: string; count: number }[]; testId: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const max = Math.max(1, ...rows.map((r) => r.count));
  if (!rows.length) return <Typography.Text type="secondary">{t('prb.counts.none')}</Typography.Text>;
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  const shown = all ? sorted : sorted.slice(0, TOP);
  return (
    <div data-testid={testId}>
      {shown.map((r) => (
        <Flex key={r.key} gap={8} align="center" data-testid={`${testId}-row`}>
          <span style={{ flex: '0 0 40%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {r.label}
          </span>
          <Progress
            percent={(r.count / max) * 100}
            status="normal"
            showInfo={false}
            size="small"
            style={{ flex: 1, margin: 0 }}
            aria-label={r.label}
          />
          <span style={{ flex: '0 0 2.5em', textAlign: 'end' }}>{r.count}</span>
        </Flex>
      ))}
      {sorted.length > TOP && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAll(!all)}>
          {all ? t('prb.counts.less') : t('prb.counts.more', { count: sorted.length - TOP })}
        </Button>
      )}
    </div>
  );
}

/** The counts card: by village and by channel. */
export function CountsCard({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('prb.counts.card')} style={{ marginBlockEnd: 16 }} data-testid="prb-counts">
      <Row gutter={[16, 12]}>
        <Col xs={24} sm={12} lg={24}>
          <Typography.Text strong>{t('prb.counts.byVillage')}</Typography.Text>
          <Bars
            testId="prb-by-village"
            rows={problem.countsByVillage.map((v) => ({
              key: String(v.regionId ?? 'none'),
              label: v.name || t('prb.counts.noVillage'),
              count: v.count,
            }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={24}>
          <Typography.Text strong>{t('prb.counts.byChannel')}</Typography.Text>
          <Bars
            testId="prb-by-channel"
            rows={problem.countsByChannel.map((c) => ({
              key: c.channel,
              label: t(`op.channel.${c.channel}`),
              count: c.count,
            }))}
          />
        </Col>
      </Row>
    </Card>
  );
}
