// The signed-in user's notifications from /api/v1/notifications: polled every 60 s, marked read one by one or all.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api';

/** One notification as the API sends it. */
export interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string;
  opinionId: number | null;
  readAt: string | null;
  createdAt: string;
}

/** A page of notifications with the unread count. */
export interface NotificationPage {
  items: NotificationRow[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** How often the bell and the page look for new notifications (no websockets). */
export const POLL_MS = 60_000;

/** A polled page of notifications (unread first, newest first), worded by the server in the UI's language. */
export function useNotifications(params: { page?: number; pageSize?: number; unreadOnly?: boolean }) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['notifications', params, i18n.language],
    queryFn: () =>
      api<NotificationPage>(
        `/notifications${qs({ page: params.page ?? 1, pageSize: params.pageSize ?? 10, unreadOnly: params.unreadOnly || undefined })}`,
      ),
    refetchInterval: POLL_MS,
    placeholderData: keepPreviousData,
  });
}

/** Mark one read / mark all read; both refresh every notification query. */
export function useMarkRead() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  const one = useMutation({
    mutationFn: (id: number) => api(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const all = useMutation({
    mutationFn: () => api<{ updated: number }>('/notifications/read-all', { method: 'POST' }),
    onSuccess: refresh,
  });
  return { one, all };
}

/** Where a notification leads inside the app: its link when it is an app path, else its item. */
export function linkOf(n: NotificationRow): string | null {
  if (n.link.startsWith('/') && !n.link.startsWith('//')) return n.link;
  return n.opinionId ? `/opinions/${n.opinionId}` : null;
}
