import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';

let t: TestApp;
let w: World;
let member1: Client;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  member1 = await login(t.app, 'member1');
});
afterAll(() => t.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
const boundary = '----jlidem';
const body = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n`),
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
  ),
  PNG,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);
const upload = (activityId: number, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/activities/${activityId}/attachments`,
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: member1.cookie,
      'x-csrf-token': member1.csrfToken,
      ...(key ? { 'idempotency-key': key } : {}),
    },
  });
const count = async (activityId: number) =>
  (
    (await t.db.execute(sql`select count(*)::int as n from attachments where activity_id = ${activityId}`))
      .rows[0] as any
  ).n as number;
const newActivity = async () => {
  const res = await member1.post('/api/v1/activities', {
    date: '2026-07-02',
    regionId: w.villA1.id,
    methods: ['visit'],
    purposes: ['opinions'],
    representativeIds: [w.rep1.id],
    opinions: '照片重传测试',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
};

describe('photo upload idempotency', () => {
  it('a retried upload with the same Idempotency-Key stores the photo once', async () => {
    const id = await newActivity();
    const key = 'photo-0f9a1c2e-retry';
    const first = await upload(id, key);
    expect(first.statusCode).toBe(201);
    const again = await upload(id, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await count(id)).toBe(1);
    // Without a key every upload is a new photo, as before.
    expect((await upload(id)).statusCode).toBe(201);
    expect((await upload(id)).statusCode).toBe(201);
    expect(await count(id)).toBe(3);
  });

  it('the same key on another activity is a conflict, not a second copy', async () => {
    const a = await newActivity();
    const b = await newActivity();
    const key = 'photo-shared-key-123';
    expect((await upload(a, key)).statusCode).toBe(201);
    const res = await upload(b, key);
    expect(res.statusCode).toBe(409);
    expect(await count(b)).toBe(0);
  });

  it('a malformed key is a 400 in the user language', async () => {
    const id = await newActivity();
    const res = await upload(id, 'short');
    expect(res.statusCode).toBe(400);
    expect(await count(id)).toBe(0);
  });
});
