// Deadlines around a move: fill the default reply deadline, refuse past ones, and run the 信访 clock on petitions.
// It only loads facts and calls core's rules (src/core/calendar); applyTransition calls it before decideTransition.
import { eq, sql } from 'drizzle-orm';
import { chinaDateOf, isIsoDate } from '../../../core/calendar/china-time.js';
import { type CalendarOverride, mergeCalendar, OFFICIAL_CALENDAR } from '../../../core/calendar/index.js';
import {
  type DeadlineSettings,
  defaultReplyDeadline,
  isDeadlineInPast,
  resolveDeadlineSettings,
} from '../../../core/calendar/opinion-deadlines.js';
import {
  conclusionDeadline,
  grantPetitionExtension,
  isReviewRequestInTime,
  PETITION_REVIEW_REASON,
  PetitionClockError,
  petitionClockView,
  petitionForwardDeadline,
  reviewConclusionDeadline,
  reviewRequestDeadline,
} from '../../../core/calendar/petition-clock.js';
import {
  allowedActions,
  type OpinionAction,
  type OpinionActor,
  type OpinionItemState,
} from '../../../core/opinions/index.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { type Lang, type Texts, textIn } from '../../i18n/messages.js';
import { replyWorkingDaysFor } from '../categories/service.js';
import { loadCalendar } from './calendar.js';
import { opinionsVisible } from './scope.js';

/** The settings row key of the deadline settings. */
export const DEADLINES_KEY = 'opinion_deadlines';

/** The deadline settings and calendar overrides as the database holds them (text), and what they mean. */
export interface DeadlineFacts {
  deadlines: string | null;
  overrides: string;
  settings: DeadlineSettings;
  calendar: ReturnType<typeof mergeCalendar>;
}

/** The stored deadline settings and calendar overrides as text, to read with an intake's other facts in one round trip. */
export const deadlinesText = sql`(select value::text from settings where key = ${DEADLINES_KEY})`;
export const overridesText = sql`coalesce((select json_agg(json_build_object('date', date::text, 'kind', kind)
  order by created_at, date)::text from calendar_overrides), '[]')`;

let lastFacts: DeadlineFacts | null = null;

// Per database: the deadline facts the last item was written with. Never trusted: a write that uses them is guarded
// by their equality with the rows in its own snapshot, so an edited setting or calendar day only costs a re-run.
const remembered = new WeakMap<object, DeadlineFacts>();
/** The deadline facts the last one-statement intake on `db` was written with, if any. */
export const rememberedFacts = (db: object) => remembered.get(db);
/** Keeps the deadline facts an intake on `db` was written with, for the next one. */
export const rememberFacts = (db: object, facts: DeadlineFacts) => void remembered.set(db, facts);

/** What the texts mean (the last answer is kept: the texts change when an office edits a setting or a calendar day). */
export function toFacts(deadlines: string | null, overrides: string): DeadlineFacts {
  if (lastFacts && lastFacts.deadlines === deadlines && lastFacts.overrides === overrides) return lastFacts;
  lastFacts = {
    deadlines,
    overrides,
    settings: resolveDeadlineSettings(deadlines === null ? null : JSON.parse(deadlines)),
    calendar: mergeCalendar(OFFICIAL_CALENDAR, JSON.parse(overrides) as CalendarOverride[]),
  };
  return lastFacts;
}

/** The deadline settings in force: the stored values over the defaults (acceptance due and default reply deadlines). */
export async function loadDeadlineSettings(db: DbOrTx): Promise<DeadlineSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, DEADLINES_KEY));
  return resolveDeadlineSettings(row?.value);
}

