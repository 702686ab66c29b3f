// /notifications: all of one's notifications, unread first, with an unread-only switch and mark (all) read.
import { App, Button, Card, Empty, Pagination, Space, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../office/components/page-head';
import { NotificationItem } from './notification-item';
import { useMarkRead, useNotifications } from './use-notifications';

const PAGE_SIZE = 20;

/** The notifications page. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useNotifications({ page, pageSize: PAGE_SIZE, unreadOnly });
  const { all } = useMarkRead();
  const data = q.data;
  return (
    <div data-testid="ntf-page">
      <PageHead
        title={t('ntf.title')}
        sub={data ? t('ntf.count', { total: data.total, unread: data.unread }) : undefined}
        extra={
          <Space wrap>
            <Space size={6}>
              <Switch
                checked={unreadOnly}
                onChange={(v) => {
                  setUnreadOnly(v);
                  setPage(1);
                }}
                data-testid="ntf-unread-only"
              />
              <Typography.Text>{t('ntf.unreadOnly')}</Typography.Text>
            </Space>
            <Button
              disabled={!data?.unread}
              loading={all.isPending}
              onClick={() => all.mutate(undefined, { onSuccess: () => message.success(t('ntf.allRead')) })}
              data-testid="ntf-page-mark-all"
            >
              {t('ntf.markAllRead')}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        {q.isLoading && <Spin />}
        {data && data.items.length === 0 && <Empty description={t('ntf.empty')} />}
        {data?.items.map((n) => (
          <div key={n.id} style={{ borderBlockEnd: '1px solid #f0f0f0' }}>
            <NotificationItem n={n} />
          </div>
        ))}
        {(data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={data?.total ?? 0}
            onChange={setPage}
            style={{ marginBlockStart: 12 }}
          />
        )}
      </Card>
    </div>
  );
}
