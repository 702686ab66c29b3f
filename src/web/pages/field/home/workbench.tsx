// The 待办 workbench at the top of every home page: one card per counter of GET /workbench, each a link to the
// filtered list whose total it shows (two columns on a phone, red numbers for overdue, orange for near-due).
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkbenchAnswer, WorkbenchCounter } from '../../../../core/workbench';
import { api } from '../../../api';

const TONE_COLOR: Record<NonNullable<WorkbenchCounter['tone']>, string> = {
  danger: '#cf1322',
  warning: '#d46b08',
};

/** One counter as a card that opens its list. */
function CounterCard({ c }: { c: WorkbenchCounter }) {
  const { t } = useTranslation();
  const color = c.tone ? TONE_COLOR[c.tone] : undefined;
  return (
    <Link to={c.link} data-testid={`wb-${c.key}`} data-count={c.count} style={{ display: 'block', height: '100%' }}>
      <Card size="small" hoverable style={{ height: '100%' }}>
        <Statistic
          title={t(`wb.card.${c.key}`, c.params)}
          value={c.count}
          styles={{ content: { fontSize: 32, fontWeight: 600, color } }}
        />
      </Card>
    </Link>
  );
}

/** The signed-in user's workbench; counters come from the server so each equals its list's total. */
export function Workbench() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['/workbench'], queryFn: () => api<WorkbenchAnswer>('/workbench') });
  const items = q.data?.items ?? [];
  return (
    <Card size="small" title={t('wb.title')} loading={q.isLoading} data-testid="workbench">
      {q.isError && <Typography.Text type="danger">{t('wb.loadFailed')}</Typography.Text>}
      {q.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wb.empty')} />}
      <Row gutter={[12, 12]}>
        {items.map((c) => (
          <Col key={c.link} xs={12} sm={8} lg={6} xl={4}>
            <CounterCard c={c} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
