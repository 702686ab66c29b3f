// The tracking link a citizen may ask for on the form: an SMS to a mobile phone and/or a mail to an e-mail address,
// queued in the outbox with the item (same statement or transaction), once per item and channel, in the form's language.
import { type SQL, sql } from 'drizzle-orm';
import { isMobilePhone } from '../../../core/phone.js';
import type { Tx } from '../../db/client.js';
import type { Lang } from '../../i18n/messages.js';
import { enqueue, type OutboxInput } from '../reminders/outbox.js';
import { publicText } from './texts.js';

/** Where and how to send the link: the citizens' site origin (PUBLIC_ORIGIN or the request's) and the language. */
export interface LinkRequest {
  origin: string;
  lang: Lang;
}

interface Contact {
  title: string;
  phone: string;
  email: string;
}

/** The outbox key of an item's link on a channel: a retried or repeated form never sends it twice. */
export const linkDedupeKey = (channel: 'sms' | 'email', opinionId: number | string) =>
  `track-link:${channel}:${opinionId}`;

/** The link messages (without dedupe key and item id) for a citizen's contact details; none without phone or mail. */
export function linkMessages(c: Contact, trackingCode: string, req: LinkRequest): Omit<OutboxInput, 'dedupeKey'>[] {
  const link = `${req.origin}/public/opinions/${trackingCode}`;
  const p = { title: c.title.length > 30 ? `${c.title.slice(0, 30)}…` : c.title, code: trackingCode, link };
  const out: Omit<OutboxInput, 'dedupeKey'>[] = [];
  if (c.phone && isMobilePhone(c.phone))
    out.push({ channel: 'sms', recipient: c.phone, body: publicText('linkSms', req.lang, p) });
  if (c.email)
    out.push({
      channel: 'email',
      recipient: c.email,
      subject: publicText('linkMailSubject', req.lang, p),
      body: publicText('linkMailBody', req.lang, { ...p, title: c.title }),
    });
  return out;
}

/** Queues the link messages of a just-written item in the caller's transaction. */
export async function enqueueLink(
  tx: Tx,
  c: Contact,
  item: { id: number; trackingCode: string },
  req: LinkRequest,
  now: Date,
) {
  for (const m of linkMessages(c, item.trackingCode, req))
    await enqueue(tx, { ...m, dedupeKey: linkDedupeKey(m.channel, item.id), opinionId: item.id }, now);
}

/** The same as a CTE over the inserted item `ins` (one-statement form): nothing when not asked for. */
export function linkCte(c: Contact, trackingCode: string, req: LinkRequest | null, now: string): SQL {
  const msgs = req ? linkMessages(c, trackingCode, req) : [];
  if (!msgs.length) return sql``;
  const rows = sql.join(
    msgs.map((m) => sql`(${m.channel}, ${m.recipient}, ${m.subject ?? ''}, ${m.body})`),
    sql`, `,
  );
  return sql`lk as (insert into outbox (channel, recipient, subject, body, dedupe_key, opinion_id, not_before, created_at)
      select v.channel, v.recipient, v.subject, v.body, 'track-link:' || v.channel || ':' || ins.id, ins.id,
        ${now}::timestamptz, ${now}::timestamptz
      from ins cross join (values ${rows}) as v(channel, recipient, subject, body)
      on conflict (dedupe_key) do nothing),`;
}
