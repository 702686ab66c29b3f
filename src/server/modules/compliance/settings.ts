// The quota settings the office edits (settings key 'quotas'), merged over the documented defaults.
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_QUOTAS, type QuotaSettings, resolveQuotas } from '../../../core/quotas.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { AppError } from '../../errors.js';

/** The settings row key. */
export const QUOTAS_KEY = 'quotas';

/** Keeps only known keys with whole, non-negative numbers, so a stray value in the row cannot break the view. */
function knownOverrides(value: unknown): Partial<QuotaSettings> {
  if (!value || typeof value !== 'object') return {};
  const out: Record<string, number> = {};
  for (const k of Object.keys(DEFAULT_QUOTAS)) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[k] = v;
  }
  return out as Partial<QuotaSettings>;
}

/** The quotas in force: stored overrides over the defaults; an inconsistent stored pair falls back to the defaults. */
export async function loadQuotas(db: DbOrTx): Promise<{ quotas: QuotaSettings; updatedAt: Date | null }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, QUOTAS_KEY));
  if (!row) return { quotas: { ...DEFAULT_QUOTAS }, updatedAt: null };
  try {
    return { quotas: resolveQuotas(knownOverrides(row.value)), updatedAt: row.updatedAt };
  } catch {
    return { quotas: { ...DEFAULT_QUOTAS }, updatedAt: row.updatedAt };
  }
}

/** What GET /settings/quotas returns: the values in force, the defaults (to offer a reset) and who may edit. */
export async function presentQuotas(db: DbOrTx, a: Actor) {
  const { quotas, updatedAt } = await loadQuotas(db);
  return { quotas, defaults: { ...DEFAULT_QUOTAS }, updatedAt, abilities: { canEdit: hasRole(a, 'admin') } };
}

/** Saves new quotas (office staff only) and audits the before/after values in the same transaction. */
export async function saveQuotas(tx: DbOrTx, a: Actor, input: QuotaSettings, ip: string) {
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  const value = resolveQuotas(input);
  const { quotas: before } = await loadQuotas(tx);
  await tx
    .insert(settings)
    .values({ key: QUOTAS_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  await writeAudit(tx, a, { action: 'update', entity: 'settings', entityId: QUOTAS_KEY, before, after: value }, ip);
  return presentQuotas(tx, a);
}
