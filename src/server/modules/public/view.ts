// What a citizen holding a tracking code may see: no staff names, no departments, no contacts, no internal notes.
import { type SQL, sql } from 'drizzle-orm';
import { allowedActions, type OpinionActor, type OpinionStatus } from '../../../core/opinions/index.js';
import { redactPii } from '../../../core/text/pii.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { hasName, originatorNameJoins } from '../common/originator-names.js';
import { problemsOfItem } from '../problems/public.js';
import { normalizeCode } from './schema.js';

/** The stages a citizen sees; internal review loops (reply, rework, approval) all read as 办理中. */
export const PUBLIC_STAGES = [
  { code: 'received', label: '已接收' },
  { code: 'accepted', label: '已受理' },
  { code: 'not_accepted', label: '不予受理' },
  { code: 'processing', label: '办理中' },
  { code: 'answered', label: '已答复' },
  { code: 'reopened', label: '重新督办' },
  { code: 'closed', label: '已办结' },
  { code: 'merged', label: '已合并办理' },
] as const;
/** A public stage code. */
export type PublicStage = (typeof PUBLIC_STAGES)[number]['code'];

/** The citizen-facing stage of each status (the tracking page and Open311 share it). */
export const STAGE_OF: Record<OpinionStatus, PublicStage> = {
  received: 'received',
  accepted: 'accepted',
  not_accepted: 'not_accepted',
  forwarded: 'processing',
  replied: 'processing',
  returned_for_rework: 'processing',
  reviewed: 'processing',
  replied_directly: 'processing',
  feedback_sent: 'answered',
  rated: 'answered',
  reopened: 'reopened',
  closed: 'closed',
  merged: 'merged',
};

/** Event types shown on the public timeline (types only, never payloads or actors). */
const PUBLIC_EVENTS = [
  'received',
  'accept',
  'not_accept',
  'forward',
  'send_feedback',
  'rate',
  'reopen',
  'close',
  'merge',
];

/**
 * The item row behind a code, or 404 (also for an internal or confidential item: never public); malformed codes cost
 * a lookup too, so timing says little.
 */
export async function findByCode(db: DbOrTx, raw: string, lock = false) {
  const code = normalizeCode(raw);
  const res = await db.execute(sql`select o.id, o.status, o.has_pending_extension as "hasPendingExtension",
      o.is_in_bulletin as "isInBulletin", o.is_escalated as "isEscalated", o.deadline::text as deadline
    from opinions o where o.tracking_code = ${code ?? '-'} and o.confidentiality = 'normal'
    ${lock ? sql`for update` : sql``}`);
  const row = res.rows[0] as any;
  if (!code || !row) throw notFound();
  return { ...row, deadline: row.deadline ?? undefined } as {
    id: number;
    status: OpinionStatus;
    hasPendingExtension: boolean;
    isInBulletin: boolean;
    isEscalated: boolean;
    deadline?: string;
  };
}

/** The citizen as core's rules see them: the originator, holding one rating per feedback round. */
export async function citizenActor(db: DbOrTx, opinionId: number): Promise<OpinionActor> {
  const res = await db.execute(sql`select exists (select 1 from opinion_events e where e.opinion_id = ${opinionId}
      and e.type = 'rate' and e.actor_kind = 'citizen' and e.id > coalesce((select max(f.id) from opinion_events f
        where f.opinion_id = ${opinionId} and f.type = 'send_feedback'), 0)) as "hasRated"`);
  return { kind: 'citizen', roles: [], isOriginator: true, hasRated: (res.rows[0] as any).hasRated === true };
}

/**
 * The event whose files the citizen may see: the department reply the office approved (the latest reply before the
 * latest approval), or the office's direct reply. Nothing else an item holds (the citizen's own uploads included) is public.
 */
const publicReplyEvent = (opinionId: number | SQL) => sql`(select max(e.id) from opinion_events e
  where e.opinion_id = ${opinionId} and e.type in ('reply','reply_directly')
    and e.id <= (select max(f.id) from opinion_events f where f.opinion_id = ${opinionId} and f.type in ('approve_reply','reply_directly')))`;

/** Whether the public reply is out: feedback was sent and the item has not gone back into processing. */
const replyShown = (stage: PublicStage, feedbackSent: boolean) =>
  feedbackSent && ['answered', 'reopened', 'closed'].includes(stage);

async function feedbackSent(db: DbOrTx, id: number): Promise<boolean> {
  const res = await db.execute(
    sql`select exists (select 1 from opinion_events s where s.opinion_id = ${id} and s.type = 'send_feedback') as ok`,
  );
  return (res.rows[0] as { ok: boolean }).ok;
}

