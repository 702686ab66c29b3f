// Queries of the public transparency board: the KPI table by department and township, and the published answers.
import { z } from 'zod';
import { idQuery } from '../common/schemas.js';

/** GET /public/transparency: a year (default the current one, China time) and optionally one township. */
export const transparencyQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionId: idQuery.optional(),
});
/** A validated board query. */
export type TransparencyQuery = z.infer<typeof transparencyQuery>;

/** Answers per page of GET /public/answers. */
export const ANSWERS_PAGE_SIZE = 20;

/** GET /public/answers: a township or village, a category (its subcategories too) and the page. */
export const answersQuery = z.object({
  regionId: idQuery.optional(),
  categoryId: idQuery.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
/** A validated answers query. */
export type AnswersQuery = z.infer<typeof answersQuery>;
