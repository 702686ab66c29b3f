// Generates requests from the OpenAPI document with a seeded PRNG, for src/server/fuzz.test.ts: a schema-valid
// instance of every body, query and path, then one mutation of it per request, so the same run always sends the same
// bytes and a failure can be replayed from the printed method, URL and body.

/** A seeded random source with the few draws the generators need. */
export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny and good enough for test data; the seed fixes every request of a run. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

/** The subset of JSON Schema that fastify-type-provider-zod emits for this app's routes. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  additionalProperties?: boolean | Schema;
}

/** One path or query parameter of an operation. */
export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

/** One operation of the document. */
export interface Operation {
  method: string;
  path: string;
  params: Param[];
  /** The JSON body schema; undefined when the document declares none (handlers that read multipart parts). */
  body?: Schema;
}

/** Every operation of the document, in document order. */
export function listOperations(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const params = ((op.parameters ?? []) as any[])
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({ name: p.name, in: p.in, required: p.required === true, schema: p.schema ?? {} }));
      out.push({
        method: method.toUpperCase(),
        path,
        params,
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  return out;
}

/** Real ids of the fixture world, by field name (memberId, regionId…) and by collection in the URL (members…). */
export interface Hints {
  byField: Record<string, number[]>;
  byCollection: Record<string, number[]>;
}

const TEXT = '界联测试意见村口道路';

/** A value for a string with a pattern or format, tried against the pattern so a wrong guess is visible as 'x'. */
function patterned(s: Schema, r: Rng): string {
  const day = `2026-0${1 + r.int(9)}-${10 + r.int(18)}`;
  const candidates = [
    day,
    `0${r.int(10)}:${10 + r.int(50)}`,
    `${day}T09:30:00+08:00`,
    `3305230012${10 + r.int(89)}`,
    `fz_${r.int(1e6)}`,
    `fz${r.int(1e4)}@example.com`,
  ];
  if (s.pattern) return candidates.find((c) => new RegExp(s.pattern!).test(c)) ?? 'x';
  if (s.format === 'email') return candidates[5];
  if (s.format === 'date-time') return candidates[2];
  return 'x';
}

/** A schema-valid value; ids come from the world so the mutated requests reach the handlers, not only the 404s. */
export function validValue(s: Schema, key: string, r: Rng, h: Hints, depth = 0): unknown {
  if (s.enum) return r.pick(s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return validValue(r.pick(alts), key, r, h, depth);
  if (s.nullable && r.chance(0.1)) return null;
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(s.properties ?? {}))
        if (s.required?.includes(k) || (depth < 4 && r.chance(0.6))) out[k] = validValue(sub, k, r, h, depth + 1);
      return out;
    }
    case 'array': {
      const min = s.minItems ?? 0;
      const max = Math.min(s.maxItems ?? 3, 3);
      const n = s.items?.type === 'integer' ? Math.max(min, Math.min(1, max)) : min + r.int(Math.max(max - min, 0) + 1);
      return Array.from({ length: n }, () => validValue(s.items ?? {}, key, r, h, depth + 1));
    }
    case 'integer':
    case 'number': {
      const lo = (s.minimum ?? 0) + (s.exclusiveMinimum === true ? 1 : 0);
      const hi = s.maximum ?? lo + 100;
      const ids = h.byField[key];
      if (ids?.length) return r.pick(ids);
      if (/year/i.test(key) && lo <= 2026 && hi >= 2026) return 2026;
      // Pairs like repsPerMemberMin/Max must not cross, or the valid request is refused before the handler.
      if (/max$/i.test(key)) return Math.min(hi, lo + 10);
      if (/min$/i.test(key)) return lo;
      return Math.min(hi, lo + r.int(Math.min(hi - lo, 10) + 1));
    }
    case 'string': {
      if (s.pattern || s.format) return patterned(s, r);
      // Fields whose rules live in refinements the document does not show.
      if (/phone/i.test(key)) return `1380000${1000 + r.int(9000)}`;
      if (/password/i.test(key)) return `Xk#9vLq2!mZ${r.int(1000)}`;
      if (/email/i.test(key)) return `fz${r.int(1e4)}@example.com`;
      if (/date|deadline/i.test(key)) return `2026-0${6 + r.int(4)}-${10 + r.int(18)}`;
      if (key === 'code') return `FZ${r.int(1e6)}`;
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 20, 20);
      const n = Math.max(min, Math.min(max, 2 + r.int(8)));
      return Array.from({ length: n }, (_, i) => TEXT[(i + r.int(3)) % TEXT.length]).join('');
    }
    case 'boolean':
      return r.chance(0.5);
    default:
      return 'x';
  }
}
