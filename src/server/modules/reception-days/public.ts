// The citizen's side of reception days: upcoming days and free slots, booking without an account, see/cancel by code.
import { eq, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { maskPhone } from '../../../core/phone.js';
import { writeAudit } from '../../audit.js';
import type { Db } from '../../db/client.js';
import { receptionBookings } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { newTrackingCode } from '../opinions/create.js';
import { normalizeCode } from '../public/schema.js';
import type { PublicBookingInput } from './schema.js';
import { dayEvent } from './scope.js';

// Only day-level facts and slot availability: never a citizen's name, phone or topic.
const dayFields = sql`d.id, d.title, d.date::text as date, d.place, r.name as "regionName", d.description, d.status,
  coalesce((select json_agg(m.name order by m.id) from reception_day_members dm join members m on m.id = dm.member_id
    where dm.reception_day_id = d.id), '[]') as members,
  (select count(*)::int from reception_slots s where s.reception_day_id = d.id) as "slotCount",
  (select count(*)::int from reception_slots s where s.reception_day_id = d.id and not exists
    (select 1 from reception_bookings b where b.slot_id = s.id and b.status <> 'cancelled')) as "freeCount"`;

/** Upcoming scheduled days, soonest first. */
export async function publicDays(db: Db, now: Date) {
  const res = await db.execute(sql`select ${dayFields} from reception_days d left join regions r on r.id = d.region_id
    where d.status = 'scheduled' and d.date >= ${chinaDateOf(now)} order by d.date, d.id limit 200`);
  return { items: res.rows };
}

/** One day (not cancelled) with its slots marked free or taken. */
export async function publicDay(db: Db, id: number, now: Date) {
  const res = await db.execute(sql`select ${dayFields} from reception_days d left join regions r on r.id = d.region_id
    where d.id = ${id} and d.status <> 'cancelled'`);
  const day = res.rows[0] as any;
  if (!day) throw notFound();
  const slots = await db.execute(sql`select s.id, s.start_time as start, s.end_time as "end",
    not exists (select 1 from reception_bookings b where b.slot_id = s.id and b.status <> 'cancelled') as free
    from reception_slots s where s.reception_day_id = ${id} order by s.start_time`);
  const open = day.status === 'scheduled' && day.date >= chinaDateOf(now);
  return { ...day, bookable: open, slots: slots.rows };
}

const uniqueViolation = (e: unknown) => ((e as any)?.code ?? (e as any)?.cause?.code) === '23505';

/** Books a free slot of an upcoming scheduled day; a taken slot is refused with 409 by the partial unique index. */
export async function bookSlot(db: Db, dayId: number, input: PublicBookingInput, opts: { now: Date; ip: string }) {
  if (input.consent !== true) throw fieldError('consent', 'consent_required');
  try {
    return await db.transaction(async (tx) => {
      const res = await tx.execute(sql`select d.status, d.date::text as date from reception_slots s
        join reception_days d on d.id = s.reception_day_id where s.id = ${input.slotId} and d.id = ${dayId}`);
      const day = res.rows[0] as { status: string; date: string } | undefined;
      if (!day) throw notFound();
      if (day.status !== 'scheduled' || day.date < chinaDateOf(opts.now)) throw new AppError('reception_closed');
      const [row] = await tx
        .insert(receptionBookings)
        .values({
          slotId: input.slotId,
          code: newTrackingCode(),
          name: input.name,
          phone: input.phone,
          topic: input.topic,
          createdAt: opts.now,
        })
        .returning();
      await dayEvent(tx, null, dayId, 'booked', { bookingId: row.id, slotId: input.slotId }, opts.now);
      await writeAudit(
        tx,
        null,
        { action: 'create', entity: 'reception_booking', entityId: row.id, after: row },
        opts.ip,
      );
      return { code: row.code };
    });
  } catch (e) {
    if (uniqueViolation(e)) throw new AppError('slot_taken');
    throw e;
  }
}

async function bookingByCode(db: Db, raw: string) {
  const code = normalizeCode(raw);
  if (!code) throw notFound();
  const res = await db.execute(sql`select b.id, b.code, b.name, b.phone, b.topic, b.status, d.id as "dayId", d.title,
    d.date::text as date, d.place, d.status as "dayStatus", s.start_time as start, s.end_time as "end"
    from reception_bookings b join reception_slots s on s.id = b.slot_id join reception_days d on d.id = s.reception_day_id
    where b.code = ${code}`);
  const row = res.rows[0] as any;
  if (!row) throw notFound();
  return row;
}

/** The citizen's own booking by its code (the phone masked, as on any page a code opens). */
export async function viewBooking(db: Db, raw: string, now: Date) {
  const b = await bookingByCode(db, raw);
  const cancellable = b.status === 'booked' && b.dayStatus === 'scheduled' && b.date >= chinaDateOf(now);
  return {
    code: b.code,
    name: b.name,
    phone: maskPhone(b.phone),
    topic: b.topic,
    status: b.status,
    cancellable,
    day: { id: b.dayId, title: b.title, date: b.date, place: b.place, status: b.dayStatus },
    slot: { start: b.start, end: b.end },
  };
}

/** Cancels the citizen's own booking while the day is still ahead, freeing the slot. */
export async function cancelBooking(db: Db, raw: string, opts: { now: Date; ip: string }) {
  const b = await bookingByCode(db, raw);
  const view = await viewBooking(db, raw, opts.now);
  if (!view.cancellable) throw new AppError('booking_state');
  await db.transaction(async (tx) => {
    await tx.update(receptionBookings).set({ status: 'cancelled' }).where(eq(receptionBookings.id, b.id));
    await dayEvent(tx, null, b.dayId, 'booking_cancelled', { bookingId: b.id }, opts.now);
    await writeAudit(tx, null, { action: 'cancel', entity: 'reception_booking', entityId: b.id }, opts.ip);
  });
  return viewBooking(db, raw, opts.now);
}
