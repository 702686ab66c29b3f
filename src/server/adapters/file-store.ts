// Uploaded files behind one interface: on the local disk (DATA_DIR/files) or in the database (every server process
// reads the same files), written and read as streams so a large upload or download never sits whole in memory.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What a finished put stored. */
export interface PutResult {
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/** An open stored file: its size (for Content-Length) and its bytes as a stream. */
export interface OpenedFile {
  size: number;
  stream: Readable;
}

/** The file-store interface services use; tests may point it at a temp folder. */
export interface FileStore {
  /** Which backend: `disk` files live on one machine, `database` files are shared by every process. */
  readonly kind: 'disk' | 'database';
  put(data: Buffer, ext: string): Promise<string>;
  /**
   * Stores bytes as they arrive. The file is readable only once complete; when the source fails (a size limit, a
   * refused type, a broken connection) nothing is left behind and the source's error is rethrown.
   */
  putStream(source: AsyncIterable<Buffer | Uint8Array>, ext: string): Promise<PutResult>;
  get(key: string): Promise<Buffer>;
  /** Opens a file for streaming; a missing or unfinished file rejects with FileMissingError before any byte. */
  open(key: string): Promise<OpenedFile>;
  remove(key: string): Promise<void>;
  /** Deletes uploads left unfinished (by a process that died mid-upload) that started before `before`; how many. */
  sweepUnfinished(before: Date): Promise<number>;
}

/** A key that names no finished file (a row whose file was lost, or an upload still being written). */
export class FileMissingError extends Error {
  constructor(readonly key: string) {
    super(`stored file missing: ${key}`);
  }
}

/** The shape of every storage key: `ab/<32 hex>.<ext>`. */
export const KEY_SHAPE = /^[a-f0-9]{2}\/[a-f0-9]{32}\.[a-z0-9]{1,5}$/;
const EXT = /^[a-z0-9]{1,5}$/;

/** Refuses anything but the store's own key shape, so a key can never name a path or another row. */
export function assertKey(key: string): string {
  if (typeof key !== 'string' || !KEY_SHAPE.test(key)) throw new Error('bad storage key');
  return key;
}

/** A fresh random key `ab/<32 hex>.<ext>`. */
export function newKey(ext: string): string {
  if (!EXT.test(ext)) throw new Error('bad storage extension');
  const name = crypto.randomBytes(16).toString('hex');
  return `${name.slice(0, 2)}/${name}.${ext}`;
}

/** Yields a buffer in slices, so `put(buffer)` can share the streaming path. */
export async function* slices(data: Buffer, size = 256 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/**
 * A file store on the local disk. A put writes to DATA_DIR/files.incoming and renames into place when complete, so a
 * half-written file never appears under its key (nor in a backup, which reads DATA_DIR/files).
 */
export function createDiskFileStore(root: string): FileStore {
  const incoming = `${root}.incoming`;
  const resolve = (key: string) => path.join(root, assertKey(key));
  const missing = (key: string) => (e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT' ? new FileMissingError(key) : e;
  };
  const store: FileStore = {
    kind: 'disk',
    async put(data, ext) {
      return (await store.putStream(slices(data), ext)).key;
    },
    async putStream(source, ext) {
      const key = newKey(ext);
      await fsp.mkdir(incoming, { recursive: true });
      const tmp = path.join(incoming, `${crypto.randomBytes(12).toString('hex')}.part`);
      const hash = crypto.createHash('sha256');
      let size = 0;
      // Open the file before streaming: a stream that opens it lazily could create it after a failed put's cleanup.
      const fh = await fsp.open(tmp, 'wx');
      try {
        await pipeline(async function* () {
          for await (const chunk of source) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        }, fh.createWriteStream());
        await fsp.mkdir(path.dirname(resolve(key)), { recursive: true });
        await fsp.rename(tmp, resolve(key));
      } catch (e) {
        await fh.close().catch(() => undefined);
        await fsp.rm(tmp, { force: true });
        throw e;
      }
      return { key, size, sha256: hash.digest('hex') };
    },
    get: async (key) => fsp.readFile(resolve(key)).catch(missing(key)),
    async open(key) {
      const handle = await fsp.open(resolve(key), 'r').catch(missing(key));
      try {
        const { size } = await handle.stat();
        return { size, stream: handle.createReadStream({ highWaterMark: 256 * 1024 }) };
      } catch (e) {
        await handle.close();
        throw e;
      }
    },
    async remove(key) {
      await fsp.rm(resolve(key), { force: true });
    },
    async sweepUnfinished(before) {
      let n = 0;
      for (const name of await fsp.readdir(incoming).catch(() => [] as string[])) {
        const file = path.join(incoming, name);
        const stat = await fsp.stat(file).catch(() => null);
        if (stat && stat.mtime < before) {
          await fsp.rm(file, { force: true });
          n++;
        }
      }
      return n;
    },
  };
  return store;
}
