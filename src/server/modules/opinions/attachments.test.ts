// Files on 社情民意 items: staff uploads and scope, a department's reply with files in one step, the citizen's form with
// files (all or nothing), and the tracking page showing only the approved reply's files.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';
import { DOCUMENT_KINDS, sniffType } from '../common/uploads.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 3)]);
const PDF = Buffer.from('%PDF-1.4\n% test file\n');

let t: TestApp;
let w: World;
let admin: Client;
let dept1: Client;
let dept2: Client;
let member2: Client;
let categoryId: number;
let ipSeq = 0;

/** A multipart body: text fields, then files under `file`. */
function multipart(fields: Record<string, string>, files: { name: string; data: Buffer }[]) {
  const b = `----jl${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

const upload = (c: Client, url: string, fields: Record<string, string>, files: { name: string; data: Buffer }[]) => {
  const m = multipart(fields, files);
  return c.post(url, m.body, m.headers);
};
const publicSubmit = (fields: Record<string, string>, files: { name: string; data: Buffer }[]) => {
  const m = multipart(fields, files);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions',
    payload: m.body,
    headers: m.headers,
    remoteAddress: `10.9.0.${++ipSeq}`,
  });
};
const count = async (table: 'opinions' | 'opinion_attachments') =>
  ((await t.db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`)).rows[0] as { n: number }).n;
const storedFiles = () => {
  const dir = path.join(t.deps.config.dataDir, 'files');
  return fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.')).length
    : 0;
};
const move = async (c: Client, id: number, action: string, payload: object = {}) => {
  const res = await c.post(`/api/v1/opinions/${id}/transitions`, { action, ...payload });
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const [top] = await t.db.insert(opinionCategories).values({ name: '城乡建设' }).returning();
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明', parentId: top.id }).returning();
  categoryId = leaf.id;
  const deptB = await buildDepartment(t.db, { name: '交通局' });
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '王科长',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  await buildUser(t.db, { username: 'dept2', displayName: '赵科长', roles: ['dept_handler'], departmentId: deptB.id });
  admin = await login(t.app, 'admin');
  dept1 = await login(t.app, 'dept1');
  dept2 = await login(t.app, 'dept2');
  member2 = await login(t.app, 'member2');
});
afterAll(() => t.close());

describe('file types', () => {
  it('sniffs docx and xlsx from the zip entries, and refuses a plain zip', async () => {
    const zip = async (names: string[]) => {
      const z = new JSZip();
      for (const n of names) z.file(n, '<x/>');
      return Buffer.from(await z.generateAsync({ type: 'nodebuffer' }));
    };
    expect(sniffType(await zip(['[Content_Types].xml', 'word/document.xml']), DOCUMENT_KINDS)?.ext).toBe('docx');
    expect(sniffType(await zip(['[Content_Types].xml', 'xl/workbook.xml']), DOCUMENT_KINDS)?.ext).toBe('xlsx');
    expect(sniffType(await zip(['a.txt']), DOCUMENT_KINDS)).toBeNull();
    expect(sniffType(await zip(['[Content_Types].xml', 'word/document.xml']))).toBeNull(); // activities: no Office
  });
});

