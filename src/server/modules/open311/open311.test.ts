// Walks the GeoReport v2 example calls in JSON and XML: services, a service definition, POST a request, its token,
// the request by id, the list with filters, and the spec's errors (bad service_code, missing api_key, bad
// jurisdiction); posted requests land in the same inbox as channel 'open311', with the public form's limits and
// idempotency, and no public answer carries a citizen's name, phone, address or words.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';
import { toXml } from './format.js';

let t: TestApp;
let w: World;
let admin: Client;
let leafId: number;
let topId: number;
let apiKey: string;
let ipSeq = 0;
const JURISDICTION = 'anji.gov.cn';
const saved = process.env.OPEN311_JURISDICTION_ID;

beforeAll(async () => {
  process.env.OPEN311_JURISDICTION_ID = JURISDICTION;
  t = await createTestApp();
  w = await buildWorld(t.db);
  const [top] = await t.db.insert(opinionCategories).values({ name: '城乡建设' }).returning();
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明', parentId: top.id }).returning();
  topId = top.id;
  leafId = leaf.id;
  admin = await login(t.app, 'admin');
  const tok = await admin.post('/api/v1/api-tokens', { name: '12345平台', roles: ['admin'], userId: w.users.admin.id });
  apiKey = tok.json().token;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.OPEN311_JURISDICTION_ID;
  else process.env.OPEN311_JURISDICTION_ID = saved;
  await t.close();
});

const FORMATS = ['json', 'xml'] as const;
type Format = (typeof FORMATS)[number];
const newIp = () => `10.31.1.${++ipSeq}`;

const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: newIp() });
function post(format: Format, fields: Record<string, string>, ip = newIp(), headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: ip,
  });
}
const citizen = (over: Record<string, string> = {}) => ({
  api_key: apiKey,
  jurisdiction_id: JURISDICTION,
  service_code: String(leafId),
  address_id: String(w.villA2.id),
  first_name: '芳',
  last_name: '王',
  phone: '13912345678',
  email: 'wangfang@example.com',
  description: '鹤鹿溪村口路灯坏了一个月\n夜间出行不安全。',
  device_id: 'dev-1',
  'attribute[consent]': 'true',
  ...over,
});

// ——— a small, checked XML reader: declaration, matched tags, no attributes (the spec's XML is schemaless) ———
type XmlNode = { name: string; children: XmlNode[]; text: string };
function parseXml(doc: string): XmlNode {
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>\s*/i.exec(doc);
  if (!decl) throw new Error('no XML declaration');
  let i = decl[0].length;
  const decode = (s: string) =>
    s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e as 'lt']);
  const node = (): XmlNode => {
    const open = /^<([a-z_]+)(\/?)>/.exec(doc.slice(i));
    if (!open) throw new Error(`expected a tag at ${i}: ${doc.slice(i, i + 30)}`);
    i += open[0].length;
    const n: XmlNode = { name: open[1], children: [], text: '' };
    if (open[2]) return n;
    while (!doc.startsWith(`</${n.name}>`, i)) {
      if (i >= doc.length) throw new Error(`unclosed <${n.name}>`);
      if (doc[i] === '<') n.children.push(node());
      else {
        const end = doc.indexOf('<', i);
        n.text += decode(doc.slice(i, end));
        i = end;
      }
    }
    i += n.name.length + 3;
    if (n.children.length && n.text.trim()) throw new Error(`mixed content in <${n.name}>`);
    return n;
  };
  const root = node();
  if (doc.slice(i).trim()) throw new Error('content after the root element');
  return root;
}
const LISTS = new Set(['services', 'attributes', 'values', 'service_requests', 'errors', 'endpoints', 'formats']);
/** The JSON the Spark convention maps an element to (text stays text: XML has no types). */
function sparkOf(n: XmlNode): unknown {
  if (LISTS.has(n.name)) return n.children.map(sparkOf);
  if (!n.children.length) return n.text;
  return Object.fromEntries(n.children.map((c) => [c.name, sparkOf(c)]));
}
/** A response body as a Spark value, checking the content type and (for XML) the root element. */
function bodyOf(res: { headers: Record<string, unknown>; body: string }, format: Format, root: string): any {
  if (format === 'json') {
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return JSON.parse(res.body);
  }
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  const tree = parseXml(res.body);
  expect(tree.name).toBe(root);
  return sparkOf(tree);
}
const str = (v: unknown) => (v === null ? '' : String(v));

