// No personal data in any public answer: every public GET operation of the OpenAPI document is called on the demo
// county, with every id of its kind the demo has (published problems, members, villages, stations, reception days,
// consultations, a sample of tracking codes), and its whole output is scanned for mobile numbers other than the
// contacts the office published, for ID-card numbers, and for the names of the people who raised items (citizens and
// representatives). A new public GET route without an entry in IDS fails here, like a route without a matrix row.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenOriginatorNames } from '../../../tests/setup/demo-names.js';
import { readOperations } from '../../../tests/setup/openapi-walk.js';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app.js';
import { DEMO_TODAY, seedDemo } from '../db/seed/demo.js';

let t: TestApp;

const col = async (q: ReturnType<typeof sql>) =>
  ((await t.db.execute(q)).rows as Record<string, unknown>[]).map((r) => String(Object.values(r)[0]));

/** The URLs to call for each public GET operation (path filled with real demo ids, and the queries that narrow it). */
const IDS: Record<string, () => Promise<string[]>> = {
  'GET /api/health': async () => ['/api/health'],
  'GET /api/v1/public/categories': async () => ['/api/v1/public/categories'],
  'GET /api/v1/public/villages': async () => ['/api/v1/public/villages'],
  'GET /api/v1/public/directory': async () => [
    '/api/v1/public/directory',
    ...(await col(sql`select id from regions where level = 'township' order by id`)).map(
      (id) => `/api/v1/public/directory?townshipId=${id}`,
    ),
  ],
  'GET /api/v1/public/directory/members/{id}': async () =>
    (await col(sql`select id from members order by id`)).map((id) => `/api/v1/public/directory/members/${id}`),
  'GET /api/v1/public/directory/villages/{id}': async () =>
    (await col(sql`select id from regions where level = 'village' order by id limit 80`)).map(
      (id) => `/api/v1/public/directory/villages/${id}`,
    ),
  'GET /api/v1/public/opinions/{trackingCode}': async () =>
    (
      await col(sql`select tracking_code from opinions where confidentiality = 'normal'
        and status in ('feedback_sent', 'rated', 'closed', 'forwarded', 'replied') order by id limit 60`)
    ).map((c) => `/api/v1/public/opinions/${c}`),
  // Files the citizen attached themselves, reached only by their own tracking code: not scanned as text.
  'GET /api/v1/public/opinions/{trackingCode}/attachments/{attachmentId}': async () => [],
  'GET /api/v1/public/transparency': async () => [
    '/api/v1/public/transparency',
    ...(await col(sql`select id from regions where level = 'township' order by id limit 5`)).map(
      (id) => `/api/v1/public/transparency?regionId=${id}`,
    ),
  ],
  'GET /api/v1/public/answers': async () => {
    const total = Number((await col(sql`select count(*) from opinions where publish_consent`))[0]);
    return Array.from(
      { length: Math.min(40, Math.ceil(total / 20) + 1) },
      (_, i) => `/api/v1/public/answers?page=${i + 1}`,
    );
  },
  'GET /api/v1/public/stations': async () => ['/api/v1/public/stations'],
  'GET /api/v1/public/problems': async () => [
    '/api/v1/public/problems',
    ...(await col(sql`select distinct region_id from livelihood_problems`)).map(
      (id) => `/api/v1/public/problems?regionId=${id}`,
    ),
  ],
  'GET /api/v1/public/problems/{id}': async () =>
    (await col(sql`select id from livelihood_problems order by id`)).map((id) => `/api/v1/public/problems/${id}`),
  'GET /api/v1/public/problems/{id}/evidence/{evidenceId}': async () => [],
  'GET /open311/v2/discovery.{format}': async () => ['/open311/v2/discovery.json', '/open311/v2/discovery.xml'],
  'GET /open311/v2/services.{format}': async () => ['/open311/v2/services.json'],
  'GET /open311/v2/services/{service_code}.{format}': async () =>
    (await col(sql`select id from opinion_categories order by id limit 10`)).map(
      (id) => `/open311/v2/services/${id}.json`,
    ),
  'GET /open311/v2/requests.{format}': async () => ['/open311/v2/requests.json', '/open311/v2/requests.xml'],
  'GET /open311/v2/requests/{service_request_id}.{format}': async () =>
    (await col(sql`select tracking_code from opinions order by id desc limit 40`)).map(
      (c) => `/open311/v2/requests/${c}.json`,
    ),
  'GET /open311/v2/tokens/{token}.{format}': async () => [],
  'GET /api/v1/public/reception-days': async () => ['/api/v1/public/reception-days'],
  'GET /api/v1/public/reception-days/{id}': async () =>
    (await col(sql`select id from reception_days order by id`)).map((id) => `/api/v1/public/reception-days/${id}`),
  'GET /api/v1/public/reception-bookings/{code}': async () => [],
  'GET /api/v1/public/consultations': async () => ['/api/v1/public/consultations'],
};

let publicGets: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { today: DEMO_TODAY });
  publicGets = (await readOperations(t.app)).ops.filter((o) => o.isPublic && o.method === 'GET').map((o) => o.key);
}, 600_000);
afterAll(() => t.close());

describe('public answers on the demo county', () => {
  it('has a URL list for every public GET operation', () => {
    expect(publicGets.filter((k) => !(k in IDS))).toEqual([]);
  });

  it('carry no unpublished phone number, no ID-card number and no name of anyone who raised an item', {
    timeout: 600_000,
  }, async () => {
    const published = new Set(
      await col(sql`select public_phone from members where publish_contact and public_phone <> ''
        union select contact_phone from regions where contact_phone <> ''`),
    );
    // Names of citizens and representatives who raised items (tests/setup/demo-names.ts says which).
    const names = await hiddenOriginatorNames(t.db);
    expect(names.length).toBeGreaterThan(50);
    const findings: string[] = [];
    let calls = 0;
    for (const key of publicGets) {
      for (const url of await IDS[key]()) {
        const res = await t.app.inject({ method: 'GET', url });
        calls++;
        expect(res.statusCode, url).toBeLessThan(500);
        const body = res.body;
        for (const m of body.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g))
          if (!published.has(m[0])) findings.push(`${url}: phone ${m[0]}`);
        for (const m of body.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g))
          findings.push(`${url}: ID ${m[0]}`);
        for (const n of names) if (body.includes(n)) findings.push(`${url}: name ${n}`);
      }
    }
    console.log(`public PII scan: ${calls} calls over ${publicGets.length} operations, ${names.length} names`);
    expect(calls).toBeGreaterThan(200);
    expect(findings.slice(0, 30)).toEqual([]);
  });
});
