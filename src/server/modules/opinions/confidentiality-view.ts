// How a confidential item reads for whoever sees only its redacted copy (a department it was forwarded to): the
// office's redacted title/text and note, the department's own reply files, a timeline without people or their words.
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { seesRedacted } from './scope.js';

/** The events whose payload a department already knows or wrote itself (instructions, replies, deadlines). */
const DEPARTMENT_FACING = new Set([
  'accept',
  'forward',
  'urge',
  'reply',
  'add_co_opinion',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'return_for_rework',
  'approve_reply',
  'close',
  'reopen',
]);

/** SQL condition on an attachment (alias given): a file that came with a department's answer, not the item's own. */
export function departmentFileSql(alias: string): SQL {
  const f = sql.raw(alias);
  return sql`exists (select 1 from opinion_events fe where fe.id = ${f}.event_id
    and fe.type in ('reply', 'add_co_opinion', 'request_extension'))`;
}

/** One timeline entry as a redacted reader sees it: other events keep their type and time, lose payload and actor. */
export function redactEvent<E extends { type: string; payload: unknown; actorName: string }>(e: E): E {
  if (DEPARTMENT_FACING.has(e.type)) return e;
  return { ...e, payload: {}, actorName: '' };
}

/**
 * Shapes the confidentiality fields of one loaded item in place: a redacted reader keeps the office's note and nothing
 * of the original (the title/content columns were already swapped in SQL); the others get the redacted copy and the
 * named staff when the item is confidential, and whether they may change the tier.
 */
export function presentConfidentiality(
  a: Actor,
  row: {
    isRedacted: boolean;
    confidentiality: string;
    redactedTitle?: string | null;
    redactedContent?: string | null;
    redactionNote?: string;
    namedStaff?: unknown[];
    [key: string]: unknown;
  },
): void {
  if (row.isRedacted) {
    row.redactedTitle = undefined;
    row.redactedContent = undefined;
    row.namedStaff = [];
    row.canChangeConfidentiality = false;
    return;
  }
  if (row.confidentiality !== 'confidential') row.namedStaff = [];
  row.canChangeConfidentiality = mayChangeConfidentiality(a);
}

/** The office staff and the leader decide an item's tier (of an item they see in the original). */
export const mayChangeConfidentiality = (a: Actor) => hasRole(a, 'admin', 'leader');

/** Whether the actor reads this item (already known visible) only as its redacted copy. */
export async function readsRedacted(db: DbOrTx, a: Actor, id: number): Promise<boolean> {
  if (hasRole(a, 'leader')) return false;
  const res = await db.execute(sql`select ${seesRedacted(a)} as r from opinions o where o.id = ${id}`);
  return Boolean((res.rows[0] as { r: boolean } | undefined)?.r);
}
