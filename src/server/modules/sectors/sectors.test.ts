import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';

let t: TestApp;
let w: World;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

describe('sectors and terms', () => {
  it('keeps a sector tree per term', async () => {
    const child = await admin.post('/api/v1/sectors', { name: '农业一组', parentId: w.sectorA.id });
    expect(child.statusCode).toBe(200);
    await t.db.execute(sql`update member_terms set sector_id = ${child.json().id} where member_id = ${w.m3.id}`);
    const tree = (await admin.get('/api/v1/sectors')).json().tree;
    const agri = tree.find((s: any) => s.name === '农业');
    expect(agri.children.map((c: any) => c.name)).toEqual(['农业一组']);
  });

  it('a new term copies the tree and members’ sectors; later edits never rewrite the old term', async () => {
    const res = await admin.post('/api/v1/terms', {
      number: 11,
      name: '第十一届',
      startDate: '2027-01-01',
      copyFromTermId: w.term.id,
    });
    expect(res.statusCode).toBe(200);
    const newTerm = res.json().id;
    const current = (await admin.get('/api/v1/sectors')).json();
    expect(current.termId).toBe(newTerm);
    const renamed = current.items.find((s: any) => s.name === '农业');
    expect((await admin.patch(`/api/v1/sectors/${renamed.id}`, { name: '农业和农村' })).statusCode).toBe(200);
    const old = (await admin.get(`/api/v1/sectors?termId=${w.term.id}`)).json();
    expect(old.items.map((s: any) => s.name)).toContain('农业');
    expect(old.items.map((s: any) => s.name)).not.toContain('农业和农村');
    const m3 = (await admin.get(`/api/v1/members/${w.m3.id}`)).json();
    expect(m3.sectorName).toBe('农业一组');
    expect(m3.sectorHistory.map((h: any) => [h.termName, h.sectorName])).toEqual([
      ['第十届', '农业一组'],
      ['第十一届', '农业一组'],
    ]);
    const m1 = (await admin.get(`/api/v1/members/${w.m1.id}`)).json();
    expect(m1.sectorHistory.map((h: any) => h.sectorName)).toEqual(['农业', '农业和农村']);
  });

  it('will not delete a sector that members belong to', async () => {
    const res = await admin.del(`/api/v1/sectors/${w.sectorB.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('in_use');
  });
});
