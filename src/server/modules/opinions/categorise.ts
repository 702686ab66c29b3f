// Triage by the office: PUT /opinions/:id/category sets or corrects an item's category (one transaction: the item, a
// `categorised` event the classifiers learn from in every process, the audit row) and GET /opinions/:id/suggestions
// gives the suggested categories and lead departments with their probabilities. Only the office triages (DOMAIN.md).
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { idBody, idParam } from '../common/schemas.js';
import { rankDepartments } from './department-suggest.js';
import { loadOpinion } from './read.js';
import { opinionsVisible } from './scope.js';
import { itemTerms, triageModelsFor } from './text-index.js';
import { appendFactEvent } from './transition.js';

/** Body of PUT /opinions/:id/category; `suggested` says the office took the suggestion (kept on the event). */
export const categoryBody = z.strictObject({ categoryId: idBody, suggested: z.boolean().optional() });

/** Statuses whose category is settled: a closed or merged item keeps the one it was counted under. */
const LOCKED = new Set(['closed', 'merged']);

/** Whether the actor triages (sets categories, reads the suggestions): the office only. */
export const mayTriage = (a: Actor) => hasRole(a, 'admin');

/** Loads the item the actor may triage: 404 outside scope, 403 for those who see it but do not triage. */
async function loadTriageItem(db: DbOrTx, a: Actor, id: number, lock: boolean) {
  const res = await db.execute(sql`select o.id, o.status, o.title, left(o.content, 3000) as content,
      o.category_id as "categoryId", c.parent_id as "categoryParentId", c.name as "categoryName"
    from opinions o left join opinion_categories c on c.id = o.category_id
    where o.id = ${id} and ${opinionsVisible(a)} ${lock ? sql`for update of o` : sql``}`);
  const item = res.rows[0] as
    | {
        id: number;
        status: string;
        title: string;
        content: string;
        categoryId: number | null;
        categoryParentId: number | null;
        categoryName: string | null;
      }
    | undefined;
  if (!item) throw notFound();
  if (!mayTriage(a)) throw new AppError('forbidden');
  return item;
}

/** Sets the category in the caller's transaction; an unchanged category writes nothing. */
export async function changeCategory(
  tx: Tx,
  a: Actor,
  id: number,
  input: z.infer<typeof categoryBody>,
  opts: { now: Date; ip?: string },
) {
  const item = await loadTriageItem(tx, a, id, true);
  if (LOCKED.has(item.status)) throw new AppError('opinion_category_locked');
  const res = await tx.execute(sql`select c.name from opinion_categories c where c.id = ${input.categoryId}
    and c.active and not exists (select 1 from opinion_categories k where k.parent_id = c.id and k.active)`);
  const to = res.rows[0] as { name: string } | undefined;
  if (!to) throw new AppError('category_not_pickable');
  if (item.categoryId === input.categoryId) return { eventId: null };
  await tx.execute(sql`update opinions set category_id = ${input.categoryId},
    updated_at = ${opts.now.toISOString()}::timestamptz where id = ${id}`);
  const payload = {
    from: item.categoryId,
    to: input.categoryId,
    fromName: item.categoryName,
    toName: to.name,
    ...(input.suggested !== undefined ? { suggested: input.suggested } : {}),
  };
  const eventId = await appendFactEvent(tx, a, {
    opinionId: id,
    type: 'categorised',
    status: item.status,
    payload,
    at: opts.now,
  });
  await writeAudit(
    tx,
    a,
    {
      action: 'update_category',
      entity: 'opinion',
      entityId: id,
      before: { categoryId: item.categoryId },
      after: { categoryId: input.categoryId, suggested: input.suggested ?? false },
    },
    opts.ip,
  );
  return { eventId };
}

/** The top 3 categories (active leaves) and lead departments for an item, with how many decisions taught them. */
export async function loadSuggestions(db: DbOrTx, a: Actor, id: number) {
  const item = await loadTriageItem(db, a, id, false);
  const models = await triageModelsFor(db);
  const terms = itemTerms(item.title, item.content);
  const categories = terms.length
    ? models.classifier
        .predict(terms, models.classifier.labels.length)
        .filter((s) => models.names.has(Number(s.label)))
        .slice(0, 3)
        .map((s) => ({
          categoryId: Number(s.label),
          name: models.names.get(Number(s.label))!,
          parentName: models.parentNames.get(Number(s.label)) ?? null,
          probability: Math.round(s.probability * 1000) / 1000,
        }))
    : [];
  const departments = await rankDepartments(db, models, item);
  return {
    categories,
    departments,
    learnedFrom: { categories: models.classifier.examples, departments: models.departments.examples },
  };
}

/** PUT /opinions/:id/category and GET /opinions/:id/suggestions (registered from the opinions plugin). */
export const categoriseRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  r.put(
    '/opinions/:id/category',
    { schema: { tags: ['opinions'], params: idParam, body: categoryBody } },
    async (req) => {
      const a = actorOf(req);
      const now = app.deps.now();
      await db().transaction((tx) => changeCategory(tx, a, req.params.id, req.body, { now, ip: req.ip }));
      return loadOpinion(db(), a, req.params.id, now);
    },
  );
  r.get('/opinions/:id/suggestions', { schema: { tags: ['opinions'], params: idParam } }, async (req) =>
    loadSuggestions(db(), actorOf(req), req.params.id),
  );
};
