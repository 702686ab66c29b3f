// The citizen form's Idempotency-Key: a retried or double-tapped submission returns the first item (files stored once),
// and a key alone never reveals someone else's item.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 3)]);

let t: TestApp;
let w: World;
let categoryId: number;
let ipSeq = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明' }).returning();
  categoryId = leaf.id;
});
afterAll(() => t.close());

const fields = (over: Record<string, string> = {}) => ({
  title: '鹤鹿溪村路灯不亮',
  content: '村口路灯坏了一个月，夜间出行不安全。',
  categoryId: String(categoryId),
  regionId: String(w.villA2.id),
  name: '张大爷',
  phone: '13912345678',
  email: '',
  consent: 'true',
  website: '',
  ...over,
});

const submitJson = (body: Record<string, string>, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions',
    payload: { ...body, categoryId: Number(body.categoryId), regionId: Number(body.regionId), consent: true },
    headers: key ? { 'idempotency-key': key } : {},
    remoteAddress: `10.7.0.${++ipSeq}`,
  });

function submitMultipart(body: Record<string, string>, files: { name: string; data: Buffer }[], key?: string) {
  const b = `----jl${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(body))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions',
    payload: Buffer.concat(parts),
    headers: {
      'content-type': `multipart/form-data; boundary=${b}`,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    remoteAddress: `10.7.1.${++ipSeq}`,
  });
}

const count = async (table: 'opinions' | 'opinion_attachments') =>
  ((await t.db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`)).rows[0] as { n: number }).n;
const storedFiles = () => {
  const dir = path.join(t.deps.config.dataDir, 'files');
  return fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.')).length
    : 0;
};

describe('public submission with Idempotency-Key', () => {
  it('returns the first item (200, same tracking code) when the same key is sent again', async () => {
    const before = await count('opinions');
    const key = crypto.randomUUID();
    const first = await submitJson(fields(), key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await submitJson(fields(), key);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
    expect(await count('opinions')).toBe(before + 1);
    const stored = await t.db.execute(
      sql`select idempotency_key as k from opinions where tracking_code = ${first.json().trackingCode}`,
    );
    const k = (stored.rows[0] as { k: string }).k;
    expect(k.startsWith('public:')).toBe(true);
    expect(k).not.toContain(key); // only a hash is kept
  });

  it('makes a new item for another key or no key', async () => {
    const before = await count('opinions');
    const a = await submitJson(fields(), crypto.randomUUID());
    const b = await submitJson(fields(), crypto.randomUUID());
    const c = await submitJson(fields());
    const d = await submitJson(fields());
    expect([a, b, c, d].map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set([a, b, c, d].map((r) => r.json().trackingCode)).size).toBe(4);
    expect(await count('opinions')).toBe(before + 4);
  });

  it("never hands out another citizen's tracking code for a reused key with other content", async () => {
    const key = crypto.randomUUID();
    const mine = await submitJson(fields(), key);
    const other = await submitJson(fields({ title: '别人的标题', content: '别人的内容' }), key);
    expect(other.statusCode).toBe(201);
    expect(other.json().trackingCode).not.toBe(mine.json().trackingCode);
  });

  it('stores the files of a multipart submission once', async () => {
    const items = await count('opinions');
    const files = await count('opinion_attachments');
    const onDisk = storedFiles();
    const key = crypto.randomUUID();
    const photos = [
      { name: '一.png', data: PNG },
      { name: '二.png', data: PNG },
    ];
    const first = await submitMultipart(fields(), photos, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await submitMultipart(fields(), photos, key);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
    expect(await count('opinions')).toBe(items + 1);
    expect(await count('opinion_attachments')).toBe(files + 2);
    expect(storedFiles()).toBe(onDisk + 2);
  });
});
