// What the form asks the server while the citizen types (similar open items, a category): after a pause, the older
// request cancelled, and any failure (offline, rate limited, server) simply means no answer — never an error shown.
import { useEffect, useState } from 'react';

/** Pause after the last keystroke before asking. */
export const TYPING_PAUSE_MS = 700;
/** Characters typed (title and text together) before the form asks anything. */
export const MIN_TYPED = 8;

/** The body to send for what was typed, or null while it is too short to say anything. */
export function typedBody(title: string, content: string, extra: Record<string, unknown> = {}) {
  const t = title.trim();
  const c = content.trim();
  return [...t].length + [...c].length >= MIN_TYPED ? { title: t, content: c, ...extra } : null;
}

async function quietPost<T>(path: string, body: unknown, signal: AbortSignal): Promise<T | null> {
  try {
    const res = await fetch(`/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': document.documentElement.lang || 'zh-CN' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}

/** How an answer is fetched: the citizen's quiet fetch (cancellable), or the staff app's api() with its CSRF header
 * (a module-level function, so it never restarts the pause). */
export type TypedFetcher = (path: string, body: unknown, signal: AbortSignal) => Promise<unknown | null>;

/** The latest answer of `path` for `body` (null body: nothing asked, answer cleared); a failed ask keeps the last one. */
export function useTypedLookup<T>(
  path: string,
  body: Record<string, unknown> | null,
  fetcher: TypedFetcher = quietPost,
): T | null {
  const [data, setData] = useState<T | null>(null);
  const key = body ? JSON.stringify(body) : '';
  useEffect(() => {
    if (!key) {
      setData(null);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      const r = (await fetcher(path, JSON.parse(key), ctrl.signal)) as T | null;
      if (r && !ctrl.signal.aborted) setData(r);
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [path, key, fetcher]);
  return data;
}
