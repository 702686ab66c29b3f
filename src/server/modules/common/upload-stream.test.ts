// Uploads stream into the file store: the type is still proven by the bytes (also when an Office document names its
// parts only past the first 64 KiB, split across chunks), the size limit still answers 413, and whatever is refused
// (type, size, too many files, a bad form) leaves nothing in the store. Run against the database store.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestAppOn,
  login,
  openTestDatabase,
  type TestApp,
} from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { createDatabaseFileStore } from '../../adapters/db-file-store.js';
import type { AppConfig } from '../../config.js';
import { opinionCategories } from '../../db/schema.js';
import { DOCUMENT_KINDS, IMAGE_PDF_KINDS, streamUpload } from './uploads.js';

const LIMIT = 300 * 1024;
let t: TestApp;
let w: World;
let member1: Client;
let categoryId: number;
let ip = 0;

const png = (n: number) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(n - 8)]);
const storedCount = async () =>
  ((await t.db.execute(sql`select count(*)::int as n from stored_files`)).rows[0] as { n: number }).n;

function multipart(fields: Record<string, string>, files: { name: string; data: Buffer }[]) {
  const b = `----jl${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\n\r\n`),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

/** A multipart file part as the plugin hands it over, its bytes in the given chunks. */
function fakePart(chunks: Buffer[], filename: string, truncated = false): MultipartFile {
  const file = Object.assign(Readable.from(chunks), { truncated: false });
  file.on('end', () => (file.truncated = truncated));
  return { type: 'file', filename, file, fieldname: 'file' } as unknown as MultipartFile;
}

/** A zip-looking file whose Office part names come late and split across two chunks. */
function lateOffice(marker: string): Buffer[] {
  const start = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), crypto.randomBytes(100 * 1024)]);
  const names = Buffer.from(`..[Content_Types].xml..${marker}..`, 'latin1');
  const cut = names.length - 8;
  return [start, Buffer.concat([crypto.randomBytes(20_000), names.subarray(0, cut)]), names.subarray(cut)];
}

beforeAll(async () => {
  const database = await openTestDatabase();
  t = await createTestAppOn(database, {
    files: createDatabaseFileStore(database.db),
    config: { maxUploadBytes: LIMIT } as AppConfig,
  });
  w = await buildWorld(t.db);
  const [c] = await t.db.insert(opinionCategories).values({ name: '道路照明' }).returning();
  categoryId = c.id;
  member1 = await login(t.app, 'member1');
});
afterAll(() => t?.close());

describe('streamUpload', () => {
  it('proves Office types from part names found late in the stream, across a chunk boundary', async () => {
    const docx = await streamUpload(t.deps.files, fakePart(lateOffice('word/document.xml'), 'a.bin'), DOCUMENT_KINDS);
    expect(docx).toMatchObject({ filename: 'a.docx', mime: expect.stringContaining('wordprocessingml') });
    const xlsx = await streamUpload(t.deps.files, fakePart(lateOffice('xl/workbook.xml'), 'b'), DOCUMENT_KINDS);
    expect(xlsx).toMatchObject({ filename: 'b.xlsx', mime: expect.stringContaining('spreadsheetml') });
    const bytes = Buffer.concat(lateOffice('word/document.xml'));
    expect((await streamUpload(t.deps.files, fakePart([bytes], 'c.docx'), DOCUMENT_KINDS)).size).toBe(bytes.length);
    for (const s of [docx, xlsx]) await t.deps.files.remove(s.storageKey);
  });

  it('refuses a zip that is no Office document, an Office file where only images are allowed, and keeps nothing', async () => {
    const before = await storedCount();
    await expect(
      streamUpload(t.deps.files, fakePart(lateOffice('word/other.xml'), 'x.docx'), DOCUMENT_KINDS),
    ).rejects.toMatchObject({ code: 'unsupported_file_type' });
    await expect(
      streamUpload(t.deps.files, fakePart(lateOffice('word/document.xml'), 'x.docx'), IMAGE_PDF_KINDS),
    ).rejects.toMatchObject({ code: 'unsupported_file_type' });
    expect(await storedCount()).toBe(before);
  });

  it('answers 413 for a file the plugin cut at the limit, and keeps nothing', async () => {
    const before = await storedCount();
    const part = fakePart([png(200 * 1024), crypto.randomBytes(200 * 1024)], 'big.png', true);
    await expect(streamUpload(t.deps.files, part, IMAGE_PDF_KINDS)).rejects.toMatchObject({ statusCode: 413 });
    expect(await storedCount()).toBe(before);
  });
});

describe('uploads over HTTP into the database store', () => {
  const attach = (data: Buffer, name = 'p.png') => {
    const m = multipart({ kind: 'photo' }, [{ name, data }]);
    return member1.post(`/api/v1/activities/${w.act1.id}/attachments`, m.payload, m.headers);
  };
  const submit = (fields: Record<string, string>, files: { name: string; data: Buffer }[]) => {
    const m = multipart(fields, files);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/public/opinions',
      remoteAddress: `10.77.0.${++ip}`,
      ...m,
    });
  };
  const form = () => ({
    title: '路灯不亮',
    content: '村口路灯坏了一个月，夜间出行不安全。',
    categoryId: String(categoryId),
    regionId: String(w.villA2.id),
    consent: 'true',
    website: '',
  });

  it('stores a photo in chunks and streams it back with its length', async () => {
    const data = png(LIMIT - 10_000);
    const res = await attach(data);
    expect(res.statusCode, res.body).toBe(201);
    const got = await member1.get(`/api/v1/activities/${w.act1.id}/attachments/${res.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-length']).toBe(String(data.length));
    expect(got.rawPayload.equals(data)).toBe(true);
    const row = (
      await t.db.execute(sql`select f.sha256 from attachments a join stored_files f on f.key = a.storage_key
      where a.id = ${res.json().id}`)
    ).rows[0] as { sha256: string };
    expect(row.sha256).toBe(crypto.createHash('sha256').update(data).digest('hex'));
  });

  it('refuses a file over the limit (413) or of another type (415) and keeps nothing', async () => {
    const before = await storedCount();
    expect((await attach(png(LIMIT + 50_000))).statusCode).toBe(413);
    const wrong = await attach(Buffer.from('<html><script>alert(1)</script></html>'.repeat(10)), 'x.png');
    expect(wrong.statusCode).toBe(415);
    expect(await storedCount()).toBe(before);
  });

  it('a citizen form refused after its files streamed in (bad type third, bad field, too many) keeps none of them', async () => {
    const before = await storedCount();
    const two = [
      { name: 'a.png', data: png(120_000) },
      { name: 'b.png', data: png(130_000) },
    ];
    expect((await submit(form(), [...two, { name: 'c.png', data: Buffer.alloc(5000, 1) }])).statusCode).toBe(415);
    expect((await submit({ ...form(), consent: 'false' }, two)).statusCode).toBe(400);
    const four = [...two, ...two].map((f, i) => ({ ...f, name: `${i}.png` }));
    expect((await submit(form(), four)).statusCode).toBe(400);
    expect(await storedCount()).toBe(before);
    const ok = await submit(form(), two);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await storedCount()).toBe(before + 2);
  });
});
