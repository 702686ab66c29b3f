// Multipart upload with progress events (fetch cannot report upload progress), answering like api(): JSON or ApiError.
import { ApiError, api } from '../../../api';

/** Posts `form` to /api/v1 + path, calling onProgress(0–100) while the body is sent. */
export async function uploadWithProgress<T = any>(
  path: string,
  form: FormData,
  onProgress: (pct: number) => void,
): Promise<T> {
  // The CSRF token lives inside api.ts; /auth/me hands out the session's token again.
  const me = await api<{ csrfToken: string }>('/auth/me');
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-csrf-token', me.csrfToken);
    xhr.setRequestHeader('accept-language', document.documentElement.lang || 'zh-CN');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let data: any = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(data as T);
      } else reject(new ApiError(xhr.status, data ?? { code: 'internal', message: xhr.statusText, details: null }));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: 'network', details: null }));
    xhr.send(form);
  });
}
