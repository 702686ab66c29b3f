// Reception days on the staff side: list, read with bookings, schedule, edit and cancel (bookings cancelled with it).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { receptionBookings, receptionDayMembers, receptionDays, receptionSlots } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { presentPerson } from '../common/present-person.js';
import type { ReceptionDayInput, ReceptionDayPatch, ReceptionListQuery, SlotsInput } from './schema.js';
import { dayEvent, daysVisible, mayRunDay } from './scope.js';
import { generateSlots, normalizeSlots, type SlotTime } from './slots.js';

const dayColumns = sql`d.id, d.title, d.date::text as date, d.place, d.region_id as "regionId", r.name as "regionName",
  d.description, d.status, d.activity_id as "activityId", d.created_at as "createdAt",
  coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name) order by m.id)
    from reception_day_members dm join members m on m.id = dm.member_id where dm.reception_day_id = d.id), '[]') as members,
  (select count(*)::int from reception_slots s where s.reception_day_id = d.id) as "slotCount",
  (select count(*)::int from reception_slots s join reception_bookings b on b.slot_id = s.id
    where s.reception_day_id = d.id and b.status <> 'cancelled') as "bookedCount"`;

/** Lists the days in the actor's scope, soonest upcoming first then the past. */
export async function listDays(db: DbOrTx, a: Actor, q: ReceptionListQuery) {
  const where = [daysVisible(a)];
  if (q.status) where.push(sql`d.status = ${q.status}`);
  if (q.from) where.push(sql`d.date >= ${q.from}`);
  if (q.to) where.push(sql`d.date <= ${q.to}`);
  if (q.memberId)
    where.push(
      sql`exists (select 1 from reception_day_members x where x.reception_day_id = d.id and x.member_id = ${q.memberId})`,
    );
  if (q.q) where.push(sql`(d.title ilike ${`%${q.q}%`} or d.place ilike ${`%${q.q}%`})`);
  const cond = sql.join(where, sql` and `);
  const res = await db.execute(sql`select ${dayColumns}, count(*) over()::int as total
    from reception_days d left join regions r on r.id = d.region_id where ${cond}
    order by d.date desc, d.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total: _t, ...r }) => withAbilities(a, r)),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

function withAbilities(a: Actor, row: any) {
  const runs = mayRunDay(
    a,
    row.members.map((m: any) => m.id),
  );
  const open = row.status === 'scheduled';
  return {
    ...row,
    abilities: { canEdit: runs && open, canCancel: runs && open, canCheckIn: runs && open, canHold: runs && open },
  };
}

/** One day with slots, bookings (contacts as the masking policy allows: full for staff and members present) and timeline. */
export async function loadDay(db: DbOrTx, a: Actor, id: number) {
  const res = await db.execute(sql`select ${dayColumns} from reception_days d left join regions r on r.id = d.region_id
    where d.id = ${id} and ${daysVisible(a)}`);
  const day = res.rows[0] as any;
  if (!day) throw notFound();
  // The members present at the day own its bookings' contacts (they meet and call the citizens).
  const rel = { isOwner: a.memberId !== null && day.members.some((m: any) => m.id === a.memberId) };
  const slots = await db.execute(sql`select s.id, s.start_time as start, s.end_time as "end",
    (select json_build_object('id', b.id, 'name', b.name, 'phone', b.phone, 'topic', b.topic, 'status', b.status,
      'opinionId', b.opinion_id, 'checkedInAt', b.checked_in_at, 'code', b.code)
      from reception_bookings b where b.slot_id = s.id and b.status <> 'cancelled') as booking
    from reception_slots s where s.reception_day_id = ${id} order by s.start_time`);
  const events = await db.execute(sql`select id, type, payload, actor_name as "actorName", at from record_events
    where entity = 'reception_day' and entity_id = ${id} order by at, id`);
  const slotRows = (slots.rows as any[]).map((s) => {
    if (!s.booking) return s;
    const { code: _c, ...b } = s.booking;
    return { ...s, booking: presentPerson(a, 'citizen', b, rel) };
  });
  return { ...withAbilities(a, day), slots: slotRows, events: events.rows };
}

/** The slot times a definition yields, or a 400 when they overlap, run backwards or are empty. */
function slotTimes(def: SlotsInput): SlotTime[] {
  const raw = 'list' in def ? def.list : generateSlots(def.from, def.to, def.length);
  const out = raw.length ? normalizeSlots(raw) : null;
  if (!out || out.length > 60) throw fieldError('slots', 'date_range_reversed');
  return out;
}

async function checkRefs(tx: DbOrTx, memberIds: number[], regionId: number | null) {
  const res = await tx.execute(sql`select
    (select count(*)::int from members where id in (${sql.join(
      memberIds.map((m) => sql`${m}`),
      sql`,`,
    )})) as n,
    ${regionId ? sql`exists (select 1 from regions where id = ${regionId})` : sql`true`} as region`);
  const f = res.rows[0] as { n: number; region: boolean };
  if (f.n !== memberIds.length) throw fieldError('memberIds', 'member_missing');
  if (!f.region) throw fieldError('regionId', 'village_missing');
}

const today = (now: Date) => chinaDateOf(now);

/** Schedules a day: staff any; a member only with themselves among the members present; never in the past. */
export async function createDay(tx: DbOrTx, a: Actor, input: ReceptionDayInput, now: Date, ip = '') {
  const memberIds = [...new Set(input.memberIds)];
  if (!mayRunDay(a, memberIds)) throw new AppError('forbidden');
  if (input.date < today(now)) throw fieldError('date', 'date_invalid');
  await checkRefs(tx, memberIds, input.regionId);
  const times = slotTimes(input.slots);
  const [day] = await tx
    .insert(receptionDays)
    .values({
      title: input.title,
      date: input.date,
      place: input.place,
      regionId: input.regionId,
      description: input.description,
      createdBy: a.userId,
    })
    .returning();
  await tx.insert(receptionDayMembers).values(memberIds.map((memberId) => ({ receptionDayId: day.id, memberId })));
  await tx
    .insert(receptionSlots)
    .values(times.map((s) => ({ receptionDayId: day.id, startTime: s.start, endTime: s.end })));
  await dayEvent(tx, a, day.id, 'scheduled', { date: input.date, slots: times.length, memberIds }, now);
  await writeAudit(
    tx,
    a,
    { action: 'create', entity: 'reception_day', entityId: day.id, after: { ...input, memberIds } },
    ip,
  );
  return day.id;
}

/** Loads a day the actor runs and that is still scheduled, or 404 / 409. */
export async function runnableDay(tx: DbOrTx, a: Actor, id: number) {
  const day = await loadDay(tx, a, id);
  if (
    !mayRunDay(
      a,
      day.members.map((m: any) => m.id),
    )
  )
    throw notFound();
  if (day.status !== 'scheduled') throw new AppError('reception_closed');
  return day;
}

/** Edits a scheduled day; a new slot list keeps booked slots (refusing to drop one) and replaces the free ones. */
export async function updateDay(tx: DbOrTx, a: Actor, id: number, input: ReceptionDayPatch, now: Date, ip = '') {
  const before = await runnableDay(tx, a, id);
  const { memberIds, slots, ...fields } = input;
  if (fields.date && fields.date < today(now)) throw fieldError('date', 'date_invalid');
  if (memberIds) {
    const ids = [...new Set(memberIds)];
    if (!mayRunDay(a, ids)) throw new AppError('forbidden');
    await checkRefs(tx, ids, fields.regionId ?? null);
    await tx.delete(receptionDayMembers).where(eq(receptionDayMembers.receptionDayId, id));
    await tx.insert(receptionDayMembers).values(ids.map((memberId) => ({ receptionDayId: id, memberId })));
  } else if (fields.regionId) await checkRefs(tx, [before.members[0].id], fields.regionId);
  if (slots) {
    const times = slotTimes(slots);
    const keep = new Set(times.map((s) => s.start));
    for (const s of before.slots as any[]) {
      if (s.booking && !keep.has(s.start)) throw new AppError('reception_slot_booked', { time: s.start });
    }
    const drop = (before.slots as any[]).filter((s) => !s.booking).map((s) => s.id as number);
    if (drop.length) await tx.delete(receptionSlots).where(inArray(receptionSlots.id, drop));
    const booked = new Set((before.slots as any[]).filter((s) => s.booking).map((s) => s.start as string));
    const fresh = times.filter((s) => !booked.has(s.start));
    if (fresh.length)
      await tx
        .insert(receptionSlots)
        .values(fresh.map((s) => ({ receptionDayId: id, startTime: s.start, endTime: s.end })));
    const all = normalizeSlots([
      ...fresh,
      ...(before.slots as any[]).filter((s) => s.booking).map((s) => ({ start: s.start, end: s.end })),
    ]);
    if (!all) throw fieldError('slots', 'date_range_reversed');
  }
  if (Object.keys(fields).length)
    await tx
      .update(receptionDays)
      .set({ ...fields, updatedAt: now })
      .where(eq(receptionDays.id, id));
  await dayEvent(tx, a, id, 'updated', { fields: Object.keys(input) }, now);
  const after = await loadDay(tx, a, id);
  await writeAudit(tx, a, { action: 'update', entity: 'reception_day', entityId: id, before, after }, ip);
  return after;
}

/** Cancels a scheduled day and every live booking on it (nobody is notified automatically). */
export async function cancelDay(tx: DbOrTx, a: Actor, id: number, now: Date, ip = '') {
  const before = await runnableDay(tx, a, id);
  await tx.update(receptionDays).set({ status: 'cancelled', updatedAt: now }).where(eq(receptionDays.id, id));
  const slotIds = (before.slots as any[]).map((s) => s.id as number);
  const cancelled = slotIds.length
    ? await tx
        .update(receptionBookings)
        .set({ status: 'cancelled' })
        .where(and(inArray(receptionBookings.slotId, slotIds), eq(receptionBookings.status, 'booked')))
        .returning({ id: receptionBookings.id })
    : [];
  await dayEvent(tx, a, id, 'cancelled', { bookingsCancelled: cancelled.length }, now);
  await writeAudit(tx, a, { action: 'cancel', entity: 'reception_day', entityId: id, before }, ip);
  return loadDay(tx, a, id);
}
