// The overview for office staff, leaders and group leaders: totals and the compliance chart of their scope.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { ComplianceChart } from '../compliance/shortfalls';
import type { ComplianceSummary } from '../compliance/types';
import { currentYear } from '../lookups';

const useTotal = (path: string, params: Record<string, unknown>) =>
  useQuery({
    queryKey: [path, 'total', params],
    queryFn: async () => (await api<{ total: number }>(`${path}${qs({ ...params, pageSize: 1 })}`)).total,
  });

/** Totals (members, representatives, activities this year) and the per-rule compliance bars, linking to the compliance page. */
export function OverviewPanel() {
  const { t } = useTranslation();
  const { me, has } = useAuth();
  const navigate = useNavigate();
  const { from, to, year } = currentYear();
  const groupId = has('admin', 'leader') ? undefined : (me?.groupId ?? undefined);
  const members = useTotal('/members', { groupId });
  const reps = useTotal('/representatives', {});
  const acts = useTotal('/activities', { groupId, from, to });
  const summary = useQuery({
    queryKey: ['/compliance', 'summary', groupId ?? null],
    queryFn: () => api<{ year: number; summary: ComplianceSummary }>(`/compliance/summary${qs({ groupId })}`),
  });
  const byKind = summary.data?.summary.byKind;
  const stat = (title: string, value: number | undefined, to?: string, testId?: string) => (
    <Col xs={12} md={6}>
      <Card size="small" hoverable={!!to} onClick={to ? () => navigate(to) : undefined} data-testid={testId}>
        <Statistic title={title} value={value ?? '—'} />
      </Card>
    </Col>
  );
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>
      <Row gutter={[12, 12]}>
        {stat(t('field.home.members'), members.data, undefined, 'home-total-members')}
        {stat(t('field.home.reps'), reps.data, '/representatives', 'home-total-reps')}
        {stat(t('field.home.activities', { year }), acts.data, '/activities', 'home-total-activities')}
        {stat(
          t('field.home.membersCompliant'),
          byKind ? byKind.member.compliant : undefined,
          '/compliance?kind=member',
          'home-total-compliant',
        )}
      </Row>
      <Card
        size="small"
        title={t('field.compliance.chartTitle', { year: summary.data?.year ?? year })}
        extra={
          <Link to="/compliance" data-testid="home-compliance-link">
            {t('field.home.toCompliance')}
          </Link>
        }
      >
        {summary.data && <ComplianceChart summary={summary.data.summary} onRule={() => navigate('/compliance')} />}
      </Card>
    </div>
  );
}