describe('opinion attachments', () => {
  let id: number;

  it('lets the member who raised an item upload; lists it in the item; others get 403/404', async () => {
    const member1 = await login(t.app, 'member1');
    const created = await member1.post('/api/v1/opinions', {
      title: '路灯',
      content: '村口路灯坏了',
      channel: 'activity',
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    const res = await upload(member1, `/api/v1/opinions/${id}/attachments`, {}, [{ name: '照片.png', data: PNG }]);
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json().items[0];
    expect(att).toMatchObject({ filename: '照片.png', mime: 'image/png', size: PNG.length, eventId: null });
    expect(att.storageKey).toBeUndefined();
    const item = (await member1.get(`/api/v1/opinions/${id}`)).json();
    expect(item.attachments).toMatchObject([{ id: att.id, filename: '照片.png' }]);
    const file = await member1.get(`/api/v1/opinions/${id}/attachments/${att.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await member2.get(`/api/v1/opinions/${id}/attachments/${att.id}`)).statusCode).toBe(404);
    expect((await dept1.get(`/api/v1/opinions/${id}/attachments/${att.id}`)).statusCode).toBe(404);
    const exe = await upload(admin, `/api/v1/opinions/${id}/attachments`, {}, [
      { name: 'a.exe', data: Buffer.alloc(40) },
    ]);
    expect(exe.statusCode).toBe(415);
    const leader = await login(t.app, 'leader1');
    const denied = await upload(leader, `/api/v1/opinions/${id}/attachments`, {}, [{ name: 'b.png', data: PNG }]);
    expect(denied.statusCode).toBe(403);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(t.deps.config.maxUploadBytes + 10)]);
    const res = await upload(admin, `/api/v1/opinions/${id}/attachments`, {}, [{ name: 'big.png', data: big }]);
    expect(res.statusCode).toBe(413);
  });

  it('lets the lead department reply with files in one step; the assigned department sees all files', async () => {
    await move(admin, id, 'accept');
    await move(admin, id, 'forward', { leadDepartmentId: w.deptA.id, deadline: '2099-03-20', instructions: '请核实' });
    const url = `/api/v1/opinions/${id}/answer`;
    expect((await upload(dept2, url, { content: '答复' }, [{ name: 'x.pdf', data: PDF }])).statusCode).toBe(404);
    const before = await count('opinion_attachments');
    const bad = await upload(dept1, url, { content: '答复' }, [
      { name: '答复函.pdf', data: PDF },
      { name: 'x.exe', data: Buffer.alloc(40) },
    ]);
    expect(bad.statusCode).toBe(415);
    expect(await count('opinion_attachments')).toBe(before);
    const refused = await upload(dept1, url, { content: '' }, [{ name: '答复函.pdf', data: PDF }]);
    expect(refused.statusCode).toBe(400);
    expect(await count('opinion_attachments')).toBe(before);
    const res = await upload(dept1, url, { content: '已修复路灯。' }, [{ name: '答复函.pdf', data: PDF }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('replied');
    const item = res.json().item;
    const replyFile = item.attachments.find((a: any) => a.filename === '答复函.pdf');
    expect(replyFile.eventId).toBe(res.json().eventId);
    expect(item.attachments).toHaveLength(2);
    const events = (await admin.get(`/api/v1/opinions/${id}/events`)).json().items;
    expect(events.at(-1).payload.attachmentIds).toEqual([replyFile.id]);
    const again = await upload(dept1, url, { content: '再答复' }, []);
    expect(again.statusCode).toBe(409);
    const file = await dept1.get(`/api/v1/opinions/${id}/attachments/${item.attachments[0].id}`);
    expect(file.statusCode).toBe(200);
  });

  it('shows the citizen only the approved reply files, once feedback is sent', async () => {
    const code = (await admin.get(`/api/v1/opinions/${id}`)).json().trackingCode;
    const item = (await admin.get(`/api/v1/opinions/${id}`)).json();
    const [own, reply] = item.attachments;
    const view = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/public/opinions/${code}` })).json();
    const get = (attId: number) =>
      t.app.inject({ method: 'GET', url: `/api/v1/public/opinions/${code}/attachments/${attId}` });
    expect((await view()).replyAttachments).toEqual([]);
    expect((await get(reply.id)).statusCode).toBe(404);
    await move(admin, id, 'approve_reply');
    await move(admin, id, 'send_feedback');
    expect((await view()).replyAttachments).toMatchObject([{ id: reply.id, filename: '答复函.pdf' }]);
    const ok = await get(reply.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect((await get(own.id)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/opinions/ZZZZZZZZZZ/attachments/${reply.id}` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('deleting opinion attachments', () => {
  let id: number;
  let member1: Client;
  const url = (attId: number) => `/api/v1/opinions/${id}/attachments/${attId}`;
  const listed = async (c: Client) => (await c.get(`/api/v1/opinions/${id}/attachments`)).json().items;
  const audits = async (attId: number) =>
    (
      (
        await t.db.execute(sql`select count(*)::int as n from audit_log
          where entity = 'opinion_attachment' and action = 'delete' and entity_id = ${String(attId)}`)
      ).rows[0] as { n: number }
    ).n;

  beforeAll(async () => {
    member1 = await login(t.app, 'member1');
    const created = await member1.post('/api/v1/opinions', { title: '井盖', content: '井盖缺失', channel: 'activity' });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    const res = await upload(member1, `/api/v1/opinions/${id}/attachments`, {}, [
      { name: '一.png', data: PNG },
      { name: '二.pdf', data: PDF },
      { name: '三.png', data: PNG },
    ]);
    expect(res.statusCode, res.body).toBe(201);
  });

  it('lets the uploader delete while the item is received: row, file and audit go together', async () => {
    const [first] = await listed(member1);
    expect(first.canDelete).toBe(true);
    const files = await count('opinion_attachments');
    const onDisk = storedFiles();
    const res = await member1.del(url(first.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(await count('opinion_attachments')).toBe(files - 1);
    expect(storedFiles()).toBe(onDisk - 1);
    expect(await audits(first.id)).toBe(1);
    expect((await member1.get(url(first.id))).statusCode).toBe(404);
    expect((await member1.del(url(first.id))).statusCode).toBe(404);
  });

  it('refuses others (404 outside scope, 403 in scope) and the uploader once the item moved on; nothing deleted', async () => {
    const files = await count('opinion_attachments');
    const onDisk = storedFiles();
    const [second] = await listed(member1);
    expect((await member2.del(url(second.id))).statusCode).toBe(404);
    expect((await dept1.del(url(second.id))).statusCode).toBe(404);
    const leader = await login(t.app, 'leader1');
    expect((await listed(leader))[0].canDelete).toBe(false);
    const denied = await leader.del(url(second.id));
    expect(denied.statusCode).toBe(403);
    await move(admin, id, 'accept');
    expect((await listed(member1))[0].canDelete).toBe(false);
    expect((await member1.del(url(second.id))).statusCode).toBe(403);
    expect(await count('opinion_attachments')).toBe(files);
    expect(storedFiles()).toBe(onDisk);
    expect(await audits(second.id)).toBe(0);
    expect((await listed(admin))[0].canDelete).toBe(true);
    expect((await admin.del(url(second.id))).statusCode).toBe(200);
    expect(await count('opinion_attachments')).toBe(files - 1);
  });

  it("refuses to delete a reply's file, even for an admin", async () => {
    await move(admin, id, 'forward', { leadDepartmentId: w.deptA.id, deadline: '2099-03-20', instructions: '请核实' });
    const res = await upload(dept1, `/api/v1/opinions/${id}/answer`, { content: '已补装。' }, [
      { name: '答复.pdf', data: PDF },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const replyFile = (await listed(admin)).find((f: any) => f.eventId !== null);
    expect(replyFile.canDelete).toBe(false);
    const files = await count('opinion_attachments');
    const refused = await admin.del(url(replyFile.id));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'opinion_reply_file_locked',
      message: '该文件随答复一并提交，不能删除',
    });
    expect((await dept1.del(url(replyFile.id))).statusCode).toBe(409);
    expect(await count('opinion_attachments')).toBe(files);
  });
});

describe('public form with files', () => {
  const fields = () => ({
    title: '路面破损',
    content: '村道有大坑',
    categoryId: String(categoryId),
    regionId: String(w.villA2.id),
    name: '李阿姨',
    phone: '',
    email: '',
    consent: 'true',
    website: '',
  });

  it('stores the item and its files together', async () => {
    const res = await publicSubmit(fields(), [
      { name: '坑.png', data: PNG },
      { name: '说明.pdf', data: PDF },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const rows = (
      await t.db.execute(sql`select a.filename, o.channel from opinion_attachments a join opinions o on o.id = a.opinion_id
        where o.tracking_code = ${res.json().trackingCode} order by a.id`)
    ).rows;
    expect(rows).toEqual([
      { filename: '坑.png', channel: 'web' },
      { filename: '说明.pdf', channel: 'web' },
    ]);
  });

  it('writes nothing when a file is refused, there are too many, or a field is wrong', async () => {
    const items = await count('opinions');
    const files = await count('opinion_attachments');
    const onDisk = storedFiles();
    const bad = await publicSubmit(fields(), [
      { name: '坑.png', data: PNG },
      { name: 'x.html', data: Buffer.from('<html><script>alert(1)</script></html>') },
    ]);
    expect(bad.statusCode).toBe(415);
    const many = await publicSubmit(
      fields(),
      [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, data: PNG })),
    );
    expect(many.statusCode).toBe(400);
    expect(many.json().code).toBe('too_many_files');
    const noConsent = await publicSubmit({ ...fields(), consent: '' }, [{ name: '坑.png', data: PNG }]);
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().details[0].path).toBe('consent');
    const badVillage = await publicSubmit({ ...fields(), regionId: String(w.townA.id) }, [
      { name: '坑.png', data: PNG },
    ]);
    expect(badVillage.json().details[0].path).toBe('regionId');
    expect(await count('opinions')).toBe(items);
    expect(await count('opinion_attachments')).toBe(files);
    expect(storedFiles()).toBe(onDisk);
  });
});
