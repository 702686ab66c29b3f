// The bulletin settings the office edits: the body length limit (key 'bulletin_max_chars') and the issuing unit's name.
import { inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { BulletinSettings } from './schema.js';

/** Settings row keys. */
export const MAX_CHARS_KEY = 'bulletin_max_chars';
export const UNIT_KEY = 'bulletin_unit';
/** Defaults: 1,500 characters (seed 004) and the demo county's CPPCC office. */
export const BULLETIN_DEFAULTS: BulletinSettings = { maxChars: 1500, unit: '政协安吉县委员会办公室' };

/** The settings in force: stored values over the defaults, ignoring malformed rows. */
export async function loadBulletinSettings(db: DbOrTx): Promise<BulletinSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, [MAX_CHARS_KEY, UNIT_KEY]));
  const out = { ...BULLETIN_DEFAULTS };
  for (const r of rows) {
    if (r.key === MAX_CHARS_KEY && typeof r.value === 'number' && Number.isInteger(r.value) && r.value > 0)
      out.maxChars = r.value;
    if (r.key === UNIT_KEY && typeof r.value === 'string' && r.value.trim()) out.unit = r.value;
  }
  return out;
}

/** GET /settings/bulletins: office staff only (404 for others, like the records they guard). */
export async function presentBulletinSettings(db: DbOrTx, a: Actor) {
  if (!hasRole(a, 'admin')) throw notFound();
  return { ...(await loadBulletinSettings(db)), defaults: BULLETIN_DEFAULTS, abilities: { canEdit: true } };
}

/** PUT /settings/bulletins: saves both values and audits before/after in the caller's transaction. */
export async function saveBulletinSettings(tx: DbOrTx, a: Actor, input: BulletinSettings, ip: string) {
  if (!hasRole(a, 'admin')) throw notFound();
  const before = await loadBulletinSettings(tx);
  for (const [key, value] of [
    [MAX_CHARS_KEY, input.maxChars],
    [UNIT_KEY, input.unit],
  ] as const) {
    await tx
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  }
  await writeAudit(tx, a, { action: 'update', entity: 'settings', entityId: 'bulletins', before, after: input }, ip);
  return presentBulletinSettings(tx, a);
}

/** Counts the characters of a body as the office does: every character except whitespace and line breaks. */
export function countChars(body: string): number {
  let n = 0;
  for (const ch of body) if (!/\s/.test(ch)) n++;
  return n;
}
