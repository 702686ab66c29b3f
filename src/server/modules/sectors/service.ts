// Term rules: exactly one current term; a new term starts with a copy of the previous sector tree.
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sectors, terms } from '../../db/schema.js';
import { AppError } from '../../errors.js';

/** The id of the current term (there is always one once the registry is set up). */
export async function currentTermId(db: DbOrTx): Promise<number> {
  const [t] = await db.select({ id: terms.id }).from(terms).where(eq(terms.isCurrent, true));
  if (!t) throw new AppError('not_found');
  return t.id;
}

/** Opens a new current term, copying the sector tree of `copyFromTermId` (ids change, old rows stay untouched). */
export async function createTerm(
  tx: DbOrTx,
  input: { number: number; name: string; startDate: string; copyFromTermId?: number },
) {
  const dup = await tx.select().from(terms).where(eq(terms.number, input.number));
  if (dup.length) throw new AppError('conflict');
  await tx.execute(
    sql`update terms set is_current = false, end_date = coalesce(end_date, ${input.startDate}::date) where is_current`,
  );
  const [term] = await tx
    .insert(terms)
    .values({ number: input.number, name: input.name, startDate: input.startDate, isCurrent: true })
    .returning();
  if (input.copyFromTermId) {
    const old = await tx
      .select()
      .from(sectors)
      .where(eq(sectors.termId, input.copyFromTermId))
      .orderBy(asc(sectors.id));
    const map = new Map<number, number>();
    for (const s of old) {
      const [n] = await tx
        .insert(sectors)
        .values({
          termId: term.id,
          name: s.name,
          sortOrder: s.sortOrder,
          parentId: s.parentId ? (map.get(s.parentId) ?? null) : null,
        })
        .returning({ id: sectors.id });
      map.set(s.id, n.id);
    }
    await tx.execute(sql`
      insert into member_terms (member_id, term_id, sector_id)
      select mt.member_id, ${term.id}, s2.id from member_terms mt
      join sectors s1 on s1.id = mt.sector_id
      join sectors s2 on s2.term_id = ${term.id} and s2.name = s1.name and coalesce(s2.parent_id,0) = coalesce((select id from sectors p2 where p2.term_id = ${term.id} and p2.name = (select name from sectors p1 where p1.id = s1.parent_id)), 0)
      join members m on m.id = mt.member_id and m.active
      where mt.term_id = ${input.copyFromTermId}`);
  }
  return term;
}
