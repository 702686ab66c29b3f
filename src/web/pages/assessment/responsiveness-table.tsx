// Responsiveness per member: items raised, share fed back to the people who raised them, share relayed, median days.
import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';

interface Row {
  memberId: number;
  name: string;
  groupName: string;
  items: number;
  fedBack: number;
  fedBackShare: number;
  relayed: number;
  relayedShare: number;
  medianDaysToFeedback: number | null;
}

/** The responsiveness table of a year. */
export function ResponsivenessTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['assessment-responsiveness', year],
    queryFn: () => api<{ items: Row[] }>(`/assessments/${year}/responsiveness`),
  });
  return (
    <Table<Row>
      rowKey="memberId"
      size="small"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      columns={[
        { title: t('asmt.col.name'), dataIndex: 'name' },
        { title: t('asmt.col.group'), dataIndex: 'groupName' },
        { title: t('asmt.col.items'), dataIndex: 'items', align: 'end', sorter: (a, b) => a.items - b.items },
        {
          title: t('asmt.col.fedBack'),
          dataIndex: 'fedBackShare',
          align: 'end',
          sorter: (a, b) => a.fedBackShare - b.fedBackShare,
          render: (v, r) => `${r.fedBack}（${v}%）`,
        },
        {
          title: t('asmt.col.relayed'),
          dataIndex: 'relayedShare',
          align: 'end',
          sorter: (a, b) => a.relayedShare - b.relayedShare,
          render: (v, r) => `${r.relayed}（${v}%）`,
        },
        {
          title: t('asmt.col.medianDays'),
          dataIndex: 'medianDaysToFeedback',
          align: 'end',
          sorter: (a, b) => (a.medianDaysToFeedback ?? 1e9) - (b.medianDaysToFeedback ?? 1e9),
          render: (v) => v ?? '—',
        },
      ]}
    />
  );
}
