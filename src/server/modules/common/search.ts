// One search condition for names, pinyin initials/full spelling and phone numbers, used by every list.
import { type SQL, sql } from 'drizzle-orm';
import { classifyQuery } from '../../../core/search-keys.js';

/**
 * Which rows a field may be matched on: `true` all, `false` none, or an SQL condition (the rows whose value the
 * viewer sees in full, from `searchableRows`). A phone query on a field nobody may search matches nothing.
 */
export type Searchable = boolean | SQL;

const gate = (rows: Searchable, cond: SQL): SQL =>
  rows === true ? cond : rows === false ? sql`false` : sql`(${rows} and ${cond})`;

/** Builds the WHERE fragment for a free-text query over a table alias with name/pinyin(/phone) columns. */
export function searchCondition(
  q: string | undefined,
  alias: string,
  opts: { phone?: Searchable; name?: Searchable } = {},
): SQL {
  if (!q) return sql`true`;
  const t = sql.raw(alias);
  const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const kind = classifyQuery(q);
  const name = opts.name ?? true;
  if (kind === 'phone' && opts.phone !== undefined)
    return gate(opts.phone, sql`replace(${t}.phone, '-', '') like ${`%${q.replace(/-/g, '')}%`}`);
  if (kind === 'pinyin') {
    const p = q.toLowerCase();
    return gate(
      name,
      sql`(${t}.pinyin_initials like ${`${p}%`} or ${t}.pinyin_full like ${`${p}%`} or ${t}.name ilike ${like})`,
    );
  }
  return gate(name, sql`${t}.name like ${like}`);
}
