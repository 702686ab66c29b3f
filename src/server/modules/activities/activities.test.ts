import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';

let t: TestApp;
let w: World;
let member1: Client;
let member2: Client;
beforeAll(async () => {
  t = await createTestApp({ config: { maxUploadBytes: 64 * 1024 } as any });
  w = await buildWorld(t.db);
  member1 = await login(t.app, 'member1');
  member2 = await login(t.app, 'member2');
});
afterAll(() => t.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
function multipart(file: Buffer, filename: string, kind = 'photo') {
  const boundary = '----jltest';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: Client, id: number, file: Buffer, name: string) => {
  const m = multipart(file, name);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/activities/${id}/attachments`,
    payload: m.body,
    headers: { ...m.headers, cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });
};

describe('activities', () => {
  let created: any;
  it('a member records a visit with several methods, purposes and contacts', async () => {
    const res = await member1.post('/api/v1/activities', {
      date: '2026-07-01',
      regionId: w.villA1.id,
      methods: ['visit', 'talk'],
      purposes: ['opinions', 'policy'],
      representativeIds: [w.rep1.id],
      opinions: '村口道路坑洼，雨天积水严重。',
      handling: '已向交通局反映',
      handlingStatus: 'in_progress',
    });
    expect(res.statusCode).toBe(201);
    created = res.json();
    expect(created).toMatchObject({
      date: '2026-07-01',
      regionName: '古城村',
      methods: ['visit', 'talk'],
      members: [{ id: w.m1.id, name: '张三' }],
      contacts: [{ id: w.rep1.id }],
    });
    expect(created.abilities.canEdit).toBe(true);
  });

  it('a retried save with the same clientId makes no second record', async () => {
    const body = {
      clientId: 'offline-0001-abcdef',
      date: '2026-07-02',
      methods: ['phone'],
      opinions: '电话反映自来水水压低',
    };
    const a = await member1.post('/api/v1/activities', body);
    const b = await member1.post('/api/v1/activities', body);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(200);
    expect(b.json().id).toBe(a.json().id);
    const n = await t.db.execute(
      sql`select count(*)::int as n from activities where client_id = 'offline-0001-abcdef'`,
    );
    expect((n.rows[0] as any).n).toBe(1);
  });

  it('rejects an activity with no contact method or a bad date, in Chinese', async () => {
    const res = await member1.post('/api/v1/activities', { date: '2026-13-45', methods: [] });
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['date', 'methods']));
    expect(res.json().details.find((d: any) => d.path === 'methods').message).toBe('至少选择 1 项');
  });

  it('names a missing member in the caller’s language', async () => {
    const body = { date: '2026-07-03', methods: ['visit'], memberIds: [999999] };
    expect((await member1.post('/api/v1/activities', body)).json().details).toEqual([
      { path: 'memberIds', message: '委员不存在' },
    ]);
    const en = await member1.post('/api/v1/activities', body, { 'accept-language': 'en' });
    expect(en.json()).toMatchObject({
      message: 'Some fields are invalid',
      details: [{ path: 'memberIds', message: 'No such member' }],
    });
  });

  it('filters by member, village, method and period', async () => {
    const list = (
      await member1.get(`/api/v1/activities?regionId=${w.villA1.id}&method=talk&from=2026-06-01&to=2026-07-31`)
    ).json();
    expect(list.items.map((a: any) => a.id)).toEqual([created.id]);
  });

  it('stores a photo, checks the type from its bytes, and serves it only in scope', async () => {
    const ok = await upload(member1, created.id, PNG, 'photo.png');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ mime: 'image/png', kind: 'photo', size: PNG.length });
    const get = await member1.get(`/api/v1/activities/${created.id}/attachments/${ok.json().id}`);
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('image/png');
    expect(get.rawPayload.equals(PNG)).toBe(true);
    expect((await member2.get(`/api/v1/activities/${created.id}/attachments/${ok.json().id}`)).statusCode).toBe(404);
    expect((await upload(member2, created.id, PNG, 'x.png')).statusCode).toBe(404);
  });

  it('refuses a file whose bytes are not an image or PDF, whatever its name', async () => {
    const res = await upload(
      member1,
      created.id,
      Buffer.from('<script>alert(1)</script> not an image at all'),
      'evil.png',
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('不支持的文件类型');
  });

  it('refuses an oversized upload with 413 and stores nothing', async () => {
    const before = ((await t.db.execute(sql`select count(*)::int as n from attachments`)).rows[0] as any).n;
    const res = await upload(member1, created.id, Buffer.concat([PNG, Buffer.alloc(100 * 1024)]), 'big.png');
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
    expect(((await t.db.execute(sql`select count(*)::int as n from attachments`)).rows[0] as any).n).toBe(before);
  });

  it('deleting an activity removes its attachments too', async () => {
    const res = await member1.del(`/api/v1/activities/${created.id}`);
    expect(res.statusCode).toBe(200);
    const n = await t.db.execute(sql`select count(*)::int as n from attachments where activity_id = ${created.id}`);
    expect((n.rows[0] as any).n).toBe(0);
  });
});
