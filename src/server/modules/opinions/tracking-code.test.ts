// The tracking code is the citizen's secret (it signs the public 满意 rating that counts in the 满意率): a department
// never gets it in any response, cannot find an item by it, and guessing codes is throttled per client address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Client;
let dept1: Client;
let categoryId: number;
const items: { id: number; code: string }[] = [];

const pub = (method: 'GET' | 'POST', url: string, payload?: unknown, ip = '198.51.100.1') =>
  t.app.inject({ method, url: `/api/v1/public${url}`, payload: payload as any, remoteAddress: ip });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const [cat] = await t.db.insert(opinionCategories).values({ name: '道路照明' }).returning();
  categoryId = cat.id;
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  admin = await login(t.app, 'admin');
  dept1 = await login(t.app, 'dept1');
  // Two citizens' items about the same street lights, both forwarded to the department (so each is the other's "similar").
  for (const [i, content] of [
    '古城村村口路灯坏了一个月，夜间出行不安全。',
    '古城村路灯坏了，晚上出行不安全，请维修路灯。',
  ].entries()) {
    const res = await pub(
      'POST',
      '/opinions',
      {
        title: `古城村路灯不亮${i}`,
        content,
        categoryId,
        regionId: w.villA1.id,
        name: '张大爷',
        phone: '13912345678',
        email: '',
        consent: true,
        website: '',
      },
      `198.51.100.${10 + i}`,
    );
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().trackingCode as string;
    const id = ((await admin.get('/api/v1/opinions?pageSize=100')).json().items as any[]).find(
      (x) => x.trackingCode === code,
    ).id;
    items.push({ id, code });
    for (const [action, payload] of [
      ['accept', {}],
      ['forward', { leadDepartmentId: w.deptA.id, deadline: '2099-03-20', instructions: '请核实' }],
    ] as const) {
      const r = await admin.post(`/api/v1/opinions/${id}/transitions`, { action, ...payload });
      expect(r.statusCode, r.body).toBe(200);
    }
  }
});
afterAll(() => t.close());

/** Every response the department can get about its items: the URL asked and the body answered. */
async function departmentSees(): Promise<{ url: string; body: string }[]> {
  const out: { url: string; body: string }[] = [];
  const get = async (url: string) => {
    const res = await dept1.get(url);
    out.push({ url, body: `${res.statusCode} ${res.body}` });
    return res;
  };
  const list = (await get('/api/v1/opinions?pageSize=100')).json();
  expect(list.items.length).toBe(2);
  await get(`/api/v1/opinions?departmentId=${w.deptA.id}&overdue=false`);
  await get(`/api/v1/opinions?q=${encodeURIComponent('路灯')}`);
  for (const { id, code } of items) {
    await get(`/api/v1/opinions?q=${code}`);
    await get(`/api/v1/opinions?q=${code.toLowerCase()}`);
    await get(`/api/v1/search?q=${code}`);
    await get(`/api/v1/opinions/${id}`);
    await get(`/api/v1/opinions/${id}/events`);
    await get(`/api/v1/opinions/${id}/similar`);
    await get(`/api/v1/opinions/${id}/attachments`);
    await get(`/api/v1/opinions/${id}/deadlines`);
  }
  await get(`/api/v1/search?q=${encodeURIComponent('路灯')}`);
  await get('/api/v1/notifications');
  return out;
}

const leaksIn = (seen: { url: string; body: string }[]) =>
  items.flatMap(({ code }) => seen.filter((s) => s.body.includes(code)).map((s) => `${code} in ${s.url}`));

describe('a department never gets the tracking code', () => {
  it('is absent from every response while the department handles the item', async () => {
    const seen = await departmentSees();
    expect(leaksIn(seen)).toEqual([]);
    const similar = (await dept1.get(`/api/v1/opinions/${items[0].id}/similar`)).json().items as any[];
    expect(similar.map((s) => s.id)).toContain(items[1].id);
  });

  it('finds nothing by a typed code, though office staff do', async () => {
    for (const { id, code } of items) {
      expect((await dept1.get(`/api/v1/opinions?q=${code}`)).json().total).toBe(0);
      expect((await dept1.get(`/api/v1/search?q=${code}`)).json().opinions.items).toEqual([]);
      expect(((await admin.get(`/api/v1/opinions?q=${code}`)).json().items as any[]).map((x) => x.id)).toEqual([id]);
    }
  });

  it('is absent from the department’s own transition answers and after feedback, when a rating becomes possible', async () => {
    const { id, code } = items[0];
    const reply = await dept1.post(`/api/v1/opinions/${id}/transitions`, { action: 'reply', content: '已更换灯具' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.body).not.toContain(code);
    for (const action of ['approve_reply', 'send_feedback']) {
      const r = await admin.post(`/api/v1/opinions/${id}/transitions`, { action });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect(leaksIn(await departmentSees())).toEqual([]);
    // The citizen, who holds the code, still rates.
    const rated = await pub('POST', `/opinions/${code}/rating`, { rating: 'satisfied' }, '198.51.100.77');
    expect(rated.statusCode, rated.body).toBe(200);
  });
});

describe('guessing codes is throttled per client address', () => {
  it('refuses look-ups and ratings from one address after the limit, while another address is served', async () => {
    const guesser = '203.0.113.9';
    let served = 0;
    let refused = 0;
    for (let i = 0; i < 130; i++) {
      const res =
        i % 2
          ? await pub('GET', `/opinions/ABCDEFGH${String(i).padStart(2, '2').slice(-2)}`, undefined, guesser)
          : await pub('POST', '/opinions/ABCDEFGHJK/rating', { rating: 'satisfied' }, guesser);
      if (res.statusCode === 429) refused++;
      else served++;
    }
    expect(served).toBeLessThanOrEqual(120);
    expect(refused).toBeGreaterThan(0);
    const blocked = await pub('POST', `/opinions/${items[1].code}/rating`, { rating: 'satisfied' }, guesser);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    const other = await pub('GET', `/opinions/${items[1].code}`, undefined, '203.0.113.10');
    expect(other.statusCode).toBe(200);
  });
});
