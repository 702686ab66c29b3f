// Suggested category: a cold start from the category names, then what the office decided; staff and the citizen form
// (public, rate-limited) ask the same model; bad input is a 400 in the user's language, never a 5xx.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';

let t: TestApp;
let admin: Client;
const cat: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.db);
  const add = async (name: string, parentId: number | null = null) =>
    (
      (
        await t.db.execute(
          sql`insert into opinion_categories (name, parent_id) values (${name}, ${parentId}) returning id`,
        )
      ).rows[0] as any
    ).id as number;
  cat.town = await add('试·城乡建设');
  cat.lights = await add('路灯照明', cat.town);
  cat.edu = await add('试·教育文体');
  cat.school = await add('学校管理', cat.edu);
  cat.bus = await add('校车接送', cat.edu);
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const suggest = (body: unknown) => admin.post('/api/v1/opinions/suggest-category', body as any);
const publicSuggest = (body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/public/opinions/suggest-category', payload: body as any });

describe('suggest category', () => {
  it('starts from the category names: a broken street light suggests 路灯照明, never a top level', async () => {
    const res = await suggest({ title: '村口路灯坏了', content: '村口的路灯坏了一个月，晚上出行不安全。' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ categoryId: cat.lights, name: '路灯照明' });
    expect(res.json().items.map((i: any) => i.categoryId)).not.toContain(cat.town);
  });

  it('learns from the office’s decided items', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await admin.post('/api/v1/opinions', {
        title: `孩子上学接送车超载${i}`,
        content: `每天早上接送孩子的面包车坐了十几个学生，严重超载，很危险${i}。`,
        categoryId: cat.bus,
        channel: 'letter',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await suggest({ content: '接送学生的面包车又超载了' });
    expect(res.json().items[0]).toMatchObject({ categoryId: cat.bus });
    expect(res.json().items[0].probability).toBeGreaterThan(0);
    expect(res.json().learnedFrom).toBeGreaterThanOrEqual(6);
  });

  it('answers the citizen form without sign-in, with the same model', async () => {
    const res = await publicSuggest({ title: '路灯不亮', content: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ categoryId: cat.lights });
  });

  it.each([
    ['empty', {}],
    ['only spaces', { title: '  ', content: ' ' }],
    ['too long', { title: '路'.repeat(201) }],
  ])('refuses %s input with a 400', async (_, body) => {
    expect((await suggest(body)).statusCode).toBe(400);
    expect((await publicSuggest(body)).statusCode).toBe(400);
  });

  it('gives no suggestion for only punctuation or emoji', async () => {
    for (const content of ['！！！？？？', '😡😡😡']) {
      const res = await suggest({ content });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
  });
});
