// Turns one received e-mail into a 社情民意 item (channel 'email') through the citizen intake path, or refuses it;
// every decision leaves a row in inbound_mail_log.
import crypto from 'node:crypto';
import { htmlToText } from 'html-to-text';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Deps } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { inboundMailLog } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { checkUpload, DOCUMENT_KINDS, storeWith, type Upload } from '../common/uploads.js';
import { recordCitizenOpinion } from '../public/intake.js';
import { enqueue } from '../reminders/outbox.js';

/** Most attached files one mail may carry. */
export const MAX_MAIL_ATTACHMENTS = 10;

/** The outcome of one mail: accepted (new item), duplicate (same Message-ID again) or refused with an SMTP code. */
export type MailOutcome =
  | { outcome: 'accepted' | 'duplicate'; opinionId: number; trackingCode: string }
  | { outcome: 'refused'; reason: string; smtpCode: number; smtpText: string };

/** Writes one row of the inbound log (refusals happen outside any item transaction). */
export async function logMail(
  db: DbOrTx,
  row: { sender: string; subject: string; outcome: string; reason?: string; opinionId?: number | null; at: Date },
) {
  await db.insert(inboundMailLog).values({
    sender: row.sender.slice(0, 320),
    subject: row.subject.slice(0, 300),
    outcome: row.outcome,
    reason: (row.reason ?? '').slice(0, 500),
    opinionId: row.opinionId ?? null,
    at: row.at,
  });
}

/** Whether an address is one the listener accepts mail for. */
export function isIntakeRecipient(address: string, accepted: string[]): boolean {
  return accepted.includes(address.trim().toLowerCase());
}

// Mail written by machines (bounces, auto-replies, lists) gets no acknowledgement, so two robots never loop.
function isAutomatic(mail: ParsedMail, from: string): boolean {
  const h = (k: string) => String(mail.headers.get(k) ?? '').toLowerCase();
  if (h('auto-submitted') && h('auto-submitted') !== 'no') return true;
  if (['bulk', 'junk', 'list'].includes(h('precedence'))) return true;
  if (mail.headers.has('list-id')) return true;
  return !from || /^(mailer-daemon|postmaster|no-?reply)@/i.test(from);
}

/** The first non-empty line, for mails without a subject. */
const firstLine = (s: string) =>
  s
    .split(/\r?\n/)
    .find((l) => l.trim())
    ?.trim() ?? '';

/** The checked attachments; inline images of an HTML body (cid: parts) are decoration and are skipped. */
function attachmentsOf(mail: ParsedMail): Upload[] | { reason: string } {
  const parts = mail.attachments.filter((a) => !a.related);
  if (parts.length > MAX_MAIL_ATTACHMENTS) return { reason: `too_many_attachments: ${parts.length}` };
  const out: Upload[] = [];
  for (const a of parts) {
    try {
      out.push(checkUpload(a.content, a.filename ?? '', DOCUMENT_KINDS));
    } catch (e) {
      if (e instanceof AppError) return { reason: `unsupported_attachment: ${a.filename ?? a.contentType}` };
      throw e;
    }
  }
  return out;
}

const refused = (reason: string, smtpCode: number, smtpText: string): MailOutcome => ({
  outcome: 'refused',
  reason,
  smtpCode,
  smtpText,
});

/**
 * Parses a raw message and records it as an item with its files, idempotent on Message-ID (a mail without one is
 * keyed by its content hash), acknowledged to the sender through the outbox. Refusals are logged and returned.
 */
export async function intakeMail(deps: Pick<Deps, 'database' | 'files' | 'now'>, raw: Buffer): Promise<MailOutcome> {
  const db = deps.database.db;
  const now = deps.now();
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true });
  } catch {
    await logMail(db, { sender: '', subject: '', outcome: 'refused', reason: 'unparseable', at: now });
    return refused('unparseable', 554, '5.6.0 Message could not be parsed');
  }
  const fromAddr = mail.from?.value[0];
  const sender = fromAddr?.address ?? '';
  const subject = (mail.subject ?? '').trim();
  const log = (outcome: string, reason = '', opinionId: number | null = null) =>
    logMail(db, { sender, subject, outcome, reason, opinionId, at: now });
  // An HTML body becomes plain text (mailparser does it only for single-part mail); HTML is never stored or rendered.
  const html = typeof mail.html === 'string' ? mail.html : '';
  const body = mail.text?.trim() ? mail.text : html ? htmlToText(html, { wordwrap: false }) : '';
  const text = body.replace(/\r\n/g, '\n').trim();
  if (!text && !mail.attachments.some((a) => !a.related)) {
    await log('refused', 'empty_body');
    return refused('empty_body', 554, '5.6.0 Empty message: please write your opinion in the mail body');
  }
  const files = attachmentsOf(mail);
  if (!Array.isArray(files)) {
    await log('refused', files.reason);
    return refused(files.reason, 554, '5.6.1 Attachment type not accepted (allowed: JPG PNG WEBP PDF DOCX XLSX)');
  }
  const title = (subject || firstLine(text) || '（无主题邮件）').slice(0, 100);
  const content = (text || title).slice(0, 20_000);
  const key = mail.messageId
    ? `mail:${mail.messageId.slice(0, 400)}`
    : `mail-sha256:${crypto.createHash('sha256').update(raw).digest('hex')}`;
  const email = sender && /^[^\s@]+@[^\s@]+$/.test(sender) ? sender.slice(0, 200) : '';
  const ack = email && !isAutomatic(mail, email);
  const out = await storeWith(deps.files, files, async (stored) => {
    const out = await recordCitizenOpinion(
      db,
      { title, content, name: (fromAddr?.name ?? '').slice(0, 50), phone: '', email },
      {
        channel: 'email',
        now,
        idempotencyKey: key,
        files: stored,
        within: async (tx, item) => {
          await logMail(tx, { sender, subject, outcome: 'accepted', opinionId: item.id, at: now });
          if (!ack) return;
          await enqueue(
            tx,
            {
              channel: 'email',
              recipient: email,
              subject: `已收到您的社情民意（查询码 ${item.trackingCode}）`,
              body: `您好：\n\n您发来的社情民意“${title}”已收到，查询码为 ${item.trackingCode}。\n可凭查询码在政协社情民意查询页面查看办理进度和答复。\n\n（本邮件由系统自动发送，请勿直接回复。）`,
              dedupeKey: `mail-ack:${item.id}`,
              opinionId: item.id,
            },
            now,
          );
        },
      },
    );
    // A redelivery kept the first item: the files just stored belong to nothing.
    if (!out.created) await Promise.all(stored.map((s) => deps.files.remove(s.storageKey)));
    return out;
  });
  if (!out.created) {
    await log('duplicate', 'message_id_seen', out.id);
    return { outcome: 'duplicate', opinionId: out.id, trackingCode: out.trackingCode };
  }
  return { outcome: 'accepted', opinionId: out.id, trackingCode: out.trackingCode };
}
