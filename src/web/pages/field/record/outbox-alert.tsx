// The outbox's one-line summary (待同步: how many records wait, send now), shown on the home and above the record form;
// its own module so the home page does not load antd's List with the full list (pending-list.tsx).
import { CloudSyncOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutbox } from './use-outbox';

/** Tracks the browser's idea of connectivity (it can be wrong the other way: online but no real signal). */
export function useOnline() {
  return useSyncExternalStore(
    (cb) => {
      window.addEventListener('online', cb);
      window.addEventListener('offline', cb);
      return () => {
        window.removeEventListener('online', cb);
        window.removeEventListener('offline', cb);
      };
    },
    () => navigator.onLine,
  );
}

/** The summary of the waiting records with "send now"; renders nothing when there are none. */
export function OutboxAlert({ testId = 'outbox-list' }: { testId?: string }) {
  const { t } = useTranslation();
  const { items, syncing, syncNow } = useOutbox();
  const online = useOnline();
  if (!items.length) return null;
  return (
    <div data-testid={testId}>
      <Alert
        type="warning"
        showIcon
        icon={<CloudUploadOutlined />}
        title={t('field.outbox.title', { count: items.length })}
        description={online ? t('field.outbox.hintOnline') : t('field.outbox.hintOffline')}
        action={
          <Button
            size="small"
            icon={<CloudSyncOutlined />}
            loading={syncing}
            onClick={() => void syncNow()}
            data-testid="outbox-sync"
          >
            {t('field.outbox.syncNow')}
          </Button>
        }
      />
    </div>
  );
}
