// A year's appeals for staff, leaders and group leaders, filtered by status from the URL (the workbench links to the
// pending ones); each names the member, whose page holds the decide form.
import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, qs } from '../../api';
import { fmtTime } from '../opinions/bits';
import type { Appeal } from './types';

const COLOR = { pending: 'gold', accepted: 'green', rejected: 'default' } as const;
const STATUSES = ['pending', 'accepted', 'rejected'] as const;

/** The appeals tab of the assessment page. */
export function AppealsTable({
  year,
  status,
  onStatus,
}: {
  year: number;
  status?: string;
  onStatus: (s: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['assessment-appeals', year, 'all', status ?? null],
    queryFn: () => api<{ items: Appeal[] }>(`/assessments/${year}/appeals${qs({ status })}`),
  });
  return (
    <Flex vertical gap={12}>
      <Select
        allowClear
        placeholder={t('wb.appeals.anyStatus')}
        value={status}
        onChange={onStatus}
        options={STATUSES.map((s) => ({ value: s, label: t(`asmt.appealStatus.${s}`) }))}
        style={{ inlineSize: 160 }}
        data-testid="asmt-appeal-status"
      />
      <Table<Appeal>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        onRow={(a) => ({ 'data-testid': 'asmt-appeal-row', 'data-id': a.id }) as any}
        columns={[
          {
            title: t('wb.appeals.member'),
            dataIndex: 'memberName',
            width: 120,
            render: (v, a) => <Link to={`/assessment/${year}/members/${a.memberId}`}>{v}</Link>,
          },
          { title: t('wb.appeals.rule'), dataIndex: 'ruleName', width: 140 },
          { title: t('wb.appeals.reason'), dataIndex: 'reason', ellipsis: true },
          {
            title: t('wb.appeals.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: Appeal['status']) => <Tag color={COLOR[s]}>{t(`asmt.appealStatus.${s}`)}</Tag>,
          },
          { title: t('wb.appeals.createdAt'), dataIndex: 'createdAt', width: 150, render: fmtTime },
          {
            title: '',
            key: 'go',
            width: 80,
            render: (_, a) =>
              a.abilities.canDecide && (
                <Link to={`/assessment/${year}/members/${a.memberId}`}>{t('wb.appeals.decide')}</Link>
              ),
          },
        ]}
      />
    </Flex>
  );
}
