// /opinions/:id: one item with all its fields, people, departments, the allowed actions and the whole timeline.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Result, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api';
import { useAuth } from '../../auth';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHead } from '../office/components/page-head';
import { ActionBar } from './action-bar';
import { StatusTag } from './bits';
import { DeadlineCard } from './deadline-card';
import { ItemAttachments } from './item-attachments';
import { AssignmentTable, ItemFields, OriginatorList } from './item-fields';
import { ItemTimeline } from './item-timeline';
import { SimilarPanel } from './similar-panel';
import { TriageSuggestionCard } from './triage-suggestion-card';
import type { OpinionDetail, OpinionEventRow } from './types';

/** The item page; a 404 (out of scope or missing) shows the usual not-found message. */
export function OpinionItemPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { has } = useAuth();
  const id = Number(useParams().id);
  const item = useQuery({
    queryKey: ['opinion', id],
    queryFn: () => api<OpinionDetail>(`/opinions/${id}`),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  const events = useQuery({
    queryKey: ['opinion', id, 'events'],
    queryFn: async () => (await api<{ items: OpinionEventRow[] }>(`/opinions/${id}/events`)).items,
    enabled: item.isSuccess,
  });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {t('op.item.back')}
    </Button>
  );
  if (item.isLoading) return <Spin />;
  if (item.isError || !item.data) {
    const notFound = item.error instanceof ApiError && item.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('msg.notFound') : t('msg.loadFailed')}
        extra={back}
      />
    );
  }
  const o = item.data;
  // Departments reach items from their desk; everyone else from the 社情民意 inbox.
  const desk = has('dept_handler') && !has('admin', 'leader', 'info_officer', 'group_leader', 'member');
  return (
    <div data-testid="op-item" data-status={o.status}>
      <Breadcrumbs
        items={[
          { label: t('ops.crumbs.home'), to: '/' },
          desk ? { label: t('ops.crumbs.dept'), to: '/dept' } : { label: t('ops.crumbs.opinions'), to: '/opinions' },
          { label: o.title },
        ]}
      />
      <PageHead
        title={
          <span style={{ wordBreak: 'break-word' }}>
            {o.title} <StatusTag status={o.status} />
          </span>
        }
        sub={o.trackingCode}
        extra={back}
      />
      <Card size="small" title={t('op.item.actions')} style={{ marginBlockEnd: 16 }} data-testid="op-actions">
        <ActionBar item={o} events={events.data ?? []} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <ItemFields item={o} />
          {/* A department reading a confidential item's redacted copy never learns who raised it. */}
          {!o.isRedacted && <OriginatorList people={o.originators} />}
          <AssignmentTable rows={o.assignments} />
          <ItemAttachments item={o} />
        </Col>
        <Col xs={24} xl={9}>
          <TriageSuggestionCard item={o} />
          <DeadlineCard id={o.id} />
          <SimilarPanel item={o} />
          <Card size="small" title={t('op.item.timeline')}>
            {events.isLoading ? <Spin /> : <ItemTimeline events={events.data ?? []} />}
            {events.isError && <Typography.Text type="danger">{t('msg.loadFailed')}</Typography.Text>}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
