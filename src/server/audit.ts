// Appends audit rows in the caller's transaction, so a write and its audit entry commit or fail together.
import type { Actor } from './context.js';
import type { DbOrTx } from './db/client.js';
import { auditLog } from './db/schema.js';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'import' | 'login' | 'reset_password' | 'change_password' | string;
  entity: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
}

const image = (v: unknown) =>
  v === undefined || v === null
    ? null
    : JSON.parse(JSON.stringify(v, (k, x) => (k === 'passwordHash' ? undefined : x)));

/** The audit row for an entry: one shape for single writes, batches and single-statement inserts. */
export function auditRow(actor: Actor | null, e: AuditEntry, ip = ''): typeof auditLog.$inferInsert {
  return {
    actorUserId: actor?.userId ?? null,
    actorName: actor ? `${actor.displayName}(${actor.username})` : '系统',
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === undefined ? '' : String(e.entityId),
    before: image(e.before),
    after: image(e.after),
    ip,
  };
}

/** Records who did what to which record, with the before and after images. */
export async function writeAudit(tx: DbOrTx, actor: Actor | null, e: AuditEntry, ip = ''): Promise<void> {
  await tx.insert(auditLog).values(auditRow(actor, e, ip));
}

/** Records many entries in batches of 200 rows (imports). */
export async function writeAuditMany(tx: DbOrTx, actor: Actor | null, entries: AuditEntry[], ip = ''): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    await tx.insert(auditLog).values(entries.slice(i, i + 200).map((e) => auditRow(actor, e, ip)));
  }
}
