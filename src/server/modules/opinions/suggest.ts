// Suggested category while an item is typed or triaged: the office's classifier (text-index.ts) ranks the active
// categories from the title and content; staff and the citizen form ask the same model, the citizen through a
// rate-limited public route. Nothing is stored: the suggestion is accepted or changed in the form itself.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textWords } from '../../adapters/text/pipeline.js';
import type { DbOrTx } from '../../db/client.js';
import { publicGate, publicLimitsFromEnv } from '../public/rate-limit.js';
import { classifierFor } from './text-index.js';

/** What was typed so far; either part may still be empty, not both. */
export const suggestBody = z
  .object({
    title: z.string().trim().max(200).default(''),
    content: z.string().trim().max(20_000).default(''),
  })
  .refine((b) => b.title.length + b.content.length > 0, { message: 'required', path: ['content'] });

/** Up to three active categories, most likely first, with a probability (0…1) and how many decided items taught it. */
export async function suggestCategories(db: DbOrTx, input: z.infer<typeof suggestBody>) {
  const { classifier, names } = await classifierFor(db);
  const terms = textWords(`${input.title}\n${input.content}`);
  if (!terms.length) return { items: [], learnedFrom: classifier.examples };
  const items = classifier
    .predict(terms, classifier.labels.length)
    .map((s) => ({ categoryId: Number(s.label), name: names.get(Number(s.label)), probability: s.probability }))
    .filter((s): s is { categoryId: number; name: string; probability: number } => s.name !== undefined)
    .slice(0, 3)
    .map((s) => ({ ...s, probability: Math.round(s.probability * 1000) / 1000 }));
  return { items, learnedFrom: classifier.examples };
}

/** POST /opinions/suggest-category (signed in) and POST /public/opinions/suggest-category (citizen form). */
export const suggestRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const lookups = publicGate(app, 'public_lookup', publicLimitsFromEnv().lookup);
  r.post('/opinions/suggest-category', { schema: { tags: ['opinions'], body: suggestBody } }, async (req) =>
    suggestCategories(db(), req.body),
  );
  r.post(
    '/public/opinions/suggest-category',
    { config: { public: true }, schema: { tags: ['public'], body: suggestBody } },
    async (req, reply) => {
      await lookups(req, reply);
      return suggestCategories(db(), req.body);
    },
  );
};
