// Keeps the outbox moving: sends waiting records on app start, when the phone gets signal back, and every minute.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../auth';
import { outboxStore, syncOutbox } from './outbox';

let userId: number | null = null;
let client: QueryClient | null = null;
let notify: ((sent: number) => void) | null = null;
let started = false;

async function runSync() {
  if (userId === null || !outboxStore.snapshot().some((i) => i.userId === userId && !i.error))
    return { sent: 0, left: 0 };
  const r = await syncOutbox(userId);
  if (r.sent > 0) {
    client?.invalidateQueries({ queryKey: ['/activities'] });
    client?.invalidateQueries({ queryKey: ['member'] });
    client?.invalidateQueries({ queryKey: ['/compliance'] });
    notify?.(r.sent);
  }
  return r;
}

function startOnce() {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void runSync());
  setInterval(() => {
    if (navigator.onLine) void runSync();
  }, 60_000);
}

/** Mounted around every field page: registers the signed-in user and starts the background sender once per app. */
export function useOutboxSync() {
  const { me } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  useEffect(() => {
    userId = me?.id ?? null;
    client = qc;
    notify = (sent) => message.success(t('field.outbox.synced', { count: sent }));
    startOnce();
    void runSync();
  }, [me?.id, qc, message, t]);
}

/** The signed-in user's waiting records and a "send now" action for the outbox list. */
export function useOutbox() {
  const { me } = useAuth();
  const all = useSyncExternalStore(outboxStore.subscribe, outboxStore.snapshot);
  const [syncing, setSyncing] = useState(false);
  const items = all.filter((i) => i.userId === me?.id);
  const syncNow = useCallback(async () => {
    setSyncing(true);
    try {
      return await runSync();
    } finally {
      setSyncing(false);
    }
  }, []);
  return { items, syncing, syncNow };
}
