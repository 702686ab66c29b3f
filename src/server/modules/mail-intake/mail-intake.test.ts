// The inbound SMTP listener against a real SMTP client (nodemailer): items with files, refusals with codes and log rows,
// Message-ID dedupe, the acknowledgement in the outbox, and the admin's log view.
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';
import type { AppConfig } from '../../config.js';
import { type MailIntake, startMailIntake } from './server.js';

const TO = 'sqmy@zx.example.gov.cn';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

let t: TestApp;
let intake: MailIntake;
let transport: ReturnType<typeof nodemailer.createTransport>;

beforeAll(async () => {
  t = await createTestApp({ config: { mailIntakeTo: [TO], mailIntakeMaxBytes: 64 * 1024 } as AppConfig });
  await buildWorld(t.db);
  intake = await startMailIntake(t.deps, { port: 0 });
  transport = nodemailer.createTransport({ host: '127.0.0.1', port: intake.port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  transport.close();
  await intake.close();
  await t.close();
});

const rows = async (q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as any[];
const lastLog = async () => (await rows(sql`select * from inbound_mail_log order by id desc limit 1`))[0];
const send = (over: Record<string, unknown>) =>
  transport.sendMail({ from: '张大爷 <zhang@example.com>', to: TO, subject: '村口路灯不亮', text: '正文', ...over });

describe('mail intake', () => {
  it('turns a mail into an item with its attachment, logs it and queues the acknowledgement', async () => {
    const info = await send({
      messageId: '<m1@example.com>',
      text: undefined,
      html: '<p>村口路灯坏了一个月，<b>夜间出行不安全</b>。</p><script>alert(1)</script>',
      attachments: [{ filename: '现场.png', content: PNG }],
    });
    expect(info.response).toMatch(/^250 .*tracking code [2-9A-Z]{10}/);
    const [item] = await rows(sql`select * from opinions where channel = 'email'`);
    expect(item.title).toBe('村口路灯不亮');
    expect(item.content).toContain('夜间出行不安全');
    expect(item.content).not.toContain('<');
    expect(item.status).toBe('received');
    const [who] = await rows(sql`select * from opinion_originators where opinion_id = ${item.id}`);
    expect(who).toMatchObject({ kind: 'citizen', name: '张大爷', email: 'zhang@example.com' });
    const [file] = await rows(sql`select * from opinion_attachments where opinion_id = ${item.id}`);
    expect(file).toMatchObject({ filename: '现场.png', mime: 'image/png', size: PNG.length });
    expect((await t.deps.files.get(file.storage_key)).equals(PNG)).toBe(true);
    expect(await lastLog()).toMatchObject({ outcome: 'accepted', sender: 'zhang@example.com', opinion_id: item.id });
    const [ack] = await rows(sql`select * from outbox where opinion_id = ${item.id}`);
    expect(ack).toMatchObject({ channel: 'email', recipient: 'zhang@example.com' });
    expect(ack.body).toContain(item.tracking_code);
  });

  it('keeps one item when the same Message-ID arrives again', async () => {
    const before = await rows(sql`select id from opinions where channel = 'email'`);
    await send({ messageId: '<m1@example.com>', text: '重发' });
    const after = await rows(sql`select id from opinions where channel = 'email'`);
    expect(after).toHaveLength(before.length);
    expect(await lastLog()).toMatchObject({ outcome: 'duplicate', opinion_id: before[0].id });
  });

  it('uses the first line when there is no subject', async () => {
    await send({ messageId: '<m2@example.com>', subject: '', text: '\n希望增设公交站点\n详细情况如下' });
    const [item] = await rows(sql`select * from opinions where idempotency_key = 'mail:<m2@example.com>'`);
    expect(item.title).toBe('希望增设公交站点');
  });

  it('refuses an unknown recipient at RCPT with 550 and logs it', async () => {
    await expect(send({ to: 'someone@zx.example.gov.cn' })).rejects.toMatchObject({ responseCode: 550 });
    expect(await lastLog()).toMatchObject({
      outcome: 'refused',
      reason: 'unknown_recipient: someone@zx.example.gov.cn',
    });
  });

  it('refuses an oversized mail with 552 and logs it', async () => {
    const n = (await rows(sql`select count(*)::int as n from opinions`))[0].n;
    const big = Buffer.concat([PNG, Buffer.alloc(100 * 1024, 1)]);
    await expect(send({ attachments: [{ filename: 'big.png', content: big }] })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(await lastLog()).toMatchObject({ outcome: 'refused' });
    expect((await lastLog()).reason).toMatch(/^too_large/);
    expect((await rows(sql`select count(*)::int as n from opinions`))[0].n).toBe(n);
  });

  it('refuses an empty mail and an unsupported attachment with 554, writing no item', async () => {
    const n = (await rows(sql`select count(*)::int as n from opinions`))[0].n;
    await expect(send({ text: '  ' })).rejects.toMatchObject({ responseCode: 554 });
    expect(await lastLog()).toMatchObject({ outcome: 'refused', reason: 'empty_body' });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
    await expect(send({ attachments: [{ filename: 'a.exe', content: exe }] })).rejects.toMatchObject({
      responseCode: 554,
    });
    expect(await lastLog()).toMatchObject({ outcome: 'refused', reason: 'unsupported_attachment: a.exe' });
    expect((await rows(sql`select count(*)::int as n from opinions`))[0].n).toBe(n);
    expect((await rows(sql`select count(*)::int as n from opinion_attachments`))[0].n).toBe(1);
  });

  it('shows the log to admins only', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.get('/api/v1/inbound-mail?outcome=refused');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(4);
    expect(body.items.every((x: any) => x.outcome === 'refused')).toBe(true);
    const all = (await admin.get('/api/v1/inbound-mail')).json();
    expect(all.items.find((x: any) => x.outcome === 'accepted').trackingCode).toMatch(/^[2-9A-Z]{10}$/);
    const member = await login(t.app, 'member1');
    expect((await member.get('/api/v1/inbound-mail')).statusCode).toBe(403);
  });
});
