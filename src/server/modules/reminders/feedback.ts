// Feedback to everyone who raised an item (社情民意反馈制度): in-app to members' accounts, email/SMS to citizens.
import { sql } from 'drizzle-orm';
import { isMobilePhone, normalizePhone } from '../../../core/phone.js';
import type { DbOrTx } from '../../db/client.js';
import type { Lang } from '../../i18n/messages.js';
import { enqueue } from './outbox.js';
import { reminderText } from './texts.js';

interface Originator {
  id: number;
  kind: string;
  email: string;
  phone: string;
  lang: Lang;
}

/**
 * Called in the send_feedback transaction: notifies each originating member's (and originating user's) account and
 * queues an email and/or SMS for each citizen who left an address; keys carry the event, so a retry adds nothing.
 */
export async function notifyFeedback(
  tx: DbOrTx,
  opinionId: number,
  opts: { now?: Date; eventId?: number } = {},
): Promise<{ notified: number; queued: number }> {
  const now = opts.now ?? new Date();
  const o = (
    await tx.execute(sql`select id, title, tracking_code as "trackingCode", public_reply as "publicReply"
      from opinions where id = ${opinionId}`)
  ).rows[0] as { id: number; title: string; trackingCode: string; publicReply: string } | undefined;
  if (!o) return { notified: 0, queued: 0 };
  const title = reminderText('feedback_title', { title: o.title }).slice(0, 300);
  const inApp =
    await tx.execute(sql`insert into notifications (user_id, kind, title, body, link, opinion_id, data, created_at)
    select u.id, 'feedback', ${title}::text, ${o.publicReply.slice(0, 2000)}::text, ${`/opinions/${o.id}`}::text,
      ${o.id}::int, ${JSON.stringify({ title: o.title })}::jsonb, ${now.toISOString()}::timestamptz
    from users u
    where u.active and exists (select 1 from opinion_originators p where p.opinion_id = ${o.id}
      and (p.user_id = u.id or (p.member_id is not null and p.member_id = u.member_id)))
    returning id`);
  const res = await tx.execute(sql`select id, kind, email, phone, lang from opinion_originators
    where opinion_id = ${o.id} and kind = 'citizen' and (email <> '' or phone <> '') order by id`);
  const round = opts.eventId ?? 0;
  let queued = 0;
  for (const p of res.rows as unknown as Originator[]) {
    const text = reminderText(
      'feedback_email_body',
      { title: o.title, reply: o.publicReply, code: o.trackingCode },
      p.lang,
    );
    const key = (channel: string) => `feedback:${o.id}:${round}:${p.id}:${channel}`;
    if (p.email.includes('@')) {
      const subject = reminderText('feedback_email_subject', { title: o.title }, p.lang).slice(0, 200);
      const m = { channel: 'email' as const, recipient: p.email, subject, body: text, dedupeKey: key('email') };
      if (await enqueue(tx, { ...m, opinionId: o.id }, now)) queued++;
    }
    if (isMobilePhone(p.phone)) {
      const body = reminderText('feedback_sms', { title: o.title.slice(0, 30), code: o.trackingCode }, p.lang);
      const m = { channel: 'sms' as const, recipient: normalizePhone(p.phone) ?? p.phone, body, dedupeKey: key('sms') };
      if (await enqueue(tx, { ...m, opinionId: o.id }, now)) queued++;
    }
  }
  return { notified: inApp.rows.length, queued };
}
