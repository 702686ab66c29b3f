// Terms (届) and the sector tree of each term; a new term copies the tree so old records keep their sectors.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import { sectors, terms } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { idBody, idParam, idQuery, isoDate, name, patchOf } from '../common/schemas.js';
import { canManageRegistry } from '../common/scope.js';
import { createTerm, currentTermId } from './service.js';

const sectorBody = z.object({
  name,
  parentId: idBody.nullable().default(null),
  sortOrder: z.number().int().default(0),
});
const termBody = z.object({
  number: z.number().int().min(1).max(99),
  name,
  startDate: isoDate,
  copyFromTermId: idBody.optional(),
});

/** /api/v1/terms and /api/v1/sectors. */
export const sectorRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const admin = (req: any) => {
    const a = actorOf(req);
    if (!canManageRegistry(a)) throw new AppError('forbidden');
    return a;
  };

  r.get('/terms', { schema: { tags: ['registry'] } }, async () => ({
    items: await db().select().from(terms).orderBy(asc(terms.number)),
  }));
  r.post('/terms', { schema: { tags: ['registry'], body: termBody } }, async (req) => {
    const actor = admin(req);
    return db().transaction(async (tx) => {
      const term = await createTerm(tx, req.body);
      await writeAudit(tx, actor, { action: 'create', entity: 'term', entityId: term.id, after: term }, req.ip);
      return term;
    });
  });

  r.get(
    '/sectors',
    {
      schema: { tags: ['registry'], querystring: z.object({ termId: idQuery.optional() }) },
    },
    async (req) => {
      const termId = req.query.termId ?? (await currentTermId(db()));
      const rows = await db()
        .select()
        .from(sectors)
        .where(eq(sectors.termId, termId))
        .orderBy(asc(sectors.sortOrder), asc(sectors.id));
      const counts = await db().execute(
        sql`select sector_id, count(*)::int as n from member_terms where term_id = ${termId} group by sector_id`,
      );
      const byId = new Map((counts.rows as any[]).map((c) => [c.sector_id, c.n]));
      const items = rows.map((s) => ({ ...s, memberCount: byId.get(s.id) ?? 0 }));
      return { termId, items, tree: buildTree(items) };
    },
  );
  r.post(
    '/sectors',
    { schema: { tags: ['registry'], body: sectorBody.extend({ termId: idBody.optional() }) } },
    async (req) => {
      const actor = admin(req);
      return db().transaction(async (tx) => {
        const termId = req.body.termId ?? (await currentTermId(tx));
        const [row] = await tx
          .insert(sectors)
          .values({ ...req.body, termId })
          .returning();
        await writeAudit(tx, actor, { action: 'create', entity: 'sector', entityId: row.id, after: row }, req.ip);
        return row;
      });
    },
  );
  r.patch(
    '/sectors/:id',
    { schema: { tags: ['registry'], params: idParam, body: patchOf(sectorBody) } },
    async (req) => {
      const actor = admin(req);
      return db().transaction(async (tx) => {
        const [before] = await tx.select().from(sectors).where(eq(sectors.id, req.params.id));
        if (!before) throw notFound();
        const [row] = await tx.update(sectors).set(req.body).where(eq(sectors.id, before.id)).returning();
        await writeAudit(
          tx,
          actor,
          { action: 'update', entity: 'sector', entityId: row.id, before, after: row },
          req.ip,
        );
        return row;
      });
    },
  );
  r.delete('/sectors/:id', { schema: { tags: ['registry'], params: idParam } }, async (req) => {
    const actor = admin(req);
    return db().transaction(async (tx) => {
      const [before] = await tx.select().from(sectors).where(eq(sectors.id, req.params.id));
      if (!before) throw notFound();
      const used = await tx.execute(
        sql`select 1 from member_terms where sector_id = ${before.id} union all select 1 from sectors where parent_id = ${before.id} limit 1`,
      );
      if (used.rows.length) throw new AppError('in_use');
      await tx.delete(sectors).where(and(eq(sectors.id, before.id)));
      await writeAudit(tx, actor, { action: 'delete', entity: 'sector', entityId: before.id, before }, req.ip);
      return { ok: true };
    });
  });
};

type Node<T> = T & { children: Node<T>[] };
/** Nests flat sector rows into the tree the drop-down shows. */
export function buildTree<T extends { id: number; parentId: number | null }>(rows: T[]): Node<T>[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as Node<T>[] }]));
  const roots: Node<T>[] = [];
  for (const n of nodes.values())
    (n.parentId && nodes.get(n.parentId) ? nodes.get(n.parentId)!.children : roots).push(n);
  return roots;
}
