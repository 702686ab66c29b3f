// A request that hangs on a weak signal must not keep the member waiting: after a few seconds the caller gives up
// waiting (the request itself may still arrive; idempotency keys make the later resend harmless).

/** Thrown when an answer took longer than the caller would wait. */
export class SlowNetworkError extends Error {
  override name = 'SlowNetworkError';
}

/** How long the record screen waits for the server before keeping the record on the phone. */
export const RECORD_WAIT_MS = 8000;

/** Resolves like `p`, or rejects with SlowNetworkError after `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number = RECORD_WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SlowNetworkError(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