/** A file of the shown public reply behind a code, or 404 (also for every other file of the item). */
export async function findPublicAttachment(db: DbOrTx, raw: string, attachmentId: number) {
  const item = await findByCode(db, raw);
  if (!replyShown(STAGE_OF[item.status], await feedbackSent(db, item.id))) throw notFound();
  const res = await db.execute(sql`select a.storage_key as "storageKey", a.mime, a.filename from opinion_attachments a
    where a.id = ${attachmentId} and a.opinion_id = ${item.id} and a.event_id = ${publicReplyEvent(item.id)}`);
  const row = res.rows[0] as { storageKey: string; mime: string; filename: string } | undefined;
  if (!row) throw notFound();
  return row;
}

/** The tracking page's data for a code. */
export async function loadPublicView(db: DbOrTx, raw: string) {
  const item = await findByCode(db, raw);
  const res =
    await db.execute(sql`select o.tracking_code as "trackingCode", o.title, o.content, o.received_at as "receivedAt",
      c.name as "categoryName", pc.name as "parentCategoryName", v.name as "villageName", t.name as "townshipName",
      o.public_reply as "publicReply",
      case when exists (select 1 from opinion_events fw where fw.opinion_id = o.id and fw.type = 'forward')
        then (select d.name from departments d where d.id = o.lead_department_id) end as "handlingUnit",
      o.deadline::text as "dueDate",
      exists (select 1 from opinion_events s where s.opinion_id = o.id and s.type = 'send_feedback') as "feedbackSent",
      (select json_build_object('rating', r.payload->>'rating', 'comment', coalesce(r.payload->>'comment', ''), 'at', r.at)
        from opinion_events r where r.opinion_id = o.id and r.type = 'rate' and r.actor_kind = 'citizen'
        order by r.id desc limit 1) as "myRating",
      coalesce((select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'mime', a.mime, 'size', a.size)
        order by a.id) from opinion_attachments a where a.opinion_id = o.id and a.event_id = ${publicReplyEvent(sql`o.id`)}), '[]')
        as "replyAttachments",
      coalesce((select json_agg(json_build_object('type', e.type, 'at', e.at) order by e.at, e.id)
        from opinion_events e where e.opinion_id = o.id and e.type in (${sql.join(
          PUBLIC_EVENTS.map((x) => sql`${x}`),
          sql`,`,
        )})), '[]') as timeline
    from opinions o left join opinion_categories c on c.id = o.category_id
      left join opinion_categories pc on pc.id = c.parent_id
      left join regions v on v.id = o.region_id left join regions t on t.id = v.parent_id
    where o.id = ${item.id}`);
  const row = res.rows[0] as any;
  const stage = STAGE_OF[item.status];
  const showReply = replyShown(stage, row.feedbackSent);
  const actor = await citizenActor(db, item.id);
  // Whoever holds the code sees the page (a code is shared, forwarded, photographed): the item's text shows no name of
  // the people who raised it, no phone, ID number or detailed address (the office reads the original).
  const names = (
    await db.execute(sql`select distinct n.name from opinion_originators oo ${originatorNameJoins}
      where oo.opinion_id = ${item.id} and ${hasName}`)
  ).rows.map((r: Record<string, unknown>) => String(r.name));
  return {
    trackingCode: row.trackingCode as string,
    title: redactPii(row.title as string, { names }),
    content: redactPii(row.content as string, { names }),
    receivedAt: row.receivedAt,
    category: [row.parentCategoryName, row.categoryName].filter(Boolean).join(' / '),
    village: [row.townshipName, row.villageName].filter(Boolean).join(' / '),
    status: stage,
    statusLabel: PUBLIC_STAGES.find((s) => s.code === stage)?.label ?? stage,
    timeline: row.timeline as { type: string; at: string }[],
    publicReply: showReply ? (row.publicReply as string) : null,
    replyAttachments: showReply
      ? (row.replyAttachments as { id: number; filename: string; mime: string; size: number }[])
      : [],
    myRating: row.myRating as { rating: string; comment: string; at: string } | null,
    canRate: allowedActions(item, actor).includes('rate'),
    // The lead department once the office forwarded the item, and the item's deadline (a date, China time).
    handlingUnit: (row.handlingUnit as string | null) ?? null,
    dueDate: (row.dueDate as string | null) ?? null,
    // The published 民生问题 this item was grouped into: the page links to them.
    problems: await problemsOfItem(db, item.id),
  };
}