const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

describe.each(FORMATS)('GeoReport v2 example calls (%s)', (format) => {
  let token = '';
  let requestId = '';

  it('GET discovery names the GeoReport v2 endpoint and both formats', async () => {
    const res = await get(`/open311/v2/discovery.${format}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = bodyOf(res, format, 'discovery');
    const [ep] = d.endpoints;
    expect(ep.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(ep.url).toMatch(/^http:\/\/[^/]+\/open311\/v2\/$/);
    expect(ep.formats).toEqual(['text/xml', 'application/json']);
  });

  it('GET services lists the leaf categories as batch services with attributes', async () => {
    const res = await get(`/open311/v2/services.${format}?jurisdiction_id=${JURISDICTION}`);
    expect(res.statusCode, res.body).toBe(200);
    const services = bodyOf(res, format, 'services');
    const leaf = services.find((s: any) => str(s.service_code) === String(leafId));
    expect(Object.keys(leaf)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect({ name: leaf.service_name, meta: str(leaf.metadata), type: leaf.type, group: leaf.group }).toEqual({
      name: '道路照明',
      meta: 'true',
      type: 'batch',
      group: '城乡建设',
    });
    // A category with sub-categories is a group, not a service.
    expect(services.some((s: any) => str(s.service_code) === String(topId))).toBe(false);
  });

  it('GET services/{service_code} gives the definition: a required consent and an optional title', async () => {
    const res = await get(`/open311/v2/services/${leafId}.${format}`);
    expect(res.statusCode, res.body).toBe(200);
    const def = bodyOf(res, format, 'service_definition');
    expect(str(def.service_code)).toBe(String(leafId));
    const consent = def.attributes.find((a: any) => a.code === 'consent');
    expect([str(consent.required), consent.datatype, str(consent.values[0].key)]).toEqual([
      'true',
      'singlevaluelist',
      'true',
    ]);
  });

  it('POST requests answers a token only, and the item enters the inbox as channel open311', async () => {
    const res = await post(format, citizen());
    expect(res.statusCode, res.body).toBe(201);
    const [answer] = bodyOf(res, format, 'service_requests');
    expect(Object.keys(answer)).toEqual(['token', 'service_notice', 'account_id']);
    token = str(answer.token);
    const row = (
      await t.db.execute(sql`select o.id, o.channel, o.title, o.status, p.name, p.phone from opinions o
        join opinion_originators p on p.opinion_id = o.id where o.tracking_code = ${token}`)
    ).rows[0] as any;
    expect(row).toMatchObject({
      channel: 'open311',
      title: '鹤鹿溪村口路灯坏了一个月',
      name: '王芳',
      phone: '13912345678',
    });
    const inbox = await admin.get('/api/v1/opinions?pageSize=100');
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.json().items.find((i: any) => i.id === row.id)).toMatchObject({
      channel: 'open311',
      status: 'received',
    });
    const audit = await t.db.execute(
      sql`select actor_user_id as "userId" from audit_log where action = 'open311_submit' and entity_id = ${String(row.id)}`,
    );
    expect(audit.rows).toEqual([{ userId: w.users.admin.id }]);
  });

  it('GET tokens/{token} gives the service_request_id', async () => {
    const res = await get(`/open311/v2/tokens/${token}.${format}`);
    expect(res.statusCode, res.body).toBe(200);
    const [r] = bodyOf(res, format, 'service_requests');
    expect(str(r.token)).toBe(token);
    requestId = str(r.service_request_id);
    expect(requestId).toMatch(/^\d+$/);
  });

  it('GET requests/{id} has every field of the spec and nothing personal', async () => {
    const res = await get(`/open311/v2/requests/${requestId}.${format}?jurisdiction_id=${JURISDICTION}`);
    expect(res.statusCode, res.body).toBe(200);
    const [r] = bodyOf(res, format, 'service_requests');
    expect(Object.keys(r)).toEqual(REQUEST_FIELDS);
    expect({ status: r.status, notes: r.status_notes, code: str(r.service_code), address: r.address }).toEqual({
      status: 'open',
      notes: '已接收',
      code: String(leafId),
      address: '鹤鹿溪村, 递铺街道',
    });
    expect(str(r.requested_datetime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    for (const secret of ['王芳', '13912345678', 'wangfang', '路灯坏了', token]) expect(res.body).not.toContain(secret);
  });

  it('GET requests filters by id list, service_code, status and dates', async () => {
    const ids = async (query: string) => {
      const res = await get(`/open311/v2/requests.${format}?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (bodyOf(res, format, 'service_requests') as any[]).map((r) => str(r.service_request_id));
    };
    expect(await ids(`service_request_id=${requestId},999999`)).toEqual([requestId]);
    expect(await ids(`service_code=${leafId}&status=open`)).toContain(requestId);
    expect(await ids(`service_code=${topId}`)).not.toContain(requestId);
    expect(await ids('status=closed')).not.toContain(requestId);
    expect(await ids('start_date=2099-01-01T00:00:00Z&end_date=2099-02-01T00:00:00Z')).toEqual([]);
    const now = new Date();
    const from = new Date(now.getTime() - 86_400_000).toISOString();
    expect(await ids(`start_date=${from}&end_date=${new Date(now.getTime() + 60_000).toISOString()}`)).toContain(
      requestId,
    );
  });

  it('answers the spec errors: bad service_code, missing api_key, bad jurisdiction, bad dates', async () => {
    const count = async () => ((await t.db.execute(sql`select count(*)::int as n from opinions`)).rows[0] as any).n;
    const before = await count();
    const errorOf = (res: { statusCode: number; headers: any; body: string }) => {
      const [e] = bodyOf(res, format, 'errors');
      expect(Object.keys(e)).toEqual(['code', 'description']);
      expect(str(e.code)).toBe(String(res.statusCode));
      expect(String(e.description).length).toBeGreaterThan(3);
      return res.statusCode;
    };
    expect(errorOf(await get(`/open311/v2/services/999999.${format}`))).toBe(404);
    expect(errorOf(await post(format, citizen({ service_code: '999999' })))).toBe(404);
    expect(errorOf(await post(format, citizen({ service_code: '' })))).toBe(400);
    const { api_key: _k, ...noKey } = citizen();
    expect(errorOf(await post(format, noKey))).toBe(403);
    expect(errorOf(await post(format, citizen({ api_key: 'jl_not-a-key' })))).toBe(403);
    expect(errorOf(await post(format, citizen({ jurisdiction_id: 'elsewhere.gov' })))).toBe(404);
    expect(errorOf(await get(`/open311/v2/services.${format}?jurisdiction_id=elsewhere.gov`))).toBe(404);
    expect(errorOf(await post(format, citizen({ address_id: '', lat: '30.6', long: '119.6' })))).toBe(400);
    expect(errorOf(await post(format, citizen({ 'attribute[consent]': '' })))).toBe(400);
    expect(errorOf(await post(format, citizen({ phone: '123' })))).toBe(400);
    expect(errorOf(await get(`/open311/v2/requests.${format}?start_date=2026-01-01`))).toBe(400);
    const span = 'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z';
    expect(errorOf(await get(`/open311/v2/requests.${format}?${span}`))).toBe(400);
    expect(errorOf(await get(`/open311/v2/requests.${format}?status=pending`))).toBe(400);
    expect(errorOf(await get(`/open311/v2/requests/abc.${format}`))).toBe(404);
    expect(errorOf(await get(`/open311/v2/tokens/NOPE.${format}`))).toBe(404);
    expect(errorOf(await get(`/open311/v2/nothing.${format}`))).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe('the XML writer', () => {
  it('escapes markup, drops characters XML cannot carry, writes empty values as empty elements', () => {
    const doc = toXml('services', [{ service_name: 'A&B <水电> "x" \'y\'\u0001', group: null, metadata: true }]);
    expect(doc).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_name>A&amp;B &lt;水电&gt; &quot;x&quot; &apos;y&apos;</service_name><group/><metadata>true</metadata></service></services>',
    );
    expect(sparkOf(parseXml(doc))).toEqual([{ service_name: 'A&B <水电> "x" \'y\'', group: '', metadata: 'true' }]);
  });
});

describe('the intake it shares with the citizen form', () => {
  it('finds the village from address_string (village, township) as well as from address_id', async () => {
    const res = await post('json', citizen({ address_id: '', address_string: '横溪坞村, 孝丰镇' }));
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json()[0].token;
    const row = (await t.db.execute(sql`select region_id as "regionId" from opinions where tracking_code = ${code}`))
      .rows[0] as any;
    expect(row.regionId).toBe(w.villB1.id);
    expect((await post('json', citizen({ address_id: '', address_string: '不存在村' }))).statusCode).toBe(400);
  });

  it('a repeat with the same Idempotency-Key answers the first token (200) and writes nothing', async () => {
    const headers = { 'idempotency-key': 'o311-retry-1' };
    const first = await post('json', citizen({ description: '幂等测试：桥面破损' }), newIp(), headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post('xml', citizen({ description: '幂等测试：桥面破损' }), newIp(), headers);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain(`<token>${first.json()[0].token}</token>`);
    const n = await t.db.execute(sql`select count(*)::int as n from opinions where content = '幂等测试：桥面破损'`);
    expect((n.rows[0] as any).n).toBe(1);
  });

  it('counts against the same per-address budget as the web form (5 per 10 minutes), answering 429', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) {
      const web = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/opinions',
        remoteAddress: ip,
        payload: {
          title: `网页${i}`,
          content: '同一地址的网页提交',
          categoryId: leafId,
          regionId: w.villA1.id,
          consent: true,
        },
      });
      expect(web.statusCode, web.body).toBe(201);
    }
    expect((await post('json', citizen({ description: '第四条' }), ip)).statusCode).toBe(201);
    expect((await post('json', citizen({ description: '第五条' }), ip)).statusCode).toBe(201);
    const refused = await post('xml', citizen({ description: '第六条' }), ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(parseXml(refused.body).children[0].children.map((c) => c.name)).toEqual(['code', 'description']);
  });

  it('never shows an internal or confidential item, by id or in a list', async () => {
    const res = await t.db.execute(sql`insert into opinions (tracking_code, title, content, channel, confidentiality,
        category_id, region_id) values ('INTERNAL01', '内部事项', '内部', 'letter', 'internal', ${leafId}, ${w.villA1.id})
      returning id`);
    const id = (res.rows[0] as { id: number }).id;
    expect((await get(`/open311/v2/requests/${id}.json`)).statusCode).toBe(404);
    const listed = (await get(`/open311/v2/requests.json?service_request_id=${id}`)).json();
    expect(listed).toEqual([]);
  });

  it('is public in the OpenAPI document, tagged open311', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/open311/v2/requests.{format}'].post;
    expect(op.security).toEqual([]);
    expect(op.tags).toEqual(['open311']);
    expect(Object.keys(op.requestBody.content)).toContain('application/x-www-form-urlencoded');
  });
});
