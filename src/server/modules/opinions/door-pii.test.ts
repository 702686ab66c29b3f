// The door's public look-up on the demo county carries no personal data: for open public items of the demo, the citizen
// form's POST /public/opinions/similar-open is called with their own text (the strongest matches, names and phones in
// the titles included) and its whole answer is scanned for mobile and ID-card numbers, the names of the people who
// raised items, tracking codes and item ids. (security/public-pii.test.ts walks the public GETs; this is a POST.)
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenOriginatorNames } from '../../../../tests/setup/demo-names.js';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app.js';
import { DEMO_TODAY, seedDemo } from '../../db/seed/demo.js';

let t: TestApp;
const col = async (q: ReturnType<typeof sql>) =>
  ((await t.db.execute(q)).rows as Record<string, unknown>[]).map((r) => String(Object.values(r)[0]));

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { today: DEMO_TODAY });
  // As citizens write them: 20 open items name their citizen and a phone in the title (before the index is built).
  await t.db.execute(sql`update opinions o set title = o.title || '，联系人' || p.name || '电话13912345678'
    from (select distinct on (oo.opinion_id) oo.opinion_id, oo.name from opinion_originators oo
      join opinions x on x.id = oo.opinion_id where oo.kind = 'citizen' and length(oo.name) >= 2
        and x.confidentiality = 'normal' and x.status in ('received', 'accepted', 'forwarded')
      order by oo.opinion_id limit 20) p where p.opinion_id = o.id`);
}, 600_000);
afterAll(() => t.close());

describe('similar-open on the demo county', () => {
  it('answers with no phone, ID number, originator name, tracking code or id', { timeout: 600_000 }, async () => {
    const names = await hiddenOriginatorNames(t.db);
    expect(names.length).toBeGreaterThan(50);
    const codes = await col(sql`select tracking_code from opinions`);
    const items = (
      await t.db.execute(sql`select id, title, left(content, 200) as content, region_id as "regionId" from opinions
        where confidentiality = 'normal' and status in ('received', 'accepted', 'forwarded', 'replied', 'reopened')
        order by (title ~ '[0-9]{7}' or content ~ '[0-9]{7}') desc, id limit 80`)
    ).rows as { id: number; title: string; content: string; regionId: number | null }[];
    const findings: string[] = [];
    let listed = 0;
    for (const [i, it] of items.entries()) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/opinions/similar-open',
        payload: { title: it.title, content: it.content, regionId: it.regionId ?? undefined },
        remoteAddress: `10.9.${i >> 8}.${i & 255}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      listed += res.json().items.length;
      const body = res.body;
      for (const m of body.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) findings.push(`${it.id}: phone ${m[0]}`);
      for (const m of body.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g))
        findings.push(`${it.id}: ID ${m[0]}`);
      for (const n of names) if (body.includes(n)) findings.push(`${it.id}: name ${n}`);
      for (const c of codes) if (body.includes(c)) findings.push(`${it.id}: code ${c}`);
      if (/"id"|"trackingCode"|"content"/.test(body)) findings.push(`${it.id}: a field it must not have`);
    }
    expect(listed).toBeGreaterThan(items.length);
    expect(findings.slice(0, 30)).toEqual([]);
  });
});
