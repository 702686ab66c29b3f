// /opinions/mine (我的社情民意): a member's own items with status, the answer once fed back, the representatives to
// relay it to (with phones), the relay record and the member's rating.
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, List, Pagination, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../../api';
import { PageHead } from '../office/components/page-head';
import { fmtTime, StatusTag } from './bits';
import { RateForm } from './rate-form';
import { RelayButton, type RelayTargetRow } from './relay-form';

/** One row of GET /opinions/mine. */
interface MineRow {
  id: number;
  trackingCode: string;
  title: string;
  status: string;
  regionName: string | null;
  categoryName: string | null;
  receivedAt: string;
  feedbackSentAt: string | null;
  publicReply: string | null;
  relayedAt: string | null;
  myRating: { rating: string; comment: string; at: string } | null;
  canRate: boolean;
  canRelay: boolean;
  representatives: RelayTargetRow[];
}

const PAGE_SIZE = 10;

/** The member's list, newest first, one card per item. */
export function MyOpinionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['opinions-mine', page],
    queryFn: () => api<{ items: MineRow[]; total: number }>(`/opinions/mine${qs({ page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <div data-testid="mine-page">
      <PageHead
        title={t('mine.title')}
        sub={t('mine.hint')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => navigate('/opinions/new')}>
            {t('mine.new')}
          </Button>
        }
      />
      {q.isLoading && <Spin />}
      {q.isError && <Alert type="error" message={t('msg.loadFailed')} />}
      {q.data && q.data.items.length === 0 && <Empty description={t('mine.empty')} />}
      <List
        dataSource={q.data?.items ?? []}
        split={false}
        renderItem={(row) => (
          <List.Item style={{ paddingBlock: 6 }}>
            <MineCard row={row} />
          </List.Item>
        )}
      />
      {(q.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={q.data?.total ?? 0}
          onChange={setPage}
          style={{ marginBlockStart: 12 }}
        />
      )}
    </div>
  );
}

function MineCard({ row }: { row: MineRow }) {
  const { t } = useTranslation();
  const sent = row.publicReply !== null;
  return (
    <Card
      size="small"
      style={{ inlineSize: '100%' }}
      data-testid="mine-item"
      data-id={row.id}
      data-status={row.status}
      title={
        <Space wrap size={6}>
          <Link to={`/opinions/${row.id}`} style={{ whiteSpace: 'normal' }}>
            {row.title}
          </Link>
          <StatusTag status={row.status} />
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('op.field.trackingCode')}>{row.trackingCode}</Descriptions.Item>
        <Descriptions.Item label={t('mine.receivedAt')}>{fmtTime(row.receivedAt)}</Descriptions.Item>
        {row.regionName && <Descriptions.Item label={t('op.field.region')}>{row.regionName}</Descriptions.Item>}
        {row.feedbackSentAt && (
          <Descriptions.Item label={t('mine.feedbackAt')}>{fmtTime(row.feedbackSentAt)}</Descriptions.Item>
        )}
      </Descriptions>
      {!sent && <Typography.Text type="secondary">{t('mine.waiting')}</Typography.Text>}
      {sent && (
        <>
          <Typography.Title level={5} style={{ marginBlock: 8 }}>
            {t('mine.reply')}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="mine-reply">
            {row.publicReply}
          </Typography.Paragraph>
          <RelaySection row={row} />
          <RatingSection row={row} />
        </>
      )}
    </Card>
  );
}

function RelaySection({ row }: { row: MineRow }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBlockEnd: 12 }}>
      <Flex wrap gap={8} align="center" style={{ marginBlockEnd: 6 }}>
        <Typography.Text strong>
          {row.representatives.length ? t('mine.representatives') : t('mine.noRepresentatives')}
        </Typography.Text>
        {row.relayedAt ? (
          <Tag color="green" data-testid="mine-relayed">
            {t('mine.relayedAt', { time: fmtTime(row.relayedAt) })}
          </Tag>
        ) : (
          <Tag>{t('mine.notRelayed')}</Tag>
        )}
        <span style={{ flex: 1 }} />
        {row.canRelay && <RelayButton opinionId={row.id} targets={row.representatives} />}
      </Flex>
      {row.representatives.map((r) => (
        <Flex key={r.id} wrap gap={8} align="center" style={{ paddingBlock: 2 }} data-testid="mine-rep">
          <Typography.Text>{r.name}</Typography.Text>
          <a href={`tel:${r.phone}`}>
            <PhoneOutlined /> {r.phone}
          </a>
          <Tag>{t(`mine.source.${r.source}`)}</Tag>
          {r.relayedAt && <Tag color="green">{t('mine.relayedAt', { time: fmtTime(r.relayedAt) })}</Tag>}
        </Flex>
      ))}
    </div>
  );
}

function RatingSection({ row }: { row: MineRow }) {
  const { t } = useTranslation();
  if (row.myRating)
    return (
      <div data-testid="mine-my-rating">
        <Typography.Text type="secondary">{t('mine.myRating')}：</Typography.Text>
        <Tag color={row.myRating.rating === 'unsatisfied' ? 'red' : 'gold'}>
          {t(`op.rating.${row.myRating.rating}`)}
        </Tag>
        {row.myRating.comment && (
          <Typography.Text style={{ wordBreak: 'break-word' }}>{row.myRating.comment}</Typography.Text>
        )}
        <Typography.Text type="secondary"> · {fmtTime(row.myRating.at)}</Typography.Text>
        {row.canRate && <RateForm opinionId={row.id} />}
      </div>
    );
  return row.canRate ? <RateForm opinionId={row.id} /> : null;
}
