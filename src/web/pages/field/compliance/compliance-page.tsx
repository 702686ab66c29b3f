// 履职达标: the live quota check for the user's scope: summary cards and chart, then every row with its shortfalls.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Grid,
  Input,
  List,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { currentYear, useGroups } from '../lookups';
import { ComplianceChart, ShortfallList } from './shortfalls';
import type { ComplianceKind, ComplianceResponse, ComplianceRow } from './types';

const KINDS: ComplianceKind[] = ['group', 'member', 'village', 'department'];

/** The compliance page; filters live in the URL so "去处理" links from groups open the right list. */
export function CompliancePage() {
  const { t } = useTranslation();
  const { has } = useAuth();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const groups = useGroups();
  const { year: thisYear } = currentYear();
  const f = {
    kind: (params.get('kind') as ComplianceKind | null) ?? undefined,
    groupId: Number(params.get('groupId')) || undefined,
    year: Number(params.get('year')) || thisYear,
    onlyProblems: params.get('onlyProblems') !== 'false',
    q: params.get('q') ?? undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const set = (p: Record<string, string | number | boolean | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries({ page: undefined, ...p }))
      v === undefined || v === '' ? next.delete(k) : next.set(k, String(v));
    setParams(next, { replace: true });
  };
  const query = useQuery({
    queryKey: ['/compliance', f],
    queryFn: () => api<ComplianceResponse>(`/compliance${qs({ ...f, onlyProblems: String(f.onlyProblems) })}`),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const kinds = KINDS.filter((k) => (data?.summary.byKind[k]?.total ?? 0) > 0);
  const where = (r: ComplianceRow) =>
    [r.groupName, r.townshipName].filter((x, i, a) => x && x !== r.name && a.indexOf(x) === i).join(' · ');
  const empty = { emptyText: f.onlyProblems && data ? t('field.compliance.noProblems') : undefined };
  const columns = [
    {
      title: t('field.compliance.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (k: string) => <Tag>{t(`field.compliance.kinds.${k}`)}</Tag>,
    },
    {
      title: t('field.compliance.name'),
      dataIndex: 'name',
      render: (n: string, r: ComplianceRow) => <Link to={r.fixUrl}>{n}</Link>,
    },
    { title: t('field.compliance.where'), key: 'where', render: (_: unknown, r: ComplianceRow) => where(r) || '—' },
    {
      title: t('field.compliance.shortfalls'),
      key: 'sf',
      render: (_: unknown, r: ComplianceRow) => <ShortfallList items={r.shortfalls} />,
    },
  ];
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({
    value: y,
    label: t('field.compliance.year', { year: y }),
  }));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.compliance')}
      </Typography.Title>
      <Space wrap>
        {kinds.length > 1 && (
          <Segmented
            value={f.kind ?? 'all'}
            onChange={(v) => set({ kind: v === 'all' ? undefined : (v as string) })}
            options={[
              { value: 'all', label: t('field.compliance.all') },
              ...kinds.map((k) => ({ value: k, label: t(`field.compliance.kinds.${k}`) })),
            ]}
            data-testid="compliance-kind"
          />
        )}
        {has('admin', 'leader') && (
          <Select
            allowClear
            placeholder={t('field.compliance.group')}
            options={groups.data}
            value={f.groupId}
            onChange={(g) => set({ groupId: g })}
            style={{ width: 180 }}
            data-testid="compliance-group"
          />
        )}
        <Select
          options={years}
          value={f.year}
          onChange={(y) => set({ year: y === thisYear ? undefined : y })}
          style={{ width: 120 }}
          data-testid="compliance-year"
        />
        <Space>
          <Switch
            checked={f.onlyProblems}
            onChange={(v) => set({ onlyProblems: v ? undefined : false })}
            data-testid="compliance-only-problems"
          />
          {t('field.compliance.onlyProblems')}
        </Space>
        <Input.Search
          allowClear
          defaultValue={f.q}
          placeholder={t('field.compliance.search')}
          onSearch={(q) => set({ q })}
          style={{ width: 200 }}
        />
      </Space>
      {data && (
        <Row gutter={[16, 16]}>
          {kinds.map((k) => (
            <Col key={k} xs={12} md={6}>
              <Card size="small" data-testid={`compliance-count-${k}`}>
                <Statistic
                  title={t(`field.compliance.kinds.${k}`)}
                  value={data.summary.byKind[k].compliant}
                  suffix={`/ ${data.summary.byKind[k].total}`}
                  styles={{ content: { color: data.summary.byKind[k].nonCompliant ? '#cf1322' : '#389e0d' } }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('field.compliance.compliantOf')}
                </Typography.Text>
              </Card>
            </Col>
          ))}
          <Col span={24}>
            <Card size="small" title={t('field.compliance.chartTitle', { year: data.year })}>
              <ComplianceChart summary={data.summary} />
            </Card>
          </Col>
        </Row>
      )}
      {isPhone ? (
        <List
          loading={query.isFetching}
          dataSource={data?.items ?? []}
          data-testid="compliance-list"
          locale={empty}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: data?.total ?? 0,
            size: 'small',
            onChange: (page) => set({ page }),
          }}
          renderItem={(r) => (
            <Card size="small" style={{ marginBlockEnd: 8 }} key={`${r.kind}-${r.id}`}>
              <Space style={{ marginBlockEnd: 4 }}>
                <Tag>{t(`field.compliance.kinds.${r.kind}`)}</Tag>
                <Link to={r.fixUrl}>{r.name}</Link>
                <Typography.Text type="secondary">{where(r)}</Typography.Text>
              </Space>
              <ShortfallList items={r.shortfalls} />
            </Card>
          )}
        />
      ) : (
        <Table<ComplianceRow>
          rowKey={(r) => `${r.kind}-${r.id}`}
          loading={query.isFetching}
          dataSource={data?.items ?? []}
          columns={columns}
          size="middle"
          data-testid="compliance-table"
          locale={empty}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: data?.total ?? 0,
            showTotal: (total) => t('table.total', { total }),
            onChange: (page, pageSize) => set({ page, pageSize: pageSize === 20 ? undefined : pageSize }),
          }}
        />
      )}
    </div>
  );
}
