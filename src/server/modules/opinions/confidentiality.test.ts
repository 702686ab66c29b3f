// Confidentiality tiers per role: a confidential item is seen only by the leader and the office staff named on it (404,
// absent from lists, search, similar items and "mine" for everyone else); a department it is forwarded to reads only
// the redacted copy with the office's note; internal and confidential items are never public.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 3)]);

let t: TestApp;
let w: World;
let c: Record<'admin' | 'admin2' | 'leader' | 'officer' | 'member1' | 'member2' | 'grouplead' | 'dept', Client>;
let admin2Id: number;
/** The confidential item (created by admin, about 孝丰镇, raised by member1 through 赵大), and a normal twin. */
let secretId: number;
let secretCode: string;
let twinId: number;

const TEXT = '横溪坞村蓝莓冷库补助资金被村干部挪用，举报人担心遭到打击报复，请求核查补助资金去向。';

function multipart(files: { name: string; data: Buffer }[]) {
  const b = `----jl${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

const ids = (res: { json: () => any }) => (res.json().items as { id: number }[]).map((x) => x.id);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin2Id = (await buildUser(t.db, { username: 'admin2', displayName: '办公室二', roles: ['admin'] })).id;
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  const names = ['admin', 'admin2', 'leader1', 'officer1', 'member1', 'member2', 'grouplead', 'dept1'] as const;
  const keys = ['admin', 'admin2', 'leader', 'officer', 'member1', 'member2', 'grouplead', 'dept'] as const;
  const clients = await Promise.all(names.map((n) => login(t.app, n)));
  c = Object.fromEntries(keys.map((k, i) => [k, clients[i]])) as typeof c;
  const make = async (title: string, confidentiality: string) => {
    const res = await c.admin.post('/api/v1/opinions', {
      title,
      content: TEXT,
      channel: 'letter',
      regionId: w.villB1.id,
      sectorId: w.sectorA.id,
      confidentiality,
      originators: [
        { kind: 'member', memberId: w.m1.id },
        { kind: 'representative', representativeId: w.rep1.id },
        { kind: 'citizen', name: '周举报', phone: '13912345678' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; trackingCode: string };
  };
  const secret = await make('蓝莓冷库补助资金挪用', 'confidential');
  secretId = secret.id;
  secretCode = secret.trackingCode;
  twinId = (await make('蓝莓冷库补助资金去向不明', 'normal')).id;
  const up = multipart([{ name: '举报材料.png', data: PNG }]);
  expect((await c.admin.post(`/api/v1/opinions/${secretId}/attachments`, up.body, up.headers)).statusCode).toBe(201);
}, 120_000);
afterAll(() => t?.close());

describe('confidential items per role', () => {
  it('names the office user who files a confidential item; only the office and the leader may file one', async () => {
    const item = (await c.admin.get(`/api/v1/opinions/${secretId}`)).json();
    expect(item.confidentiality).toBe('confidential');
    expect(item.namedStaff.map((s: any) => s.userId)).toEqual([w.users.admin.id]);
    expect(item.canChangeConfidentiality).toBe(true);
    const res = await c.member1.post('/api/v1/opinions', {
      title: '机密反映',
      content: '内容',
      channel: 'activity',
      activityId: w.act1.id,
      confidentiality: 'confidential',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'confidentiality' });
  });

  it('reads the item for the named office user and the leader; 404 for everyone else', async () => {
    const want = {
      admin: 200,
      leader: 200,
      admin2: 404,
      officer: 404,
      member1: 404,
      member2: 404,
      grouplead: 404,
      dept: 404,
    };
    for (const [k, code] of Object.entries(want)) {
      const client = c[k as keyof typeof c];
      for (const path of ['', '/events', '/attachments', '/similar', '/deadlines']) {
        const res = await client.get(`/api/v1/opinions/${secretId}${path}`);
        expect(res.statusCode, `${k} ${path}`).toBe(code);
      }
    }
    // The normal twin is in the officer's township and raised by member1: they see it, so the 404 above is the tier.
    expect((await c.officer.get(`/api/v1/opinions/${twinId}`)).statusCode).toBe(200);
    expect((await c.member1.get(`/api/v1/opinions/${twinId}`)).statusCode).toBe(200);
  });

  it('leaves the item out of lists, search, the member list and counts for those who may not see it', async () => {
    for (const k of ['admin', 'leader'] as const) {
      expect(ids(await c[k].get('/api/v1/opinions?pageSize=100')), k).toContain(secretId);
      const s = (await c[k].get(`/api/v1/search?q=${encodeURIComponent('蓝莓冷库')}`)).json();
      expect(
        s.opinions.items.map((x: any) => x.id),
        k,
      ).toContain(secretId);
    }
    for (const k of ['admin2', 'officer', 'member1', 'member2', 'grouplead', 'dept'] as const) {
      const list = await c[k].get(`/api/v1/opinions?pageSize=100&regionId=${w.townB.id}`);
      expect(ids(list), k).not.toContain(secretId);
      const s = (await c[k].get(`/api/v1/search?q=${encodeURIComponent('蓝莓冷库')}`)).json();
      expect(
        s.opinions.items.map((x: any) => x.id),
        k,
      ).not.toContain(secretId);
      // The code typed in the box finds nothing either.
      const byCode = await c[k].get(`/api/v1/opinions?q=${secretCode}`);
      expect(ids(byCode), k).not.toContain(secretId);
    }
    const admin2Total = (await c.admin2.get('/api/v1/opinions?pageSize=100')).json().total;
    const adminTotal = (await c.admin.get('/api/v1/opinions?pageSize=100')).json().total;
    expect(adminTotal - admin2Total).toBe(1);
    const mine = (await c.member1.get('/api/v1/opinions/mine')).json().items.map((x: any) => x.id);
    expect(mine).toContain(twinId);
    expect(mine).not.toContain(secretId);
    const onBehalf = await c.admin2.get(`/api/v1/opinions/mine?memberId=${w.m1.id}`);
    expect(onBehalf.json().items.map((x: any) => x.id)).not.toContain(secretId);
  });

  it('never proposes the item as similar to those who may not see it', async () => {
    const named = (await c.admin.get(`/api/v1/opinions/${twinId}/similar`)).json();
    expect(named.items.map((x: any) => x.id)).toContain(secretId);
    for (const k of ['admin2', 'officer', 'member1'] as const) {
      const res = await c[k].get(`/api/v1/opinions/${twinId}/similar`);
      expect(res.statusCode, k).toBe(200);
      expect(
        res.json().items.map((x: any) => x.id),
        k,
      ).not.toContain(secretId);
    }
  });

  it('lets the named office user and the leader change the tier and name staff; others 404/403; audited', async () => {
    const body = { confidentiality: 'confidential', namedUserIds: [w.users.admin.id, admin2Id] };
    expect((await c.admin2.put(`/api/v1/opinions/${secretId}/confidentiality`, body)).statusCode).toBe(404);
    expect((await c.member1.put(`/api/v1/opinions/${secretId}/confidentiality`, body)).statusCode).toBe(404);
    expect((await c.member1.put(`/api/v1/opinions/${twinId}/confidentiality`, body)).statusCode).toBe(403);
    const bad = await c.admin.put(`/api/v1/opinions/${secretId}/confidentiality`, {
      ...body,
      namedUserIds: [w.users.member1.id],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('namedUserIds');
    const ok = await c.leader.put(`/api/v1/opinions/${secretId}/confidentiality`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().namedStaff.map((s: any) => s.userId)).toEqual([w.users.admin.id, admin2Id]);
    expect((await c.admin2.get(`/api/v1/opinions/${secretId}`)).statusCode).toBe(200);
    const audit = await t.db.execute(sql`select count(*)::int as n from audit_log
      where entity = 'opinion' and entity_id = ${String(secretId)} and action = 'update_confidentiality'`);
    expect((audit.rows[0] as { n: number }).n).toBe(1);
    const events = (await c.admin.get(`/api/v1/opinions/${secretId}/events`)).json().items as any[];
    expect(events.at(-1)).toMatchObject({ type: 'confidentiality_changed', payload: { from: 'confidential' } });
    // Back to admin alone, so the forwarding test below reads the same as the role table above.
    const back = await c.admin.put(`/api/v1/opinions/${secretId}/confidentiality`, {
      confidentiality: 'confidential',
      namedUserIds: [w.users.admin.id],
    });
    expect(back.statusCode).toBe(200);
    expect((await c.admin2.get(`/api/v1/opinions/${secretId}`)).statusCode).toBe(404);
  });
});

describe('forwarding a confidential item', () => {
  it('refuses without a redacted copy (400, nothing changes), then gives the department only that copy', async () => {
    expect((await c.admin.post(`/api/v1/opinions/${secretId}/transitions`, { action: 'accept' })).statusCode).toBe(200);
    const forward = { action: 'forward', leadDepartmentId: w.deptA.id, instructions: '请核实补助资金去向' };
    const refused = await c.admin.post(`/api/v1/opinions/${secretId}/transitions`, forward);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].path).toBe('redactedTitle');
    expect(refused.json().details[0].message).toContain('脱敏');
    const status = await t.db.execute(sql`select status from opinions where id = ${secretId}`);
    expect((status.rows[0] as { status: string }).status).toBe('accepted');
    const res = await c.admin.post(`/api/v1/opinions/${secretId}/transitions`, {
      ...forward,
      redactedTitle: '某村产业补助资金使用情况核查',
      redactedContent: '请核查某村产业补助资金的使用情况并答复。',
      redactionNote: '原件含举报人信息，已脱敏',
    });
    expect(res.statusCode, res.body).toBe(200);

    const item = await c.dept.get(`/api/v1/opinions/${secretId}`);
    expect(item.statusCode).toBe(200);
    const v = item.json();
    expect(v).toMatchObject({
      title: '某村产业补助资金使用情况核查',
      content: '请核查某村产业补助资金的使用情况并答复。',
      redactionNote: '原件含举报人信息，已脱敏',
      isRedacted: true,
      originators: [],
      attachments: [],
    });
    expect(v.createdBy).toBeNull();
    expect(v.sectorId).toBeNull();
    const whole = JSON.stringify(v);
    for (const secret of ['蓝莓', '周举报', '13912345678', '张三', '赵大', '举报材料'])
      expect(whole).not.toContain(secret);
    const files = await c.dept.get(`/api/v1/opinions/${secretId}/attachments`);
    expect(files.json().items).toEqual([]);
    const att = await t.db.execute(sql`select id from opinion_attachments where opinion_id = ${secretId}`);
    const attId = (att.rows[0] as { id: number }).id;
    expect((await c.dept.get(`/api/v1/opinions/${secretId}/attachments/${attId}`)).statusCode).toBe(404);
    expect((await c.admin.get(`/api/v1/opinions/${secretId}/attachments/${attId}`)).statusCode).toBe(200);
    const timeline = JSON.stringify((await c.dept.get(`/api/v1/opinions/${secretId}/events`)).json());
    for (const secret of ['蓝莓', '张三', '赵大', '办公室二']) expect(timeline).not.toContain(secret);
    expect(timeline).toContain('请核实补助资金去向');

    // The department's lists and search read the copy: the original words find nothing, the copy's words do.
    const list = (await c.dept.get('/api/v1/opinions?pageSize=100')).json().items as any[];
    expect(list.find((x) => x.id === secretId)).toMatchObject({ title: '某村产业补助资金使用情况核查' });
    const byOriginal = (await c.dept.get(`/api/v1/search?q=${encodeURIComponent('蓝莓冷库')}`)).json();
    expect(byOriginal.opinions.items).toEqual([]);
    const byCopy = (await c.dept.get(`/api/v1/search?q=${encodeURIComponent('产业补助')}`)).json();
    expect(byCopy.opinions.items.map((x: any) => x.id)).toEqual([secretId]);
    const byMember = await c.dept.get(`/api/v1/opinions?memberId=${w.m1.id}`);
    expect(ids(byMember)).not.toContain(secretId);
    const similar = await c.dept.get(`/api/v1/opinions/${secretId}/similar`);
    expect(JSON.stringify(similar.json())).not.toContain('蓝莓');

    // The named office user and the leader still read the original and the copy.
    const office = (await c.admin.get(`/api/v1/opinions/${secretId}`)).json();
    expect(office).toMatchObject({
      title: '蓝莓冷库补助资金挪用',
      redactedTitle: '某村产业补助资金使用情况核查',
      sectorId: w.sectorA.id,
    });
    expect(office.originators).toHaveLength(3);
    expect((await c.leader.get(`/api/v1/opinions/${secretId}`)).json().title).toBe('蓝莓冷库补助资金挪用');
    // Others still get 404 although the item is now at a department.
    for (const k of ['admin2', 'officer', 'member1'] as const)
      expect((await c[k].get(`/api/v1/opinions/${secretId}`)).statusCode, k).toBe(404);
    // Nor may the member who raised it pick it for a proposal.
    const sources = (await c.member1.get('/api/v1/proposals/source-options')).json().items as { id: number }[];
    expect(sources.map((x) => x.id)).not.toContain(secretId);

    // The department answers with a file; it sees its own file, and may not empty the copy.
    const up = multipart([{ name: '核查报告.png', data: PNG }]);
    const answer = await c.dept.post(
      `/api/v1/opinions/${secretId}/answer`,
      Buffer.concat([
        Buffer.from(
          `--${up.headers['content-type'].split('boundary=')[1]}\r\nContent-Disposition: form-data; name="content"\r\n\r\n已核查\r\n`,
        ),
        up.body,
      ]),
      up.headers,
    );
    expect(answer.statusCode, answer.body).toBe(200);
    const mineFiles = (await c.dept.get(`/api/v1/opinions/${secretId}/attachments`)).json().items as any[];
    expect(mineFiles.map((f) => f.filename)).toEqual(['核查报告.png']);
    const emptied = await c.admin.put(`/api/v1/opinions/${secretId}/confidentiality`, {
      confidentiality: 'confidential',
      redactedContent: '',
    });
    expect(emptied.statusCode).toBe(400);
  });

  it('refuses a bulk forward of a confidential item without a copy', async () => {
    const res = await c.admin.post('/api/v1/opinions', {
      title: '另一条机密',
      content: TEXT,
      channel: 'letter',
      confidentiality: 'confidential',
    });
    const id = res.json().id as number;
    const out = await c.admin.post('/api/v1/opinions/bulk-transitions', {
      ids: [id],
      steps: [{ action: 'accept' }, { action: 'forward', leadDepartmentId: w.deptA.id, instructions: '请办理' }],
    });
    expect(out.statusCode).toBe(400);
    const s = await t.db.execute(sql`select status from opinions where id = ${id}`);
    expect((s.rows[0] as { status: string }).status).toBe('received');
  });
});

describe('public side', () => {
  it('shows only normal items on the tracking page', async () => {
    const mk = async (confidentiality: string) => {
      const res = await c.admin.post('/api/v1/opinions', {
        title: `公开测试${confidentiality}`,
        content: '路灯不亮',
        channel: 'phone',
        confidentiality,
      });
      return res.json().trackingCode as string;
    };
    const codes = { normal: await mk('normal'), internal: await mk('internal'), confidential: secretCode };
    const get = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/opinions/${code}` });
    expect((await get(codes.normal)).statusCode).toBe(200);
    expect((await get(codes.internal)).statusCode).toBe(404);
    expect((await get(codes.confidential)).statusCode).toBe(404);
    // Staff still see the internal item as before (the tier only hides it from the public).
    const internal = await c.admin2.get(`/api/v1/opinions?q=${codes.internal}`);
    expect(internal.json().total).toBe(1);
  });
});
