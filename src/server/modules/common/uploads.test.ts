// Uploaded files keep the extension of the type their bytes prove, never the client's: a PNG called poly.html is
// stored and served as poly.png, with nosniff, and only images open inline (PDFs and documents download).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';
import { checkUpload, DOCUMENT_KINDS } from './uploads.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 3)]);
const PDF = Buffer.from('%PDF-1.4\n% test file\n');

let t: TestApp;
let w: World;
let member1: Client;
let categoryId: number;

/** A multipart body: text fields, then files under `file`. */
function multipart(fields: Record<string, string>, files: { name: string; data: Buffer }[]) {
  const b = `----jl${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: text/html\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}
const upload = (c: Client, url: string, files: { name: string; data: Buffer }[], fields = {}) => {
  const m = multipart(fields, files);
  return c.post(url, m.body, m.headers);
};
/** The file name a download offers (the RFC 6266 filename* value). */
const offeredName = (disposition: unknown) =>
  decodeURIComponent(String(disposition).match(/filename\*=UTF-8''([^;]+)/)?.[1] ?? '');

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明' }).returning();
  categoryId = leaf.id;
  member1 = await login(t.app, 'member1');
});
afterAll(() => t.close());

describe('checkUpload', () => {
  it("replaces the client's extension with the sniffed type's", () => {
    expect(checkUpload(PNG, 'poly.html', DOCUMENT_KINDS).filename).toBe('poly.png');
    expect(checkUpload(PDF, '答复函.PDF', DOCUMENT_KINDS).filename).toBe('答复函.pdf');
    expect(checkUpload(PNG, '照片', DOCUMENT_KINDS).filename).toBe('照片.png');
    expect(checkUpload(PNG, 'a.svg.html', DOCUMENT_KINDS).filename).toBe('a.svg.png');
    expect(checkUpload(PNG, '.html', DOCUMENT_KINDS).filename).toBe('file.png');
  });
});

describe('stored names and download headers', () => {
  it('stores and serves an item file under the sniffed extension, images inline, with nosniff', async () => {
    const created = await member1.post('/api/v1/opinions', {
      title: '路灯',
      content: '村口路灯坏了',
      channel: 'activity',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const res = await upload(member1, `/api/v1/opinions/${id}/attachments`, [
      { name: 'poly.html', data: PNG },
      { name: 'scan.html', data: PDF },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const [png, pdf] = res.json().items;
    expect(png).toMatchObject({ filename: 'poly.png', mime: 'image/png' });
    expect(pdf).toMatchObject({ filename: 'scan.pdf', mime: 'application/pdf' });
    const keys = await t.db.execute(sql`select storage_key as k from opinion_attachments where opinion_id = ${id}`);
    expect((keys.rows as { k: string }[]).map((r) => r.k.split('.').pop()).sort()).toEqual(['pdf', 'png']);

    const image = await member1.get(`/api/v1/opinions/${id}/attachments/${png.id}`);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(String(image.headers['content-disposition'])).toMatch(/^inline;/);
    expect(offeredName(image.headers['content-disposition'])).toBe('poly.png');
    const doc = await member1.get(`/api/v1/opinions/${id}/attachments/${pdf.id}`);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.headers['x-content-type-options']).toBe('nosniff');
    expect(String(doc.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(offeredName(doc.headers['content-disposition'])).toBe('scan.pdf');
  });

  it('serves a file stored earlier under a misleading name with the extension of its recorded type', async () => {
    const created = await member1.post('/api/v1/opinions', { title: '井盖', content: '井盖缺失', channel: 'activity' });
    const id = created.json().id;
    const res = await upload(member1, `/api/v1/opinions/${id}/attachments`, [{ name: 'old.png', data: PNG }]);
    const att = res.json().items[0];
    await t.db.execute(sql`update opinion_attachments set filename = 'old.html' where id = ${att.id}`);
    const file = await member1.get(`/api/v1/opinions/${id}/attachments/${att.id}`);
    expect(file.statusCode).toBe(200);
    expect(offeredName(file.headers['content-disposition'])).toBe('old.png');
  });

  it('renames activity photos and sign-in sheets the same way', async () => {
    const url = `/api/v1/activities/${w.act1.id}/attachments`;
    const photo = await upload(member1, url, [{ name: 'poly.html', data: PNG }]);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ filename: 'poly.png', mime: 'image/png' });
    const sheet = await upload(member1, url, [{ name: 'sheet.htm', data: PDF }], { kind: 'signin' });
    expect(sheet.json()).toMatchObject({ filename: 'sheet.pdf', mime: 'application/pdf' });
    const got = await member1.get(`${url}/${sheet.json().id}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(String(got.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(offeredName(got.headers['content-disposition'])).toBe('sheet.pdf');
    const img = await member1.get(`${url}/${photo.json().id}`);
    expect(String(img.headers['content-disposition'])).toMatch(/^inline;/);
    expect(offeredName(img.headers['content-disposition'])).toBe('poly.png');
  });

  it("renames a citizen's files on the public form", async () => {
    const m = multipart(
      {
        title: '路面破损',
        content: '村道有大坑',
        categoryId: String(categoryId),
        regionId: String(w.villA2.id),
        name: '李阿姨',
        phone: '',
        email: '',
        consent: 'true',
        website: '',
      },
      [{ name: 'poly.html', data: PNG }],
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/opinions',
      payload: m.body,
      headers: m.headers,
      remoteAddress: '10.8.0.1',
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await t.db.execute(sql`select a.filename from opinion_attachments a join opinions o
      on o.id = a.opinion_id where o.tracking_code = ${res.json().trackingCode}`);
    expect(rows.rows).toEqual([{ filename: 'poly.png' }]);
  });
});
