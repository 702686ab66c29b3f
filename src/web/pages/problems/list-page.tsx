// /problems: the 民生问题 of a year and area with their progress and how many people raised them; a table on desktop,
// cards on phones.
import { BulbOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Grid, List, Row, Select, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, qs } from '../../api';
import { PageHead } from '../office/components/page-head';
import { ProblemProgress, ProblemStatusTag, useProblemAbilities, useTownshipOptions, yearOptions } from './bits';
import { PROBLEM_STATUSES, type ProblemRow } from './types';

/** Filters live in the URL (?year=&region=&status=), so a list can be shared and the back button keeps them. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const year = params.has('year') ? num('year') : new Date().getFullYear();
  const filters = { year, regionId: num('region'), status: params.get('status') ?? undefined };
  const set = (k: string, v: unknown) => {
    const next = new URLSearchParams(params);
    next.set(k, v === undefined || v === null ? '' : String(v));
    if (k !== 'year' && (v === undefined || v === null)) next.delete(k);
    setParams(next, { replace: true });
  };
  return { filters, set };
}

/** The problem list page. */
export function ProblemListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const can = useProblemAbilities();
  const townships = useTownshipOptions();
  const { filters, set } = useFilters();
  const list = useQuery({
    queryKey: ['/problems', filters],
    queryFn: () => api<{ items: ProblemRow[] }>(`/problems${qs(filters)}`),
  });
  const rows = list.data?.items ?? [];
  const w = isPhone ? '100%' : 160;
  const columns = [
    {
      title: t('prb.field.title'),
      dataIndex: 'title',
      render: (s: string, p: ProblemRow) => (
        <Link to={`/problems/${p.id}`} data-testid="prb-link">
          {s}
        </Link>
      ),
    },
    { title: t('prb.field.region'), dataIndex: 'regionName', width: 120 },
    { title: t('prb.field.year'), dataIndex: 'year', width: 70 },
    {
      title: t('prb.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: string) => <ProblemStatusTag status={s} />,
    },
    {
      title: t('prb.field.progress'),
      key: 'progress',
      width: 170,
      render: (_: unknown, p: ProblemRow) => <ProblemProgress row={p} size="small" />,
    },
    { title: t('prb.field.people'), dataIndex: 'peopleCount', width: 80, align: 'end' as const },
    { title: t('prb.field.items'), dataIndex: 'itemCount', width: 80, align: 'end' as const },
    { title: t('prb.field.lead'), dataIndex: 'leadDepartmentName', render: (s: string | null) => s || '—' },
    {
      title: t('prb.field.updatedAt'),
      dataIndex: 'updatedAt',
      width: 110,
      render: (s: string) => dayjs(s).format('YYYY-MM-DD'),
    },
  ];
  const solved = rows.filter((r) => r.status === 'solved' || r.status === 'partly_solved').length;
  return (
    <div data-testid="prb-list-page">
      <PageHead
        title={t('prb.title')}
        extra={
          can.manage && (
            <Flex wrap gap={8}>
              <Button
                icon={<BulbOutlined />}
                onClick={() => navigate('/problems/suggestions')}
                data-testid="prb-suggest"
              >
                {t('prb.suggest.open')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/problems/new')}
                data-testid="prb-new"
              >
                {t('prb.new')}
              </Button>
            </Flex>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBlockEnd: 12 }}>
        <Select
          aria-label={t('prb.field.year')}
          placeholder={t('prb.filter.anyYear')}
          allowClear
          style={{ width: isPhone ? '100%' : 110 }}
          value={filters.year}
          options={yearOptions()}
          onChange={(v) => set('year', v)}
          data-testid="prb-filter-year"
        />
        <Select
          aria-label={t('prb.field.region')}
          placeholder={t('prb.filter.anyRegion')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: w }}
          value={filters.regionId}
          options={townships.data ?? []}
          onChange={(v) => set('region', v)}
          data-testid="prb-filter-region"
        />
        <Select
          aria-label={t('prb.field.status')}
          placeholder={t('prb.filter.anyStatus')}
          allowClear
          style={{ width: w }}
          value={filters.status}
          options={PROBLEM_STATUSES.map((s) => ({ value: s, label: t(`prb.status.${s}`) }))}
          onChange={(v) => set('status', v)}
          data-testid="prb-filter-status"
        />
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBlockEnd: 12 }}>
        <Col xs={8} md={6}>
          <Card size="small">
            <Statistic title={t('prb.count.problems')} value={rows.length} data-testid="prb-count" />
          </Card>
        </Col>
        <Col xs={8} md={6}>
          <Card size="small">
            <Statistic title={t('prb.count.solved')} value={solved} />
          </Card>
        </Col>
        <Col xs={8} md={6}>
          <Card size="small">
            <Statistic title={t('prb.count.people')} value={rows.reduce((n, r) => n + r.peopleCount, 0)} />
          </Card>
        </Col>
      </Row>
      {isPhone ? (
        <List
          data-testid="prb-cards"
          loading={list.isLoading}
          dataSource={rows}
          locale={{ emptyText: t('prb.empty') }}
          renderItem={(p) => (
            <Link to={`/problems/${p.id}`} key={p.id} data-testid="prb-card">
              <Card size="small" style={{ marginBlockEnd: 8 }}>
                <Flex justify="space-between" gap={8} align="start">
                  <strong>{p.title}</strong>
                  <ProblemStatusTag status={p.status} />
                </Flex>
                <ProblemProgress row={p} size="small" />
                <Typography.Text type="secondary">
                  {[
                    p.regionName,
                    String(p.year),
                    t('prb.peopleN', { count: p.peopleCount }),
                    t('prb.itemsN', { count: p.itemCount }),
                    p.leadDepartmentName,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Card>
            </Link>
          )}
        />
      ) : (
        <Table<ProblemRow>
          rowKey="id"
          dataSource={rows}
          loading={list.isLoading}
          columns={columns}
          size="middle"
          data-testid="prb-table"
          locale={{ emptyText: t('prb.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('table.total', { total }) }}
          onRow={(p) => ({ onClick: () => navigate(`/problems/${p.id}`), style: { cursor: 'pointer' } })}
        />
      )}
      {list.isError && <Typography.Text type="danger">{t('msg.loadFailed')}</Typography.Text>}
    </div>
  );
}
