// Input guards every route shares, run after sign-in and before schema validation: strings PostgreSQL cannot store
// (NUL, lone UTF-16 surrogates) and empty PATCH bodies become a 400 in the caller's language instead of a 5xx or a
// silent no-op, bodies nested absurdly deep are refused before anything walks them, and a multipart body that does
// not parse is a 400. The database-error map is the last line behind the schemas: a constraint the schema did not foresee
// is a 4xx with a reason, never a 500.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type FieldIssue } from './errors.js';
import type { MessageCode } from './i18n/messages.js';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** The first string in a value (body, query, params) that PostgreSQL would refuse, with its path. */
export function findUnstorableString(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return unstorable(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findUnstorableString(value[i], path ? `${path}.${i}` : String(i));
      if (p !== null) return p;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (unstorable(k)) return path ? `${path}.${k}` : k;
      const p = findUnstorableString(v, path ? `${path}.${k}` : k);
      if (p !== null) return p;
    }
  }
  return null;
}

// No form of this app nests deeper than a few levels; a body nested thousands deep is an attack on the recursive
// walks behind this guard (the schemas, JSON.stringify in the audit log, jsonb).
const MAX_BODY_DEPTH = 32;

/** Whether a parsed body nests objects or arrays deeper than `max`; an explicit stack, so no depth overflows it. */
export function isNestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= max) return true;
    for (const x of Object.values(v)) if (x && typeof x === 'object') stack.push([x, depth + 1]);
  }
  return false;
}

const isEmptyPatch = (body: unknown) =>
  body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);

/** Registers the guards on every route. */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    if (isNestedDeeperThan(req.body, MAX_BODY_DEPTH)) throw new AppError('validation_failed');
    for (const part of [req.params, req.query, req.body]) {
      const at = findUnstorableString(part);
      if (at !== null) throw badField(at, 'text_unstorable');
    }
  });
  // After validation, because the schemas drop unknown fields: {} and {"x":1} both reach here as {}, nothing to
  // change, never an UPDATE with no columns (a 500).
  app.addHook('preHandler', async (req) => {
    if (req.method === 'PATCH' && isEmptyPatch(req.body)) throw badField('', 'patch_empty');
  });
}

/**
 * A multipart body that does not parse (no boundary, cut off, broken part headers) is the sender's fault: a 400 on the
 * file field instead of the 500 the parser's plain Error would become. Errors that already carry a status (the 413 of
 * the size limits, AppErrors) pass through unchanged.
 */
export function asMultipartClientError(err: unknown): unknown {
  if (err instanceof AppError || typeof (err as { statusCode?: unknown })?.statusCode === 'number') return err;
  return badField('file', 'file_required');
}

const badField = (path: string, key: string) =>
  new AppError('validation_failed', {}, [{ path, message: key }] satisfies FieldIssue[]);

const PG_ERRORS: Record<string, { status: number; code: MessageCode }> = {
  '22003': { status: 400, code: 'validation_failed' }, // numeric value out of range (an id past int4)
  '22P02': { status: 400, code: 'validation_failed' }, // invalid text representation
  '22021': { status: 400, code: 'validation_failed' }, // character not in repertoire
  '22P05': { status: 400, code: 'validation_failed' }, // untranslatable character
  '22001': { status: 400, code: 'validation_failed' }, // value too long for the column
  '22007': { status: 400, code: 'validation_failed' }, // invalid datetime format (a year JavaScript writes as -000001)
  '22008': { status: 400, code: 'validation_failed' }, // datetime field out of range (0000-01-01, 2026-02-30)
  '23503': { status: 409, code: 'in_use' }, // foreign key: the record is still referenced
  '23505': { status: 409, code: 'conflict' }, // unique violation
};

/** The 4xx for a database error a schema should have caught, or null for a real server fault. */
export function mapDatabaseError(err: FastifyError | Error): { status: number; code: MessageCode } | null {
  const cause = (err as { cause?: { code?: unknown; detail?: unknown } }).cause;
  const code = (err as { code?: unknown }).code ?? cause?.code;
  const detail = String((err as { detail?: unknown }).detail ?? cause?.detail ?? '');
  // A foreign key fails two ways: a write names a record that does not exist (insert/update: "is not present"), or a
  // delete meets a record still pointing at it ("is still referenced").
  if (code === '23503' && detail.includes('is not present')) return { status: 400, code: 'reference_missing' };
  return typeof code === 'string' ? (PG_ERRORS[code] ?? null) : null;
}