const fieldText = {
  deadline_in_past: { zh: '期限不能早于今天', en: 'The deadline cannot be in the past' },
  petition_deadline_beyond_limit: {
    zh: '信访事项的办理期限不能晚于法定办结期限 {limit}',
    en: 'A petition deadline cannot be later than the statutory conclusion date {limit}',
  },
  petition_extension_too_long: {
    zh: '信访事项延期不得超过30日（本次延长 {days} 日，自法定办结期限 {limit} 起算）',
    en: 'A petition may be extended by at most 30 days (asked {days} days after {limit})',
  },
  petition_extension_invalid: {
    zh: '延期后的期限必须晚于法定办结期限 {limit}',
    en: 'The extended deadline must be later than the statutory date {limit}',
  },
  petition_review_not_petition: { zh: '只有信访事项可以申请复查', en: 'Only petitions can be reviewed (复查)' },
} as const satisfies Record<string, Texts>;

function fieldErr(path: string, key: keyof typeof fieldText, lang: Lang, params: Record<string, unknown> = {}) {
  const message = textIn(fieldText[key], lang).replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
  return new AppError('validation_failed', {}, [{ path, message }]);
}

type Facts = {
  channel: string;
  urgency: string;
  categoryId: number | null;
  receivedAt: Date;
  closedAt: Date | null;
  acceptedAt: Date | null;
  answeredAt: Date | null;
  extendedDues: string[];
  deadline: string | null;
  acceptDueAt: Date | null;
  status: string;
  contactReleased: boolean;
};

const asDate = (v: unknown) => (v ? new Date(v as string) : null);

/** The facts the clocks read: channel, urgency, receipt, last acceptance, last written answer, granted extensions. */
async function loadFacts(db: DbOrTx, id: number, visible = sql`true`): Promise<Facts | null> {
  const res = await db.execute(sql`select o.channel, o.urgency, o.category_id as "categoryId",
      o.received_at as "receivedAt", o.closed_at as "closedAt", o.deadline::text as deadline,
      o.accept_due_at as "acceptDueAt", o.status, o.contact_released as "contactReleased",
      (select max(e.at) from opinion_events e where e.opinion_id = o.id and e.type = 'accept') as "acceptedAt",
      (select max(e.at) from opinion_events e where e.opinion_id = o.id and e.type = 'send_feedback') as "answeredAt",
      coalesce((select json_agg(e.payload->>'newDeadline' order by e.id) from opinion_events e
        where e.opinion_id = o.id and e.type = 'approve_extension' and e.at >= coalesce((select max(x.at)
          from opinion_events x where x.opinion_id = o.id and x.type = 'accept'), o.received_at)), '[]') as "extendedDues"
    from opinions o where o.id = ${id} and ${visible}`);
  const r = res.rows[0] as any;
  if (!r) return null;
  return {
    ...r,
    receivedAt: new Date(r.receivedAt),
    closedAt: asDate(r.closedAt),
    acceptedAt: asDate(r.acceptedAt),
    answeredAt: asDate(r.answeredAt),
    acceptDueAt: asDate(r.acceptDueAt),
    extendedDues: typeof r.extendedDues === 'string' ? JSON.parse(r.extendedDues) : r.extendedDues,
  };
}

async function setDeadline(tx: Tx, id: number, date: string) {
  await tx.execute(sql`update opinions set deadline = ${date}::date where id = ${id}`);
}

function petitionError(e: unknown, path: string, lang: Lang, limit: string): never {
  if (!(e instanceof PetitionClockError)) throw e;
  if (e.code === 'petition_extension_used') throw new AppError('petition_extension_used', { max: e.details.max });
  throw fieldErr(path, e.code, lang, { ...e.details, limit });
}

type Body = { action: string } & Record<string, unknown>;
const WATCHED = new Set(['forward', 'accept', 'approve_extension', 'reopen']);

/**
 * Runs before core decides a move the actor may make: fills a forward's default deadline (category override, else
 * urgent/normal settings, on the working-day calendar), refuses past deadlines, and applies the 信访 clock to
 * petitions (60 days on acceptance, one extension ≤ 30 days, 复查 within 30 days of the answer).
 */
