// What a member may claim when entering a 社情民意 item: only themselves (and their own representatives) as
// originators, only a member's channels; office staff keep full choice. A refusal is a 400 with a field path and
// writes nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import type { Actor } from '../../context.js';
import { createOpinion } from './create.js';
import type { OpinionInput } from './schema.js';

let t: TestApp;
let w: World;
let member1: Client;
let grouplead: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  member1 = await login(t.app, 'member1');
  grouplead = await login(t.app, 'grouplead');
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  title: '古城村灌溉水渠破损',
  content: '水渠年久失修，影响春耕。',
  channel: 'activity',
  originators: [],
  ...over,
});
const counts = async () =>
  (
    await t.db.execute(sql`select (select count(*)::int from opinions) as items,
      (select count(*)::int from opinion_originators) as people,
      (select count(*)::int from audit_log where entity = 'opinion') as audits`)
  ).rows[0];

/** Posts and expects a 400 naming `path`, with nothing written; returns the field message. */
async function refused(c: Client, b: object, path: string, lang = 'zh-CN') {
  const before = await counts();
  const res = await c.post('/api/v1/opinions', b, { 'accept-language': lang });
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().code).toBe('validation_failed');
  const detail = res.json().details.find((d: any) => d.path === path);
  expect(detail, res.body).toBeDefined();
  expect(await counts()).toEqual(before);
  return detail.message as string;
}

describe('a member entering an item', () => {
  it('may not name another member as originator', async () => {
    const b = body({ originators: [{ kind: 'member', memberId: w.m2.id }] });
    expect(await refused(member1, b, 'originators.0.memberId')).toBe('委员只能将本人列为反映人');
    expect(await refused(member1, b, 'originators.0.memberId', 'en')).toBe(
      'Members may name only themselves as originators',
    );
  });

  it("may not name another member's representative", async () => {
    const b = body({
      originators: [
        { kind: 'citizen', name: '陈小明' },
        { kind: 'representative', representativeId: w.rep2.id },
      ],
    });
    await refused(member1, b, 'originators.1.representativeId');
  });

  it('a group leader may not credit the members of their group or their representatives either', async () => {
    await refused(grouplead, body({ originators: [{ kind: 'member', memberId: w.m1.id }] }), 'originators.0.memberId');
    await refused(
      grouplead,
      body({ originators: [{ kind: 'representative', representativeId: w.rep1.id }] }),
      'originators.0.representativeId',
    );
  });

  it('may not pick an office channel (信访, phone, e-mail, the web form, …)', async () => {
    for (const channel of ['petition', 'phone', 'email', 'web', 'officer', 'box', 'letter', 'forum']) {
      const message = await refused(member1, body({ channel }), 'channel');
      expect(message).toBe('委员只能选择联系活动或接待日作为来源渠道');
    }
    expect(await refused(member1, body({ channel: 'petition' }), 'channel', 'en')).toBe(
      'Members may choose only a contact activity or a reception day as the channel',
    );
  });

  it('may name themselves, their own representatives and citizens, by a contact activity or a reception day', async () => {
    const res = await member1.post(
      '/api/v1/opinions',
      body({
        originators: [
          { kind: 'member', memberId: w.m1.id },
          { kind: 'representative', representativeId: w.rep1.id },
          { kind: 'citizen', name: '陈小明', phone: '13912345678' },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const people = res.json().originators.map((o: any) => [o.kind, o.memberId ?? o.representativeId ?? o.name]);
    expect(people).toEqual([
      ['member', w.m1.id],
      ['representative', w.rep1.id],
      ['citizen', '陈小明'],
    ]);
    const reception = await member1.post('/api/v1/opinions', body({ channel: 'reception' }));
    expect(reception.statusCode, reception.body).toBe(201);
    expect(reception.json().channel).toBe('reception');
  });
});

describe('a record that vouches for other members', () => {
  it("credits the members holding a reception day when one of them records a citizen's matter", async () => {
    const actor: Actor = {
      userId: w.users.member1.id,
      username: 'member1',
      displayName: '张三',
      roles: ['member'],
      memberId: w.m1.id,
      groupId: null,
      townshipId: null,
      departmentId: null,
      via: 'session',
    };
    const input: OpinionInput = {
      title: '小区加装电梯补贴',
      content: '老旧小区加装电梯，希望明确补贴标准。',
      channel: 'reception',
      categoryId: null,
      regionId: null,
      sectorId: null,
      urgency: 'normal',
      confidentiality: 'normal',
      originators: [{ kind: 'member', memberId: w.m2.id, name: '', phone: '', email: '' }],
    };
    await expect(createOpinion(t.db, actor, input, { now: new Date() })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const out = await createOpinion(t.db, actor, input, { now: new Date(), vouchedMemberIds: [w.m1.id, w.m2.id] });
    expect(out.created).toBe(true);
  });
});

describe('office staff', () => {
  it('keep the full choice of channels and originators', async () => {
    const res = await admin.post(
      '/api/v1/opinions',
      body({
        channel: 'petition',
        originators: [
          { kind: 'member', memberId: w.m1.id },
          { kind: 'member', memberId: w.m2.id },
          { kind: 'representative', representativeId: w.rep2.id },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().channel).toBe('petition');
    expect(res.json().originators).toHaveLength(3);
  });
});
