// Response schema of GET /workbench (documents the counters in the OpenAPI schema; the shape lives in core).
import { z } from 'zod';
import { WORKBENCH_KEYS } from '../../../core/workbench.js';

/** One counter: how many, and the web URL of the filtered list whose total it is. */
export const workbenchCounter = z.object({
  key: z.enum(WORKBENCH_KEYS),
  count: z.number().int().min(0),
  link: z.string(),
  tone: z.enum(['danger', 'warning']).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** The signed-in actor's counters, in display order. */
export const workbenchAnswer = z.object({ items: z.array(workbenchCounter) });
