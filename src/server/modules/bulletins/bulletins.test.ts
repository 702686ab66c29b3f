// Bulletins through the API: compile, one topic, the length limit, the workflow and its refusals, numbering, outcomes,
// credits, the archive search and who sees what.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Client;
let admin2: Client;
let leader: Client;
let member1: Client;
let member2: Client;
let cat: { env: number; envWater: number; edu: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await buildUser(t.db, { username: 'admin2', displayName: '办公室主任', roles: ['admin'] });
  const ins = async (name: string, parentId: number | null) =>
    (
      (
        await t.db.execute(
          sql`insert into opinion_categories (name, parent_id) values (${name}, ${parentId}) returning id`,
        )
      ).rows[0] as { id: number }
    ).id;
  const env = await ins('生态环境', null);
  cat = { env, envWater: await ins('水污染', env), edu: await ins('教育', null) };
  admin = await login(t.app, 'admin');
  admin2 = await login(t.app, 'admin2');
  leader = await login(t.app, 'leader1');
  member1 = await login(t.app, 'member1');
  member2 = await login(t.app, 'member2');
});
afterAll(() => t.close());

async function item(title: string, categoryId: number, memberId = w.m1.id, accept = true) {
  const res = await admin.post('/api/v1/opinions', {
    title,
    content: `${title}，群众反映强烈。`,
    channel: 'letter',
    regionId: w.villA1.id,
    categoryId,
    originators: [{ kind: 'member', memberId }],
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as number;
  if (accept)
    expect((await admin.post(`/api/v1/opinions/${id}/transitions`, { action: 'accept' })).statusCode).toBe(200);
  return id;
}

const draft = (opinionIds: number[], extra: Record<string, unknown> = {}) =>
  admin.post('/api/v1/bulletins', {
    opinionIds,
    title: '关于加强畜禽养殖污染治理的建议',
    body: '近年来，我县养殖业快速发展，部分养殖场污水直排。',
    distribution: '报：县委、县政府主要领导\n送：县政协各位副主席',
    ...extra,
  });
const step = (c: Client, id: number, s: string, extra: Record<string, unknown> = {}) =>
  c.post(`/api/v1/bulletins/${id}/steps`, { step: s, ...extra });

describe('bulletins', () => {
  it('compiles items into a draft, runs the workflow, numbers per year and credits the originators', async () => {
    const a = await item('养殖场污水直排', cat.envWater);
    const b = await item('河道发黑发臭', cat.env, w.m2.id);
    const res = await draft([a, b]);
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ status: 'draft', number: null, categoryId: cat.env });
    expect(d.credits.map((c: any) => c.memberId).sort()).toEqual([w.m1.id, w.m2.id].sort());
    const flags = await t.db.execute(
      sql`select count(*)::int as n from opinions where id in (${a}, ${b}) and is_in_bulletin`,
    );
    expect((flags.rows[0] as any).n).toBe(2);
    const ev = await t.db.execute(
      sql`select count(*)::int as n from opinion_events where opinion_id in (${a}, ${b}) and type = 'compile_into_bulletin'`,
    );
    expect((ev.rows[0] as any).n).toBe(2);

    expect((await admin.patch(`/api/v1/bulletins/${d.id}`, { title: '关于治理养殖污染的建议' })).statusCode).toBe(200);
    expect((await step(admin, d.id, 'issue')).statusCode).toBe(409);
    expect((await step(admin, d.id, 'submit')).json().status).toBe('submitted');
    // Editing after submission and the editor signing their own are refused.
    const edit = await admin.patch(`/api/v1/bulletins/${d.id}`, { title: 'x' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain('待签发');
    expect((await step(admin, d.id, 'sign_off')).statusCode).toBe(403);
    expect((await step(leader, d.id, 'return')).json().code).toBe('bulletin_comment_required');
    const back = await step(leader, d.id, 'return', { comment: '请压缩篇幅' });
    expect(back.json().status).toBe('draft');
    await step(admin, d.id, 'submit');
    expect((await step(admin2, d.id, 'sign_off')).json().status).toBe('signed_off');
    expect((await step(leader, d.id, 'issue')).statusCode).toBe(403);
    const issued = (await step(admin, d.id, 'issue', { issueDate: '2026-03-05' })).json();
    expect(issued).toMatchObject({ status: 'issued', year: 2026, number: 1, issueDate: '2026-03-05' });
    expect(issued.events.map((e: any) => e.type)).toEqual([
      'create',
      'edit',
      'submit',
      'return',
      'submit',
      'sign_off',
      'issue',
    ]);
    const audits = await t.db.execute(
      sql`select count(*)::int as n from audit_log where entity = 'bulletin' and entity_id = ${String(d.id)}`,
    );
    expect((audits.rows[0] as any).n).toBe(7);
    const pdf = await leader.get(`/api/v1/bulletins/${d.id}/document?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const docx = await admin.get(`/api/v1/bulletins/${d.id}/document?format=docx`);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('社情民意2026年第1期'));
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const again = await step(admin, d.id, 'issue');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已印发');

    // The next issue of the year gets 2; another year starts at 1.
    const c2 = (await draft([await item('养殖废水', cat.envWater)])).json();
    await step(admin, c2.id, 'submit');
    await step(leader, c2.id, 'sign_off');
    expect((await step(admin, c2.id, 'issue', { issueDate: '2026-04-01' })).json().number).toBe(2);
    const c3 = (await draft([await item('垃圾焚烧', cat.env)])).json();
    await step(admin, c3.id, 'submit');
    await step(leader, c3.id, 'sign_off');
    expect((await step(admin, c3.id, 'issue', { issueDate: '2025-12-30' })).json()).toMatchObject({
      year: 2025,
      number: 1,
    });

    // Outcomes: only on issued bulletins, by staff; they credit every originating member.
    expect(
      (await admin.post(`/api/v1/bulletins/${c2.id}/outcomes`, { kind: 'adoption', level: 'city', date: '2026-05-01' }))
        .statusCode,
    ).toBe(201);
    const o = await admin.post(`/api/v1/bulletins/${d.id}/outcomes`, {
      kind: 'instruction',
      leaderName: '县长',
      date: '2026-03-20',
      text: '请生态环境分局牵头整治',
      followUp: '已开展专项整治',
    });
    expect(o.statusCode).toBe(201);
    const outcomeId = o.json().outcomes[0].id;
    expect(
      (
        await admin.post(`/api/v1/bulletins/${d.id}/outcomes`, {
          kind: 'adoption',
          level: 'province',
          date: '2026-04-01',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await admin.patch(`/api/v1/bulletins/${d.id}/outcomes/${outcomeId}`, {
          kind: 'instruction',
          leaderName: '县委书记',
          date: '2026-03-21',
          text: '抓紧落实',
        })
      ).json().outcomes[0].leaderName,
    ).toBe('县委书记');
    expect(
      (await leader.post(`/api/v1/bulletins/${d.id}/outcomes`, { kind: 'adoption', level: 'city', date: '2026-04-01' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await admin.post(`/api/v1/bulletins/${d.id}/outcomes`, { kind: 'adoption', date: '2026-04-01' })).statusCode,
    ).toBe(400);
    const credits = (await member2.get(`/api/v1/bulletins/credits?memberId=${w.m2.id}`)).json();
    expect(credits.items).toHaveLength(1);
    expect(credits.items[0].outcomes.map((x: any) => x.kind).sort()).toEqual(['adoption', 'instruction']);
    expect((await member2.get(`/api/v1/bulletins/credits?memberId=${w.m1.id}`)).statusCode).toBe(404);
    const mine = (await member1.get('/api/v1/bulletins?mine=1')).json();
    expect(mine.total).toBe(3);
    // A credited member opens the issue read-only (the evidence link of their assessment); others get 404.
    const m2ids = new Set(credits.items.map((x: any) => x.id));
    const onlyM1 = mine.items.find((x: any) => !m2ids.has(x.id));
    const open = (await member1.get(`/api/v1/bulletins/${onlyM1.id}`)).json();
    expect(open.id).toBe(onlyM1.id);
    expect(Object.entries(open.abilities).filter(([k, v]) => v && k !== 'canDownload')).toEqual([]);
    expect((await member1.get(`/api/v1/bulletins/${onlyM1.id}/document?format=docx`)).statusCode).toBe(200);
    expect((await member2.get(`/api/v1/bulletins/${onlyM1.id}`)).statusCode).toBe(404);
    expect((await member2.get(`/api/v1/bulletins/${onlyM1.id}/document?format=pdf`)).statusCode).toBe(404);
    expect((await admin.del(`/api/v1/bulletins/${d.id}/outcomes/${outcomeId}`)).json().outcomes).toHaveLength(1);

    // Archive: full text, year, status, level.
    expect((await leader.get('/api/v1/bulletins?q=养殖污染')).json().total).toBeGreaterThanOrEqual(1);
    expect((await leader.get('/api/v1/bulletins?q=不存在的话题')).json().total).toBe(0);
    expect((await leader.get('/api/v1/bulletins?year=2025')).json().total).toBe(1);
    expect((await leader.get('/api/v1/bulletins?level=province')).json().items.map((x: any) => x.id)).toEqual([d.id]);
    expect((await leader.get('/api/v1/bulletins?status=issued')).json().total).toBe(3);
  });

  it('refuses mixed topics, long bodies, unaccepted or already compiled items, with Chinese messages', async () => {
    const a = await item('学校食堂', cat.edu);
    const b = await item('污水', cat.envWater);
    const mixed = await draft([a, b]);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().message).toContain('一期只能一个主题');
    expect((await draft([b], { categoryId: cat.edu })).json().code).toBe('bulletin_mixed_topics');
    const long = await draft([a], { body: '字'.repeat(1612) });
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toBe('正文 1,612 字，超过 1,500 字上限');
    expect((await admin.get('/api/v1/settings/bulletins')).json().maxChars).toBe(1500);
    expect((await admin.post('/api/v1/settings/bulletins', {})).statusCode).toBe(404);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/bulletins',
      payload: { maxChars: 2000, unit: '政协安吉县委员会办公室' },
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    expect(put.json().maxChars).toBe(2000);
    expect((await draft([a], { body: '字'.repeat(1612) })).statusCode).toBe(201);
    const again = await draft([a]);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已编入');
    const fresh = await item('未受理', cat.edu, w.m1.id, false);
    const un = await draft([fresh]);
    expect(un.statusCode).toBe(409);
    expect(un.json()).toMatchObject({ code: 'bulletin_item_ineligible' });
    expect(un.json().message).toContain('未受理');
    const count = await t.db.execute(sql`select count(*)::int as n from bulletin_items where opinion_id = ${a}`);
    expect((count.rows[0] as any).n).toBe(1);
    expect((await draft([999999])).statusCode).toBe(404);
    expect((await admin.post('/api/v1/bulletins', { opinionIds: [] })).statusCode).toBe(400);
  });

  it('hides bulletins from members, group leaders and officers (404), and writes nothing for them', async () => {
    const a = await item('校车接送', cat.edu);
    const before = await t.db.execute(sql`select count(*)::int as n from bulletins`);
    // A draft credits nobody yet, so no member may read it.
    const id = (await admin.get('/api/v1/bulletins?status=draft')).json().items[0].id;
    for (const u of ['member1', 'grouplead', 'officer1']) {
      const c = await login(t.app, u);
      expect((await c.get('/api/v1/bulletins')).statusCode).toBe(404);
      expect((await c.get(`/api/v1/bulletins/${id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/bulletins/${id}/document?format=pdf`)).statusCode).toBe(404);
      expect((await c.post('/api/v1/bulletins', { opinionIds: [a], title: 't', body: 'b' })).statusCode).toBe(404);
      expect((await step(c, id, 'submit')).statusCode).toBe(404);
    }
    expect((await leader.post('/api/v1/bulletins', { opinionIds: [a], title: 't', body: 'b' })).statusCode).toBe(404);
    const after = await t.db.execute(sql`select count(*)::int as n from bulletins`);
    expect(after.rows[0]).toEqual(before.rows[0]);
    const flag = await t.db.execute(sql`select is_in_bulletin as f from opinions where id = ${a}`);
    expect((flag.rows[0] as any).f).toBe(false);
    expect((await leader.get(`/api/v1/bulletins/${id}`)).json().abilities.canEdit).toBe(false);
  });
});
