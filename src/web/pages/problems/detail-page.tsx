// /problems/:id: one 民生问题 with its status moves, fields, milestones, linked items, counts, evidence and timeline.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Flex, Grid, Result, Row, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ProblemProgress, ProblemStatusTag, problemKey, useProblemAbilities } from './bits';
import { CountsCard } from './counts-card';
import { EditDrawer } from './edit-drawer';
import { EventsCard } from './events-card';
import { EvidenceCard } from './evidence-card';
import { ItemsCard } from './items-card';
import { MilestonesCard } from './milestones-card';
import { StatusMoves } from './status-moves';
import type { ProblemDetail } from './types';

/** The problem page; a 404 (out of scope or missing) shows the usual not-found message. */
export function ProblemDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;

  const roles = useProblemAbilities();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: problemKey(id),
    queryFn: () => api<ProblemDetail>(`/problems/${id}`),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  if (q.isLoading) return <Spin />;
  if (q.isError || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('msg.notFound') : t('msg.loadFailed')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/problems')}>
            {t('prb.back')}
          </Button>
        }
      />
    );
  }
  const p = q.data;
  const can = { manage: p.abilities?.canEdit ?? roles.manage };
  const text = (s: string) => (s ? <span style={{ whiteSpace: 'pre-wrap' }}>{s}</span> : '—');
  return (
    <div data-testid="prb-detail" data-status={p.status} data-progress={p.progress}>
      <Breadcrumbs items={[{ label: t('prb.title'), to: '/problems' }, { label: p.title }]} />
      <Flex wrap gap={8} align="center" style={{ marginBlockEnd: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="prb-title">
          {p.title}
        </Typography.Title>
        <ProblemStatusTag status={p.status} />
        {!p.published && <Tag data-testid="prb-unpublished">{t('prb.unpublished')}</Tag>}
        <span style={{ flex: 1 }} />
        {can.manage && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="prb-edit">
            {t('action.edit')}
          </Button>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBlockEnd: 16 }}>
            <ProblemProgress row={p} />
            {can.manage && <StatusMoves problem={p} />}
            <Descriptions
              size="small"
              column={isPhone ? 1 : 2}
              style={{ marginBlockStart: 12 }}
              data-testid="prb-fields"
              items={[
                { key: 'region', label: t('prb.field.region'), children: p.regionName },
                { key: 'year', label: t('prb.field.year'), children: p.year },
                { key: 'people', label: t('prb.field.people'), children: p.peopleCount },
                { key: 'items', label: t('prb.field.items'), children: p.itemCount },
                { key: 'lead', label: t('prb.field.lead'), children: p.leadDepartmentName || '—' },
                {
                  key: 'co',
                  label: t('prb.field.coDepartments'),
                  children: p.departments.length ? p.departments.map((d) => <Tag key={d.id}>{d.name}</Tag>) : '—',
                },
                { key: 'summary', label: t('prb.field.summary'), span: isPhone ? 1 : 2, children: text(p.summary) },
                { key: 'goal', label: t('prb.field.goal'), span: isPhone ? 1 : 2, children: text(p.goal) },
                ...(p.outcome || p.status === 'solved' || p.status === 'partly_solved'
                  ? [
                      {
                        key: 'outcome',
                        label: t('prb.field.outcome'),
                        span: isPhone ? 1 : 2,
                        children: text(p.outcome),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <MilestonesCard problem={p} />
          <ItemsCard problem={p} />
        </Col>
        <Col xs={24} lg={10}>
          <CountsCard problem={p} />
          <EvidenceCard problem={p} />
          <EventsCard problem={p} />
        </Col>
      </Row>
      {editing && <EditDrawer problem={p} onClose={() => setEditing(false)} />}
    </div>
  );
}
