// Worker-thread body of the render pool: renders one job and hands the bytes back without a copy; an error comes
// back as data ({error}) so its AppError code and params survive the thread boundary.
import Piscina from 'piscina';
import { AppError } from '../../errors.js';
import { type RenderJob, runRenderJob } from './render-jobs.js';

/** What a failed job returns instead of bytes. */
export interface RenderFailure {
  error: { message: string; stack?: string; code?: string; params?: Record<string, unknown>; details?: unknown };
}

/** Piscina calls this once per task. */
export default async function renderTask(job: RenderJob): Promise<Uint8Array | RenderFailure> {
  try {
    const buf = await runRenderJob(job);
    // A small Buffer may sit in Node's shared pool: copy it into its own memory before transferring.
    const own =
      buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength
        ? new Uint8Array(buf.buffer)
        : Uint8Array.from(buf);
    return Piscina.move(own) as unknown as Uint8Array;
  } catch (err) {
    return toFailure(err);
  }
}

/** An error as plain data: message and stack, plus code/params/details for an AppError. */
export function toFailure(err: unknown): RenderFailure {
  const e = err as Error;
  if (err instanceof AppError)
    return { error: { message: e.message, stack: e.stack, code: err.code, params: err.params, details: err.details } };
  return { error: { message: e?.message ?? String(err), stack: e?.stack } };
}
