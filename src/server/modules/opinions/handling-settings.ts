// The 社情民意 handling settings (settings key 'opinion_handling'): read by every rating, edited by the office.
import { eq, sql } from 'drizzle-orm';
import {
  DEFAULT_HANDLING_SETTINGS,
  type HandlingSettings,
  handlingSettingsSchema,
  resolveHandlingSettings,
} from '../../../core/opinions/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { AppError } from '../../errors.js';

/** The settings row key. */
export const HANDLING_KEY = 'opinion_handling';

/** The settings in force (stored values over the defaults). */
export async function loadHandlingSettings(db: DbOrTx): Promise<HandlingSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, HANDLING_KEY));
  return resolveHandlingSettings(row?.value);
}

/** What GET /settings/opinion-handling returns (office only): values in force, defaults, last change. */
export async function presentHandlingSettings(db: DbOrTx, a: Actor) {
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  const [row] = await db.select().from(settings).where(eq(settings.key, HANDLING_KEY));
  return {
    settings: resolveHandlingSettings(row?.value),
    defaults: { ...DEFAULT_HANDLING_SETTINGS },
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Saves the handling settings (office only), audited in the same transaction. */
export async function saveHandlingSettings(db: DbOrTx, a: Actor, input: HandlingSettings, ip: string) {
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  const before = await loadHandlingSettings(db);
  const value = handlingSettingsSchema.parse(input);
  await db
    .insert(settings)
    .values({ key: HANDLING_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  await writeAudit(db, a, { action: 'update', entity: 'settings', entityId: HANDLING_KEY, before, after: value }, ip);
  return presentHandlingSettings(db, a);
}
