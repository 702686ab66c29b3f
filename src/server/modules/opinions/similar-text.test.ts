// Similar items from the text alone: as messages really arrive (no category, no village yet), a re-worded report of the
// same matter and a re-post typed in traditional characters are found first; older items are not crowded out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.db);
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

async function newItem(title: string, content: string) {
  const res = await admin.post('/api/v1/opinions', { title, content, channel: 'letter' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
const similarIds = async (id: number) => {
  const res = await admin.get(`/api/v1/opinions/${id}/similar`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as any[]).map((i) => i.id as number);
};

describe('similar items without category or village', () => {
  let first: number;
  let reworded: number;
  let repost: number;
  beforeAll(async () => {
    first = await newItem(
      'A市五矿万境K9县房屋质量问题',
      '我是五矿万境K9县24栋的业主，交房后墙壁开裂、卫生间渗水，开发商一直推诿不维修，请有关部门督促整改。',
    );
    // 40 unrelated items in between, so the old "newest 300 full-text matches" shortcut would not be what finds it.
    for (let i = 0; i < 40; i++)
      await newItem(`第${i}号路段积水`, `学校门口第${i}号路段下雨积水严重，学生上学要绕路，希望修排水沟。`);
    reworded = await newItem(
      '五矿万境K9县的房子墙体又开裂了',
      '五矿万境K9县的房子住了不到一年，墙体多处开裂渗水，找开发商维修没人管。',
    );
    repost = await newItem(
      'A市五礦萬境K9縣房屋質量問題',
      '我是五礦萬境K9縣24棟的業主，交房後牆壁開裂、衛生間滲水，開發商一直推諉不維修，請有關部門督促整改！',
    );
  });

  it('puts the same estate’s defects first for a re-worded report', async () => {
    const ids = await similarIds(reworded);
    expect(ids.slice(0, 2).sort()).toEqual([first, repost].sort());
  });

  it('puts the original first for a re-post in traditional characters, with a high score', async () => {
    const res = (await admin.get(`/api/v1/opinions/${repost}/similar`)).json();
    expect(res.items[0]).toMatchObject({ id: first });
    expect(res.items[0].score).toBeGreaterThan(0.9);
  });

  it('keeps unrelated matters out', async () => {
    const road = await newItem('食堂饭菜价格偏高', '孝丰镇中学食堂饭菜价格偏高、品种单一。');
    expect(await similarIds(first)).not.toContain(road);
  });
});
