// Hot statements as named prepared statements: PostgreSQL then parses and plans each statement once per connection
// instead of on every call. The citizen form's one statement (rate-limit hit, item, originator, event, audit, KPI rows)
// spent more time being planned than executed. The name is the statement text's hash, so each shape a builder
// produces (with or without a hit, a member, a link message) is its own statement, and their number stays small.
// Only for statements whose text takes a few shapes: every distinct text stays prepared on each pooled connection.
import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

const dialect = new PgDialect();
const names = new Map<string, string>();
/**
 * A bound on the texts prepared by name in this process (each stays prepared on every pooled connection): a builder
 * that produced texts without end (a value inlined into the text by mistake) runs its further texts unnamed instead.
 */
export const MAX_PREPARED_TEXTS = 500;

/** The name a statement text is prepared under (stable across processes, so logs and pg_prepared_statements agree). */
export function preparedName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `jl_${crypto.createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `query` like `db.execute(query)`, as a named prepared statement (on PGlite, which plans in process, the name
 * changes nothing). Same rows and type parsing as `execute`: the driver's own prepared query does the work.
 */
export async function executePrepared<Row = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<{ rows: Row[] }> {
  const built = dialect.sqlToQuery(query);
  const name = names.size < MAX_PREPARED_TEXTS || names.has(built.sql) ? preparedName(built.sql) : undefined;
  const prepared = db._.session.prepareQuery(built, undefined, name, false);
  return (await prepared.execute()) as { rows: Row[] };
}
