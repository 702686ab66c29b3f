// The year's scores: filters (sector, group, below threshold), ranks, export, a link to each member's page.
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, downloadUrl, qs } from '../../api';
import type { ScoreRow, ScoresAnswer } from './types';

const uniq = (rows: ScoreRow[], id: (r: ScoreRow) => number | null, name: (r: ScoreRow) => string) =>
  [...new Map(rows.filter((r) => id(r) !== null).map((r) => [id(r)!, name(r)])).entries()].map(([value, label]) => ({
    value,
    label,
  }));

/** Scores of one year. */
export function ScoresTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const [sectorId, setSectorId] = useState<number>();
  const [groupId, setGroupId] = useState<number>();
  const [below, setBelow] = useState(false);
  const params = { sectorId, groupId, belowThreshold: below ? 'true' : undefined };
  const all = useQuery({
    queryKey: ['assessment-scores', year, {}],
    queryFn: () => api<ScoresAnswer>(`/assessments/${year}/scores`),
  });
  const q = useQuery({
    queryKey: ['assessment-scores', year, params],
    queryFn: () => api<ScoresAnswer>(`/assessments/${year}/scores${qs(params)}`),
    placeholderData: (prev) => prev,
  });
  const rows = all.data?.items ?? [];
  const sectors = useMemo(
    () =>
      uniq(
        rows,
        (r) => r.sectorId,
        (r) => r.sectorName,
      ),
    [rows],
  );
  const groups = useMemo(
    () =>
      uniq(
        rows,
        (r) => r.groupId,
        (r) => r.groupName,
      ),
    [rows],
  );
  const data = q.data;
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center">
        <Select
          allowClear
          placeholder={t('asmt.filter.sector')}
          options={sectors}
          value={sectorId}
          onChange={setSectorId}
          style={{ minWidth: 160 }}
          data-testid="asmt-filter-sector"
        />
        <Select
          allowClear
          placeholder={t('asmt.filter.group')}
          options={groups}
          value={groupId}
          onChange={setGroupId}
          style={{ minWidth: 160 }}
          data-testid="asmt-filter-group"
        />
        <Checkbox checked={below} onChange={(e) => setBelow(e.target.checked)} data-testid="asmt-filter-below">
          {t('asmt.filter.below')}
        </Checkbox>
        <Button
          icon={<DownloadOutlined />}
          href={downloadUrl(`/assessments/${year}/scores`, { ...params, format: 'xlsx' })}
          data-testid="asmt-export"
        >
          {t('asmt.export')}
        </Button>
      </Flex>
      {data ? (
        <Typography.Text type="secondary">
          {t('asmt.summary', { total: data.total, below: data.belowThreshold, threshold: data.year.talkThreshold })}
        </Typography.Text>
      ) : null}
      <Table<ScoreRow>
        rowKey="memberId"
        size="small"
        loading={q.isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('asmt.col.rank'), key: 'rank', width: 60, render: (_v, _r, i) => i + 1 },
          {
            title: t('asmt.col.name'),
            dataIndex: 'name',
            render: (v, r) => (
              <Link to={`/assessment/${year}/members/${r.memberId}`} data-testid={`asmt-member-${r.memberId}`}>
                {v}
              </Link>
            ),
          },
          { title: t('asmt.col.sector'), dataIndex: 'sectorName' },
          { title: t('asmt.col.group'), dataIndex: 'groupName' },
          ...(data?.rules ?? []).map((rule) => ({
            title: rule.name,
            key: `r${rule.id}`,
            align: 'end' as const,
            render: (_: unknown, r: ScoreRow) => r.lines.find((l) => l.ruleId === rule.id)?.points ?? 0,
          })),
          { title: t('asmt.col.total'), dataIndex: 'total', align: 'end', render: (v) => <strong>{v}</strong> },
          { title: t('asmt.col.rankInSector'), dataIndex: 'rankInSector', align: 'end' },
          { title: t('asmt.col.rankInGroup'), dataIndex: 'rankInGroup', align: 'end' },
          {
            title: t('asmt.col.talk'),
            dataIndex: 'belowThreshold',
            render: (v) => (v ? <Tag color="red">{t('asmt.member.belowThreshold')}</Tag> : null),
          },
        ]}
      />
    </Flex>
  );
}
