// What a member sees without signal: a banner saying how old the shown data is (from the Date header of the newest
// answer the service worker kept), and, while online, a warm-up of the answers every field screen needs, so a screen
// never opened with signal still works offline instead of looking empty.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api, keptGets, qs } from '../api';
import { useAuth } from '../auth';
import './i18n';

/** The runtime cache of API answers (see vite.config.ts). */
export const API_CACHE = 'jl-api';

/** The browser's idea of connectivity. */
export function useOnlineStatus() {
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

/** The time of the newest API answer kept on the phone, or null when none is kept (or no Cache Storage). */
export async function lastSyncedAt(): Promise<Date | null> {
  if (typeof caches === 'undefined') return null;
  const cache = await caches.open(API_CACHE);
  let newest = 0;
  for (const req of await cache.keys()) {
    const res = await cache.match(req);
    const t = Date.parse(res?.headers.get('date') ?? '');
    if (t > newest) newest = t;
  }
  return newest ? new Date(newest) : null;
}

/** The API answers the member's field screens read: home, their villages and contacts, recent records. */
export function fieldWarmUpPaths(memberId: number | null): string[] {
  const paths = ['/auth/me', '/workbench', '/activities', '/liaison-groups'];
  if (memberId)
    paths.push(
      `/members/${memberId}`,
      `/representatives${qs({ memberId, pageSize: 500 })}`,
      `/activities${qs({ memberId, pageSize: 6 })}`,
      `/representatives${qs({ memberId, pageSize: 100 })}`,
    );
  return paths;
}

let warmedFor: number | null = null;

/** Resolves once the page's own queries have stopped (two checks in a row with nothing loading; at most ~10 s). */
async function pageSettled(queries: QueryClient) {
  for (let calm = 0, i = 0; calm < 2 && i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    calm = queries.isFetching() === 0 ? calm + 1 : 0;
  }
}

/** Offline banner for every field page; also warms the phone's copy once per signed-in user and app start. */
export function OfflineBanner() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const online = useOnlineStatus();
  const queries = useQueryClient();
  const [since, setSince] = useState<Date | null | undefined>(undefined);

  useEffect(() => {
    if (!online || !me || warmedFor === me.id || !('serviceWorker' in navigator)) return;
    const id = me.id;
    warmedFor = id;
    let live = true;
    // Answers go through the service worker, which keeps them; failures only mean less is kept. After the screen's
    // own requests, and only what they did not already bring (the home reads four of these: fetching them again cost
    // a member four more requests on every opening over a weak signal). Not once the member has signed out (or the
    // banner left) in the meantime: the phone must not keep answers after a sign-out; a later mount warms again.
    void navigator.serviceWorker.ready
      .then(() => pageSettled(queries))
      .then(() => {
        if (!live) {
          if (warmedFor === id) warmedFor = null;
          return;
        }
        return Promise.allSettled(
          fieldWarmUpPaths(me.memberId)
            .filter((p) => !keptGets.has(p))
            .map((p) => api(p)),
        );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [online, me, queries]);

  useEffect(() => {
    if (online) return;
    let live = true;
    lastSyncedAt()
      .then((d) => live && setSince(d))
      .catch(() => live && setSince(null));
    return () => {
      live = false;
    };
  }, [online]);

  if (online || since === undefined) return null;
  const time = since?.toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN', {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  // Plain markup rather than antd's Alert: this sits in the first screen's weight on every field page.
  return (
    <div
      role="status"
      data-testid="offline-banner"
      style={{
        marginBlockEnd: 8,
        padding: '8px 12px',
        borderRadius: 6,
        background: '#e6f4ff',
        border: '1px solid #91caff',
        color: '#1f1f1f',
      }}
    >
      {since ? t('pwa.offlineData', { time }) : t('pwa.offlineNoData')}
    </div>
  );
}
