// Feedback both ways: send_feedback notifies the originating member in-app and emails the citizen over real SMTP.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { createSmtpMailer } from '../../adapters/mailer.js';
import { createLogSms } from '../../adapters/sms.js';
import { decodeMail, type SmtpSink, startSmtpSink } from '../../adapters/smtp-sink.test-helper.js';
import { deliverOutbox, notifyFeedback } from './service.js';

let t: TestApp;
let w: World;
let admin: Client;
let sink: SmtpSink;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await login(t.app, 'admin');
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await t.close();
});

describe('feedback', () => {
  it('reaches the member in-app and the citizen by email (SMTP) and SMS, once', async () => {
    const created = await admin.post('/api/v1/opinions', {
      title: '古城村垃圾清运不及时',
      content: '垃圾桶经常满溢，希望增加清运次数。',
      channel: 'letter',
      regionId: w.villA1.id,
      originators: [
        { kind: 'citizen', name: '陈女士', phone: '139 1234 5678', email: 'chen@example.org' },
        { kind: 'citizen', name: '匿名' },
        { kind: 'member', memberId: w.m1.id },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, trackingCode } = created.json();
    for (const [action, payload] of [
      ['accept', {}],
      ['reply_directly', { content: '已协调环卫所每日清运两次。' }],
      ['send_feedback', {}],
    ] as const) {
      const res = await admin.post(`/api/v1/opinions/${id}/transitions`, { action, ...payload });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }

    const member1 = await login(t.app, 'member1');
    const list = (await member1.get('/api/v1/notifications')).json();
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: 'feedback', opinionId: id, body: '已协调环卫所每日清运两次。' });
    expect((await (await login(t.app, 'member2')).get('/api/v1/notifications')).json().total).toBe(0);

    const rows = await t.db.execute(
      sql`select channel, recipient from outbox where opinion_id = ${id} order by channel`,
    );
    expect(rows.rows).toEqual([
      { channel: 'email', recipient: 'chen@example.org' },
      { channel: 'sms', recipient: '13912345678' },
    ]);
    // Calling it again for the same feedback event adds nothing to the outbox.
    const ev = await t.db.execute(
      sql`select id from opinion_events where opinion_id = ${id} and type = 'send_feedback'`,
    );
    const again = await notifyFeedback(t.db, id, { eventId: Number((ev.rows[0] as { id: number }).id) });
    expect(again.queued).toBe(0);

    const mailer = createSmtpMailer(`smtp://127.0.0.1:${sink.port}`, 'zxsqmy@example.org');
    const sms = createLogSms(() => {});
    const sent = await deliverOutbox(t.db, mailer, sms, new Date());
    expect(sent.sent).toBeGreaterThanOrEqual(2);
    expect((await deliverOutbox(t.db, mailer, sms, new Date())).sent).toBe(0);
    mailer.close?.();

    const mails = sink.mails.filter((m) => m.to.includes('chen@example.org'));
    expect(mails).toHaveLength(1);
    const mail = decodeMail(mails[0].raw);
    expect(mail.subject).toContain('古城村垃圾清运不及时');
    expect(mail.text).toContain('已协调环卫所每日清运两次。');
    expect(mail.text).toContain(trackingCode);
    expect(sms.sent.filter((s) => s.phone === '13912345678')).toHaveLength(1);
    expect(sms.sent[0].text).toContain(trackingCode);
  });
});
