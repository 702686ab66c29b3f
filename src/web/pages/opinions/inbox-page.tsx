// /opinions (社情民意 inbox) and /dept (承办工作台): one scoped list, a table on desktop and cards on phones.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../auth';
import { CardList } from '../../components/card-list';
import { usePagedList } from '../../components/use-page';
import { PageHead } from '../office/components/page-head';
import { DueCell, fmtDate, StatusTag, UrgencyTag } from './bits';
import { InboxFilterBar, type InboxFilters } from './inbox-filters';
import type { OpinionRow } from './types';

function OpinionCard({ o }: { o: OpinionRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      data-testid="op-row"
      style={{ marginBlockEnd: 8, cursor: 'pointer' }}
      onClick={() => navigate(`/opinions/${o.id}`)}
    >
      <Flex justify="space-between" align="baseline" gap={8}>
        <Link to={`/opinions/${o.id}`} style={{ fontWeight: 600, flex: 1 }}>
          {o.title}
        </Link>
        <StatusTag status={o.status} />
      </Flex>
      <Typography.Text type="secondary">
        {[o.trackingCode, t(`op.channel.${o.channel}`), fmtDate(o.receivedAt), o.leadDepartmentName]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
      <div>
        <UrgencyTag urgency={o.urgency} />
        <DueCell row={o} />
      </div>
    </Card>
  );
}

/** The inbox; `dept` makes it the department handler's workspace (the server scopes the list either way). */
export function InboxPage({ dept = false }: { dept?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { has } = useAuth();
  const isPhone = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useState<InboxFilters>({});
  const { tableProps, resetPage } = usePagedList<OpinionRow>('/opinions', { ...filters });
  const columns: ColumnsType<OpinionRow> = [
    { title: t('op.field.trackingCode'), dataIndex: 'trackingCode', width: 130 },
    {
      title: t('op.field.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (v, o) => (
        <>
          <UrgencyTag urgency={o.urgency} />
          <Link to={`/opinions/${o.id}`}>{v}</Link>
        </>
      ),
    },
    { title: t('op.field.channel'), dataIndex: 'channel', width: 100, render: (c) => t(`op.channel.${c}`) },
    { title: t('op.field.status'), dataIndex: 'status', width: 130, render: (s) => <StatusTag status={s} /> },
    { title: t('op.field.receivedAt'), dataIndex: 'receivedAt', width: 110, render: fmtDate },
    { title: t('op.field.deadline'), key: 'due', width: 230, render: (_, o) => <DueCell row={o} /> },
    { title: t('op.field.leadDepartment'), dataIndex: 'leadDepartmentName', width: 150, ellipsis: true },
  ];
  const onFilters = (v: InboxFilters) => {
    setFilters(v);
    resetPage();
  };
  const extra = !dept && has('admin', 'info_officer', 'member') && (
    <Button type="primary" icon={<PlusOutlined />} data-testid="op-new" onClick={() => navigate('/opinions/new')}>
      {t('op.inbox.new')}
    </Button>
  );
  const pg = tableProps.pagination;
  return (
    <div>
      <PageHead
        title={t(dept ? 'op.dept.title' : 'nav.opinions')}
        sub={dept ? t('op.dept.hint') : t('op.inbox.items', { total: pg.total })}
        extra={extra}
      />
      <InboxFilterBar value={filters} onChange={onFilters} />
      {isPhone ? (
        <CardList tableProps={tableProps} testId="op-table" renderCard={(o) => <OpinionCard key={o.id} o={o} />} />
      ) : (
        <Table<OpinionRow>
          data-testid="op-table"
          size="middle"
          columns={columns}
          {...tableProps}
          onRow={(o) =>
            ({
              'data-testid': 'op-row',
              'data-id': o.id,
              style: o.overdue ? { background: 'var(--ant-color-error-bg, #fff1f0)' } : undefined,
            }) as any
          }
          scroll={{ x: 960 }}
        />
      )}
    </div>
  );
}
