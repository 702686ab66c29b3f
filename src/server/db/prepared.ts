// Hot statements as named prepared statements: PostgreSQL then parses and plans each statement once per connection
// instead of on every call. The citizen form's one statement (rate-limit hit, item, originator, event, audit, KPI rows)
// spent more time being planned than executed. The name is the statement text's hash, so each shape a builder
// produces (with or without a hit, a member, a link message) is its own statement, and their number stays small.
// Only for statements whose text takes a few shapes: every distinct text stays prepared on each pooled connection.
// PGlite's driver has no statement names, so there the statement is prepared with SQL's PREPARE and run with EXECUTE,
// its values written as quoted literals (PGlite's EXECUTE takes no bound parameters).
import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { SQL, StringChunk } from 'drizzle-orm';
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

/** Thrown inside compileFast when a chunk is not one it knows; the caller then lets drizzle compile the statement. */
const UNKNOWN = Symbol('unknown chunk');

function compileInto(chunks: readonly unknown[], out: { sql: string; params: unknown[] }) {
  for (const chunk of chunks) {
    if (chunk === undefined) continue;
    if (chunk === null || typeof chunk !== 'object') {
      if (typeof chunk === 'function' || typeof chunk === 'symbol') throw UNKNOWN;
      out.params.push(chunk);
      out.sql += `$${out.params.length}`;
    } else if (chunk instanceof StringChunk) out.sql += chunk.value.join('');
    else if (
      chunk instanceof SQL &&
      chunk.constructor === SQL &&
      !(chunk as unknown as { shouldInlineParams: boolean }).shouldInlineParams
    )
      compileInto(chunk.queryChunks, out);
    else if (chunk instanceof Date) {
      out.params.push(chunk);
      out.sql += `$${out.params.length}`;
    } else throw UNKNOWN;
  }
}

/**
 * `dialect.sqlToQuery` for the statements hot paths write: text, nested sql templates and plain values only (a string,
 * number, boolean, null, bigint or Date becomes a parameter, exactly as drizzle would number it). Anything else (a
 * table, a column, an array, a Param, a placeholder) goes to drizzle. Drizzle's general walk asks every chunk which of
 * a dozen kinds it is; on the citizen form's statement that cost 0.15 ms a request, about as much as PostgreSQL took to
 * run it. prepared.test.ts compares the two on every kind of chunk.
 */
export function compileFast(query: SQL): { sql: string; params: unknown[] } {
  const out = { sql: '', params: [] as unknown[] };
  try {
    compileInto([query], out);
    return out;
  } catch (e) {
    if (e !== UNKNOWN) throw e;
    return dialect.sqlToQuery(query);
  }
}

/** Statement names prepared (PREPARE) on each embedded database: one backend per PGlite instance. */
const preparedOn = new WeakMap<PGlite, Set<string>>();

/** A value as an SQL literal for EXECUTE's arguments, or undefined when it is not a plain scalar. */
function literal(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'bigint') return String(v);
  // standard_conforming_strings is on: a quote is doubled, a backslash is an ordinary character.
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  return undefined;
}

/**
 * Runs `query` like `db.execute(query)`, as a named prepared statement. Same rows and type parsing as `execute`: the
 * driver's own prepared query does the work. On PGlite only outside a transaction (its transaction handle does not
 * say which database it belongs to); inside one, the statement runs as usual.
 */
export async function executePrepared<Row = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<{ rows: Row[] }> {
  const built = compileFast(query);
  const name = names.size < MAX_PREPARED_TEXTS || names.has(built.sql) ? preparedName(built.sql) : undefined;
  const session = db._.session;
  const client = (session as unknown as { client?: unknown }).client;
  if (name && client instanceof PGlite) {
    const args = built.params.map(literal);
    if (args.every((a) => a !== undefined)) {
      const done = preparedOn.get(client) ?? new Set<string>();
      preparedOn.set(client, done);
      if (!done.has(name)) {
        await session
          .prepareQuery({ sql: `prepare ${name} as ${built.sql}`, params: [] }, undefined, undefined, false)
          .execute();
        done.add(name);
      }
      const call = `execute ${name}${args.length ? `(${args.join(', ')})` : ''}`;
      return (await session.prepareQuery({ sql: call, params: [] }, undefined, undefined, false).execute()) as {
        rows: Row[];
      };
    }
  }
  const prepared = session.prepareQuery(built, undefined, name, false);
  return (await prepared.execute()) as { rows: Row[] };
}
