// 联系活动: every record card in the user's scope; a table on desktop, cards on phones.
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../auth';
import { usePagedList } from '../../../components/use-page';
import { codeLabel } from '../lookups';
import { PendingList } from '../record/pending-list';
import type { Activity } from '../types';
import { names, StatusTag } from './activity-bits';
import { ActivityFilters, type ActivityFilterValues } from './activity-filters';

/** The activity list page. */
export function ActivityListPage() {
  const { t } = useTranslation();
  const { has } = useAuth();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useState<ActivityFilterValues>({});
  const { tableProps, resetPage, query } = usePagedList<Activity>('/activities', filters);
  const change = (f: ActivityFilterValues) => {
    setFilters(f);
    resetPage();
  };
  const village = (a: Activity) =>
    a.regionName ? [a.townshipName, a.regionName].filter(Boolean).join(' / ') : a.location || '—';
  const columns = [
    { title: t('field.record.date'), dataIndex: 'date', width: 110 },
    { title: t('field.record.village'), key: 'village', render: (_: unknown, a: Activity) => village(a) },
    { title: t('field.activity.members'), key: 'members', render: (_: unknown, a: Activity) => names(a.members, t) },
    {
      title: t('field.record.contacts'),
      key: 'contacts',
      render: (_: unknown, a: Activity) => names(a.contacts, t) || '—',
    },
    {
      title: t('field.record.methods'),
      key: 'methods',
      render: (_: unknown, a: Activity) => a.methods.map((m) => <Tag key={m}>{codeLabel(t, 'method', m)}</Tag>),
    },
    {
      title: t('field.record.opinions'),
      dataIndex: 'opinions',
      ellipsis: true,
      render: (s: string, a: Activity) => (
        <span>
          {a.attachmentCount > 0 && <PaperClipOutlined style={{ marginInlineEnd: 4 }} />}
          {s || '—'}
        </span>
      ),
    },
    {
      title: t('field.activity.status'),
      dataIndex: 'handlingStatus',
      width: 110,
      render: (s: string) => <StatusTag code={s} />,
    },
  ];
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', marginBlockEnd: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('nav.activities')}
        </Typography.Title>
        {has('member', 'group_leader', 'admin') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/record')} data-testid="activity-new">
            {t('nav.record')}
          </Button>
        )}
      </div>
      <PendingList />
      <ActivityFilters value={filters} onChange={change} />
      {isPhone ? (
        <List
          data-testid="activity-list"
          loading={tableProps.loading}
          dataSource={tableProps.dataSource}
          pagination={{ ...tableProps.pagination, showSizeChanger: false, size: 'small' }}
          renderItem={(a) => (
            <Link to={`/activities/${a.id}`} key={a.id} data-testid="activity-card">
              <Card size="small" style={{ marginBlockEnd: 8 }}>
                <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                  <strong>{a.date}</strong>
                  <StatusTag code={a.handlingStatus} />
                </Space>
                <div>{village(a)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    names(a.members, t),
                    names(a.contacts, t),
                    a.methods.map((m) => codeLabel(t, 'method', m)).join(t('field.sep')),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
                {a.opinions && (
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                    {a.opinions}
                  </Typography.Paragraph>
                )}
              </Card>
            </Link>
          )}
        />
      ) : (
        <Table<Activity>
          {...tableProps}
          columns={columns}
          size="middle"
          data-testid="activity-table"
          onRow={(a) => ({ onClick: () => navigate(`/activities/${a.id}`), style: { cursor: 'pointer' } })}
          pagination={{ ...tableProps.pagination, showTotal: (total) => t('table.total', { total }) }}
        />
      )}
      {query.isError && <Typography.Text type="danger">{t('msg.loadFailed')}</Typography.Text>}
    </div>
  );
}
