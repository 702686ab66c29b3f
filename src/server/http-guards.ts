// Input guards every route shares, run after sign-in and before schema validation: strings PostgreSQL cannot store
// (NUL, lone UTF-16 surrogates) and empty PATCH bodies become a 400 in the caller's language instead of a 5xx or a
// silent no-op. The database-error map is the last line behind the schemas: a constraint the schema did not foresee
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

/** Registers the guards on every route. */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const at = findUnstorableString(part);
      if (at !== null) throw badField(at, 'text_unstorable');
    }
    const body = req.body;
    if (
      req.method === 'PATCH' &&
      (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0))
    )
      throw badField('', 'patch_empty');
  });
}

const badField = (path: string, key: string) =>
  new AppError('validation_failed', {}, [{ path, message: key }] satisfies FieldIssue[]);

const PG_ERRORS: Record<string, { status: number; code: MessageCode }> = {
  '22003': { status: 400, code: 'validation_failed' }, // numeric value out of range (an id past int4)
  '22P02': { status: 400, code: 'validation_failed' }, // invalid text representation
  '22021': { status: 400, code: 'validation_failed' }, // character not in repertoire
  '22P05': { status: 400, code: 'validation_failed' }, // untranslatable character
  '22001': { status: 400, code: 'validation_failed' }, // value too long for the column
  '23503': { status: 409, code: 'in_use' }, // foreign key: the record is still referenced
  '23505': { status: 409, code: 'conflict' }, // unique violation
};

/** The 4xx for a database error a schema should have caught, or null for a real server fault. */
export function mapDatabaseError(err: FastifyError | Error): { status: number; code: MessageCode } | null {
  const code = (err as { code?: unknown }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' ? (PG_ERRORS[code] ?? null) : null;
}
