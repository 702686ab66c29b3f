// Request schemas of 委员接待日: scheduling a day with its slots, the citizen's booking, recording a matter, closing.
import { z } from 'zod';
import { idBody, idQuery, isoDate, pageQuery, patchOf, phone, text } from '../common/schemas.js';

const id = idBody;
/** A clock time of the day, HH:MM (24 h). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const slot = z.object({ start: clockTime, end: clockTime });

/** Either an explicit slot list or a generator (start, end, minutes per slot). */
export const slotsInput = z.union([
  z.object({ list: z.array(slot).min(1).max(60) }),
  z.object({ from: clockTime, to: clockTime, length: z.number().int().min(5).max(240) }),
]);
/** A validated slot definition. */
export type SlotsInput = z.infer<typeof slotsInput>;

/** Body of POST /reception-days. */
export const receptionDayBody = z.object({
  title: z.string().trim().min(1).max(100),
  date: isoDate,
  place: z.string().trim().min(1).max(200),
  regionId: id.nullable().default(null),
  description: text(2000).default(''),
  memberIds: z.array(id).min(1).max(30),
  slots: slotsInput,
});
/** A validated new day. */
export type ReceptionDayInput = z.infer<typeof receptionDayBody>;

/** Body of PATCH /reception-days/:id: every field optional; slots given replace the free ones. */
export const receptionDayPatch = patchOf(receptionDayBody);
/** A validated edit. */
export type ReceptionDayPatch = z.infer<typeof receptionDayPatch>;

/** Query of GET /reception-days. */
export const receptionListQuery = pageQuery.extend({
  status: z.enum(['scheduled', 'held', 'cancelled']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  memberId: idQuery.optional(),
});
/** A validated list query. */
export type ReceptionListQuery = z.infer<typeof receptionListQuery>;

/** Path of the booking endpoints under a day. */
export const bookingParams = z.object({
  id: idQuery,
  bookingId: idQuery,
});

/** Body of POST /reception-days/:id/bookings/:bookingId/opinion: the citizen's matter as a 社情民意 item. */
export const recordMatterBody = z.object({
  title: z.string().trim().min(1).max(200),
  content: z.string().trim().min(1).max(20_000),
  categoryId: id.nullable().default(null),
  regionId: id.nullable().default(null),
});
/** A validated matter. */
export type RecordMatterInput = z.infer<typeof recordMatterBody>;

/** Body of POST /reception-days/:id/hold: an optional summary for the activity record. */
export const holdBody = z.object({ summary: text(5000).default('') });

/** Body of POST /public/reception-days/:id/bookings; `website` is the honeypot and must stay empty. */
export const publicBookingBody = z.object({
  slotId: id,
  name: z.string().trim().min(1).max(50),
  phone,
  topic: z.string().trim().min(1).max(500),
  consent: z.boolean(),
  website: z.string().max(500).default(''),
});
/** A validated citizen booking. */
export type PublicBookingInput = z.infer<typeof publicBookingBody>;

/** Path of the booking-code endpoints. */
export const bookingCodeParam = z.object({ code: z.string().max(40) });
