// Walks the app's own OpenAPI document: every operation, a schema-valid sample body and the fixture ids to put in
// its path. Shared by the role × endpoint matrix; nothing here knows which role may do what.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/server/db/client.js';
import type { World } from './world.js';

/** One operation of the OpenAPI document. */
export interface Operation {
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  multipart: boolean;
  body: unknown;
  query: Record<string, unknown>;
  /** The document marks it `security: []`: reachable without signing in. */
  isPublic: boolean;
}

type Schema = Record<string, any>;

/** Every operation of the published document, DELETEs last so a successful delete does not starve the rest. */
export async function readOperations(app: FastifyInstance): Promise<{ ops: Operation[]; doc: any }> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [m, op] of Object.entries<any>(item)) {
      const method = m.toUpperCase() as Operation['method'];
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const query: Record<string, unknown> = {};
      for (const p of op.parameters ?? [])
        if (p.in === 'query' && (p.required || p.name in fixtureIds))
          query[p.name] = sampleValue(p.name, p.schema ?? {});
      ops.push({
        key: `${method} ${path}`,
        method,
        path,
        multipart:
          Boolean(content['multipart/form-data']) ||
          (!json && ['POST', 'PUT'].includes(method) && /attachments|imports/.test(path)),
        body: json ? (method === 'PATCH' ? samplePatch(json) : sampleValue('', json)) : undefined,
        query,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  const rank = (o: Operation) => (o.method === 'DELETE' ? 2 : o.key.includes('/auth/logout') ? 1 : 0);
  ops.sort((a, b) => rank(a) - rank(b));
  return { ops, doc };
}

let fixtureIds: Record<string, number> = {};

/** Ids the sample bodies use for `...Id` fields, from the fixture world. */
export function setFixtureIds(ids: Record<string, number>) {
  fixtureIds = ids;
}

const PATCH_PREFERENCE = ['note', 'notes', 'remark', 'title', 'name', 'displayName', 'description', 'content'];

/** A PATCH body naming one harmless field (an empty PATCH is refused before any role check). */
export function samplePatch(s: Schema): Record<string, unknown> {
  const props = Object.keys(s.properties ?? {});
  const key = PATCH_PREFERENCE.find((k) => props.includes(k)) ?? props[0];
  return key ? { [key]: sampleValue(key, s.properties[key]) } : {};
}

const DATE_KEYS = /date|from|to|day|deadline|due/i;

/** A minimal schema-valid value: required fields only, first enum value, fixture ids for `...Id` fields. */
export function sampleValue(key: string, s: Schema): unknown {
  if (!s || typeof s !== 'object') return null;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  for (const k of ['anyOf', 'oneOf']) {
    if (Array.isArray(s[k])) {
      const pick = s[k].find((x: Schema) => x.type !== 'null') ?? s[k][0];
      return sampleValue(key, pick);
    }
  }
  if (Array.isArray(s.allOf)) return sampleValue(key, Object.assign({}, ...s.allOf));
  const type = Array.isArray(s.type) ? s.type.find((x: string) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) out[name] = sampleValue(name, s.properties?.[name] ?? {});
      return out;
    }
    case 'array': {
      const n = s.minItems ?? 0;
      const singular = key.endsWith('Ids') ? `${key.slice(0, -3)}Id` : key;
      return Array.from({ length: n }, () => sampleValue(singular, s.items ?? {}));
    }
    case 'integer':
    case 'number': {
      const id = fixtureIds[key];
      if (id !== undefined) return id;
      if (/year/i.test(key)) return 2026;
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      return Math.max(min, 1);
    }
    case 'boolean':
      return true;
    case 'string': {
      if (s.format === 'date' || (s.pattern?.includes('\\d{4}') && DATE_KEYS.test(key))) return '2026-05-06';
      if (s.format === 'date-time') return '2026-05-06T09:00:00+08:00';
      if (s.format === 'email' || /email/i.test(key)) return 'citizen@example.org';
      if (/phone|mobile/i.test(key)) return '13900000099';
      if (/time/i.test(key)) return '09:00';
      if (/date/i.test(key)) return '2026-05-06';
      const len = Math.max(s.minLength ?? 1, 1);
      return '测'.repeat(Math.min(len, 4)).padEnd(len, '试');
    }
    default:
      return null;
  }
}

/** The fixture id to put in each path parameter, by the resource the path names. */
export function fillPath(path: string, ids: Record<string, number | string>): string {
  const segments = path.split('/');
  return segments
    .map((seg, i) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (!m) return seg;
      const name = m[1];
      if (name === 'id') return String(ids[segments[i - 1]] ?? 1);
      return String(ids[name] ?? 1);
    })
    .join('/');
}

/** Percent-encodes the first letter of a path (`/%61pi/...`): the same route, a different text. */
export const encodedVariant = (url: string) => url.replace(/^\/a/, '/%61');
/** Upper-cases the percent-encoding of a letter in the last static segment (`/api/v1/%72egions`). */
export function innerEncodedVariant(url: string): string {
  const parts = url.split('?')[0].split('/');
  for (let i = parts.length - 1; i > 2; i--) {
    if (/^[a-z]/.test(parts[i])) {
      parts[i] = `%${parts[i].charCodeAt(0).toString(16).toUpperCase()}${parts[i].slice(1)}`;
      return parts.join('/');
    }
  }
  return url;
}

/** One fingerprint of every table that a refused write must leave alone (sessions and throttles excluded). */
export async function databaseFingerprint(db: Db): Promise<string> {
  const tables = (
    await db.execute(sql`select table_name as t from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('sessions', 'login_throttle', '__drizzle_migrations') order by 1`)
  ).rows.map((r: any) => String(r.t));
  const parts = tables.map(
    (t: string) =>
      `select '${t}' as t, md5(coalesce(string_agg(md5(x::text), ',' order by md5(x::text)), '')) as h from "${t}" x`,
  );
  const res = await db.execute(sql.raw(`${parts.join(' union all ')}`));
  return res.rows.map((r: any) => `${r.t}:${r.h}`).join('|');
}

/** The records of the fixture world each path segment's `{id}` stands for (member1 owns the `own` ones). */
export function worldPathIds(w: World, extra: Record<string, number | string>): Record<string, number | string> {
  return {
    sectors: w.sectorA.id,
    regions: w.villA1.id,
    'liaison-groups': w.groupA.id,
    departments: w.deptA.id,
    members: w.m1.id,
    representatives: w.rep1.id,
    activities: w.act1.id,
    memberId: w.m1.id,
    year: 2026,
    ...extra,
  };
}
