// On the day: check citizens in, record each one's matter as a 社情民意 item, and close the day as a contact activity.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { receptionBookings, receptionDays } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { createActivity } from '../activities/service.js';
import { createOpinion } from '../opinions/create.js';
import type { RecordMatterInput } from './schema.js';
import { dayEvent } from './scope.js';
import { loadDay, runnableDay } from './service.js';

/** A day the actor runs, scheduled and not in the future (check-in, recording and closing happen on the day). */
async function dayOnOrAfter(tx: DbOrTx, a: Actor, id: number, now: Date) {
  const day = await runnableDay(tx, a, id);
  if (day.date > chinaDateOf(now)) throw new AppError('reception_not_today');
  return day;
}

function bookingOf(day: any, bookingId: number) {
  const slot = (day.slots as any[]).find((s) => s.booking?.id === bookingId);
  if (!slot) throw notFound();
  return { slot, booking: slot.booking };
}

/** Marks a booked citizen as arrived. */
export async function checkIn(tx: DbOrTx, a: Actor, id: number, bookingId: number, now: Date, ip = '') {
  const day = await dayOnOrAfter(tx, a, id, now);
  const { booking, slot } = bookingOf(day, bookingId);
  if (booking.status !== 'booked') throw new AppError('booking_state');
  await tx
    .update(receptionBookings)
    .set({ status: 'checked_in', checkedInAt: now })
    .where(eq(receptionBookings.id, bookingId));
  await dayEvent(tx, a, id, 'checked_in', { bookingId, slot: slot.start }, now);
  await writeAudit(
    tx,
    a,
    { action: 'check_in', entity: 'reception_booking', entityId: bookingId, before: booking },
    ip,
  );
  return loadDay(tx, a, id);
}

/**
 * Records a checked-in citizen's matter as an item on channel 'reception' (citizen and the members present as
 * originators) through createOpinion and links it to the booking, in one transaction; the idempotency key makes a retry
 * return the item.
 */
export async function recordMatter(
  db: Db,
  a: Actor,
  id: number,
  bookingId: number,
  input: RecordMatterInput,
  opts: { now: Date; ip: string },
) {
  // One transaction: the item (a savepoint inside createOpinion), the booking's link, the day's event and audit.
  return db.transaction(async (tx) => {
    const day = await dayOnOrAfter(tx, a, id, opts.now);
    const { booking } = bookingOf(day, bookingId);
    if (booking.status !== 'checked_in' || booking.opinionId) throw new AppError('booking_state');
    const full = await tx.execute(sql`select name, phone from reception_bookings where id = ${bookingId}`);
    const citizen = full.rows[0] as { name: string; phone: string };
    const region = await tx.execute(sql`select id from regions where id = ${day.regionId} and level = 'village'`);
    const { id: opinionId } = await createOpinion(
      tx,
      a,
      {
        ...input,
        regionId: input.regionId ?? (region.rows[0] as any)?.id ?? null,
        sectorId: null,
        channel: 'reception',
        urgency: 'normal',
        confidentiality: 'normal',
        originators: [
          { kind: 'citizen', name: citizen.name, phone: citizen.phone, email: '' },
          ...day.members.map((m: any) => ({ kind: 'member' as const, memberId: m.id, name: '', phone: '', email: '' })),
        ],
      },
      {
        idempotencyKey: `reception-booking-${bookingId}`,
        now: opts.now,
        ip: opts.ip,
        vouchedMemberIds: day.members.map((m: any) => m.id),
      },
    );
    const done = await tx
      .update(receptionBookings)
      .set({ opinionId })
      .where(and(eq(receptionBookings.id, bookingId), sql`${receptionBookings.opinionId} is null`))
      .returning({ id: receptionBookings.id });
    if (done.length) {
      await dayEvent(tx, a, id, 'matter_recorded', { bookingId, opinionId }, opts.now);
      await writeAudit(
        tx,
        a,
        { action: 'record_matter', entity: 'reception_booking', entityId: bookingId, after: { opinionId } },
        opts.ip,
      );
    }
    return { opinionId, day: await loadDay(tx, a, id) };
  });
}

/**
 * Closes the day as held: one contact activity (talk, purpose reception, the members present, the citizens' topics in
 * its notes; citizens are not registry representatives, so they are named in the notes), linked to the day;
 * bookings nobody checked in become no-shows.
 */
export async function holdDay(tx: DbOrTx, a: Actor, id: number, summary: string, now: Date, ip = '') {
  const day = await dayOnOrAfter(tx, a, id, now);
  const came = (day.slots as any[]).filter((s) => s.booking?.status === 'checked_in');
  const lines = came.map((s) => `${s.start} ${s.booking.name}：${s.booking.topic}`);
  const region = await tx.execute(sql`select id from regions where id = ${day.regionId} and level = 'village'`);
  const { row } = await createActivity(
    tx,
    a,
    {
      clientId: `reception-day-${id}`,
      date: day.date,
      regionId: (region.rows[0] as any)?.id ?? null,
      location: day.place,
      methods: ['talk'],
      methodOther: '',
      purposes: ['reception'],
      memberIds: day.members.map((m: any) => m.id),
      representativeIds: [],
      opinions: [summary, ...lines].filter(Boolean).join('\n').slice(0, 10000),
      handling: '',
      handlingStatus: 'pending',
    },
    ip,
  );
  const noShow = (day.slots as any[]).filter((s) => s.booking?.status === 'booked').map((s) => s.booking.id as number);
  if (noShow.length)
    await tx.update(receptionBookings).set({ status: 'no_show' }).where(inArray(receptionBookings.id, noShow));
  await tx
    .update(receptionDays)
    .set({ status: 'held', activityId: row.id, updatedAt: now })
    .where(eq(receptionDays.id, id));
  await dayEvent(tx, a, id, 'held', { activityId: row.id, checkedIn: came.length, noShow: noShow.length }, now);
  await writeAudit(tx, a, { action: 'hold', entity: 'reception_day', entityId: id, after: { activityId: row.id } }, ip);
  return loadDay(tx, a, id);
}
