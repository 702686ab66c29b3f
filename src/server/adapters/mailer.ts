// Outgoing email behind one interface: SMTP through nodemailer when SMTP_URL is set, else a driver that only logs.
import nodemailer from 'nodemailer';

/** One plain-text message. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** What the outbox worker needs from a mail transport; send rejects when the server refuses the message. */
export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

/** Sends through an SMTP server given as smtp://user:pass@host:port (smtps:// for implicit TLS). */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}

/** Logs each message instead of sending it (installations without a mail server, development, tests). */
export function createLogMailer(
  log: (line: string) => void = (l) => console.info(l),
): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    kind: 'log',
    sent,
    async send(m) {
      sent.push(m);
      log(`[mail] to=${m.to} subject=${JSON.stringify(m.subject)}`);
    },
  };
}

/** Picks the driver from configuration. */
export function createMailer(cfg: { smtpUrl: string | null; smtpFrom: string }): Mailer {
  return cfg.smtpUrl ? createSmtpMailer(cfg.smtpUrl, cfg.smtpFrom) : createLogMailer();
}
