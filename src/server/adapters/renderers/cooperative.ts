// Cooperative slicing for work that must stay on the main thread (database pages on PGlite, streaming writers): the
// caller awaits `pause()` often, and every few milliseconds of work it gives the event loop a turn (convention 14).
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Milliseconds of main-thread work between two turns of the event loop. */
export const SLICE_MS = 8;

/** A pause function: resolves at once (no macrotask) until `sliceMs` of work has passed, then yields one loop turn. */
export function loopSlicer(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}

/** Waits until a writable stream's buffer has room again, so a streamed download holds at most a buffer in memory. */
export function drained(out: NodeJS.WritableStream & { writableNeedDrain?: boolean }): Promise<void> | undefined {
  if (!out.writableNeedDrain) return undefined;
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', ok);
      out.off('close', ok);
      out.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    const ok = () => done();
    out.on('drain', ok);
    out.on('close', ok);
    out.on('error', done);
  });
}

/**
 * Reads the first item before a streamed download starts, so a failure there (database away, bad query) is still
 * answered as an ordinary error response instead of a download cut short; the rest is read as the bytes leave.
 */
export async function prefetched<T>(items: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await items.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* items;
  })();
}
