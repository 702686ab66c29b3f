// /proposals: the proposals in the actor's scope, in boxes (mine, invitations with a badge, my unit's, all for staff).
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Flex, Grid, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PROPOSAL_STATUS_CODES } from '../../../core/proposals';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { CardList } from '../../components/card-list';
import { usePagedList } from '../../components/use-page';
import { PageHead } from '../office/components/page-head';
import { ProposalNumber, ProposalStatusTag, ReplyDue } from './bits';
import type { ProposalRow } from './types';

/** Pending co-signing invitations of the signed-in member (for the badge). */
export function usePendingInvitations(enabled: boolean) {
  return useQuery({
    queryKey: ['/proposals/invitations'],
    queryFn: () => api<{ pending: number }>('/proposals/invitations'),
    enabled,
  });
}

/** The list with its box tabs and filters; box and status live in the URL (workbench links open them). */
export function ProposalListPage() {
  const { t } = useTranslation();
  const { me, has } = useAuth();
  const navigate = useNavigate();
  const isMember = !!me?.memberId;
  const boxes = [
    ...(isMember ? ['mine', 'invited'] : []),
    ...(has('dept_handler') ? ['department'] : []),
    ...(has('admin', 'leader') ? ['all'] : []),
  ];
  const [params, setParams] = useSearchParams();
  const asked = params.get('box');
  const box = asked && boxes.includes(asked) ? asked : (boxes[0] ?? 'all');
  const status = params.get('status') ?? undefined;
  const setParam = (key: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(key, v);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const setBox = (b: string) => setParam('box', b);
  const setStatus = (s: string | undefined) => setParam('status', s);
  const [q, setQ] = useState<string>();
  const pending = usePendingInvitations(isMember);
  const { tableProps, resetPage } = usePagedList<ProposalRow>('/proposals', { box, status, q });
  const count = pending.data?.pending ?? 0;
  const isPhone = !Grid.useBreakpoint().md;
  return (
    <div data-testid="proposal-list">
      <PageHead
        title={t('prp.list.title')}
        extra={
          isMember && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/proposals/new')}
              data-testid="prp-new"
            >
              {t('prp.list.new')}
            </Button>
          )
        }
      />
      {count > 0 && box !== 'invited' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBlockEnd: 12 }}
          message={t('prp.list.pendingInvites', { count })}
          action={
            <Button size="small" onClick={() => setBox('invited')} data-testid="prp-goto-invites">
              {t('prp.box.invited')}
            </Button>
          }
        />
      )}
      {boxes.length > 1 && (
        <Tabs
          activeKey={box}
          onChange={(k) => {
            setBox(k);
            resetPage();
          }}
          items={boxes.map((b) => ({
            key: b,
            label:
              b === 'invited' ? (
                <Badge count={count} size="small" offset={[8, -2]} data-testid="prp-invite-badge">
                  {t(`prp.box.${b}`)}
                </Badge>
              ) : (
                t(`prp.box.${b}`)
              ),
          }))}
        />
      )}
      <Space wrap style={{ marginBlockEnd: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('prp.list.search')}
          onSearch={(v) => {
            setQ(v || undefined);
            resetPage();
          }}
          style={{ inlineSize: 220 }}
        />
        <Select
          allowClear
          placeholder={t('prp.field.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            resetPage();
          }}
          options={PROPOSAL_STATUS_CODES.map((s) => ({ value: s, label: t(`prp.status.${s}`) }))}
          style={{ inlineSize: 160 }}
          data-testid="prp-status-filter"
        />
      </Space>
      {isPhone ? (
        <CardList
          tableProps={tableProps}
          testId="prp-cards"
          renderCard={(r: ProposalRow) => <ProposalCard key={r.id} row={r} />}
        />
      ) : (
        <Table<ProposalRow>
          {...tableProps}
          size="middle"
          scroll={{ x: 900 }}
          locale={{ emptyText: t('prp.list.empty') }}
          columns={[
            { title: t('prp.field.number'), key: 'number', width: 130, render: (_, r) => <ProposalNumber row={r} /> },
            {
              title: t('prp.field.title'),
              dataIndex: 'title',
              render: (v, r) => (
                <Link to={`/proposals/${r.id}`} data-testid="prp-row-link">
                  {v}
                </Link>
              ),
            },
            { title: t('prp.field.proposer'), dataIndex: 'proposerName', width: 100 },
            {
              title: t('prp.field.status'),
              dataIndex: 'status',
              width: 150,
              render: (v, r) => (
                <Space size={4} wrap>
                  <ProposalStatusTag status={v} />
                  {r.myInvitation && <Tag>{t(`prp.cosign.${r.myInvitation}`)}</Tag>}
                </Space>
              ),
            },
            { title: t('prp.field.cosignerCount'), dataIndex: 'cosignerCount', width: 90 },
            { title: t('prp.field.leadDepartment'), dataIndex: 'leadDepartmentName', width: 160 },
            { title: t('prp.field.replyDue'), key: 'due', width: 160, render: (_, r) => <ReplyDue row={r} /> },
          ]}
        />
      )}
    </div>
  );
}

/** A proposal on a phone: number and status first (what a member checks), the title, then unit and reply date. */
function ProposalCard({ row: r }: { row: ProposalRow }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBlockEnd: 8 }} data-testid="prp-row" data-id={r.id}>
      <Flex justify="space-between" gap={8} wrap>
        <ProposalNumber row={r} />
        <Space size={4} wrap>
          <ProposalStatusTag status={r.status} />
          {r.myInvitation && <Tag>{t(`prp.cosign.${r.myInvitation}`)}</Tag>}
        </Space>
      </Flex>
      <Link to={`/proposals/${r.id}`} data-testid="prp-row-link" style={{ display: 'block', marginBlock: 4 }}>
        {r.title}
      </Link>
      <Typography.Text type="secondary">
        {r.proposerName}
        {r.leadDepartmentName ? ` · ${r.leadDepartmentName}` : ''}
      </Typography.Text>
      <div>
        <ReplyDue row={r} />
      </div>
    </Card>
  );
}
