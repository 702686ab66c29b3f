// The database file store (FILE_STORE=database): chunked writes with SHA-256, chunk-by-chunk reads, an unfinished
// file never served, keys checked, files written on disk before the switch still read, and backups carry the files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/setup/test-app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { createFileStore } from '../runtime.js';
import { restoreBackup, writeBackup } from './backup.js';
import { CHUNK_BYTES, copyDiskFilesToDatabase, createDatabaseFileStore } from './db-file-store.js';
import { createDiskFileStore, FileMissingError } from './file-store.js';

let database: Database;
let dir: string;
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const bytes = (n: number) => crypto.randomBytes(n);

async function rowsOf(key: string) {
  const file = (await database.db.execute(sql`select size, sha256, completed_at from stored_files where key = ${key}`))
    .rows[0] as { size: string | number; sha256: string; completed_at: unknown } | undefined;
  const chunks = (
    await database.db.execute(
      sql`select seq, length(data)::int as n from stored_file_chunks where key = ${key} order by seq`,
    )
  ).rows as { seq: number; n: number }[];
  return { file, chunks };
}

async function readAll(stream: AsyncIterable<Buffer>) {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p);
  return parts;
}

beforeAll(async () => {
  database = await openTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-dbfs-'));
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('database file store', () => {
  it('stores a file in chunks of at most 256 KiB with its size and SHA-256, and reads it back whole', async () => {
    const store = createDatabaseFileStore(database.db);
    const data = bytes(2 * CHUNK_BYTES + 1000);
    const key = await store.put(data, 'pdf');
    expect(key).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}\.pdf$/);
    const { file, chunks } = await rowsOf(key);
    expect(Number(file!.size)).toBe(data.length);
    expect(file!.sha256).toBe(sha(data));
    expect(file!.completed_at).not.toBeNull();
    expect(chunks.map((c) => c.n)).toEqual([CHUNK_BYTES, CHUNK_BYTES, 1000]);
    expect((await store.get(key)).equals(data)).toBe(true);
  });

  it('streams a put from small pieces and a read chunk by chunk', async () => {
    const store = createDatabaseFileStore(database.db);
    const data = bytes(3 * CHUNK_BYTES - 7);
    async function* pieces() {
      for (let i = 0; i < data.length; i += 10_000) yield data.subarray(i, i + 10_000);
    }
    const put = await store.putStream(pieces(), 'jpg');
    expect(put).toEqual({ key: put.key, size: data.length, sha256: sha(data) });
    const opened = await store.open(put.key);
    expect(opened.size).toBe(data.length);
    const parts = await readAll(opened.stream);
    expect(parts.length).toBe(3);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(Buffer.concat(parts).equals(data)).toBe(true);
    expect((await rowsOf(put.key)).chunks.length).toBe(3);
  });

  it('stores and serves an empty file', async () => {
    const store = createDatabaseFileStore(database.db);
    const key = await store.put(Buffer.alloc(0), 'png');
    expect((await store.get(key)).length).toBe(0);
    expect(Buffer.concat(await readAll((await store.open(key)).stream)).length).toBe(0);
  });

  it('never serves a file still being written, and removes what a failed put wrote', async () => {
    const store = createDatabaseFileStore(database.db);
    let release!: (v?: unknown) => void;
    const gate = new Promise((r) => (release = r));
    let key = '';
    async function* source() {
      yield bytes(CHUNK_BYTES + 5); // one full chunk reaches the database
      await gate;
      throw new Error('client went away');
    }
    const put = store.putStream(source(), 'pdf').catch((e: Error) => e);
    for (let i = 0; i < 200 && !key; i++) {
      await new Promise((r) => setTimeout(r, 10));
      const res = await database.db.execute(
        sql`select f.key from stored_files f join stored_file_chunks c on c.key = f.key where f.completed_at is null limit 1`,
      );
      key = (res.rows[0] as { key: string } | undefined)?.key ?? '';
    }
    expect(key).not.toBe('');
    await expect(store.get(key)).rejects.toBeInstanceOf(FileMissingError);
    await expect(store.open(key)).rejects.toBeInstanceOf(FileMissingError);
    release();
    expect(((await put) as Error).message).toBe('client went away');
    const after = await rowsOf(key);
    expect(after.file).toBeUndefined();
    expect(after.chunks).toEqual([]);
  });

  it('removes a file with its chunks; a removed or unknown key is missing', async () => {
    const store = createDatabaseFileStore(database.db);
    const key = await store.put(bytes(CHUNK_BYTES + 1), 'jpg');
    await store.remove(key);
    expect(await rowsOf(key)).toEqual({ file: undefined, chunks: [] });
    await expect(store.get(key)).rejects.toBeInstanceOf(FileMissingError);
    await store.remove(key); // twice is fine
    await expect(store.open(`ab/${'0'.repeat(32)}.jpg`)).rejects.toBeInstanceOf(FileMissingError);
  });

  it('refuses keys that are not its own shape', async () => {
    const store = createDatabaseFileStore(database.db);
    for (const bad of ['../etc/passwd', `ab/${'0'.repeat(32)}.jpg'; drop table stored_files; --`, 'AB/x.jpg', ''])
      for (const call of [() => store.get(bad), () => store.open(bad), () => store.remove(bad)])
        await expect(call()).rejects.toThrow('bad storage key');
    await expect(store.put(Buffer.from('x'), '../x')).rejects.toThrow('bad storage extension');
  });

  it('reads and removes files written on disk before the switch (a key with no row)', async () => {
    const disk = createDiskFileStore(path.join(dir, 'files'));
    const store = createDatabaseFileStore(database.db, { legacy: disk });
    const data = bytes(1000);
    const key = await disk.put(data, 'png');
    expect((await store.get(key)).equals(data)).toBe(true);
    expect(Buffer.concat(await readAll((await store.open(key)).stream)).equals(data)).toBe(true);
    await store.remove(key);
    await expect(disk.get(key)).rejects.toBeInstanceOf(FileMissingError);
  });

  it('copies disk files into the database under their own keys, once, and removes the disk copies on request', async () => {
    const root = path.join(dir, 'copy-files');
    const disk = createDiskFileStore(root);
    const data = [bytes(CHUNK_BYTES * 2 + 9), bytes(10)];
    const keys = [await disk.put(data[0], 'jpg'), await disk.put(data[1], 'pdf')];
    fs.writeFileSync(path.join(root, 'notes.txt'), 'not an upload');
    expect(await copyDiskFilesToDatabase(database.db, root)).toEqual({
      copied: 2,
      skipped: 0,
      bytes: data[0].length + 10,
    });
    const store = createDatabaseFileStore(database.db); // no disk fallback: the bytes come from the database
    for (const [i, k] of keys.entries()) expect((await store.get(k)).equals(data[i])).toBe(true);
    expect((await rowsOf(keys[0])).file!.sha256).toBe(sha(data[0]));
    expect(await copyDiskFilesToDatabase(database.db, root, { removeCopied: true })).toMatchObject({
      copied: 0,
      skipped: 2,
    });
    for (const k of keys) expect(fs.existsSync(path.join(root, k))).toBe(false);
    expect(fs.existsSync(path.join(root, 'notes.txt'))).toBe(true);
  });

  it('sweeps unfinished files left by a process that died mid-upload, and only those', async () => {
    const store = createDatabaseFileStore(database.db);
    const done = await store.put(bytes(10), 'pdf');
    const dead = `cd/${'c'.repeat(32)}.pdf`;
    await database.db.execute(
      sql`insert into stored_files (key, size, sha256, created_at) values (${dead}, 0, '', now() - interval '2 hours')`,
    );
    expect(await store.sweepUnfinished(new Date(Date.now() - 3600_000))).toBe(1);
    expect((await rowsOf(dead)).file).toBeUndefined();
    expect((await store.get(done)).length).toBe(10);
  });

  it('a backup carries the files kept in the database, and a restore brings them back', async () => {
    const store = createDatabaseFileStore(database.db);
    const data = bytes(9 * CHUNK_BYTES + 3); // more chunks than one backup line holds
    const key = await store.put(data, 'jpg');
    const file = path.join(dir, 'x.jlbak');
    const filesDir = path.join(dir, 'files-none');
    const header = await writeBackup({ db: database.db, filesDir, file });
    expect(header.tables.stored_file_chunks).toBeGreaterThanOrEqual(10);
    await store.remove(key);
    await expect(store.get(key)).rejects.toBeInstanceOf(FileMissingError);
    await restoreBackup({ db: database.db, filesDir, file });
    expect((await store.get(key)).equals(data)).toBe(true);
    expect((await rowsOf(key)).file!.sha256).toBe(sha(data));
  });
});

