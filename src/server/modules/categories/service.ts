// Rules of the category taxonomy: two levels, names unique under one parent, no delete while items use it.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { opinionCategories } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { refreshKpiItems } from '../kpis/rollups.js';
import { categoryError } from './field-messages.js';
import type { CategoryInput, CategoryPatch } from './schema.js';

type CategoryRow = typeof opinionCategories.$inferSelect;

/** A category as lists show it: the row plus how many items use it, so the UI knows what can be deleted. */
export type CategoryView = CategoryRow & { itemCount: number };

/** A top-level category with its sub-categories, the shape of the pickers. */
export type CategoryNode = CategoryView & { children: CategoryView[] };

/** The whole taxonomy, flat and as a tree (inactive categories only when asked, for the admin screen). */
export async function listCategories(db: DbOrTx, includeInactive: boolean) {
  const rows = await db
    .select()
    .from(opinionCategories)
    .where(includeInactive ? undefined : eq(opinionCategories.active, true))
    .orderBy(asc(opinionCategories.sortOrder), asc(opinionCategories.id));
  const counts = await db.execute(
    sql`select category_id, count(*)::int as n from opinions where category_id is not null group by category_id`,
  );
  const byId = new Map((counts.rows as { category_id: number; n: number }[]).map((c) => [c.category_id, c.n]));
  const items: CategoryView[] = rows.map((c) => ({ ...c, itemCount: byId.get(c.id) ?? 0 }));
  const roots = new Map<number, CategoryNode>();
  for (const c of items) if (c.parentId === null) roots.set(c.id, { ...c, children: [] });
  for (const c of items) if (c.parentId !== null) roots.get(c.parentId)?.children.push(c);
  return { items, tree: [...roots.values()] };
}

async function loadCategory(db: DbOrTx, id: number): Promise<CategoryRow> {
  const [row] = await db.select().from(opinionCategories).where(eq(opinionCategories.id, id));
  if (!row) throw notFound();
  return row;
}

async function hasChildren(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db
    .select({ id: opinionCategories.id })
    .from(opinionCategories)
    .where(eq(opinionCategories.parentId, id))
    .limit(1);
  return rows.length > 0;
}

// Keeps the tree two levels deep: the parent exists, is top-level, is not the category itself,
// and a category that has children stays top-level.
async function checkPlacement(db: DbOrTx, parentId: number | null, selfId: number | null, lang: Lang) {
  if (parentId === null) return;
  const [parent] = await db.select().from(opinionCategories).where(eq(opinionCategories.id, parentId));
  if (!parent) throw categoryError('validation_failed', 'parentId', 'category_parent_missing', lang);
  const nests =
    parent.parentId !== null || parent.id === selfId || (selfId !== null && (await hasChildren(db, selfId)));
  if (nests) throw categoryError('validation_failed', 'parentId', 'category_two_levels', lang);
}

async function checkNameFree(db: DbOrTx, parentId: number | null, name: string, selfId: number | null, lang: Lang) {
  const clash = await db
    .select({ id: opinionCategories.id })
    .from(opinionCategories)
    .where(
      and(
        sql`coalesce(${opinionCategories.parentId}, 0) = ${parentId ?? 0}`,
        eq(opinionCategories.name, name),
        selfId === null ? undefined : ne(opinionCategories.id, selfId),
      ),
    );
  if (clash.length) throw categoryError('conflict', 'name', 'category_name_taken', lang);
}

// A concurrent insert of the same name slips past checkNameFree; the unique index still refuses it.
async function guardUnique<T>(lang: Lang, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const code = (e as { cause?: { code?: string }; code?: string })?.cause?.code ?? (e as { code?: string })?.code;
    if (code === '23505') throw categoryError('conflict', 'name', 'category_name_taken', lang);
    throw e;
  }
}

/** Adds a category or sub-category; audited in the caller's transaction. */
export async function createCategory(tx: DbOrTx, actor: Actor, input: CategoryInput, ip: string, lang: Lang) {
  await checkPlacement(tx, input.parentId, null, lang);
  await checkNameFree(tx, input.parentId, input.name, null, lang);
  const [row] = await guardUnique(lang, () => tx.insert(opinionCategories).values(input).returning());
  await writeAudit(tx, actor, { action: 'create', entity: 'opinion_category', entityId: row.id, after: row }, ip);
  return row;
}

/** Renames, moves, re-times or deactivates a category; items keep their category id throughout. */
export async function updateCategory(
  tx: DbOrTx,
  actor: Actor,
  id: number,
  patch: CategoryPatch,
  ip: string,
  lang: Lang,
) {
  const before = await loadCategory(tx, id);
  const parentId = patch.parentId === undefined ? before.parentId : patch.parentId;
  const name = patch.name ?? before.name;
  if (parentId !== before.parentId) await checkPlacement(tx, parentId, id, lang);
  if (parentId !== before.parentId || name !== before.name) await checkNameFree(tx, parentId, name, id, lang);
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (!Object.keys(set).length) return before;
  const [row] = await guardUnique(lang, () =>
    tx.update(opinionCategories).set(set).where(eq(opinionCategories.id, id)).returning(),
  );
  // The KPI table groups items by top-level category: a move re-files this category's items.
  if (parentId !== before.parentId) await refreshKpiItems(tx, sql`select id from opinions where category_id = ${id}`);
  await writeAudit(tx, actor, { action: 'update', entity: 'opinion_category', entityId: id, before, after: row }, ip);
  return row;
}

/** Deletes an unused category; one that items or sub-categories use gets 409 in_use (deactivate it instead). */
export async function deleteCategory(tx: DbOrTx, actor: Actor, id: number, ip: string) {
  const before = await loadCategory(tx, id);
  const used = await tx.execute(
    sql`select 1 from opinions where category_id = ${id} union all select 1 from opinion_categories where parent_id = ${id} limit 1`,
  );
  if (used.rows.length) throw new AppError('in_use');
  await tx.delete(opinionCategories).where(eq(opinionCategories.id, id));
  await writeAudit(tx, actor, { action: 'delete', entity: 'opinion_category', entityId: id, before }, ip);
}

/** The reply period of a category in working days: its own, else its parent's, else null (use the setting). */
export async function replyWorkingDaysFor(db: DbOrTx, categoryId: number | null): Promise<number | null> {
  if (categoryId === null) return null;
  const rows = await db.execute(sql`
    select coalesce(c.reply_working_days, p.reply_working_days) as days
    from opinion_categories c left join opinion_categories p on p.id = c.parent_id
    where c.id = ${categoryId}`);
  const days = (rows.rows[0] as { days: number | null } | undefined)?.days;
  return days ?? null;
}
