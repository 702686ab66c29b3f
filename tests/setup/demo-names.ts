// The names a public answer on the demo county must never carry: the citizens and representatives who raised items,
// except names found inside a public name (members are public, by name, in the directory; 周婷 is also in 周婷婷) and
// one-character ones. Shared by the public PII scans (security/public-pii.test.ts, opinions/door-pii.test.ts).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/server/db/client.js';

/** The first column of every row, as text. */
export async function column(db: DbOrTx, q: ReturnType<typeof sql>): Promise<string[]> {
  return ((await db.execute(q)).rows as Record<string, unknown>[]).map((r) => String(Object.values(r)[0]));
}

/** Names of the people who raised items that no public page may show. */
export async function hiddenOriginatorNames(db: DbOrTx): Promise<string[]> {
  const publicNames = (
    await column(
      db,
      sql`select name from members union select name from regions union select name from departments
        union select name from contact_stations union select name from opinion_categories`,
    )
  ).join('\n');
  return (
    await column(
      db,
      sql`select distinct name from opinion_originators where kind = 'citizen' and name <> ''
        union select distinct r.name from opinion_originators oo join representatives r on r.id = oo.representative_id`,
    )
  ).filter((n) => n.length >= 2 && !publicNames.includes(n));
}
