// The web client's one way to call the API: JSON in/out, CSRF header on writes, errors as ApiError with the server's code.
export interface ApiErrorBody {
  code: string;
  message: string;
  details: unknown;
}

/** An API failure carrying the server's code, translated message and field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

let csrfToken: string | null = null;
/** Remembers the CSRF token returned by login or /auth/me. */
export const setCsrfToken = (t: string | null) => {
  csrfToken = t;
};

/**
 * The GET paths answered through the service worker since this page was opened (so the phone keeps them): the offline
 * warm-up (pwa/offline.tsx) does not ask for them again.
 */
export const keptGets = new Set<string>();

/** Calls /api/v1 + path; throws ApiError for non-2xx answers. */
export async function api<T = any>(
  path: string,
  init: { method?: string; body?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET');
  const headers: Record<string, string> = {
    'accept-language': document.documentElement.lang || 'zh-CN',
    ...init.headers,
  };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`/api/v1${path}`, { method, headers, body, credentials: 'same-origin' });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const err = new ApiError(res.status, data ?? { code: 'internal', message: res.statusText, details: null });
    if (res.status === 401) window.dispatchEvent(new CustomEvent('jl:unauthenticated', { detail: err }));
    throw err;
  }
  if (method === 'GET' && navigator.serviceWorker?.controller) keptGets.add(path);
  return data as T;
}

/** Builds a query string from defined values only. */
export function qs(params: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A download link for exports (GET, the session cookie authorises it). */
export const downloadUrl = (path: string, params: Record<string, unknown>) => `/api/v1${path}${qs(params)}`;
