// Runs the document renderers (xlsx, pdf, docx) on worker threads so a big export never stalls other requests
// (convention 14). The callers load their data on the main thread and post plain data here; the bytes come back
// transferred, not copied. RENDER_IN_PROCESS=1 renders on the calling thread instead (debugging, profiling).
import os from 'node:os';
import Piscina from 'piscina';
import { AppError } from '../../errors.js';
import type { MessageCode } from '../../i18n/messages.js';
import { type RenderJob, runRenderJob } from './render-jobs.js';
import type { RenderFailure } from './render-worker.js';

export type { RenderJob } from './render-jobs.js';

/** Jobs that may wait for a thread; one more is refused with 429 rather than piling up memory. */
export const RENDER_QUEUE_LIMIT = 64;

let pool: Piscina | null = null;
let users = 0;

/** True when RENDER_IN_PROCESS=1 asks for the old single-thread path. */
export const rendersInProcess = (env: NodeJS.ProcessEnv = process.env) => env.RENDER_IN_PROCESS === '1';

/** Threads: one per core but one, at least one (the main thread keeps a core for requests). */
export function renderThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

function getPool(): Piscina {
  if (pool) return pool;
  const threads = renderThreads();
  pool = new Piscina({
    // The .mjs boot registers tsx inside the worker, so the same file works under tsx, vitest and plain node.
    filename: new URL('./render-worker-boot.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    maxQueue: RENDER_QUEUE_LIMIT,
    idleTimeout: 30_000,
  });
  return pool;
}

/** Turns a worker's failure back into the error the renderer threw (AppError code, params and details kept). */
export function rebuildError(f: RenderFailure['error']): Error {
  const err = f.code ? new AppError(f.code as MessageCode, f.params ?? {}, f.details) : new Error(f.message);
  if (f.stack) err.stack = `${err.stack?.split('\n')[0]}\n    [render worker]\n${f.stack}`;
  return err;
}

/** Renders one document off the event loop (or in process when switched) and resolves to its bytes. */
export async function renderDocument(job: RenderJob): Promise<Buffer> {
  if (rendersInProcess()) return runRenderJob(job);
  let out: Uint8Array | RenderFailure;
  try {
    out = await getPool().run(job);
  } catch (err) {
    if ((err as Error)?.message?.includes('queue is at limit')) throw new AppError('rate_limited');
    throw err;
  }
  if (out instanceof Uint8Array) return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  throw rebuildError(out.error);
}

/** Marks one app as using the pool; the returned release destroys the threads when the last user closes. */
export function holdRenderPool(): () => Promise<void> {
  users++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    users--;
    if (users <= 0) await closeRenderPool();
  };
}

/** Stops the worker threads now (app close, CLI end); the next render starts a new pool. */
export async function closeRenderPool(): Promise<void> {
  const p = pool;
  pool = null;
  users = 0;
  if (p) await p.destroy();
}
