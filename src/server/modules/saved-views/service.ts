// Saved views belong to one user: only the owner lists, creates and deletes them; names are unique per user and page.
import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { Db } from '../../db/client.js';
import { savedViews } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { SavedViewInput } from './schema.js';

const columns = {
  id: savedViews.id,
  name: savedViews.name,
  scope: savedViews.scope,
  query: savedViews.query,
  createdAt: savedViews.createdAt,
};

/** The actor's own views of one page, by name. */
export async function listSavedViews(db: Db, a: Actor, scope: string) {
  const items = await db
    .select(columns)
    .from(savedViews)
    .where(and(eq(savedViews.userId, a.userId), eq(savedViews.scope, scope)))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return { items };
}

/** Saves a view for the actor; a name they already use on that page → 409 duplicate_view_name. */
export async function createSavedView(db: Db, a: Actor, input: SavedViewInput, ip?: string) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(savedViews)
        .values({ userId: a.userId, scope: input.scope, name: input.name, query: input.query })
        .returning(columns);
      await writeAudit(tx, a, { action: 'create', entity: 'saved_view', entityId: row.id, after: row }, ip);
      return row;
    });
  } catch (e) {
    const c = (e as any)?.code ?? (e as any)?.cause?.code;
    if (c === '23505') throw new AppError('duplicate_view_name', { name: input.name });
    throw e;
  }
}

/** Deletes one of the actor's views; someone else's view is 404 (it does not exist for them). */
export async function deleteSavedView(db: Db, a: Actor, id: number, ip?: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(savedViews)
      .where(and(eq(savedViews.id, id), eq(savedViews.userId, a.userId)))
      .returning(columns);
    if (!row) throw notFound();
    await writeAudit(tx, a, { action: 'delete', entity: 'saved_view', entityId: id, before: row }, ip);
  });
}
