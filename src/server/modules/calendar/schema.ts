// Request schemas of the calendar endpoints; dates are checked against the real calendar, not just the pattern.
import { z } from 'zod';
import { isAppDate, text } from '../common/schemas.js';

/** A real China date 'YYYY-MM-DD' in 1900–2100 (2026-13-01, 2026-02-30 and 9999-12-31 get the date message). */
export const calendarDate = z.string().trim().refine(isAppDate, 'date_invalid');

/** Longest working-day span the endpoint computes: a year of working days covers every statutory clock. */
export const MAX_WORKING_DAYS = 366;

export const workingDaysQuery = z.object({
  from: calendarDate,
  days: z.coerce.number().int().min(0).max(MAX_WORKING_DAYS),
});

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const overrideParams = z.object({ date: calendarDate });

export const overrideBody = z.object({
  kind: z.enum(['holiday', 'workday']),
  note: text(200).default(''),
});
export type OverrideInput = z.infer<typeof overrideBody>;
