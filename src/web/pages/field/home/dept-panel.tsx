// A department handler's 工作台: how many items wait for their reply, are overdue or wait for an extension decision.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, qs } from '../../../api';

type Count = { total: number };

/** Counts from the department's own scope of GET /opinions (the server limits it to items sent to the department). */
function useCount(params: Record<string, unknown>) {
  return useQuery({
    queryKey: ['/opinions', 'dept-home', params],
    queryFn: () => api<Count>(`/opinions${qs({ ...params, pageSize: 1 })}`),
  });
}

/** Three numbers with links into the department desk. */
export function DeptPanel() {
  const { t } = useTranslation();
  const todo = useCount({ status: 'forwarded' });
  const rework = useCount({ status: 'returned_for_rework' });
  const overdue = useCount({ overdue: 1 });
  const cards = [
    { key: 'todo', value: todo.data?.total, to: '/dept' },
    { key: 'rework', value: rework.data?.total, to: '/dept' },
    { key: 'overdue', value: overdue.data?.total, to: '/dept', danger: true },
  ];
  return (
    <Card size="small" title={t('field.home.dept.title')} data-testid="home-dept">
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col xs={8} key={c.key}>
            <Link to={c.to}>
              <Statistic
                title={t(`field.home.dept.${c.key}`)}
                value={c.value ?? '—'}
                valueStyle={c.danger && c.value ? { color: '#cf1322' } : undefined}
              />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
