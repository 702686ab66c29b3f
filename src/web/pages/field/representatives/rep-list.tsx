// 群众代表: the representatives the user may see (members: their own), searchable by name, pinyin initials or phone.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Grid, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EDUCATION, GENDER, labelOf, POLITICAL_STATUS } from '../../../../core/code-tables';
import { api } from '../../../api';
import { useAuth } from '../../../auth';
import { MemberSelect } from '../../../components/member-select';
import { usePagedList } from '../../../components/use-page';
import { VillageSelect } from '../../../components/village-select';
import type { Representative } from '../types';

/** Departments for filters and the form (乡机关部门), labelled with their township. */
export function useDepartments() {
  return useQuery({
    queryKey: ['/departments'],
    queryFn: () => api<{ items: Array<{ id: number; name: string; townshipName: string | null }> }>('/departments'),
    staleTime: 300_000,
    select: (d) => d.items.map((x) => ({ value: x.id, label: [x.townshipName, x.name].filter(Boolean).join(' / ') })),
  });
}

/** Where the representative belongs: village (with township) or department. */
export const belongsTo = (r: Representative) =>
  r.regionName ? [r.townshipName, r.regionName].filter(Boolean).join(' / ') : (r.departmentName ?? '—');

/** The list page. */
export function RepresentativeListPage() {
  const { t } = useTranslation();
  const { has } = useAuth();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const depts = useDepartments();
  const [filters, setFilters] = useState<{ q?: string; regionId?: number; departmentId?: number; memberId?: number }>(
    {},
  );
  const { tableProps, resetPage } = usePagedList<Representative>('/representatives', filters);
  const set = (p: Partial<typeof filters>) => {
    setFilters({ ...filters, ...p });
    resetPage();
  };
  const w = isPhone ? '100%' : 180;
  const columns = [
    {
      title: t('field.rep.name'),
      dataIndex: 'name',
      render: (s: string, r: Representative) => <Link to={`/representatives/${r.id}`}>{s}</Link>,
    },
    { title: t('field.rep.gender'), dataIndex: 'gender', width: 64, render: (g: string) => labelOf(GENDER, g) },
    { title: t('field.rep.age'), dataIndex: 'age', width: 64, render: (v: number | null) => v ?? '—' },
    {
      title: t('field.rep.education'),
      dataIndex: 'education',
      responsive: ['xl' as const],
      render: (v: string) => (v ? labelOf(EDUCATION, v) : '—'),
    },
    {
      title: t('field.rep.workUnitPost'),
      key: 'wp',
      render: (_: unknown, r: Representative) => [r.workUnit, r.post].filter(Boolean).join(' ') || '—',
    },
    {
      title: t('field.rep.politicalStatus'),
      dataIndex: 'politicalStatus',
      responsive: ['lg' as const],
      render: (v: string) => labelOf(POLITICAL_STATUS, v),
    },
    {
      title: t('field.rep.phone'),
      dataIndex: 'phone',
      render: (p: string, r: Representative) => <span data-masked={r.masked}>{p}</span>,
    },
    { title: t('field.rep.belongsTo'), key: 'belongs', render: (_: unknown, r: Representative) => belongsTo(r) },
    {
      title: t('field.rep.members'),
      dataIndex: 'memberNames',
      render: (s: string) => s || <Tag color="warning">{t('field.rep.unlinked')}</Tag>,
    },
  ];
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', marginBlockEnd: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('nav.representatives')}
        </Typography.Title>
        {has('member', 'group_leader', 'admin') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/representatives/new')}
            data-testid="rep-new"
          >
            {t('field.rep.new')}
          </Button>
        )}
      </div>
      <Space
        wrap
        style={{ marginBlockEnd: 12, width: isPhone ? '100%' : undefined }}
        orientation={isPhone ? 'vertical' : 'horizontal'}
      >
        <Input.Search
          allowClear
          placeholder={t('field.rep.searchPlaceholder')}
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: isPhone ? '100%' : 260 }}
          data-testid="rep-search"
        />
        <VillageSelect
          placeholder={t('field.rep.village')}
          value={filters.regionId}
          onChange={(regionId) => set({ regionId })}
          style={{ width: w }}
          data-testid="rep-filter-village"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('field.rep.department')}
          options={depts.data}
          value={filters.departmentId}
          onChange={(departmentId) => set({ departmentId })}
          style={{ width: w }}
          data-testid="rep-filter-department"
        />
        {has('admin', 'leader', 'group_leader', 'info_officer') && (
          <MemberSelect
            placeholder={t('field.activity.member')}
            value={filters.memberId}
            onChange={(memberId) => set({ memberId })}
            style={{ width: w }}
            data-testid="rep-filter-member"
          />
        )}
      </Space>
      {isPhone ? (
        <List
          data-testid="rep-list"
          loading={tableProps.loading}
          dataSource={tableProps.dataSource}
          pagination={{ ...tableProps.pagination, showSizeChanger: false, size: 'small' }}
          renderItem={(r) => (
            <Link to={`/representatives/${r.id}`} key={r.id} data-testid="rep-card">
              <Card size="small" style={{ marginBlockEnd: 8 }}>
                <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                  <strong>{r.name}</strong>
                  <span>{r.phone}</span>
                </Space>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {[
                    labelOf(GENDER, r.gender),
                    r.age ? t('field.rep.ageN', { age: r.age }) : '',
                    r.post || r.workUnit,
                    belongsTo(r),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Card>
            </Link>
          )}
        />
      ) : (
        <Table<Representative>
          {...tableProps}
          columns={columns}
          size="middle"
          data-testid="rep-table"
          pagination={{ ...tableProps.pagination, showTotal: (total) => t('table.total', { total }) }}
        />
      )}
    </div>
  );
}
