// Bulletin writes: compile a draft from items, edit it, and move it draft → submitted → signed_off → issued.
import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { AFTER_ACCEPTANCE } from '../../../core/opinions/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { recordEvents } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { statusLabel as opinionStatusLabel } from '../opinions/read.js';
import { opinionsVisible } from '../opinions/scope.js';
import { transitionOpinion } from '../opinions/transition.js';
import type { BulletinInput, BulletinPatch, BulletinStatus, StepInput } from './schema.js';
import { countChars, loadBulletinSettings } from './settings.js';

/** Chinese labels of the workflow statuses and steps (messages and documents print them). */
export const BULLETIN_STATUS_LABEL: Record<BulletinStatus, string> = {
  draft: '草稿',
  submitted: '待签发',
  signed_off: '已签发',
  issued: '已印发',
};
const STEP_LABEL: Record<StepInput['step'], string> = {
  submit: '提交签发',
  sign_off: '签发',
  return: '退回修改',
  issue: '印发',
};
/** Which status each step starts from and leads to. */
const STEPS: Record<StepInput['step'], { from: BulletinStatus[]; to: BulletinStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  sign_off: { from: ['submitted'], to: 'signed_off' },
  return: { from: ['submitted', 'signed_off'], to: 'draft' },
  issue: { from: ['signed_off'], to: 'issued' },
};

type Opts = { now: Date; lang: Lang; ip?: string };
type Row = {
  id: number;
  year: number;
  number: number | null;
  status: BulletinStatus;
  editorId: number | null;
  title: string;
  body: string;
  categoryId: number | null;
  distribution: string;
};

/** Who may take a step on a bulletin in a status (the server's abilities and its refusals share this). */
export function mayStep(a: Actor, b: Pick<Row, 'status' | 'editorId'>, step: StepInput['step']): boolean {
  if (!STEPS[step].from.includes(b.status)) return false;
  const admin = hasRole(a, 'admin');
  const otherStaff = hasRole(a, 'leader') || (admin && b.editorId !== a.userId);
  if (step === 'submit' || step === 'issue') return admin;
  return otherStaff;
}

/** Appends one timeline row for a bulletin. */
export async function bulletinEvent(tx: Tx, a: Actor, id: number, type: string, payload: object, now: Date) {
  await tx.insert(recordEvents).values({
    entity: 'bulletin',
    entityId: id,
    type,
    payload,
    actorUserId: a.userId,
    actorName: a.displayName,
    at: now,
  });
}

/** Refuses a body over the configured limit, with the count. */
async function checkLength(tx: Tx, body: string) {
  const { maxChars } = await loadBulletinSettings(tx);
  const count = countChars(body);
  if (count > maxChars)
    throw new AppError(
      'bulletin_too_long',
      { count: count.toLocaleString('en-US'), max: maxChars.toLocaleString('en-US') },
      { count, max: maxChars },
    );
}

/** One topic per issue: the items' top-level categories must agree, and a picked category must sit in that tree. */
async function resolveCategory(tx: Tx, opinionIds: number[], picked: number | null | undefined) {
  const res = await tx.execute(sql`select distinct coalesce(c.parent_id, c.id) as "top", t.name
    from opinions o join opinion_categories c on c.id = o.category_id
    join opinion_categories t on t.id = coalesce(c.parent_id, c.id)
    where o.id in (${sql.join(
      opinionIds.map((i) => sql`${i}`),
      sql`,`,
    )}) order by 1`);
  const tops = res.rows as { top: number; name: string }[];
  if (tops.length > 1) throw new AppError('bulletin_mixed_topics', { names: tops.map((x) => x.name).join('、') });
  if (picked) {
    const p = await tx.execute(
      sql`select coalesce(parent_id, id) as "top" from opinion_categories where id = ${picked}`,
    );
    const top = (p.rows[0] as { top: number } | undefined)?.top;
    if (top === undefined) throw new AppError('validation_failed', {}, [{ path: 'categoryId', message: 'not_found' }]);
    if (tops.length === 1 && tops[0].top !== top) {
      const n = await tx.execute(sql`select name from opinion_categories where id = ${top}`);
      throw new AppError('bulletin_mixed_topics', {
        names: `${tops[0].name}、${(n.rows[0] as { name: string }).name}`,
      });
    }
    return picked;
  }
  if (tops.length === 0) throw new AppError('bulletin_category_required');
  return tops[0].top;
}

/** Creates a draft and compiles every item into it (transition compile_into_bulletin), all in the caller's transaction. */
export async function createBulletin(tx: Tx, a: Actor, input: BulletinInput, opts: Opts): Promise<number> {
  if (!hasRole(a, 'admin')) throw notFound();
  const ids = [...new Set(input.opinionIds)];
  const res = await tx.execute(sql`select o.id, o.title, o.status, o.is_in_bulletin as "inBulletin"
    from opinions o where o.id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`,`,
    )}) and ${opinionsVisible(a)} order by o.id`);
  const items = res.rows as { id: number; title: string; status: string; inBulletin: boolean }[];
  if (items.length !== ids.length) throw notFound();
  for (const it of items) {
    if (!(AFTER_ACCEPTANCE as readonly string[]).includes(it.status))
      throw new AppError('bulletin_item_ineligible', {
        title: it.title,
        status: it.status,
        statusLabel: opinionStatusLabel(it.status),
      });
    if (it.inBulletin) throw new AppError('bulletin_item_compiled', { title: it.title });
  }
  await checkLength(tx, input.body);
  const categoryId = await resolveCategory(tx, ids, input.categoryId);
  const year = Number(chinaDateOf(opts.now).slice(0, 4));
  const ins =
    await tx.execute(sql`insert into bulletins (year, title, body, category_id, status, distribution, editor_id)
    values (${year}, ${input.title}, ${input.body}, ${categoryId}, 'draft', ${input.distribution}, ${a.userId})
    returning id`);
  const id = (ins.rows[0] as { id: number }).id;
  for (const it of items) {
    await tx.execute(sql`insert into bulletin_items (bulletin_id, opinion_id) values (${id}, ${it.id})`);
    await transitionOpinion(tx, a, it.id, { action: 'compile_into_bulletin', bulletinId: id }, opts);
  }
  await bulletinEvent(tx, a, id, 'create', { opinionIds: ids, title: input.title }, opts.now);
  await writeAudit(
    tx,
    a,
    { action: 'create', entity: 'bulletin', entityId: id, after: { ...input, categoryId, year } },
    opts.ip,
  );
  return id;
}

