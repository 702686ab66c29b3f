// /bulletins: the searchable archive for staff and leaders; /bulletins/mine: the issues crediting the signed-in member.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../auth';
import { CardList } from '../../components/card-list';
import { usePagedList } from '../../components/use-page';
import { PageHead } from '../office/components/page-head';
import { BulletinStatusTag, IssueNo, OutcomeTags } from './bits';
import type { BulletinRow } from './types';

const YEARS = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i);

/** The archive; `mine` lists only the member's credited issues (read-only). Filters live in the URL (workbench links). */
export function BulletinListPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { has } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const year = Number(params.get('year')) || undefined;
  const status = params.get('status') ?? undefined;
  const level = params.get('level') ?? undefined;
  const instructed = params.get('instructed') ?? undefined;
  const filters = useMemo(
    () => ({ q: q || undefined, year, status, level, instructed, mine: mine ? 1 : undefined }),
    [q, year, status, level, instructed, mine],
  );
  const { tableProps, resetPage } = usePagedList<BulletinRow>('/bulletins', filters);
  const set = (key: string) => (v: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined || v === null || v === '') next.delete(key);
    else next.set(key, String(v));
    setParams(next, { replace: true });
    resetPage();
  };
  const isPhone = !Grid.useBreakpoint().md;
  const columns: ColumnsType<BulletinRow> = [
    { title: t('bl.field.number'), key: 'no', width: 140, render: (_, r) => <IssueNo row={r} /> },
    {
      title: t('bl.field.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (v, r) => <Link to={`/bulletins/${r.id}`}>{v}</Link>,
    },
    { title: t('bl.field.category'), dataIndex: 'categoryName', width: 120 },
    { title: t('bl.field.status'), dataIndex: 'status', width: 100, render: (s) => <BulletinStatusTag status={s} /> },
    { title: t('bl.field.issueDate'), dataIndex: 'issueDate', width: 110 },
    { title: t('bl.field.outcomes'), key: 'out', width: 220, render: (_, r) => <OutcomeTags row={r} /> },
  ];
  const extra = !mine && has('admin') && (
    <Button type="primary" icon={<PlusOutlined />} data-testid="bl-new" onClick={() => navigate('/bulletins/new')}>
      {t('bl.list.new')}
    </Button>
  );
  return (
    <div>
      <PageHead
        title={t(mine ? 'bl.list.mine' : 'bl.list.title')}
        sub={t('bl.list.total', { total: tableProps.pagination.total })}
        extra={extra}
      />
      <Flex wrap gap={8} style={{ marginBlockEnd: 12 }}>
        <Input.Search
          allowClear
          data-testid="bl-search"
          placeholder={t('bl.list.search')}
          style={{ inlineSize: 240 }}
          defaultValue={q}
          onSearch={set('q')}
        />
        <Select
          allowClear
          placeholder={t('bl.list.anyYear')}
          style={{ inlineSize: 120 }}
          value={year}
          onChange={set('year')}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        />
        {!mine && (
          <Select
            allowClear
            placeholder={t('bl.list.anyStatus')}
            style={{ inlineSize: 130 }}
            value={status}
            onChange={set('status')}
            options={['draft', 'submitted', 'signed_off', 'issued'].map((s) => ({
              value: s,
              label: t(`bl.status.${s}`),
            }))}
          />
        )}
        <Select
          allowClear
          placeholder={t('bl.list.anyLevel')}
          style={{ inlineSize: 150 }}
          value={level}
          onChange={set('level')}
          options={['county', 'city', 'province', 'national'].map((s) => ({ value: s, label: t(`bl.level.${s}`) }))}
        />
        {instructed && (
          <Tag closable color="blue" data-testid="bl-filter-instructed" onClose={() => set('instructed')(undefined)}>
            {t('wb.filter.instructed')}:{' '}
            {t(instructed === 'false' ? 'wb.filter.instructedNo' : 'wb.filter.instructedYes')}
          </Tag>
        )}
      </Flex>
      {isPhone ? (
        <CardList
          tableProps={tableProps}
          testId="bl-cards"
          renderCard={(r: BulletinRow) => (
            <Card key={r.id} size="small" style={{ marginBlockEnd: 8 }} data-testid="bl-row" data-id={r.id}>
              <Flex justify="space-between" gap={8}>
                <IssueNo row={r} />
                <BulletinStatusTag status={r.status} />
              </Flex>
              <Link to={`/bulletins/${r.id}`}>{r.title}</Link>
              <Flex wrap gap={4} style={{ marginBlockStart: 4 }}>
                <Typography.Text type="secondary">{r.issueDate}</Typography.Text>
                <OutcomeTags row={r} />
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<BulletinRow>
          data-testid="bl-table"
          size="middle"
          columns={columns}
          {...tableProps}
          onRow={(r) => ({ 'data-testid': 'bl-row', 'data-id': r.id }) as any}
          scroll={{ x: 860 }}
        />
      )}
    </div>
  );
}
