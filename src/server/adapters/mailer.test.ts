// The SMTP driver against a real local SMTP listener, and the logging driver.
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogMailer, createMailer, createSmtpMailer } from './mailer.js';
import { decodeMail, type SmtpSink, startSmtpSink } from './smtp-sink.test-helper.js';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());

describe('mailer', () => {
  it('delivers a Chinese plain-text message over SMTP with authentication', async () => {
    const mailer = createSmtpMailer(`smtp://office:secret@127.0.0.1:${sink.port}`, 'zxsqmy@example.org');
    await mailer.send({
      to: 'citizen@example.org',
      subject: '社情民意办理结果反馈',
      text: '您好，已办理。查询码 ABC123',
    });
    mailer.close?.();
    expect(sink.mails).toHaveLength(1);
    const m = sink.mails[0];
    expect(m.user).toBe('office');
    expect(m.from).toBe('zxsqmy@example.org');
    expect(m.to).toEqual(['citizen@example.org']);
    const decoded = decodeMail(m.raw);
    expect(decoded.subject).toBe('社情民意办理结果反馈');
    expect(decoded.text).toContain('您好，已办理。查询码 ABC123');
  });

  it('rejects when the server refuses the recipient', async () => {
    const mailer = createSmtpMailer(`smtp://office:secret@127.0.0.1:${sink.port}`, 'zxsqmy@example.org');
    await expect(mailer.send({ to: 'nobody@refused.test', subject: 'x', text: 'y' })).rejects.toThrow();
    mailer.close?.();
  });

  it('logs instead of sending when SMTP_URL is unset', async () => {
    const lines: string[] = [];
    const mailer = createLogMailer((l) => lines.push(l));
    await mailer.send({ to: 'a@example.org', subject: '主题', text: '正文' });
    expect(mailer.sent).toHaveLength(1);
    expect(lines[0]).toContain('a@example.org');
    expect(createMailer({ smtpUrl: null, smtpFrom: 'x@y' }).kind).toBe('log');
    expect(createMailer({ smtpUrl: 'smtp://127.0.0.1:1', smtpFrom: 'x@y' }).kind).toBe('smtp');
    expect(SMTPServer).toBeTypeOf('function');
  });
});