describe('disk file store', () => {
  it('writes beside the folder and renames into place: a failed put leaves nothing, leftovers are swept', async () => {
    const root = path.join(dir, 'disk');
    const disk = createDiskFileStore(root);
    async function* failing() {
      yield bytes(1000);
      throw new Error('client went away');
    }
    await expect(disk.putStream(failing(), 'png')).rejects.toThrow('client went away');
    expect(fs.readdirSync(`${root}.incoming`)).toEqual([]);
    expect(fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }) : []).toEqual([]);
    const data = bytes(CHUNK_BYTES + 1);
    const put = await disk.putStream(slicesOf(data), 'jpg');
    expect(put.sha256).toBe(sha(data));
    const opened = await disk.open(put.key);
    expect(opened.size).toBe(data.length);
    expect(Buffer.concat(await readAll(opened.stream)).equals(data)).toBe(true);
    await expect(disk.open(`ab/${'1'.repeat(32)}.jpg`)).rejects.toBeInstanceOf(FileMissingError);
    await expect(disk.get('../../etc/passwd')).rejects.toThrow('bad storage key');
    fs.writeFileSync(path.join(`${root}.incoming`, 'old.part'), 'x');
    expect(await disk.sweepUnfinished(new Date(Date.now() + 1000))).toBe(1);
  });
});

describe('FILE_STORE', () => {
  const withEnv = (env: Record<string, string | undefined>, fn: () => void) => {
    const saved = { FILE_STORE: process.env.FILE_STORE, DATABASE_URL: process.env.DATABASE_URL };
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    try {
      fn();
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  };
  it('defaults to the database with DATABASE_URL and to the disk without; refuses other values', () => {
    withEnv({ FILE_STORE: undefined, DATABASE_URL: 'postgres://x@h/db' }, () =>
      expect(loadConfig().fileStore).toBe('database'),
    );
    withEnv({ FILE_STORE: undefined, DATABASE_URL: undefined }, () => expect(loadConfig().fileStore).toBe('disk'));
    withEnv({ FILE_STORE: ' Disk ', DATABASE_URL: 'postgres://x@h/db' }, () =>
      expect(loadConfig().fileStore).toBe('disk'),
    );
    withEnv({ FILE_STORE: 's3', DATABASE_URL: undefined }, () => expect(() => loadConfig()).toThrow('FILE_STORE'));
    const config = loadConfig({ dataDir: dir });
    expect(createFileStore({ ...config, fileStore: 'database' }, database).kind).toBe('database');
    expect(createFileStore({ ...config, fileStore: 'disk' }, database).kind).toBe('disk');
  });
});

async function* slicesOf(data: Buffer) {
  for (let i = 0; i < data.length; i += 50_000) yield data.subarray(i, i + 50_000);
}
