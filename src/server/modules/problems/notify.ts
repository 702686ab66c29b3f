// Telling the people who raised a problem's items that it moved (status change, milestone reached, solved): citizens
// by SMS (and e-mail when they left one) through the outbox with their tracking link, members and other accounts
// in-app. Keys carry the problem, the event and the person, so one event reaches one person once, however many of
// the problem's items they raised. Runs in the transaction of the move; only published problems are announced.
import { sql } from 'drizzle-orm';
import { isMobilePhone, normalizePhone } from '../../../core/phone.js';
import { problemStatusLabel } from '../../../core/problems/lifecycle.js';
import type { DbOrTx } from '../../db/client.js';
import { type Lang, type Texts, textIn } from '../../i18n/messages.js';
import { enqueue } from '../reminders/outbox.js';
import { rootItems } from './counts.js';

const texts = {
  title: { zh: '您反映的问题有新进展：{title}', en: 'The problem you raised moved: {title}' },
  status: {
    zh: '民生问题“{title}”现为「{status}」，进度 {progress}%。',
    en: '"{title}" is now {status} ({progress}%).',
    ug: '«{title}» ھازىر «{status}» ({progress}%).',
  },
  milestone: {
    zh: '民生问题“{title}”已完成节点「{milestone}」，进度 {progress}%。',
    en: '"{title}" reached "{milestone}" ({progress}%).',
    ug: '«{title}» «{milestone}» باسقۇچىنى تاماملىدى ({progress}%).',
  },
  sms: {
    zh: '{line}您反映的事项已纳入该问题，查看：{link}',
    en: '{line} Your item is part of it: {link}',
    ug: '{line} سىز ئىنكاس قىلغان ئىش بۇ مەسىلىگە كىرگۈزۈلدى: {link}',
  },
  mailSubject: { zh: '民生问题进展：{title}', en: 'Progress on: {title}', ug: 'مەسىلىنىڭ ئىلگىرىلىشى: {title}' },
  mailBody: {
    zh: '您好：\n\n{line}\n\n您反映的事项（查询码 {code}）已纳入这一民生问题。查看事项和问题的进展：{link}\n\n县政协',
    en: 'Hello,\n\n{line}\n\nYour item (tracking code {code}) is part of this problem. Follow it here: {link}',
    ug: 'ياخشىمۇسىز،\n\n{line}\n\nسىز ئىنكاس قىلغان ئىش (سۈرۈشتۈرۈش نومۇرى {code}) بۇ مەسىلىگە كىرگۈزۈلدى. ئىلگىرىلەشنى بۇ يەردىن كۆرۈڭ: {link}',
  },
} as const satisfies Record<string, Texts>;

/** The problem statuses as citizens read them in a message (the staff labels are Chinese). */
const statusNames: Record<string, Texts> = {
  collecting: { zh: '征集中', en: 'collecting', ug: 'توپلىنىۋاتىدۇ' },
  confirmed: { zh: '已确定', en: 'confirmed', ug: 'بېكىتىلدى' },
  in_progress: { zh: '推进中', en: 'in progress', ug: 'ئىلگىرى سۈرۈلۈۋاتىدۇ' },
  solved: { zh: '已解决', en: 'solved', ug: 'ھەل قىلىندى' },
  partly_solved: { zh: '部分解决', en: 'partly solved', ug: 'قىسمەن ھەل قىلىندى' },
};

const fill = (key: keyof typeof texts, params: Record<string, unknown>, lang: Lang = 'zh') =>
  textIn(texts[key], lang).replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));

/** The sentence saying what moved, in a language. */
const moveLine = (p: Problem, move: ProblemMove, lang: Lang) =>
  move.kind === 'status'
    ? fill(
        'status',
        {
          title: p.title,
          status:
            lang === 'zh'
              ? problemStatusLabel(move.status)
              : textIn(statusNames[move.status] ?? { zh: move.status, en: move.status }, lang),
          progress: p.progress,
        },
        lang,
      )
    : fill('milestone', { title: p.title, milestone: move.milestone, progress: p.progress }, lang);

/** What moved. */
export type ProblemMove = { kind: 'status'; status: string } | { kind: 'milestone'; milestone: string };

interface Problem {
  id: number;
  title: string;
  progress: number;
  published: boolean;
}

/** Notifies the originators of the problem's items of one event; returns how many in-app rows and outbox rows it wrote. */
export async function notifyOriginators(
  tx: DbOrTx,
  p: Problem,
  eventId: number,
  move: ProblemMove,
  opts: { now: Date; origin: string },
): Promise<{ notified: number; queued: number }> {
  if (!p.published) return { notified: 0, queued: 0 };
  const line = moveLine(p, move, 'zh');
  const items = sql`(select pi.opinion_id from problem_items pi where pi.problem_id = ${p.id}
    union select id from ${rootItems(p.id, false)} r)`;
  const link = `/public/problems/${p.id}`;
  const title = fill('title', { title: p.title }).slice(0, 300);
  const data = JSON.stringify({ problemId: p.id, eventId, title: p.title, progress: p.progress, ...move });
  const inApp = await tx.execute(sql`insert into notifications (user_id, kind, title, body, link, data, created_at)
    select u.id, 'problem_update', ${title}::text, ${line}::text, ${link}::text, ${data}::jsonb,
      ${opts.now.toISOString()}::timestamptz
    from users u where u.active and exists (select 1 from opinion_originators oo where oo.opinion_id in ${items}
        and (oo.user_id = u.id or (oo.member_id is not null and oo.member_id = u.member_id)))
      and not exists (select 1 from notifications n where n.user_id = u.id and n.kind = 'problem_update'
        and n.data->>'eventId' = ${String(eventId)})
    returning id`);
  const res = await tx.execute(sql`select oo.phone, oo.email, oo.lang, o.id as "opinionId", o.tracking_code as code
    from opinion_originators oo join opinions o on o.id = oo.opinion_id
    where oo.opinion_id in ${items} and oo.kind = 'citizen' and (oo.phone <> '' or oo.email <> '')
    order by o.id, oo.id`);
  let queued = 0;
  const key = (channel: string, who: string) => `problem:${p.id}:${eventId}:${channel}:${who}`;
  for (const r of res.rows as { phone: string; email: string; lang: Lang; opinionId: number; code: string }[]) {
    const track = `${opts.origin}/public/opinions/${r.code}`;
    const said = moveLine(p, move, r.lang);
    if (isMobilePhone(r.phone)) {
      const phone = normalizePhone(r.phone) ?? r.phone;
      const body = fill('sms', { line: said, link: track }, r.lang);
      const m = { channel: 'sms' as const, recipient: phone, body, dedupeKey: key('sms', phone) };
      if (await enqueue(tx, { ...m, opinionId: r.opinionId }, opts.now)) queued++;
    }
    const email = r.email.trim().toLowerCase();
    if (email.includes('@')) {
      const subject = fill('mailSubject', { title: p.title }, r.lang).slice(0, 200);
      const body = fill('mailBody', { line: said, code: r.code, link: track }, r.lang);
      const m = { channel: 'email' as const, recipient: r.email.trim(), subject, body, dedupeKey: key('email', email) };
      if (await enqueue(tx, { ...m, opinionId: r.opinionId }, opts.now)) queued++;
    }
  }
  return { notified: inApp.rows.length, queued };
}
