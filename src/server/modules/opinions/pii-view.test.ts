// GET /opinions/:id marks the personal data in the item's own text for those who read the original; a department
// reading a confidential item's redacted copy gets no marks (and never the original).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await buildUser(t.db, { username: 'deptpii', roles: ['dept_handler'], departmentId: w.deptA.id });
});
afterAll(() => t.close());

async function item(f: { title: string; content: string; confidentiality?: string; redacted?: string }) {
  const res = await t.db.execute(sql`insert into opinions (tracking_code, title, content, channel, status,
      confidentiality, redacted_title, redacted_content)
    values (${`PV${Date.now()}${Math.random().toString(36).slice(2, 6)}`}, ${f.title}, ${f.content}, 'letter',
      'forwarded', ${f.confidentiality ?? 'normal'}, ${f.redacted ?? null}, ${f.redacted ?? null})
    returning id`);
  const id = Number((res.rows[0] as { id: number }).id);
  await t.db.execute(sql`insert into opinion_originators (opinion_id, kind, name, phone)
    values (${id}, 'citizen', '刘秀英', '15012345678')`);
  await t.db.execute(sql`insert into opinion_assignments (opinion_id, department_id, role)
    values (${id}, ${w.deptA.id}, 'lead')`);
  return id;
}

describe('PII spans on the item', () => {
  it('gives the office the spans of phones, plates and the originator’s name in title and content', async () => {
    const id = await item({
      title: '冀B12345长期占道',
      content: '我是刘秀英，电话15012345678，车牌冀B12345的车一直停在楼道口。',
    });
    const admin = await login(t.app, 'admin');
    const body = (await admin.get(`/api/v1/opinions/${id}`)).json();
    expect(body.pii.title).toEqual([{ kind: 'plate', start: 0, end: 7, text: '冀B12345' }]);
    expect(body.pii.content.map((s: any) => [s.kind, s.text])).toEqual([
      ['name', '刘秀英'],
      ['phone', '15012345678'],
      ['plate', '冀B12345'],
    ]);
    for (const s of body.pii.content) expect(body.content.slice(s.start, s.end)).toBe(s.text);
  });

  it('gives a department on a confidential item its redacted copy and no spans', async () => {
    const id = await item({
      title: '举报冀B12345',
      content: '电话15012345678',
      confidentiality: 'confidential',
      redacted: '群众反映车辆占道',
    });
    const dept = await login(t.app, 'deptpii');
    const body = (await dept.get(`/api/v1/opinions/${id}`)).json();
    expect(body.content).toBe('群众反映车辆占道');
    expect(body.pii).toBeNull();
    expect(JSON.stringify(body)).not.toContain('15012345678');
  });
});
