// The one presenter of people's identities: every response that names a citizen, a representative or a member, and
// every item's tracking code, passes through here with core's masking table (core/masking.ts); search asks here too.
import { type SQL, sql } from 'drizzle-orm';
import {
  applyVisibility,
  type MaskedField,
  type PersonField,
  type PersonKind,
  type Relationship,
  visibilityOf,
} from '../../../core/masking.js';
import type { Actor } from '../../context.js';

const FIELDS: { [K in PersonKind]: PersonField<K>[] } = {
  citizen: ['name', 'phone', 'email'],
  representative: ['name', 'phone', 'address'],
  member: ['name', 'phone', 'email', 'address'],
};

/** Which key of the row holds a field, when it is not the field's own name (an originator's `representativeName`). */
export type FieldKeys<K extends PersonKind> = Partial<Record<PersonField<K>, string>>;

/**
 * A person's row as the actor may see it: each personal field full, masked (张**, 138****0001) or emptied, as the
 * policy and the relationship say; `masked: true` when any stored value is shown less than whole, so the UI can tell.
 */
export function presentPerson<K extends PersonKind, T extends Record<string, any>>(
  a: Actor,
  kind: K,
  row: T,
  rel: Relationship = {},
  keys: FieldKeys<K> = {},
): T & { masked: boolean } {
  const out: Record<string, any> = { ...row };
  let masked = false;
  for (const field of FIELDS[kind] as PersonField<K>[]) {
    const key = keys[field] ?? field;
    const value = row[key];
    if (typeof value !== 'string' || value === '') continue;
    const v = visibilityOf(a.roles, `${kind}.${field}` as MaskedField, rel);
    if (v === 'full') continue;
    out[key] = applyVisibility(field, value, v);
    masked = true;
  }
  return { ...(out as T), masked };
}

/** Whether the actor sees one field in full for a record with this relationship (for exports and search). */
export function seesInFull(a: Actor, field: MaskedField, rel: Relationship = {}): boolean {
  return visibilityOf(a.roles, field, rel) === 'full';
}

/** Whether the actor may see items' tracking codes (never a department: the code signs the citizen's rating). */
export const seesTrackingCode = (a: Actor) => seesInFull(a, 'item.trackingCode');

/** An item row with its tracking code removed (null) for actors who may not see it. */
export function presentTrackingCode<T extends { trackingCode?: unknown }>(a: Actor, row: T): T {
  return seesTrackingCode(a) ? row : { ...row, trackingCode: null };
}

/**
 * SQL condition on the rows whose `field` the actor may search: all rows when the role sees it in full, else only
 * the rows it owns (`owned`), else none. Search must never match a value the viewer sees masked (no oracle).
 */
export function searchableRows(a: Actor, field: MaskedField, owned: SQL | null = null): SQL {
  if (seesInFull(a, field)) return sql`true`;
  if (!seesInFull(a, field, { isOwner: true }) || !owned) return sql`false`;
  return owned;
}
