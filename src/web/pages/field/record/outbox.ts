// The offline outbox: records saved without signal wait in localStorage under their client id and are sent later.
// The server treats a repeated clientId as the same record, so sending twice never duplicates.
import { ApiError, api } from '../../../api';
import { SlowNetworkError, withTimeout } from '../../../pwa/timeout';
import type { Activity, ActivityBody } from '../types';
import { photosOf, removePhoto, removePhotosOf, savePhotos } from './photo-store';

export interface OutboxItem {
  clientId: string;
  userId: number;
  body: ActivityBody;
  /** What the list shows: village name, contact names. */
  summary: { village: string | null; contacts: string[] };
  savedAt: string;
  /** Set once the record itself reached the server (photos may still be waiting). */
  activityId?: number;
  photoCount: number;
  error?: string;
}

const KEY = 'jl.outbox.v1';
let items: OutboxItem[] = load();
const listeners = new Set<() => void>();

function load(): OutboxItem[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as OutboxItem[];
  } catch {
    return [];
  }
}

function save(next: OutboxItem[]) {
  items = next;
  localStorage.setItem(KEY, JSON.stringify(next));
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== KEY) return;
    items = load();
    for (const l of listeners) l();
  });
}

/** For useSyncExternalStore. */
export const outboxStore = {
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  snapshot: () => items,
};

/** A record id for idempotent retries; crypto.randomUUID exists only on https/localhost, so fall back to random bytes. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Whether an error means "no connection" (keep the record) rather than "the server refused it" (show the reason). */
export function isNetworkError(e: unknown): boolean {
  if (e instanceof ApiError) return e.status === 502 || e.status === 503 || e.status === 504;
  return e instanceof TypeError || e instanceof SlowNetworkError || (e instanceof Error && e.name === 'SyntaxError');
}

/** Keeps a record (and its photos) for later sending. */
export async function enqueue(
  item: Omit<OutboxItem, 'photoCount'>,
  photos: Array<{ name: string; kind: 'photo' | 'signin'; blob: Blob; uploadKey: string }>,
) {
  if (photos.length) await savePhotos(item.clientId, photos);
  save([...items.filter((i) => i.clientId !== item.clientId), { ...item, photoCount: photos.length }]);
}

/** Drops a record the user gave up on (e.g. refused by the server). */
export async function discard(clientId: string) {
  await removePhotosOf(clientId).catch(() => undefined);
  save(items.filter((i) => i.clientId !== clientId));
}

function patch(clientId: string, p: Partial<OutboxItem>) {
  save(items.map((i) => (i.clientId === clientId ? { ...i, ...p } : i)));
}

/** Uploads one photo of an activity; the same `uploadKey` sent again returns the first upload (never a copy). */
export function uploadPhoto(
  activityId: number,
  blob: Blob,
  name: string,
  kind: 'photo' | 'signin',
  uploadKey?: string,
) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', blob, name);
  return api(`/activities/${activityId}/attachments`, {
    form,
    ...(uploadKey ? { headers: { 'idempotency-key': uploadKey } } : {}),
  });
}

type Outcome = 'done' | 'offline' | 'refused';
/** The background sender waits longer than the record screen (a photo on 2G), but never for ever. */
const SYNC_WAIT_MS = 60_000;

async function sendOne(item: OutboxItem): Promise<Outcome> {
  let activityId = item.activityId;
  try {
    if (!activityId) {
      const a = await withTimeout(
        api<Activity>('/activities', { body: { ...item.body, clientId: item.clientId } }),
        SYNC_WAIT_MS,
      );
      activityId = a.id;
      patch(item.clientId, { activityId, error: undefined });
    }
    for (const p of await photosOf(item.clientId)) {
      try {
        const key = p.uploadKey ?? (p.key !== undefined ? `${item.clientId}-${p.key}` : undefined);
        await withTimeout(uploadPhoto(activityId, p.blob, p.name, p.kind, key), SYNC_WAIT_MS);
      } catch (e) {
        if (isNetworkError(e) || (e instanceof ApiError && e.status === 401)) throw e;
        // the server refused this file (type, size): it will never pass, so do not block the record on it
      }
      if (p.key !== undefined) await removePhoto(p.key);
      patch(item.clientId, {
        photoCount: Math.max(0, (items.find((i) => i.clientId === item.clientId)?.photoCount ?? 1) - 1),
      });
    }
    save(items.filter((i) => i.clientId !== item.clientId));
    return 'done';
  } catch (e) {
    if (isNetworkError(e) || (e instanceof ApiError && e.status === 401)) return 'offline';
    patch(item.clientId, { error: e instanceof ApiError ? e.body.message : String(e) });
    return 'refused';
  }
}

let running: Promise<{ sent: number; left: number }> | null = null;

/** Sends the user's waiting records one by one; stops at the first sign of no connection. One run at a time. */
export function syncOutbox(userId: number): Promise<{ sent: number; left: number }> {
  running ??= (async () => {
    let sent = 0;
    try {
      for (const item of items.filter((i) => i.userId === userId && !i.error)) {
        const r = await sendOne(item);
        if (r === 'offline') break;
        if (r === 'done') sent++;
      }
    } finally {
      running = null;
    }
    return { sent, left: items.filter((i) => i.userId === userId).length };
  })();
  return running;
}

/** Retries a record the server refused before (after the user fixed the cause, e.g. signed in again). */
export function retryRefused(clientId: string, userId: number) {
  patch(clientId, { error: undefined });
  return syncOutbox(userId);
}
