// /public/opinions/:code: status steps, the public answer once sent, the history, and the rating form.
import { PaperClipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Result, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api';
import { formatTime, PublicLayout } from './public-layout';
import { RatingForm } from './rating-form';
import type { PublicView } from './types';

const STEPS = ['received', 'accepted', 'processing', 'answered', 'closed'] as const;
/** Where each stage sits on the steps, and whether it marks a problem there. */
const POSITION: Record<string, [number, 'process' | 'error' | 'finish']> = {
  received: [0, 'process'],
  accepted: [1, 'process'],
  not_accepted: [1, 'error'],
  processing: [2, 'process'],
  merged: [2, 'process'],
  reopened: [2, 'error'],
  answered: [3, 'process'],
  closed: [4, 'finish'],
};

/** The tracking page. */
export function TrackPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ['pub-track', code];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<PublicView>(`/public/opinions/${encodeURIComponent(code)}`),
    retry: false,
  });
  if (q.isLoading)
    return (
      <PublicLayout>
        <Spin style={{ display: 'block', marginBlock: 48 }} />
      </PublicLayout>
    );
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return (
      <PublicLayout>
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('pub.track.notFound') : (q.error as Error)?.message}
          extra={<Link to="/public/track">{t('pub.track.heading')}</Link>}
        />
      </PublicLayout>
    );
  }
  const v = q.data;
  const [current, state] = POSITION[v.status] ?? [0, 'process'];
  const steps = STEPS.map((s, i) => ({
    title: i === current ? t(`pub.stage.${v.status}`) : t(`pub.stage.${s}`),
  }));
  return (
    <PublicLayout>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Card>
          <Typography.Text type="secondary">
            {t('pub.track.codeLabel')}: <Typography.Text code>{v.trackingCode}</Typography.Text>
          </Typography.Text>
          <Typography.Title level={4} style={{ marginBlock: 8 }}>
            {v.title}
          </Typography.Title>
          <Tag color={state === 'error' ? 'red' : 'blue'} data-testid="track-status" data-status={v.status}>
            {t(`pub.stage.${v.status}`)}
          </Tag>
          <Descriptions size="small" column={1} style={{ marginBlockStart: 12 }}>
            <Descriptions.Item label={t('pub.track.received')}>
              {formatTime(v.receivedAt, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pub.track.category')}>{v.category}</Descriptions.Item>
            <Descriptions.Item label={t('pub.track.village')}>{v.village}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBlock: '12px 0' }}>
            {v.content}
          </Typography.Paragraph>
        </Card>
        <Card title={t('pub.track.progress')} size="small">
          <Steps orientation="vertical" size="small" current={current} status={state} items={steps} />
        </Card>
        <Card title={t('pub.track.reply')} size="small">
          {v.publicReply ? (
            <Typography.Paragraph data-testid="track-reply" style={{ whiteSpace: 'pre-wrap', marginBlockEnd: 0 }}>
              {v.publicReply}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('pub.track.noReply')}</Typography.Text>
          )}
          {v.replyAttachments?.length > 0 && (
            <div data-testid="track-reply-files" style={{ marginBlockStart: 12 }}>
              <Typography.Text type="secondary">{t('pub.track.replyFiles')}</Typography.Text>
              <ul style={{ paddingInlineStart: 20, marginBlock: 4 }}>
                {v.replyAttachments.map((f) => (
                  <li key={f.id}>
                    <a
                      href={`/api/v1/public/opinions/${encodeURIComponent(v.trackingCode)}/attachments/${f.id}`}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      <PaperClipOutlined /> {f.filename}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
        {v.myRating && (
          <Alert
            data-testid="track-my-rating"
            type={v.myRating.rating === 'unsatisfied' ? 'warning' : 'success'}
            title={`${t('pub.rate.yours')}: ${t(`pub.rate.${v.myRating.rating}`)}`}
            description={v.myRating.comment || undefined}
          />
        )}
        {v.canRate && <RatingForm code={v.trackingCode} onDone={(nv) => qc.setQueryData(key, nv)} />}
        <Card title={t('pub.track.timeline')} size="small">
          <Timeline
            items={v.timeline.map((e) => ({
              content: (
                <>
                  <div>{t(`pub.event.${e.type}`)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(e.at, i18n.language)}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        </Card>
      </Space>
    </PublicLayout>
  );
}