export async function prepareDeadlines(
  tx: Tx,
  item: OpinionItemState & { id: number },
  actor: OpinionActor,
  body: Body,
  opts: { now: Date; lang: Lang },
): Promise<Body> {
  const action = body.action as OpinionAction;
  if (!WATCHED.has(action) || !allowedActions(item, actor).includes(action)) return body;
  const f = await loadFacts(tx, item.id);
  if (!f) return body;
  const { now, lang } = opts;
  const calendar = await loadCalendar(tx);
  const petition = f.channel === 'petition';
  const statutory = () => conclusionDeadline(f.acceptedAt ?? f.receivedAt, [], { calendar }).date;
  if (action === 'accept' && petition) await setDeadline(tx, item.id, conclusionDeadline(now, [], { calendar }).date);
  if (action === 'forward') {
    const given = body.deadline;
    if (given !== undefined && (typeof given !== 'string' || !isIsoDate(given))) return body; // core reports it
    if (given && isDeadlineInPast(given, now)) throw fieldErr('deadline', 'deadline_in_past', lang);
    if (petition) {
      const clock = petitionClockView(
        { receivedAt: f.receivedAt, acceptedAt: f.acceptedAt ?? f.receivedAt, extendedDues: f.extendedDues },
        { calendar },
      );
      const current = item.deadline ?? clock.conclusionDue ?? statutory();
      const limit = [current, clock.conclusionDue ?? ''].sort().at(-1) as string;
      try {
        return { ...body, deadline: given ? petitionForwardDeadline(limit, given) : current };
      } catch (e) {
        petitionError(e, 'deadline', lang, limit);
      }
    }
    if (given) return body;
    const days = await replyWorkingDaysFor(tx, f.categoryId);
    const s = await loadDeadlineSettings(tx);
    return { ...body, deadline: defaultReplyDeadline(now, f.urgency, days, s, calendar) };
  }
  if (
    action === 'approve_extension' &&
    petition &&
    typeof body.newDeadline === 'string' &&
    isIsoDate(body.newDeadline)
  ) {
    const limit = statutory();
    try {
      grantPetitionExtension(limit, f.extendedDues, body.newDeadline);
    } catch (e) {
      petitionError(e, 'newDeadline', lang, limit);
    }
  }
  if (action === 'reopen' && typeof body.reason === 'string' && body.reason.trim() === PETITION_REVIEW_REASON) {
    if (!petition) throw fieldErr('reason', 'petition_review_not_petition', lang);
    const answeredAt = f.answeredAt ?? f.closedAt ?? now;
    if (!isReviewRequestInTime(answeredAt, now, { calendar })) {
      throw new AppError('petition_review_late', {
        answeredOn: chinaDateOf(answeredAt),
        lastDay: reviewRequestDeadline(answeredAt, { calendar }).date,
      });
    }
    await setDeadline(tx, item.id, reviewConclusionDeadline(now, { calendar }).date);
  }
  return body;
}

/** The clocks of one visible item for the item page: acceptance and department due dates, the 信访 clock, abilities. */
export async function loadDeadlineView(db: DbOrTx, a: Actor, id: number) {
  const f = await loadFacts(db, id, opinionsVisible(a));
  if (!f) throw notFound();
  const calendar = await loadCalendar(db);
  const petition =
    f.channel === 'petition'
      ? petitionClockView(
          {
            receivedAt: f.receivedAt,
            acceptedAt: f.acceptedAt ?? undefined,
            extendedDues: f.extendedDues,
            answeredAt: f.answeredAt ?? undefined,
          },
          { calendar },
        )
      : null;
  return {
    id,
    channel: f.channel,
    urgency: f.urgency,
    status: f.status,
    receivedAt: f.receivedAt,
    acceptDueAt: f.acceptDueAt,
    acceptedAt: f.acceptedAt,
    answeredAt: f.answeredAt,
    deadline: f.deadline,
    contactReleased: f.contactReleased,
    petition,
    abilities: { canReleaseContact: hasRole(a, 'admin') && !f.contactReleased },
  };
}
