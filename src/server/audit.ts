// Appends an audit row in the caller's transaction, so a write and its audit entry commit or fail together.
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

/** Records who did what to which record, with the before and after images. */
export async function writeAudit(tx: DbOrTx, actor: Actor | null, e: AuditEntry, ip = ''): Promise<void> {
  const scrub = (v: unknown) =>
    v === undefined ? null : JSON.parse(JSON.stringify(v, (k, x) => (k === 'passwordHash' ? undefined : x)));
  await tx.insert(auditLog).values({
    actorUserId: actor?.userId ?? null,
    actorName: actor ? `${actor.displayName}(${actor.username})` : '系统',
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === undefined ? '' : String(e.entityId),
    before: scrub(e.before),
    after: scrub(e.after),
    ip,
  });
}
