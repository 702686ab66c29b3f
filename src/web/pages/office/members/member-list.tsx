// /members: the member directory (委员名录) with search and filters; a table on desktop, cards on phones.
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DEFAULT_QUOTAS } from '../../../../core/quota-rules';
import { CardList } from '../../../components/card-list';
import { usePagedList } from '../../../components/use-page';
import { PageHead } from '../components/page-head';
import { useCanKeepRegistry } from '../components/registry-data';
import { MemberFilters, type MemberFilterValues } from './member-filters';
import { type MemberRow, unitAndPost } from './member-types';

/** Representative count, flagged when outside the 5–10 quota. */
export function RepsCount({ n }: { n: number }) {
  const ok = n >= DEFAULT_QUOTAS.repsPerMemberMin && n <= DEFAULT_QUOTAS.repsPerMemberMax;
  return ok ? <span>{n}</span> : <Tag color="warning">{n}</Tag>;
}

/** Village count, flagged when the member links none. */
export function VillagesCount({ n }: { n: number }) {
  return n >= DEFAULT_QUOTAS.villagesPerMemberMin ? <span>{n}</span> : <Tag color="error">{n}</Tag>;
}

/** The phone number a member published to the people they serve, or a dash. */
export function PublishedContact({ m }: { m: Pick<MemberRow, 'publishContact' | 'publicPhone'> }) {
  if (!m.publishContact || !m.publicPhone) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <a href={`tel:${m.publicPhone}`}>
      <PhoneOutlined /> {m.publicPhone}
    </a>
  );
}

function MemberCard({ m }: { m: MemberRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      data-testid="member-card"
      style={{ marginBlockEnd: 8, cursor: 'pointer' }}
      onClick={() => navigate(`/members/${m.id}`)}
    >
      <Flex justify="space-between" align="baseline" gap={8}>
        <Link to={`/members/${m.id}`} style={{ fontSize: 16, fontWeight: 600 }}>
          {m.name}
        </Link>
        {m.isStandingCommittee && <Tag color="red">{t('office.member.standingShort')}</Tag>}
        <span style={{ flex: 1 }} />
        <Typography.Text type="secondary">{m.code}</Typography.Text>
      </Flex>
      <div>{[m.sectorName, m.groupName].filter(Boolean).join(' · ')}</div>
      <Typography.Text type="secondary">{unitAndPost(m)}</Typography.Text>
      <Flex gap={16} wrap style={{ marginBlockStart: 4 }}>
        <span>
          {t('office.member.repsCount')} <RepsCount n={m.representativeCount} />
        </span>
        <span>
          {t('office.member.villagesCount')} <VillagesCount n={m.villageCount} />
        </span>
        {m.publishContact && m.publicPhone && (
          <span onClick={(e) => e.stopPropagation()}>
            <PublishedContact m={m} />
          </span>
        )}
      </Flex>
    </Card>
  );
}

/** The directory page. */
export function MemberListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const canKeep = useCanKeepRegistry();
  const [params] = useSearchParams();
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const [filters, setFilters] = useState<MemberFilterValues>(() => ({
    groupId: num('groupId'),
    sectorId: num('sectorId'),
    villageId: num('villageId'),
  }));
  const { tableProps, resetPage } = usePagedList<MemberRow>('/members', { ...filters });
  const columns: ColumnsType<MemberRow> = [
    { title: t('office.member.code'), dataIndex: 'code', width: 90 },
    { title: t('office.member.name'), dataIndex: 'name', render: (v, m) => <Link to={`/members/${m.id}`}>{v}</Link> },
    { title: t('office.member.sector'), dataIndex: 'sectorName' },
    { title: t('office.member.group'), dataIndex: 'groupName' },
    { title: t('office.member.workUnitPost'), key: 'unit', render: (_, m) => unitAndPost(m), ellipsis: true },
    {
      title: t('office.member.standing'),
      dataIndex: 'isStandingCommittee',
      width: 70,
      render: (v) => (v ? <Tag color="red">{t('office.common.yes')}</Tag> : ''),
    },
    {
      title: t('office.member.repsCount'),
      dataIndex: 'representativeCount',
      width: 100,
      render: (n) => <RepsCount n={n} />,
    },
    {
      title: t('office.member.villagesCount'),
      dataIndex: 'villageCount',
      width: 100,
      render: (n) => <VillagesCount n={n} />,
    },
    {
      title: t('office.member.publishedContact'),
      key: 'contact',
      width: 140,
      render: (_, m) => <PublishedContact m={m} />,
    },
  ];
  const onFilters = (v: MemberFilterValues) => {
    setFilters(v);
    resetPage();
  };
  const extra = canKeep && (
    <Button type="primary" icon={<PlusOutlined />} data-testid="member-new" onClick={() => navigate('/members/new')}>
      {t('office.member.new')}
    </Button>
  );
  const pg = tableProps.pagination;
  return (
    <div>
      <PageHead title={t('nav.members')} sub={t('table.total', { total: pg.total })} extra={extra} />
      <MemberFilters value={filters} onChange={onFilters} />
      {isPhone ? (
        <CardList tableProps={tableProps} testId="member-cards" renderCard={(m) => <MemberCard key={m.id} m={m} />} />
      ) : (
        <div data-testid="member-table">
          <Table<MemberRow>
            {...tableProps}
            size="middle"
            columns={columns}
            scroll={{ x: 'max-content' }}
            onRow={(m) => ({ onDoubleClick: () => navigate(`/members/${m.id}`) })}
          />
        </div>
      )}
    </div>
  );
}
