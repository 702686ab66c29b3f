// Request schemas of the public member directory and the office's QR posters.
import { z } from 'zod';
import { idQuery, pageQuery } from '../common/schemas.js';

/** Query of GET /public/directory: filters by sector (界别, a parent sector includes its children), township, village, name. */
export const directoryQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sectorId: idQuery.optional(),
  townshipId: idQuery.optional(),
  villageId: idQuery.optional(),
  q: z.string().trim().max(30).default(''),
});
/** A validated directory query. */
export type DirectoryQuery = z.infer<typeof directoryQuery>;

/** Query of the poster endpoints: Chinese only, or Chinese with Uyghur. */
export const posterQuery = z.object({ lang: z.enum(['zh', 'zh-ug']).default('zh') });
