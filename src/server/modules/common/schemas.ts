// Zod pieces every module reuses: ids, paging, search, dates and phone numbers.
import { z } from 'zod';
import { isIsoDate } from '../../../core/calendar/china-time.js';
import { isPhone, normalizePhone } from '../../../core/phone.js';

/** The largest id a PostgreSQL integer column holds; a larger id is a 400, never a database error. */
export const INT4_MAX = 2_147_483_647;
/** A record id in a JSON body. */
export const idBody = z.number().int().positive().max(INT4_MAX, 'id_out_of_range');
/** A record id in a path or query string. */
export const idQuery = z.coerce.number().int().positive().max(INT4_MAX, 'id_out_of_range');
export const idParam = z.object({ id: idQuery });
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  q: z.string().trim().max(50).optional(),
});
/**
 * A real calendar day within 1900–2100, the years every other field of the app accepts: Date.parse takes 2026-02-30
 * and 0000-01-01, which PostgreSQL refuses, and "the day after 9999-12-31" has no ISO form (all three were 500s).
 */
export const isAppDate = (s: string) => isIsoDate(s) && s >= '1900-01-01' && s <= '2100-12-31';
/** A date field or filter, 'YYYY-MM-DD', refused with the date message unless isAppDate. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid')
  .refine(isAppDate, 'date_invalid');
export const phone = z
  .string()
  .trim()
  .refine(isPhone, 'phone_invalid')
  .transform((s) => normalizePhone(s) ?? s);
export const optionalPhone = z.union([z.literal(''), phone]).default('');
export const text = (max: number) => z.string().trim().max(max);
export const name = z.string().trim().min(1).max(50);

/** The shape of every paged list response. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A PATCH schema from a create schema: every field optional and no defaults, so omitted fields stay untouched. */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(schema.shape)) {
    const inner = v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType);
    shape[k] = inner.optional();
  }
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof T]: z.ZodOptional<T[K]> }>;
}
