// /opinions (社情民意 inbox) and /dept (承办工作台): one scoped list, a table on desktop and cards on phones; every row
// counts its working days left or over; the desk shows 待办 by default, overdue first; j/k/Enter/"/" on desktops.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Grid, type InputRef, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DESK_VIEW_ALL, deptDeskQuery } from '../../../core/workbench';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { CardList } from '../../components/card-list';
import { usePagedList } from '../../components/use-page';
import { PageHead } from '../office/components/page-head';
import { DueCell, fmtDate, StatusTag, UrgencyTag } from './bits';
import { BulkBar } from './bulk-bar';
import { InboxFilterBar, type InboxFilters, readFilters, writeFilters } from './inbox-filters';
import { KeysHelp, useInboxKeys } from './inbox-keys';
import { SavedViews } from './saved-views';
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

interface PeopleHits {
  members: { items: { id: number; name: string; groupName: string | null }[] };
  representatives: { items: { id: number; name: string; townshipName: string | null }[] };
}

/** Members and representatives matching the inbox search (GET /search, scoped by the server), as links. */
function PeopleLine({ q }: { q: string }) {
  const { t } = useTranslation();
  const hits = useQuery({
    queryKey: ['/search', q],
    queryFn: () => api<PeopleHits>(`/search${qs({ q })}`),
    staleTime: 60_000,
  });
  const m = hits.data?.members.items ?? [];
  const r = hits.data?.representatives.items ?? [];
  if (!m.length && !r.length) return null;
  const links = (prefix: string, path: string, rows: { id: number; name: string }[]) =>
    rows.length > 0 && (
      <span>
        {prefix}
        {rows.map((x, i) => (
          <span key={x.id}>
            {i > 0 && '、'}
            <Link to={`/${path}/${x.id}`}>{x.name}</Link>
          </span>
        ))}
      </span>
    );
  return (
    <Flex wrap gap={16} style={{ marginBlockEnd: 12 }} data-testid="op-people-hits">
      {links(t('op.people.members'), 'members', m)}
      {links(t('op.people.representatives'), 'representatives', r)}
    </Flex>
  );
}

/** The inbox; `dept` makes it the department handler's workspace (the server scopes the list either way). */
export function InboxPage({ dept = false }: { dept?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { has } = useAuth();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const urlQuery = useMemo(() => writeFilters(filters), [filters]);
  // The desk asks for 待办 unless 全部 or a status is picked, overdue first (the workbench counts the same query).
  const query = useMemo(() => (dept ? deptDeskQuery(urlQuery) : urlQuery), [dept, urlQuery]);
  const [selected, setSelected] = useState<number[]>([]);
  const { tableProps, resetPage } = usePagedList<OpinionRow>('/opinions', query);
  const searchRef = useRef<InputRef>(null);
  const keys = useInboxKeys({
    rows: tableProps.dataSource,
    enabled: !isPhone,
    onOpen: (o) => navigate(`/opinions/${o.id}`),
    focusSearch: () => searchRef.current?.focus(),
  });
  const cursorId = tableProps.dataSource[keys.cursor]?.id;
  useEffect(() => {
    if (cursorId !== undefined)
      document.querySelector(`[data-testid="op-row"][data-id="${cursorId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursorId]);
  // Bulk triage is the office's (the server refuses anyone else); departments work item by item.
  const bulk = !dept && !isPhone && has('admin');
  const columns: ColumnsType<OpinionRow> = [
    // Departments never get tracking codes (the server sends null), so their workspace has no such column.
    ...(dept ? [] : [{ title: t('op.field.trackingCode'), dataIndex: 'trackingCode', width: 130 }]),
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
    setParams(writeFilters(v));
    setSelected([]);
    resetPage();
  };
  const extra = (
    <Space>
      {!dept && has('admin', 'info_officer', 'member') && (
        <Button type="primary" icon={<PlusOutlined />} data-testid="op-new" onClick={() => navigate('/opinions/new')}>
          {t('op.inbox.new')}
        </Button>
      )}
      {!isPhone && <KeysHelp open={keys.help} onOpenChange={keys.setHelp} />}
    </Space>
  );
  const deskView = filters.view === DESK_VIEW_ALL || filters.status ? 'all' : 'todo';
  const onDeskView = (v: string) =>
    onFilters(v === 'all' ? { ...filters, view: DESK_VIEW_ALL } : { ...filters, view: undefined, status: undefined });
  const pg = tableProps.pagination;
  return (
    <div>
      <PageHead
        title={t(dept ? 'op.dept.title' : 'nav.opinions')}
        sub={dept ? t('op.dept.hint') : t('op.inbox.items', { total: pg.total })}
        extra={extra}
      />
      {!dept && <SavedViews query={query} onApply={(q) => onFilters(readFilters(new URLSearchParams(q)))} />}
      {dept && (
        <Segmented
          value={deskView}
          onChange={(v) => onDeskView(String(v))}
          options={[
            { value: 'todo', label: t('wb.desk.todo') },
            { value: 'all', label: t('wb.desk.all') },
          ]}
          style={{ marginBlockEnd: 12 }}
          data-testid="op-desk-view"
        />
      )}
      <InboxFilterBar
        value={filters}
        onChange={onFilters}
        searchRef={searchRef}
        keep={dept && filters.view ? { view: filters.view } : {}}
      />
      {!dept && filters.q && filters.q.length <= 100 && <PeopleLine q={filters.q} />}
      {bulk && <BulkBar ids={selected} onClear={() => setSelected([])} />}
      {isPhone ? (
        <CardList tableProps={tableProps} testId="op-table" renderCard={(o) => <OpinionCard key={o.id} o={o} />} />
      ) : (
        <Table<OpinionRow>
          data-testid="op-table"
          size="middle"
          columns={columns}
          {...tableProps}
          rowSelection={
            bulk
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (k) => setSelected(k as number[]),
                }
              : undefined
          }
          onRow={(o) =>
            ({
              'data-testid': 'op-row',
              'data-id': o.id,
              'aria-selected': o.id === cursorId ? true : undefined,
              style:
                o.id === cursorId
                  ? { background: 'var(--ant-color-primary-bg, #e6f4ff)', outline: '2px solid #1677ff' }
                  : o.overdue
                    ? { background: 'var(--ant-color-error-bg, #fff1f0)' }
                    : undefined,
            }) as any
          }
          scroll={{ x: 960 }}
        />
      )}
    </div>
  );
}
