// Named prepared statements: the same rows as execute on both databases, one name per statement text, and on
// PostgreSQL the statement really is prepared on the connection (pg_prepared_statements lists it under its name).
import { Param, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/setup/test-app.js';
import type { Database } from './client.js';
import { compileFast, executePrepared, preparedName } from './prepared.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const q = (n: number, label: string | null) =>
  sql`select x, ${label}::text as label, now()::timestamptz as at from generate_series(1, ${n}::int) x order by x`;

describe('executePrepared', () => {
  it('returns what execute returns, typed the same, with parameters and nulls', async () => {
    const db = database.db;
    for (const [n, label] of [
      [3, 'a'],
      [2, null],
      [4, '民生'],
    ] as const) {
      const plain = (await db.execute(q(n, label))).rows as any[];
      const named = (await executePrepared(db, q(n, label))).rows as any[];
      expect(named.map((r) => [Number(r.x), r.label])).toEqual(plain.map((r) => [Number(r.x), r.label]));
      expect(typeof named[0].at).toBe(typeof plain[0].at);
    }
  });

  it('names each statement text once, and different texts differently', () => {
    const a = preparedName('select 1');
    expect(preparedName('select 1')).toBe(a);
    expect(preparedName('select 2')).not.toBe(a);
    expect(a).toMatch(/^jl_[0-9a-f]{24}$/);
  });

  it('inside a transaction, and on PostgreSQL as a statement prepared under its name', async () => {
    const db = database.db;
    const names = await db.transaction(async (tx) => {
      const rows = (await executePrepared(tx, q(2, 'tx'))).rows as any[];
      expect(rows).toHaveLength(2);
      if (database.kind !== 'postgres') return null;
      // The same connection as the statement: the transaction's.
      return ((await tx.execute(sql`select name from pg_prepared_statements`)).rows as { name: string }[]).map(
        (r) => r.name,
      );
    });
    if (database.kind === 'postgres') {
      const text = new PgDialect().sqlToQuery(q(2, 'tx')).sql;
      expect(names).toContain(preparedName(text));
    } else expect(names).toBeNull();
  });

  it('is prepared under its name outside a transaction on both databases (PGlite: PREPARE and EXECUTE)', async () => {
    const text = new PgDialect().sqlToQuery(q(5, 'root')).sql;
    expect((await executePrepared(database.db, q(5, 'root'))).rows).toHaveLength(5);
    // On PostgreSQL a pooled connection holds it; this read may come through another, so ask with the same name again.
    const names = async () =>
      ((await database.db.execute(sql`select name from pg_prepared_statements`)).rows as { name: string }[]).map((r) =>
        r.name.toLowerCase(),
      );
    if (database.kind === 'pglite') expect(await names()).toContain(preparedName(text));
    expect((await executePrepared(database.db, q(2, 'again'))).rows).toHaveLength(2);
  });

  it('passes every kind of value through intact (quotes, backslashes, unicode, signs, null, booleans)', async () => {
    const tricky = [`O'Brien's "村" \\ \n ;--`, '', '🙂 ئۇيغۇرچە', 'x'.repeat(20_000), "'); drop table users; --"];
    for (const v of tricky) {
      const [row] = (await executePrepared(database.db, sql`select ${v}::text as v, length(${v}::text) as n`))
        .rows as any[];
      expect(row.v).toBe(v);
      expect(Number(row.n)).toBe([...v].length);
    }
    const [row] = (
      await executePrepared(
        database.db,
        sql`select ${-42}::int as neg, ${1.5}::float8 as f, ${null}::int as nothing, ${true}::boolean as yes,
          ${false}::boolean as no, ${'{1,2,3}'}::int[] as arr, ${JSON.stringify({ a: "it's" })}::jsonb as j`,
      )
    ).rows as any[];
    expect(row).toMatchObject({ neg: -42, f: 1.5, nothing: null, yes: true, no: false, j: { a: "it's" } });
    expect(row.arr.map(Number)).toEqual([1, 2, 3]);
    expect((await database.db.execute(sql`select count(*)::int as n from users`)).rows).toHaveLength(1);
  });

  it('a failing statement raises the database error (and the next call still works)', async () => {
    const err = await executePrepared(database.db, sql`select 1 / ${0}::int`).catch((e) => e);
    // Wrapped by the driver like execute's errors: the database's code is on the error or its cause.
    expect(err?.code ?? err?.cause?.code).toBe('22012');
    expect((await executePrepared(database.db, q(1, 'ok'))).rows).toHaveLength(1);
  });
});

describe('compileFast', () => {
  const drizzle = new PgDialect();
  const both = (query: ReturnType<typeof sql>) => {
    const fast = compileFast(query);
    const slow = drizzle.sqlToQuery(query);
    return { fast: { sql: fast.sql, params: fast.params }, slow: { sql: slow.sql, params: slow.params } };
  };
  const at = new Date('2026-12-05T04:00:00Z');

  it('numbers every kind of plain value as drizzle does, through nested, joined, raw and empty parts', () => {
    const inner = sql`select ${'村'}::text, ${7}, ${null}, ${true}, ${2n ** 40n}, ${at}::timestamptz`;
    const list = sql.join(
      [1, 2, 3].map((x) => sql`(${x}, ${`v${x}`})`),
      sql`, `,
    );
    const query = sql`with a as (${inner}), b as (values ${list}) select ${sql.raw('1 as one')}, ${undefined}
      ${sql``} ${sql.empty()} from a, b where ${0} = ${-1.5} and ${"it's"} <> ${''}`;
    const { fast, slow } = both(query);
    expect(fast).toEqual(slow);
    expect(fast.params).toHaveLength(16);
    expect(fast.sql).toContain('$16');
  });

  it('hands a statement with anything else to drizzle: a table, a column, an array, a Param, a placeholder', async () => {
    const { users } = await import('./schema.js');
    for (const query of [
      sql`select ${users.id} from ${users}`,
      sql`select * from users where id in ${[1, 2, 3]}`,
      sql`select ${new Param(5)}::int`,
      sql`select ${sql.placeholder('x')}::int`,
      sql`select ${{ a: 1 }}::jsonb`,
    ]) {
      const { fast, slow } = both(query);
      expect(fast).toEqual(slow);
    }
  });
});
