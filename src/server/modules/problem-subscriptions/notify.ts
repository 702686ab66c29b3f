// E-mail to the confirmed subscribers of a 民生问题 (or of its area) when it moves: called by the problems module in
// the same transaction as the move.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { loadBulletinSettings } from '../bulletins/settings.js';
import { enqueue } from '../reminders/outbox.js';
import { langOf, mailText, statusText } from './texts.js';
import { rememberedOrigin, unsubscribeToken } from './tokens.js';

interface Subscriber {
  id: number;
  email: string;
  lang: string;
}

interface ProblemEvent {
  title: string;
  regionName: string;
  status: string;
  progress: number;
  outcome: string;
  published: boolean;
  type: string;
  toStatus: string | null;
  payload: Record<string, unknown> | null;
  at: string | Date;
}

/**
 * Queues one mail per confirmed, not unsubscribed subscriber of the problem, of its township and of the area above
 * it, with the problem's new status and progress and the subscriber's own unsubscribe link. An address following
 * both the problem and its township gets one mail per subscription, each with its own link; the dedupe key per
 * (event, subscription) makes a repeated call queue nothing more. Unpublished problems mail no one.
 */
export async function queueProblemSubscriberMail(tx: Tx, problemId: number, eventId: number): Promise<void> {
  const ev = (
    await tx.execute(sql`select p.title, coalesce(r.name, '') as "regionName", p.status, p.progress::int as progress,
      p.outcome, p.published, e.type, e.to_status as "toStatus", e.payload, e.at
    from livelihood_problems p join problem_events e on e.problem_id = p.id and e.id = ${eventId}
    left join regions r on r.id = p.region_id where p.id = ${problemId}`)
  ).rows[0] as ProblemEvent | undefined;
  if (!ev?.published) return;
  const subs = (
    await tx.execute(sql`select s.id, s.email, s.lang from problem_subscriptions s
    where s.confirmed_at is not null and s.unsubscribed_at is null
      and (s.problem_id = ${problemId}
        or s.region_id = (select region_id from livelihood_problems where id = ${problemId})
        or s.region_id = (select r.parent_id from livelihood_problems p join regions r on r.id = p.region_id
          where p.id = ${problemId}))
    order by s.id`)
  ).rows as unknown as Subscriber[];
  if (subs.length === 0) return;
  const origin = await rememberedOrigin(tx);
  const issuer = (await loadBulletinSettings(tx)).unit;
  const now = new Date(ev.at);
  for (const s of subs) {
    const lang = langOf(s.lang);
    const token = await unsubscribeToken(tx, s.id);
    await enqueue(
      tx,
      {
        channel: 'email',
        recipient: s.email,
        subject: mailText('moveSubject', lang, { title: ev.title }),
        body: mailText('moveBody', lang, {
          title: ev.title,
          region: ev.regionName,
          event: eventLine(ev, lang),
          status: statusText(ev.status, lang),
          progress: ev.progress,
          outcome:
            ev.outcome && (ev.status === 'solved' || ev.status === 'partly_solved')
              ? mailText('outcome', lang, { outcome: ev.outcome })
              : '',
          link: `${origin}/public/problems/${problemId}`,
          unsubscribe: `${origin}/public/subscriptions/unsubscribe?token=${token}`,
          issuer,
        }),
        dedupeKey: `problem-sub:${eventId}:${s.id}`,
      },
      now,
    );
  }
}

/** One line saying what happened: a status move, a milestone, or a plain update. */
function eventLine(ev: ProblemEvent, lang: ReturnType<typeof langOf>): string {
  const p = ev.payload ?? {};
  const milestone = typeof p.title === 'string' ? p.title : typeof p.milestone === 'string' ? p.milestone : null;
  if (ev.toStatus) return mailText('eventStatus', lang, { status: statusText(ev.toStatus, lang) });
  if (milestone) {
    const progress = typeof p.progress === 'number' ? p.progress : ev.progress;
    const key = ev.type === 'milestone_reached' ? 'eventMilestone' : 'eventMilestonePlanned';
    return mailText(key, lang, { milestone, progress });
  }
  return mailText('eventOther', lang);
}
