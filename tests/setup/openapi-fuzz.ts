// Generates hostile requests from the OpenAPI document with a seeded PRNG, for src/server/fuzz.test.ts: a schema-valid
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

// Values of the wrong kind, for any field.
const WRONG = [123, -1, 1.5, 'abc', '', true, false, [], {}, [1, 2], { a: 1 }, '1', 'null', 'true'];
const HUGE_NUMBERS = [2147483648, -2147483649, 1e30, 1e308, -1, 0, 9007199254740993, 0.5, -0.0000001, 2.5];
const HOSTILE_STRINGS = [
  "'; drop table users; --",
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '\u202eevil',
  '🀄️👨‍👩‍👧',
  'ئۇيغۇرچە',
  ' ',
  '%s%n%x',
  '\\',
  '\r\n\t',
  'a\u0000b',
  '\u0000',
  'x\ud800y',
  '\udc00',
  '\ufeff',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '0000-01-01T00:00:00+00:00',
  '2026-02-29',
  '1900-01-01',
];
// Dates that match \d{4}-\d{2}-\d{2} but are not days (or are days PostgreSQL or JavaScript find odd).
const NEAR_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31', '2026-04-31', '1000-01-01'];
const INVALID_JSON = ['{', '{"a":', 'nul', '{"a":1}}', "{'a':1}", '[1,2', '{"a":01}', '\u0000', '{"a":"\\x"}', '😀'];

/** A request body as it goes on the wire. */
export interface Body {
  contentType?: string;
  payload?: string | Buffer;
  mutation: string;
}

type Path = (string | number)[];
function leaves(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length) out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...at, k], out);
  return out;
}
function setAt(root: unknown, at: Path, value: unknown): unknown {
  if (!at.length) return value;
  const copy = structuredClone(root) as any;
  let o = copy;
  for (const k of at.slice(0, -1)) o = o[k];
  o[at[at.length - 1]] = value;
  return copy;
}
const nest = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const json = (v: unknown, mutation: string): Body => ({
  contentType: 'application/json',
  payload: JSON.stringify(v),
  mutation,
});

