// Minimal lists the citizen form needs without signing in: active categories and villages by name or pinyin.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** Active categories as a two-level tree of ids and names only. */
export async function publicCategories(db: DbOrTx) {
  const res = await db.execute(sql`select id, parent_id as "parentId", name from opinion_categories
    where active order by sort_order, id`);
  const rows = res.rows as { id: number; parentId: number | null; name: string }[];
  const top = rows.filter((r) => r.parentId === null);
  return {
    items: top.map((p) => ({
      id: p.id,
      name: p.name,
      children: rows.filter((c) => c.parentId === p.id).map((c) => ({ id: c.id, name: c.name })),
    })),
  };
}

/** Up to 50 villages matching the text (name, pinyin initials or full pinyin), each with its township's name. */
export async function publicVillages(db: DbOrTx, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const res = await db.execute(sql`select v.id, v.name, t.name as "townshipName" from regions v
      left join regions t on t.id = v.parent_id
    where v.level = 'village' ${
      q
        ? sql`and (v.name ilike ${like} or t.name ilike ${like} or v.pinyin_initials ilike ${like} or v.pinyin_full ilike ${like})`
        : sql``
    }
    order by t.code nulls last, v.code limit 50`);
  return { items: res.rows as { id: number; name: string; townshipName: string | null }[] };
}
