// Uploaded files kept in the database (FILE_STORE=database): stored_files holds one row per file, stored_file_chunks
// its bytes in chunks of at most 256 KiB, so every server process on the same PostgreSQL reads the same files and a
// backup of the database holds them too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { storedFileChunks, storedFiles } from '../db/schema.js';
import { assertKey, FileMissingError, type FileStore, KEY_SHAPE, newKey, slices } from './file-store.js';

/** The largest chunk row: small enough that a read or a write holds little memory, large enough for few rows. */
export const CHUNK_BYTES = 256 * 1024;

/** Options of the database store. */
export interface DatabaseFileStoreOptions {
  /**
   * Where files stored before the switch to the database still live (DATA_DIR/files): a key with no row is read from
   * (and removed from) there, so an installation that changes FILE_STORE keeps serving its older attachments.
   */
  legacy?: FileStore;
}

/**
 * A file store in the database. A put inserts the file's row first (completed_at empty), then each chunk in its own
 * short statement (no connection is held while the client is still sending), and sets completed_at, size and SHA-256
 * last: a file without completed_at is never served, and a failed put deletes what it wrote.
 */
export function createDatabaseFileStore(db: Db, options: DatabaseFileStoreOptions = {}): FileStore {
  const { legacy } = options;
  const rowOf = async (key: string) => {
    const [row] = await db
      .select({ size: storedFiles.size, completedAt: storedFiles.completedAt })
      .from(storedFiles)
      .where(eq(storedFiles.key, assertKey(key)));
    return row;
  };
  // The finished file's size, falling back to the legacy store when the database has no row for the key.
  const finished = async (key: string): Promise<number | 'legacy'> => {
    const row = await rowOf(key);
    if (!row) {
      if (legacy) return 'legacy';
      throw new FileMissingError(key);
    }
    if (!row.completedAt) throw new FileMissingError(key);
    return row.size;
  };
  const chunk = async (key: string, seq: number): Promise<Buffer> => {
    const [row] = await db
      .select({ data: storedFileChunks.data })
      .from(storedFileChunks)
      .where(and(eq(storedFileChunks.key, key), eq(storedFileChunks.seq, seq)));
    if (!row) throw new FileMissingError(key);
    return row.data;
  };
  const chunksOf = async function* (key: string, size: number) {
    let read = 0;
    for (let seq = 0; read < size; seq++) {
      const data = await chunk(key, seq);
      read += data.length;
      yield data;
    }
    if (read !== size) throw new FileMissingError(key);
  };
  const store: FileStore = {
    kind: 'database',
    async put(data: Buffer, ext: string) {
      return (await store.putStream(slices(data, CHUNK_BYTES), ext)).key;
    },
    putStream: (source: AsyncIterable<Buffer | Uint8Array>, ext: string) => writeFile(db, newKey(ext), source),
    async get(key: string) {
      const size = await finished(key);
      if (size === 'legacy') return legacy!.get(key);
      const parts: Buffer[] = [];
      for await (const part of chunksOf(key, size)) parts.push(part);
      return Buffer.concat(parts, size);
    },
    async open(key: string) {
      const size = await finished(key);
      if (size === 'legacy') return legacy!.open(key);
      // One chunk per query, read only as fast as the client takes them.
      return { size, stream: Readable.from(chunksOf(key, size), { objectMode: false, highWaterMark: CHUNK_BYTES }) };
    },
    async remove(key: string) {
      const gone = await db
        .delete(storedFiles)
        .where(eq(storedFiles.key, assertKey(key)))
        .returning({ key: storedFiles.key });
      if (!gone.length && legacy) await legacy.remove(key);
    },
    async sweepUnfinished(before: Date) {
      if (legacy) await legacy.sweepUnfinished(before);
      const gone = await db
        .delete(storedFiles)
        .where(and(isNull(storedFiles.completedAt), lt(storedFiles.createdAt, before)))
        .returning({ key: storedFiles.key });
      return gone.length;
    },
  };
  return store;
}

/** Writes one file under `key`: the row first, each chunk in its own statement, completed_at, size and SHA-256 last. */
async function writeFile(db: Db, key: string, source: AsyncIterable<Buffer | Uint8Array>) {
  await db.insert(storedFiles).values({ key: assertKey(key), size: 0, sha256: '' });
  const hash = crypto.createHash('sha256');
  let size = 0;
  let seq = 0;
  let pending = Buffer.allocUnsafe(CHUNK_BYTES);
  let filled = 0;
  const flush = async () => {
    if (!filled) return;
    await db.insert(storedFileChunks).values({ key, seq: seq++, data: pending.subarray(0, filled) });
    pending = Buffer.allocUnsafe(CHUNK_BYTES);
    filled = 0;
  };
  try {
    for await (const part of source) {
      const bytes = Buffer.isBuffer(part) ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
      hash.update(bytes);
      size += bytes.length;
      for (let at = 0; at < bytes.length; ) {
        const n = Math.min(CHUNK_BYTES - filled, bytes.length - at);
        bytes.copy(pending, filled, at, at + n);
        filled += n;
        at += n;
        if (filled === CHUNK_BYTES) await flush();
      }
    }
    await flush();
    const sha256 = hash.digest('hex');
    await db.update(storedFiles).set({ size, sha256, completedAt: sql`now()` }).where(eq(storedFiles.key, key));
    return { key, size, sha256 };
  } catch (e) {
    await db
      .delete(storedFiles)
      .where(eq(storedFiles.key, key))
      .catch(() => undefined);
    throw e;
  }
}

/**
 * Copies the files of a disk store (DATA_DIR/files) into the database under the same keys, so the rows that name them
 * stay valid and every process serves them. Keys already finished in the database are skipped; with `removeCopied`
 * each disk file goes once its database copy is complete. Safe to run again after an interruption.
 */
export async function copyDiskFilesToDatabase(
  db: Db,
  root: string,
  opts: { removeCopied?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ copied: number; skipped: number; bytes: number }> {
  const entries = await fsp.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const keys = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((k) => KEY_SHAPE.test(k))
    .sort();
  const out = { copied: 0, skipped: 0, bytes: 0 };
  for (const [i, key] of keys.entries()) {
    const [row] = await db
      .select({ completedAt: storedFiles.completedAt })
      .from(storedFiles)
      .where(eq(storedFiles.key, key));
    if (row?.completedAt) out.skipped++;
    else {
      if (row) await db.delete(storedFiles).where(eq(storedFiles.key, key)); // an interrupted earlier copy
      const put = await writeFile(db, key, fs.createReadStream(path.join(root, key), { highWaterMark: CHUNK_BYTES }));
      out.copied++;
      out.bytes += put.size;
    }
    if (opts.removeCopied) await fsp.rm(path.join(root, key), { force: true });
    opts.onProgress?.(i + 1, keys.length);
  }
  return out;
}
