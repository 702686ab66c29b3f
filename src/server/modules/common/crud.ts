// Admin-only create/update/delete for the plain registry tables, each write audited in its transaction.
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { writeAudit } from '../../audit.js';
import type { Db, Tx } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { canManageRegistry } from './scope.js';

/** The signed-in actor, if they may keep the registry; otherwise 403 (the registry is visible to all signed-in users). */
export function registryAdmin(req: FastifyRequest) {
  const a = actorOf(req);
  if (!canManageRegistry(a)) throw new AppError('forbidden');
  return a;
}

/** Maps unique-constraint violations from either driver to a 409 with our code. */
export function rethrowUnique(
  e: unknown,
  code: 'conflict' | 'duplicate_representative' = 'conflict',
  params = {},
): never {
  const c = (e as any)?.code ?? (e as any)?.cause?.code;
  if (c === '23505') throw new AppError(code, params);
  if (c === '23503') throw new AppError('in_use');
  throw e;
}

/** Work an update must do in its transaction besides the audit row (e.g. re-filing KPI rollups). */
export type AfterUpdate = (tx: Tx, before: any, after: any) => Promise<void>;

/** Builds audited create/update/delete handlers for a table with an `id` column. */
export function auditedCrud<T extends PgTable & { id: any }>(
  db: () => Db,
  table: T,
  entity: string,
  opts: { afterUpdate?: AfterUpdate } = {},
) {
  const byId = (id: number) => eq(table.id, id);
  return {
    async create(req: FastifyRequest, values: Record<string, unknown>) {
      const actor = registryAdmin(req);
      try {
        return await db().transaction(async (tx) => {
          const [row] = (await tx
            .insert(table)
            .values(values as any)
            .returning()) as any[];
          await writeAudit(tx, actor, { action: 'create', entity, entityId: row.id, after: row }, req.ip);
          return row;
        });
      } catch (e) {
        rethrowUnique(e);
      }
    },
    async update(req: FastifyRequest, id: number, values: Record<string, unknown>) {
      const actor = registryAdmin(req);
      try {
        return await db().transaction(async (tx) => {
          const [before] = (await tx
            .select()
            .from(table as any)
            .where(byId(id))) as any[];
          if (!before) throw notFound();
          const [row] = (await tx
            .update(table)
            .set({ ...values } as any)
            .where(byId(id))
            .returning()) as any[];
          await opts.afterUpdate?.(tx, before, row);
          await writeAudit(tx, actor, { action: 'update', entity, entityId: id, before, after: row }, req.ip);
          return row;
        });
      } catch (e) {
        if (e instanceof AppError) throw e;
        rethrowUnique(e);
      }
    },
    async remove(req: FastifyRequest, id: number) {
      const actor = registryAdmin(req);
      try {
        return await db().transaction(async (tx) => {
          const [before] = (await tx
            .select()
            .from(table as any)
            .where(byId(id))) as any[];
          if (!before) throw notFound();
          await tx.delete(table).where(byId(id));
          await writeAudit(tx, actor, { action: 'delete', entity, entityId: id, before }, req.ip);
          return { ok: true };
        });
      } catch (e) {
        if (e instanceof AppError) throw e;
        rethrowUnique(e);
      }
    },
  };
}

/** Total row count for a paged query (same WHERE as the page). */
export const countOver = sql`count(*) over()::int`;
