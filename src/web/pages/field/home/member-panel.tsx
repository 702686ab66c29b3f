// The member's home: a big record button, my villages with the last visit, my counts and my quota shortfalls.
import { EditOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { PlainList, PlainListItem } from '../../../components/plain-list';
import { ShortfallList } from '../compliance/shortfalls';
import type { ComplianceResponse } from '../compliance/types';
import { currentYear, useMember } from '../lookups';

/** The member part of the home page. */
export function MemberPanel({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const { has } = useAuth();
  const navigate = useNavigate();
  const { from, to, year } = currentYear();
  const member = useMember(memberId);
  const acts = useQuery({
    queryKey: ['/activities', 'count', memberId, from, to],
    queryFn: () => api<{ total: number }>(`/activities${qs({ memberId, from, to, pageSize: 1 })}`),
  });
  const compliance = useQuery({
    queryKey: ['/compliance', 'mine', memberId],
    queryFn: () => api<ComplianceResponse>(`/compliance${qs({ kind: 'member', q: member.data?.name, pageSize: 50 })}`),
    enabled: !!member.data?.name,
  });
  const mine = compliance.data?.items.find((r) => r.kind === 'member' && r.id === memberId);
  const villages = member.data?.villages ?? [];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>
      {has('member', 'group_leader', 'admin') && (
        <Button
          type="primary"
          size="large"
          block
          icon={<EditOutlined />}
          onClick={() => navigate('/record')}
          data-testid="home-record"
          style={{ height: 64, fontSize: 20 }}
        >
          {t('nav.record')}
        </Button>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('field.home.myReps')} value={member.data?.representativeCount ?? '—'} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('field.home.myActivities', { year })} value={acts.data?.total ?? '—'} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('field.home.myVillages')} value={member.data?.villageCount ?? '—'} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('field.home.villagesTitle')}
            data-testid="home-villages"
            style={{ height: '100%' }}
          >
            <PlainList
              loading={member.isLoading}
              items={villages}
              empty={t('field.home.noVillages')}
              rowKey={(v) => v.id}
              renderItem={(v) => {
                const visited = !!v.lastVisit && v.lastVisit >= from;
                return (
                  <PlainListItem
                    avatar={<EnvironmentOutlined style={{ fontSize: 20, color: visited ? '#389e0d' : '#cf1322' }} />}
                    title={v.name}
                    description={
                      <>
                        <Typography.Text type="secondary">{v.townshipName}</Typography.Text>{' '}
                        {v.lastVisit ? (
                          <span>{t('field.home.lastVisit', { date: v.lastVisit })}</span>
                        ) : (
                          <Tag color="error">{t('field.home.neverVisited')}</Tag>
                        )}
                        {v.lastVisit && !visited && <Tag color="warning">{t('field.home.notThisYear')}</Tag>}
                      </>
                    }
                    extra={<Link to={`/record?regionId=${v.id}`}>{t('field.home.recordHere')}</Link>}
                  />
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('field.home.myCompliance', { year })}
            extra={<Link to="/compliance">{t('field.home.all')}</Link>}
            data-testid="home-shortfalls"
            style={{ height: '100%' }}
          >
            {compliance.isLoading || !compliance.data ? (
              <Typography.Text type="secondary">{compliance.isError ? t('msg.loadFailed') : '…'}</Typography.Text>
            ) : (
              <ShortfallList items={mine?.shortfalls ?? []} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
