// Which department should lead an item: the office's lead-department classifier read on the item's text, blended
// with how often each department led items of the same category (else sibling categories) — the category ranking
// carries the cold start, the text takes over as forwards are learned. Used by /suggestions and the forward plan.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { departmentTerms, type TriageModels } from './text-index.js';

/** How many departments a suggestion lists (the first is preselected). */
export const DEPARTMENT_SUGGESTIONS = 3;
/** Forwards learned at which the text and the category ranking weigh the same. */
const TEXT_HALF_WEIGHT = 20;
/** The category ranking always keeps a fifth of the say when it has one (measured best in bench/triage.ts). */
const MAX_TEXT_WEIGHT = 0.8;

/** Where a suggested department comes from, so the dialog can say why. */
export type DepartmentBasis = 'text' | 'category' | 'parent_category';

/** One suggested lead department: probability 0…1; `count` items of the same category it led before. */
export interface DepartmentSuggestion {
  departmentId: number;
  name: string;
  probability: number;
  count: number;
  basis: DepartmentBasis;
}

/** What the ranking reads of an item. */
export interface DepartmentItem {
  id: number;
  title: string;
  content: string;
  categoryId: number | null;
  categoryParentId: number | null;
}

/** A department with the items of the category it led. */
export type CountRow = { departmentId: number; name: string; count: number };

/** Departments that led the most items of the same category (else of its siblings), most recent first on ties. */
async function categoryRanking(db: DbOrTx, item: DepartmentItem) {
  if (item.categoryId === null) return { rows: [] as CountRow[], basis: 'category' as const };
  const ranked = async (where: ReturnType<typeof sql>) =>
    (
      await db.execute(sql`select a.department_id as "departmentId", d.name, count(distinct a.opinion_id)::int as count
      from opinion_assignments a join opinions o on o.id = a.opinion_id join departments d on d.id = a.department_id
      left join opinion_categories c on c.id = o.category_id
      where a.role = 'lead' and a.active and o.id <> ${item.id} and o.status <> 'merged' and ${where}
      group by a.department_id, d.name order by count desc, max(a.created_at) desc, a.department_id limit 10`)
    ).rows as CountRow[];
  const same = await ranked(sql`o.category_id = ${item.categoryId}`);
  if (same.length) return { rows: same, basis: 'category' as const };
  const top = item.categoryParentId ?? item.categoryId;
  return {
    rows: await ranked(sql`(o.category_id = ${top} or c.parent_id = ${top})`),
    basis: 'parent_category' as const,
  };
}

/**
 * Blends the text classifier's probabilities p (by department) with the category ranking's shares q as
 * w·p + (1−w)·q, w growing with the forwards learned up to 0.8 (w = 1 without a category ranking, 0 before any
 * forward); pure, so the bench replays exactly what the server ranks.
 */
export function blendDepartments(
  text: ReadonlyMap<number, number>,
  rows: readonly CountRow[],
  basis: 'category' | 'parent_category',
  learned: number,
  names: ReadonlyMap<number, string>,
): DepartmentSuggestion[] {
  const total = rows.reduce((n, r) => n + r.count, 0);
  const share = new Map(rows.map((r) => [r.departmentId, total ? r.count / total : 0]));
  const counts = new Map(rows.map((r) => [r.departmentId, r.count]));
  const w = !text.size ? 0 : !rows.length ? 1 : Math.min(MAX_TEXT_WEIGHT, learned / (learned + TEXT_HALF_WEIGHT));
  const ids = new Set([...text.keys(), ...share.keys()]);
  return [...ids]
    .map((departmentId) => {
      const p = w * (text.get(departmentId) ?? 0);
      const q = (1 - w) * (share.get(departmentId) ?? 0);
      return {
        departmentId,
        name: names.get(departmentId) ?? rows.find((r) => r.departmentId === departmentId)?.name ?? '',
        probability: Math.round((p + q) * 1000) / 1000,
        count: counts.get(departmentId) ?? 0,
        basis: p >= q ? ('text' as const) : basis,
      };
    })
    .filter((d) => d.probability > 0)
    .sort((a, b) => b.probability - a.probability || b.count - a.count || a.departmentId - b.departmentId)
    .slice(0, DEPARTMENT_SUGGESTIONS);
}

/** The top lead departments for an item: the text classifier and the category ranking, blended. */
export async function rankDepartments(
  db: DbOrTx,
  models: TriageModels,
  item: DepartmentItem,
): Promise<DepartmentSuggestion[]> {
  const names = new Map(
    ((await db.execute(sql`select id, name from departments`)).rows as { id: number; name: string }[]).map((d) => [
      d.id,
      d.name,
    ]),
  );
  const learned = models.departments.examples;
  const terms = departmentTerms(item.title, item.content, item.categoryId, item.categoryParentId);
  const text = new Map<number, number>();
  if (terms.length && learned > 0)
    for (const s of models.departments.predict(terms, models.departments.labels.length))
      if (names.has(Number(s.label))) text.set(Number(s.label), s.probability);
  const { rows, basis } = await categoryRanking(db, item);
  return blendDepartments(text, rows, basis, learned, names);
}
