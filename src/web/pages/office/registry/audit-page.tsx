// /registry/audit: the audit log searched by entity, actor, action and dates; rows expand to a before/after diff; xlsx export.
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../../api';
import { usePagedList } from '../../../components/use-page';
import { formatTimeSec } from '../components/format';
import { PageHead } from '../components/page-head';
import { auditActionLabel, auditEntityLabel } from './audit-labels';
import { JsonDiff } from './json-diff';

interface AuditRow {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string;
}

const actionColor: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  import: 'purple',
  login_failed: 'orange',
  change_password_failed: 'orange',
  login_throttled: 'volcano',
  password_change_throttled: 'volcano',
  account_locked: 'red',
};

/** The page. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const codes = useQuery({
    queryKey: ['/audit/codes'],
    queryFn: () => api<{ actions: string[]; entities: string[] }>('/audit/codes'),
    staleTime: 60_000,
  });
  const [draft, setDraft] = useState<{
    entity?: string;
    entityId?: string;
    actor?: string;
    action?: string;
    range?: [Dayjs, Dayjs] | null;
  }>({});
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const { tableProps, resetPage } = usePagedList<AuditRow>('/audit', filters, 50);
  const options = (list: string[] | undefined, word: (c: string) => string) =>
    (list ?? []).map((c) => ({ value: c, label: word(c) })).sort((x, y) => x.label.localeCompare(y.label, 'zh-CN'));
  const actionWord = (c: string) => auditActionLabel(t, c);
  const entityWord = (c: string) => auditEntityLabel(t, c);
  const apply = () => {
    setFilters({
      entity: draft.entity || undefined,
      entityId: draft.entityId?.trim() || undefined,
      actor: draft.actor?.trim() || undefined,
      action: draft.action,
      from: draft.range?.[0]?.format('YYYY-MM-DD'),
      to: draft.range?.[1]?.format('YYYY-MM-DD'),
    });
    resetPage();
  };
  const columns: ColumnsType<AuditRow> = [
    { title: t('office.audit.at'), dataIndex: 'at', width: 180, render: formatTimeSec },
    { title: t('office.audit.actor'), dataIndex: 'actorName' },
    {
      title: t('office.audit.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <Tag color={actionColor[v]} title={v}>
          {actionWord(v)}
        </Tag>
      ),
    },
    {
      title: t('office.audit.entity'),
      dataIndex: 'entity',
      render: (v: string) => <span title={v}>{entityWord(v)}</span>,
    },
    { title: t('office.audit.entityId'), dataIndex: 'entityId' },
    { title: t('office.audit.ip'), dataIndex: 'ip', responsive: ['lg'] },
  ];
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <div>
      <PageHead
        title={t('nav.audit')}
        sub={t('table.total', { total: tableProps.pagination.total })}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={downloadUrl('/audit', { ...filters, format: 'xlsx', lang: i18n.language === 'en' ? 'en' : 'zh' })}
            data-testid="audit-export"
          >
            {t('office.audit.export')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBlockEnd: 12 }}>
        <Flex gap={8} wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('office.audit.entity')}
            value={draft.entity}
            onChange={(entity) => set({ entity })}
            options={options(codes.data?.entities, entityWord)}
            loading={codes.isLoading}
            style={{ inlineSize: 180 }}
            data-testid="audit-entity"
          />
          <Input
            allowClear
            placeholder={t('office.audit.entityId')}
            value={draft.entityId}
            onChange={(e) => set({ entityId: e.target.value })}
            style={{ inlineSize: 110 }}
          />
          <Input
            allowClear
            placeholder={t('office.audit.actor')}
            value={draft.actor}
            onChange={(e) => set({ actor: e.target.value })}
            onPressEnter={apply}
            style={{ inlineSize: 160 }}
            data-testid="audit-actor"
          />
          <Select
            allowClear
            placeholder={t('office.audit.action')}
            value={draft.action}
            onChange={(action) => set({ action })}
            showSearch={{ optionFilterProp: 'label' }}
            options={options(codes.data?.actions, actionWord)}
            loading={codes.isLoading}
            style={{ inlineSize: 200 }}
            data-testid="audit-action"
          />
          <DatePicker.RangePicker
            value={draft.range ?? null}
            onChange={(range) => set({ range: range as [Dayjs, Dayjs] | null })}
            data-testid="audit-range"
          />
          <Button type="primary" onClick={apply} data-testid="audit-search">
            {t('action.search')}
          </Button>
        </Flex>
      </Card>
      <div data-testid="audit-table">
        <Table<AuditRow>
          {...tableProps}
          size="small"
          columns={columns}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (r) => <JsonDiff before={r.before} after={r.after} />,
            rowExpandable: (r) => r.before != null || r.after != null,
          }}
        />
      </div>
    </div>
  );
}
