// The records waiting on this phone (待同步), with "send now", retry and discard.
import { Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../auth';
import { codeLabel } from '../lookups';
import { discard, retryRefused } from './outbox';
import { OutboxAlert } from './outbox-alert';
import { useOutbox } from './use-outbox';

export { useOnline } from './outbox-alert';

/** Lists the user's waiting records; renders nothing when there are none. */
export function PendingList({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { items } = useOutbox();
  if (!items.length) return null;
  if (compact) return <OutboxAlert />;
  return (
    <div data-testid="outbox-list" style={{ marginBlockEnd: 16 }}>
      <OutboxAlert testId="outbox-summary" />
      <List
        size="small"
        bordered
        style={{ marginBlockStart: 8, background: '#fff' }}
        dataSource={items}
        renderItem={(i) => (
          <List.Item
            key={i.clientId}
            data-testid="outbox-item"
            data-client-id={i.clientId}
            actions={
              i.error
                ? [
                    <Button key="r" size="small" type="link" onClick={() => void retryRefused(i.clientId, me!.id)}>
                      {t('action.retry')}
                    </Button>,
                    <Popconfirm
                      key="d"
                      title={t('field.outbox.discardConfirm')}
                      onConfirm={() => void discard(i.clientId)}
                    >
                      <Button size="small" type="link" danger>
                        {t('field.outbox.discard')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{i.body.date}</span>
                  {i.summary.village && <span>{i.summary.village}</span>}
                  {i.error ? (
                    <Tag color="error">{t('field.outbox.refused')}</Tag>
                  ) : i.activityId ? (
                    <Tag color="processing">{t('field.outbox.photosPending', { count: i.photoCount })}</Tag>
                  ) : (
                    <Tag color="warning">{t('field.outbox.pending')}</Tag>
                  )}
                  {!i.activityId && !!i.body.raiseOpinions?.length && (
                    <Tag color="blue">{t('field.raise.pending', { count: i.body.raiseOpinions.length })}</Tag>
                  )}
                </Space>
              }
              description={
                <>
                  <div>
                    {i.body.methods.map((m) => codeLabel(t, 'method', m)).join(t('field.sep'))}
                    {i.summary.contacts.length > 0 && ` · ${i.summary.contacts.join(t('field.sep'))}`}
                  </div>
                  {i.body.opinions && (
                    <Typography.Text ellipsis={{ tooltip: i.body.opinions }}>{i.body.opinions}</Typography.Text>
                  )}
                  {i.error && <Typography.Text type="danger">{i.error}</Typography.Text>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
