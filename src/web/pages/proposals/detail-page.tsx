// /proposals/:id: the proposal, its co-signers and units, the reply and rating, the actions open to the actor, the timeline.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHead } from '../office/components/page-head';
import { ActionPanel } from './action-panel';
import { ProposalNumber, ProposalStatusTag, ReplyDue } from './bits';
import { ProposalTimeline } from './timeline';
import type { ProposalDetail, ProposalEventRow } from './types';

const COSIGN_COLOR: Record<string, string> = { invited: 'blue', accepted: 'green', declined: 'default' };

/** Co-signers with their answers. */
function Cosigners({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  if (!p.cosigners.length) return <Typography.Text type="secondary">{t('prp.detail.noCosigners')}</Typography.Text>;
  return (
    <Space wrap data-testid="prp-cosigners">
      {p.cosigners.map((c) => (
        <Tag key={c.memberId} color={COSIGN_COLOR[c.status]}>
          {c.name} · {t(`prp.cosign.${c.status}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** The facts block. */
function Facts({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const none = t('prp.detail.none');
  const depts = (role: string) =>
    p.departments
      .filter((d) => d.role === role)
      .map((d) => d.name)
      .join('、') || none;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={t('prp.field.number')}>
        <ProposalNumber row={p} />
      </Descriptions.Item>
      <Descriptions.Item label={t('prp.field.status')}>
        <ProposalStatusTag status={p.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('prp.field.proposer')}>{p.proposerName}</Descriptions.Item>
      <Descriptions.Item label={t('prp.field.cosignDeadline')}>{p.cosignDeadline ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('prp.field.cosigners')} span={2}>
        <Cosigners p={p} />
      </Descriptions.Item>
      {p.opinions.length > 0 && (
        <Descriptions.Item label={t('prp.field.sources')} span={2}>
          <Space wrap>
            {p.opinions.map((o) => (
              <Link key={o.id} to={`/opinions/${o.id}`}>
                {o.title}
              </Link>
            ))}
          </Space>
        </Descriptions.Item>
      )}
      {!!p.decisionReason && (
        <Descriptions.Item label={t('prp.field.decisionReason')} span={2}>
          {p.decisionReason}
        </Descriptions.Item>
      )}
      {!!p.convertedOpinionId && (
        <Descriptions.Item label={t('prp.field.convertedOpinion')} span={2}>
          <Link to={`/opinions/${p.convertedOpinionId}`}>#{p.convertedOpinionId}</Link>
        </Descriptions.Item>
      )}
      {p.departments.length > 0 && (
        <>
          <Descriptions.Item label={t('prp.field.leadDepartment')}>{depts('lead')}</Descriptions.Item>
          <Descriptions.Item label={t('prp.field.coDepartments')}>{depts('co')}</Descriptions.Item>
          <Descriptions.Item label={t('prp.field.replyDue')} span={2}>
            <ReplyDue row={p} />
          </Descriptions.Item>
        </>
      )}
    </Descriptions>
  );
}

/** The page. */
export function ProposalDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['proposal', id], queryFn: () => api<ProposalDetail>(`/proposals/${id}`) });
  const ev = useQuery({
    queryKey: ['proposal', id, 'events', q.data?.updatedAt],
    queryFn: () => api<{ items: ProposalEventRow[] }>(`/proposals/${id}/events`),
    enabled: !!q.data,
  });
  if (q.isLoading) return <Spin />;
  if (q.isError || !q.data) return <Empty description={t('msg.loadFailed')} />;
  const p = q.data;
  const invited = p.myInvitation === 'invited' && p.abilities.actions.includes('cosign');
  return (
    <div data-testid="proposal-detail">
      <Breadcrumbs items={[{ label: t('nav.proposals'), to: '/proposals' }, { label: p.title }]} />
      <PageHead
        title={p.title}
        extra={<Button onClick={() => navigate('/proposals')}>{t('prp.detail.back')}</Button>}
      />
      {invited && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBlockEnd: 12 }}
          message={t('prp.detail.invitedAlert', { name: p.proposerName, deadline: p.cosignDeadline })}
          data-testid="prp-invited-alert"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ inlineSize: '100%' }}>
            <Card size="small" title={t('prp.detail.actions')}>
              <ActionPanel proposal={p} />
            </Card>
            <Facts p={p} />
            <Card size="small" title={t('prp.field.content')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBlockEnd: 0 }}>
                {p.content}
              </Typography.Paragraph>
            </Card>
            {!!p.reply && (
              <Card size="small" title={t('prp.field.reply')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.reply}</Typography.Paragraph>
                {p.rating && (
                  <List.Item>
                    <Tag color={p.rating === 'unsatisfied' ? 'red' : 'green'}>{t(`prp.rating.${p.rating}`)}</Tag>
                    {p.ratingComment}
                  </List.Item>
                )}
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('prp.detail.timeline')}>
            {ev.data ? <ProposalTimeline events={ev.data.items} /> : <Spin />}
            <Typography.Text type="secondary">
              {t('prp.field.updatedAt')} {dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
