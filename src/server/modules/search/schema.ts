// Query of GET /search: one required text of 1–100 characters.
import { z } from 'zod';

/** The cross-record search query. */
export const searchQuery = z.object({ q: z.string().trim().min(1).max(100) });
