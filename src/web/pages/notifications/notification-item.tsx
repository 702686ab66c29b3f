// One notification in the bell's dropdown or on the page: unread dot, title, body, time; a click opens its link.
import { Badge, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fmtTime } from '../opinions/bits';
import { linkOf, type NotificationRow, useMarkRead } from './use-notifications';

/** Clicking marks it read and follows its link; the check button only marks it read. */
export function NotificationItem({
  n,
  compact,
  onOpen,
}: {
  n: NotificationRow;
  compact?: boolean;
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { one } = useMarkRead();
  const to = linkOf(n);
  const open = () => {
    if (!n.readAt) one.mutate(n.id);
    onOpen?.();
    if (to) navigate(to);
  };
  return (
    <Flex
      gap={8}
      align="start"
      style={{ paddingBlock: 8, paddingInline: 4, inlineSize: '100%', cursor: to ? 'pointer' : undefined }}
      data-testid="ntf-item"
      data-read={n.readAt ? 'true' : 'false'}
    >
      <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginBlockStart: 4 }} />
      <div
        style={{ flex: 1, minInlineSize: 0 }}
        onClick={open}
        onKeyDown={(e) => e.key === 'Enter' && open()}
        role="link"
        tabIndex={0}
      >
        <Typography.Text strong={!n.readAt} style={{ wordBreak: 'break-word' }}>
          {n.title}
        </Typography.Text>
        {n.body && (
          <Typography.Paragraph
            type="secondary"
            ellipsis={compact ? { rows: 2 } : false}
            style={{ marginBlock: 2, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          >
            {n.body}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fmtTime(n.createdAt)}
        </Typography.Text>
      </div>
      {!n.readAt && (
        <Button size="small" type="link" onClick={() => one.mutate(n.id)} data-testid="ntf-mark-read">
          {t('ntf.markRead')}
        </Button>
      )}
    </Flex>
  );
}
