// Signed webhooks for item events, received by a real local HTTP server: the signature verifies with the secret,
// a 500 is retried after the outbox's backoff, each event reaches each endpoint once, the mail/SMS worker leaves
// webhook rows alone, confidential items send nothing, and only administrators see or change the endpoints.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { createLogMailer } from '../../adapters/mailer.js';
import { createLogSms } from '../../adapters/sms.js';
import { opinionCategories } from '../../db/schema.js';
import { backoffMs, deliverOutbox } from '../reminders/outbox.js';
import { deliverWebhooks, enqueueWebhookEvents, runWebhooks } from './dispatch.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
}

let t: TestApp;
let w: World;
let admin: Client;
let server: http.Server;
let url = '';
const received: Received[] = [];
let failNext = 0;
const SECRET = 'whsec-test-0123456789abcdef';
let categoryId: number;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const [top] = await t.db.insert(opinionCategories).values({ name: '城乡建设' }).returning();
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明', parentId: top.id }).returning();
  categoryId = leaf.id;
  admin = await login(t.app, 'admin');
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end('down');
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/jielian`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** What a receiver does: recompute the HMAC of the raw body with the shared secret, compare in constant time. */
function verify(r: Received, secret: string): boolean {
  const expected = Buffer.from(`sha256=${crypto.createHmac('sha256', secret).update(r.raw).digest('hex')}`);
  const got = Buffer.from(String(r.headers['x-jielian-signature'] ?? ''));
  return got.length === expected.length && crypto.timingSafeEqual(got, expected);
}

async function submitItem(title: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions',
    remoteAddress: `10.77.0.${received.length + Math.floor(Math.random() * 200)}`,
    payload: {
      title,
      content: `${title}，请尽快处理。`,
      categoryId,
      regionId: w.villA1.id,
      consent: true,
      name: '赵六',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().trackingCode as string;
}
const itemId = async (code: string) =>
  ((await t.db.execute(sql`select id from opinions where tracking_code = ${code}`)).rows[0] as { id: number }).id;

describe('webhook settings', () => {
  it('only an administrator sees or changes them, and a secret is never answered', async () => {
    const member = await login(t.app, 'member1');
    expect((await member.get('/api/v1/settings/webhooks')).statusCode).toBe(403);
    const body = { endpoints: [{ url, secret: SECRET, description: '12345 平台' }] };
    expect((await member.put('/api/v1/settings/webhooks', body)).statusCode).toBe(403);
    expect((await admin.put('/api/v1/settings/webhooks', { endpoints: [{ url }] })).statusCode).toBe(400);
    expect(
      (await admin.put('/api/v1/settings/webhooks', { endpoints: [{ url: 'ftp://x', secret: SECRET }] })).statusCode,
    ).toBe(400);
    const saved = await admin.put('/api/v1/settings/webhooks', body);
    expect(saved.statusCode, saved.body).toBe(200);
    const [ep] = saved.json().endpoints;
    expect(ep).toEqual({
      id: expect.stringMatching(/^[a-f0-9]{12}$/),
      url,
      active: true,
      description: '12345 平台',
      secretHint: '…cdef',
    });
    // Saving again without the secret keeps it.
    const again = await admin.put('/api/v1/settings/webhooks', {
      endpoints: [{ id: ep.id, url, description: '12345 平台' }],
    });
    expect(again.json().endpoints[0].secretHint).toBe('…cdef');
    expect(JSON.stringify((await admin.get('/api/v1/settings/webhooks')).json())).not.toContain(SECRET);
    const audit = await t.db.execute(sql`select after::text as a from audit_log where entity_id = 'webhooks'`);
    expect(audit.rows.length).toBe(2);
    expect(JSON.stringify(audit.rows)).not.toContain(SECRET);
  });
});

describe('webhook delivery', () => {
  it('POSTs each item event once, signed; a 500 is retried after the backoff and then delivered', async () => {
    const code = await submitItem('古城村桥面破损');
    const id = await itemId(code);
    const now = new Date();
    failNext = 1;
    const first = await runWebhooks(t.db, now);
    expect(first).toMatchObject({ queued: 1, sent: 0, retried: 1 });
    expect(received.length).toBe(1);
    // Nothing is due before the backoff ends.
    expect(await deliverWebhooks(t.db, new Date(now.getTime() + backoffMs(1) - 1000))).toMatchObject({ sent: 0 });
    const second = await runWebhooks(t.db, new Date(now.getTime() + backoffMs(1)));
    expect(second).toMatchObject({ queued: 0, sent: 1, retried: 0 });
    expect(received.length).toBe(2);
    for (const r of received) expect(verify(r, SECRET)).toBe(true);
    expect(verify(received[1], 'another-secret-0000')).toBe(false);
    const last = received[1];
    const body = JSON.parse(last.raw);
    expect(Object.keys(body)).toEqual([
      'event',
      'event_id',
      'item_id',
      'status',
      'category',
      'department',
      'occurred_at',
      'delivery_id',
      'sent_at',
    ]);
    expect(body).toMatchObject({
      event: 'opinion.received',
      item_id: id,
      status: 'received',
      category: '城乡建设 / 道路照明',
    });
    expect(last.headers['x-jielian-event']).toBe('opinion.received');
    expect(last.headers['content-type']).toBe('application/json; charset=utf-8');
    // The timestamp header is the signed sent_at, so a replayed old delivery is recognisable; same delivery id twice.
    expect(Number(last.headers['x-jielian-timestamp']) * 1000).toBe(Date.parse(body.sent_at));
    expect(last.headers['x-jielian-delivery']).toBe(received[0].headers['x-jielian-delivery']);
    expect(last.raw).not.toContain(code);
    expect(last.raw).not.toContain('赵六');
    // A later tick (the id lookback sees the same event again) sends nothing new.
    expect(await runWebhooks(t.db, new Date(now.getTime() + backoffMs(2)))).toMatchObject({ queued: 0, sent: 0 });
  });

  it('follows a move by the office with the department named, and leaves the mail/SMS worker alone', async () => {
    const id = await itemId(await submitItem('横溪坞村自来水不通'));
    const moved = await admin.post(`/api/v1/opinions/${id}/transitions`, { action: 'accept' });
    expect(moved.statusCode, moved.body).toBe(200);
    const sent = await admin.post(`/api/v1/opinions/${id}/transitions`, {
      action: 'forward',
      leadDepartmentId: w.deptA.id,
      instructions: '请于期限内答复',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const now = new Date();
    expect(await enqueueWebhookEvents(t.db, now)).toBe(3);
    // The email/SMS worker claims nothing of channel 'webhook'.
    await deliverOutbox(
      t.db,
      createLogMailer(() => {}),
      createLogSms(() => {}),
      now,
    );
    const pending = await t.db.execute(
      sql`select count(*)::int as n from outbox where channel = 'webhook' and status = 'pending'`,
    );
    expect((pending.rows[0] as { n: number }).n).toBe(3);
    const before = received.length;
    expect(await deliverWebhooks(t.db, now)).toMatchObject({ sent: 3 });
    const events = received.slice(before).map((r) => JSON.parse(r.raw));
    expect(events.map((e) => [e.event, e.item_id, e.status])).toEqual([
      ['opinion.received', id, 'received'],
      ['opinion.accept', id, 'accepted'],
      ['opinion.forward', id, 'forwarded'],
    ]);
    expect(events.map((e) => e.department)).toEqual(Array(3).fill('递铺街道农业办'));
  });

  it('sends nothing for a confidential item', async () => {
    const id = await itemId(await submitItem('涉密事项'));
    await t.db.execute(sql`update opinions set confidentiality = 'confidential' where id = ${id}`);
    expect(await enqueueWebhookEvents(t.db, new Date())).toBe(0);
  });
});
