// The header bell: unread count polled every 60 s, a dropdown of the latest notifications, mark (all) read, see all.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Divider, Empty, Flex, Popover, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NotificationItem } from '../pages/notifications/notification-item';
import { useMarkRead, useNotifications } from '../pages/notifications/use-notifications';

/** The bell in the app header (white on the red bar). */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const q = useNotifications({ pageSize: 8 });
  const { all } = useMarkRead();
  const unread = q.data?.unread ?? 0;
  const items = q.data?.items ?? [];
  const content = (
    <div style={{ inlineSize: 'min(360px, 86vw)' }} data-testid="ntf-dropdown">
      {q.isLoading && <Spin />}
      {!q.isLoading && items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ntf.empty')} />
      )}
      <div style={{ maxBlockSize: 420, overflowY: 'auto' }}>
        {items.map((n) => (
          <NotificationItem key={n.id} n={n} compact onOpen={() => setOpen(false)} />
        ))}
      </div>
      <Divider style={{ marginBlock: 8 }} />
      <Flex justify="space-between" gap={8}>
        <Button
          size="small"
          disabled={unread === 0}
          loading={all.isPending}
          onClick={() => all.mutate()}
          data-testid="ntf-mark-all"
        >
          {t('ntf.markAllRead')}
        </Button>
        <Button
          size="small"
          type="link"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
          data-testid="ntf-view-all"
        >
          {t('ntf.viewAll')}
        </Button>
      </Flex>
    </div>
  );
  return (
    <Popover
      content={content}
      title={t('ntf.title')}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Button
        type="text"
        aria-label={unread ? `${t('ntf.bell')} ${unread > 99 ? '99+' : unread}` : t('ntf.bell')}
        data-testid="ntf-bell"
        style={{ color: '#fff' }}
      >
        <Badge count={unread} size="small" offset={[4, -2]} data-testid="ntf-count">
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