/** Locks a bulletin for a write; 404 for anyone but office staff and leaders. */
async function lockBulletin(tx: Tx, a: Actor, id: number): Promise<Row> {
  if (!hasRole(a, 'admin', 'leader')) throw notFound();
  const res = await tx.execute(sql`select id, year, number, status, editor_id as "editorId", title, body,
    category_id as "categoryId", distribution from bulletins where id = ${id} for update`);
  const row = res.rows[0] as Row | undefined;
  if (!row) throw notFound();
  return row;
}

/** The 409 naming the current status. */
function invalidStep(b: Row, step: string) {
  return new AppError('bulletin_invalid_step', {
    status: b.status,
    statusLabel: BULLETIN_STATUS_LABEL[b.status],
    step,
    stepLabel: STEP_LABEL[step as StepInput['step']] ?? '修改',
  });
}

/** Edits a draft (office staff): title, body (checked against the limit), category (one topic), distribution. */
export async function patchBulletin(tx: Tx, a: Actor, id: number, input: BulletinPatch, opts: Opts) {
  const b = await lockBulletin(tx, a, id);
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  if (b.status !== 'draft') throw invalidStep(b, 'edit');
  if (input.body !== undefined) await checkLength(tx, input.body);
  let categoryId = b.categoryId;
  if (input.categoryId !== undefined) {
    const items = await tx.execute(sql`select opinion_id as id from bulletin_items where bulletin_id = ${id}`);
    const ids = (items.rows as { id: number }[]).map((r) => r.id);
    categoryId = await resolveCategory(tx, ids, input.categoryId);
  }
  const next = {
    title: input.title ?? b.title,
    body: input.body ?? b.body,
    distribution: input.distribution ?? b.distribution,
    categoryId,
  };
  await tx.execute(sql`update bulletins set title = ${next.title}, body = ${next.body},
    distribution = ${next.distribution}, category_id = ${next.categoryId},
    updated_at = ${opts.now.toISOString()}::timestamptz where id = ${id}`);
  const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
  await bulletinEvent(tx, a, id, 'edit', { fields: changed }, opts.now);
  await writeAudit(tx, a, { action: 'update', entity: 'bulletin', entityId: id, before: b, after: next }, opts.ip);
}

/** One workflow step: 409 naming the status when it does not apply, 403 for the editor signing their own draft. */
export async function stepBulletin(tx: Tx, a: Actor, id: number, input: StepInput, opts: Opts) {
  const b = await lockBulletin(tx, a, id);
  const rule = STEPS[input.step];
  if (!rule.from.includes(b.status)) throw invalidStep(b, input.step);
  if (!mayStep(a, b, input.step)) {
    if ((input.step === 'sign_off' || input.step === 'return') && b.editorId === a.userId)
      throw new AppError('bulletin_self_signoff');
    throw new AppError('forbidden');
  }
  if (input.step === 'return' && !input.comment) throw new AppError('bulletin_comment_required');
  const now = opts.now.toISOString();
  const payload: Record<string, unknown> = { from: b.status, to: rule.to, comment: input.comment };
  if (input.step === 'submit') {
    await checkLength(tx, b.body);
    await tx.execute(sql`update bulletins set status = 'submitted', updated_at = ${now}::timestamptz where id = ${id}`);
  } else if (input.step === 'sign_off') {
    await tx.execute(sql`update bulletins set status = 'signed_off', signed_off_by = ${a.userId},
      signed_off_at = ${now}::timestamptz, updated_at = ${now}::timestamptz where id = ${id}`);
  } else if (input.step === 'return') {
    await tx.execute(sql`update bulletins set status = 'draft', signed_off_by = null, signed_off_at = null,
      updated_at = ${now}::timestamptz where id = ${id}`);
  } else {
    const issueDate = input.issueDate ?? chinaDateOf(opts.now);
    const year = Number(issueDate.slice(0, 4));
    // Numbered in the transaction: the row lock above plus the unique index keep two issues from sharing a number.
    await tx.execute(sql`select pg_advisory_xact_lock(74201, ${year})`);
    const m = await tx.execute(
      sql`select coalesce(max(number), 0)::int + 1 as n from bulletins where year = ${year} and number is not null`,
    );
    const number = (m.rows[0] as { n: number }).n;
    await tx.execute(sql`update bulletins set status = 'issued', year = ${year}, number = ${number},
      issue_date = ${issueDate}, issued_at = ${now}::timestamptz, updated_at = ${now}::timestamptz where id = ${id}`);
    Object.assign(payload, { year, number, issueDate });
  }
  await bulletinEvent(tx, a, id, input.step, payload, opts.now);
  await writeAudit(
    tx,
    a,
    { action: `step:${input.step}`, entity: 'bulletin', entityId: id, before: { status: b.status }, after: payload },
    opts.ip,
  );
}