/** One mutation of a valid body (indexes 0 and 1 send the valid body itself, so each operation also does real work). */
export function mutateBody(valid: unknown, s: Schema, r: Rng, index: number): Body {
  if (index < 2) return json(valid, 'valid');
  const paths = leaves(valid);
  const somePath = () => (paths.length ? r.pick(paths) : ['x']);
  const byType = (t: string) => paths.filter((p) => fieldSchema(s, p)?.type === t);
  const kind = r.int(23);
  switch (kind) {
    case 0: {
      const req = s.required ?? [];
      if (!req.length || !valid || typeof valid !== 'object') return json({}, 'empty-object');
      const copy = { ...(valid as Record<string, unknown>) };
      delete copy[r.pick(req)];
      return json(copy, 'drop-required');
    }
    case 1:
    case 2:
      return json(setAt(valid, somePath(), r.pick(WRONG)), 'wrong-type');
    case 3:
      return json(setAt(valid, somePath(), null), 'null-field');
    case 4:
      return json(r.pick([null, 0, 'x', true, [valid]]), 'not-an-object');
    case 5: {
      const strs = byType('string');
      const big = r.chance(0.5) ? 'x'.repeat(100_000) : '界'.repeat(34_000);
      return json(setAt(valid, strs.length ? r.pick(strs) : somePath(), big), 'huge-string');
    }
    case 6: {
      const depth = r.pick([64, 1000, 20_000]);
      const text = JSON.stringify(setAt(valid, somePath(), '__NEST__')).replace('"__NEST__"', nest(depth));
      return { contentType: 'application/json', payload: text, mutation: `deep-nesting-${depth}` };
    }
    case 7: {
      const extra = { zzz: 1, '': 'x', constructor: { prototype: { admin: true } }, 'a.b': [1], ['\u0000k']: 1 };
      return json({ ...(valid as object), ...extra }, 'extra-fields');
    }
    case 8: {
      const text = JSON.stringify(valid ?? {}).replace(/^\{/, '{"__proto__":{"isAdmin":true},');
      return { contentType: 'application/json', payload: text, mutation: 'proto-key' };
    }
    case 9:
    case 10: {
      const strs = byType('string');
      return json(setAt(valid, strs.length ? r.pick(strs) : somePath(), r.pick(HOSTILE_STRINGS)), 'hostile-string');
    }
    case 11: {
      // A lone surrogate as JSON escape text: JSON.stringify writes \ud800 for a lone surrogate.
      const strs = byType('string');
      return json(
        setAt(valid, strs.length ? r.pick(strs) : somePath(), r.pick(['\ud800', 'a\udfffb'])),
        'lone-surrogate',
      );
    }
    case 12:
    case 13: {
      const nums = [...byType('integer'), ...byType('number')];
      return json(setAt(valid, nums.length ? r.pick(nums) : somePath(), r.pick(HUGE_NUMBERS)), 'number-range');
    }
    case 14: {
      const nums = [...byType('integer'), ...byType('number')];
      const text = JSON.stringify(setAt(valid, nums.length ? r.pick(nums) : somePath(), '__N__'));
      return {
        contentType: 'application/json',
        payload: text.replace('"__N__"', r.pick(['1e400', '-1e400', '-0', '1E2'])),
        mutation: 'number-text',
      };
    }
    case 15:
    case 22: {
      // Strings that look like days (the date pattern accepts 2026-02-30): keep any time suffix, change the day.
      const dated = paths.filter((p) => /^\d{4}-\d{2}-\d{2}/.test(String(getAt(valid, p))));
      const anyStr = byType('string');
      const target = dated.length ? r.pick(dated) : anyStr.length ? r.pick(anyStr) : somePath();
      const old = String(getAt(valid, target) ?? '');
      return json(setAt(valid, target, r.pick(NEAR_DATES) + old.slice(10)), 'near-date');
    }
    case 16: {
      const arrays = byType('array');
      const target = arrays.length ? r.pick(arrays) : somePath();
      const item = (getAt(valid, target) as unknown[] | undefined)?.[0] ?? 1;
      const value = r.chance(0.5) ? Array.from({ length: 20_000 }, () => item) : [item, item];
      return json(setAt(valid, target, value), 'big-or-duplicate-array');
    }
    case 17: {
      const nums = byType('integer');
      return json(setAt(valid, nums.length ? r.pick(nums) : somePath(), r.pick([2147483647, 999_999])), 'missing-id');
    }
    case 18:
      return { contentType: 'application/json', payload: r.pick(INVALID_JSON), mutation: 'invalid-json' };
    case 19: {
      const text = JSON.stringify(valid);
      return r.pick<Body>([
        { contentType: 'text/plain', payload: text, mutation: 'text-plain' },
        { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=%00', mutation: 'form-urlencoded' },
        { contentType: 'application/xml', payload: '<a>1</a>', mutation: 'xml' },
        { contentType: 'application/json; charset=utf-16', payload: text, mutation: 'json-utf16-label' },
        { contentType: 'multipart/form-data; boundary=x', payload: text, mutation: 'json-as-multipart' },
        { contentType: '', payload: text, mutation: 'blank-content-type' },
      ]);
    }
    case 20:
      return { contentType: 'application/json', payload: '', mutation: 'empty-body' };
    default:
      return json(valid && typeof valid === 'object' && !Array.isArray(valid) ? {} : [], 'empty-object');
  }
}

function getAt(v: unknown, at: Path): unknown {
  let o = v as any;
  for (const k of at) o = o?.[k];
  return o;
}
function fieldSchema(s: Schema, at: Path): Schema | undefined {
  let cur: Schema | undefined = s;
  for (const k of at) {
    if (!cur) return undefined;
    const alt: Schema = cur.anyOf?.[0] ?? cur.oneOf?.[0] ?? cur;
    cur = typeof k === 'number' ? alt.items : alt.properties?.[k];
  }
  const alt = cur?.anyOf?.find((a) => a.type) ?? cur?.oneOf?.find((a) => a.type);
  return alt ? { ...cur, ...alt } : cur;
}

/** Path parameter values: a real id (or a valid value), then the hostile forms, already URL-encoded. */
export function pathValue(p: Param, valid: string, r: Rng): { value: string; hostile: boolean } {
  if (r.chance(0.4)) return { value: encodeURIComponent(valid), hostile: false };
  const v = r.pick([
    '0',
    '-1',
    '2147483648',
    '99999999999999999999',
    '1e30',
    'abc',
    '%00',
    `${valid}%00`,
    'x'.repeat(101),
    'x'.repeat(5000),
    '%E7%95%8C%E8%81%94',
    '%F0%9F%80%84',
    '..%2F..%2Fetc%2Fpasswd',
    '..',
    '%2e%2e',
    '%',
    '%ZZ',
    '%ED%A0%80',
    '1.5',
    `00${valid}`,
    `+${valid}`,
    `${valid}.0`,
    `${valid}%20`,
    `%20${valid}`,
    '0x1',
    'null',
    'NaN',
    'Infinity',
    '2026-02-30',
    '0000-01-01',
    ...(p.schema.enum ? ['REGIONS', 'regions%00'] : []),
  ]);
  return { value: v, hostile: true };
}

const HOSTILE_QUERY = [
  'abc',
  '-1',
  '0',
  '1.5',
  '2147483648',
  '1e30',
  '',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%uD800',
  '%',
  '%ZZ',
  'x'.repeat(10_000),
  '%E7%95%8C',
  'true',
  'null',
  '[]',
  'NaN',
  'Infinity',
  '0x10',
  '%201',
  '1,2',
  ...NEAR_DATES,
  '99999-01-01',
  '2026-05-01T00:00:00Z',
];

/** A query string: valid values for some parameters, hostile ones (wrong types, arrays, NUL, surrogates) for others. */
export function queryString(params: Param[], valid: Record<string, unknown>, r: Rng, index: number): string {
  const parts: string[] = [];
  const enc = (k: string, v: unknown) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`;
  for (const p of params) {
    const v = valid[p.name];
    const hostile = index > 1 && r.chance(0.45);
    if (!hostile) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) parts.push(enc(p.name, x));
      else parts.push(enc(p.name, v));
      continue;
    }
    const form = r.int(6);
    if (form === 0) parts.push(enc(p.name, v ?? 1), enc(p.name, 2));
    else if (form === 1) parts.push(`${p.name}[]=1`, `${p.name}[a]=%00`);
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && r.chance(0.6))
      parts.push(`${encodeURIComponent(p.name)}=${r.pick(NEAR_DATES)}`);
    else parts.push(`${encodeURIComponent(p.name)}=${r.pick(HOSTILE_QUERY)}`);
  }
  if (index > 1 && r.chance(0.15))
    parts.push(r.pick(['zzz=1', '__proto__=1', 'constructor[prototype]=1', '%00=1', '=']));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Malformed multipart bodies for the routes that read parts in the handler (the document declares no body there). */
export function multipartBody(r: Rng, maxUploadBytes: number): Body {
  const b = `----fz${r.int(1e6)}`;
  const ct = `multipart/form-data; boundary=${b}`;
  const part = (headers: string, data: string | Buffer) =>
    Buffer.concat([Buffer.from(`--${b}\r\n${headers}\r\n\r\n`), Buffer.from(data), Buffer.from('\r\n')]);
  const end = Buffer.from(`--${b}--\r\n`);
  const file = (name: string, data: string | Buffer, type = 'application/octet-stream') =>
    part(`Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}`, data);
  const field = (name: string, value: string) => part(`Content-Disposition: form-data; name="${name}"`, value);
  const pdf = Buffer.from('%PDF-1.4\n% fuzz\n1 0 obj<<>>endobj\n');
  const forms: [string, string, Buffer | string][] = [
    ['no-boundary', 'multipart/form-data', 'abc'],
    ['empty', ct, ''],
    [
      'truncated',
      ct,
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4`),
    ],
    ['no-disposition', ct, Buffer.concat([part('Content-Type: text/plain', 'x'), end])],
    ['path-filename', ct, Buffer.concat([file('../../etc/passwd', pdf, 'application/pdf'), end])],
    ['nul-filename', ct, Buffer.concat([file('a\u0000.pdf', pdf), end])],
    ['empty-file', ct, Buffer.concat([file('a.pdf', ''), end])],
    ['lying-type', ct, Buffer.concat([file('a.png', 'not a png at all', 'image/png'), end])],
    [
      'fake-xlsx',
      ct,
      Buffer.concat([file('a.xlsx', Buffer.from('PK\u0003\u0004[Content_Types].xml xl/workbook.xml junk')), end]),
    ],
    ['nul-field', ct, Buffer.concat([field('title', 'a\u0000b'), field('content', '\ud800'), end])],
    ['many-fields', ct, Buffer.concat([...Array.from({ length: 25 }, (_, i) => field(`f${i}`, 'x')), end])],
    ['many-files', ct, Buffer.concat([...Array.from({ length: 12 }, (_, i) => file(`f${i}.pdf`, pdf)), end])],
    ['too-large', ct, Buffer.concat([file('big.pdf', Buffer.concat([pdf, Buffer.alloc(maxUploadBytes + 10)])), end])],
    ['long-boundary', `multipart/form-data; boundary=${'b'.repeat(200)}`, `--${'b'.repeat(200)}--\r\n`],
    ['garbage', ct, Buffer.from([0xff, 0xfe, 0, 1, 2, 3, 0x0d, 0x0a])],
  ];
  const [mutation, contentType, payload] = r.pick(forms);
  return { contentType, payload, mutation: `multipart-${mutation}` };
}
