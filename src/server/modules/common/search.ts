// One search condition for names, pinyin initials/full spelling and phone numbers, used by every list.
import { type SQL, sql } from 'drizzle-orm';
import { classifyQuery } from '../../../core/search-keys.js';

/** Builds the WHERE fragment for a free-text query over a table alias with name/pinyin(/phone) columns. */
export function searchCondition(q: string | undefined, alias: string, opts: { phone?: boolean } = {}): SQL {
  if (!q) return sql`true`;
  const t = sql.raw(alias);
  const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const kind = classifyQuery(q);
  if (kind === 'phone' && opts.phone) return sql`replace(${t}.phone, '-', '') like ${`%${q.replace(/-/g, '')}%`}`;
  if (kind === 'pinyin') {
    const p = q.toLowerCase();
    return sql`(${t}.pinyin_initials like ${`${p}%`} or ${t}.pinyin_full like ${`${p}%`} or ${t}.name ilike ${like})`;
  }
  return sql`${t}.name like ${like}`;
}
