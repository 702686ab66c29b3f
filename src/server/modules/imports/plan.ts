import { type AuditEntry, writeAuditMany } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import type { Lang } from '../../i18n/messages.js';
import type { ImportIssue, Sheet } from './read-sheet.js';

/** What the import will do with a row. */
export type RowAction = 'create' | 'update' | 'unchanged';

/** One checked row: the values to write and, for updates, the stored record before the change. */
export interface PlannedRow<V> {
  row: number;
  action: RowAction;
  id: number | null;
  values: V;
  before: Record<string, any> | null;
}

/** Everything a planner needs: the database to look things up in, the rows, and where to put problems. */
export interface PlanInput {
  db: DbOrTx;
  sheet: Sheet;
  issues: ImportIssue[];
  lang: Lang;
  now: Date;
  /** Awaited once per row checked; now and then it yields to the event loop. */
  tick: () => Promise<void> | undefined;
}

/** Everything a writer needs: the transaction, who acts, and a per-row guard that turns database errors into row problems. */
export interface WriteInput {
  tx: DbOrTx;
  actor: Actor | null;
  ip: string;
  /** Runs one row's writes; a database error becomes an import_invalid report naming the row. */
  step: (row: number, fn: () => Promise<void>) => Promise<void>;
  /** Awaited between statements: every few milliseconds of writing it gives the event loop a turn. */
  pause: () => Promise<void> | undefined;
}

/** Rows per multi-row INSERT while writing: one statement stays a few milliseconds of PGlite work. */
export const WRITE_CHUNK = 50;

/** Writes the import's audit rows a slice at a time, pausing between slices (20,000 rows is 400 statements). */
export async function writeAuditsPaced(w: WriteInput, entries: AuditEntry[]): Promise<void> {
  for (const part of chunks(entries, WRITE_CHUNK)) {
    await writeAuditMany(w.tx, w.actor, part, w.ip);
    await w.pause();
  }
}

const same = (a: unknown, b: unknown) => {
  if (Array.isArray(a) && Array.isArray(b)) return sameSet(a as number[], b as number[]);
  return (a ?? null) === (b ?? null);
};

/** True when two id lists hold the same ids, in any order. */
export function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const x = new Set(a);
  return x.size === new Set(b).size && b.every((i) => x.has(i));
}

/** Create when there is no stored record, unchanged when every given value equals the stored one, update otherwise. */
export function decide(existing: Record<string, any> | undefined, values: Record<string, unknown>): RowAction {
  if (!existing) return 'create';
  for (const [k, v] of Object.entries(values)) if (v !== undefined && !same(existing[k], v)) return 'update';
  return 'unchanged';
}

/** Keeps only the keys whose column is in the file, so absent optional columns never overwrite stored values. */
export function onlyPresent<T extends Record<string, unknown>>(
  values: T,
  present: (key: string) => boolean,
  columnOf: Partial<Record<keyof T, string>>,
): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(values) as (keyof T)[]) {
    const column = columnOf[k] ?? (k as string);
    if (present(column)) out[k] = values[k];
  }
  return out;
}

/** Finds rows that repeat a key seen earlier in the file. */
export class SeenKeys {
  private readonly rows = new Map<string, number>();
  /** The earlier row with this key, or null (and remembers this row). */
  check(key: string, row: number): number | null {
    const other = this.rows.get(key);
    if (other !== undefined) return other;
    this.rows.set(key, row);
    return null;
  }
}

/** Splits a list into slices for multi-row statements (a few hundred rows keep parameters well under the limit). */
export function chunks<T>(list: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
