// Two server processes on one database (two apps, as behind a load balancer) share the public per-address limits.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppOn, openTestDatabase, type TestApp } from '../../../../tests/setup/test-app.js';
import type { Database } from '../../db/client.js';
import { countHit, pruneHits } from './rate-limit.js';

let database: Database;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  a = await createTestAppOn(database, {}, true);
  b = await createTestAppOn(database, {}, true);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.close();
});

const lookup = (t: TestApp, ip: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/public/opinions/ZZZZZZZZZZ', remoteAddress: ip });
const booking = (t: TestApp, ip: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/public/reception-bookings/ZZZZZZZZ', remoteAddress: ip });

describe('public limits across two servers', () => {
  it('counts look-ups of one address on both servers: 119 on A and 1 on B reach the limit of 120', async () => {
    const ip = '10.9.0.1';
    for (let i = 0; i < 119; i++) expect((await lookup(a, ip)).statusCode).toBe(404);
    expect((await lookup(b, ip)).statusCode).toBe(404);
    for (const t of [a, b]) {
      const res = await lookup(t, ip);
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ code: 'rate_limited' });
      const wait = Number(res.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(600);
    }
    expect((await lookup(b, '10.9.0.2')).statusCode).toBe(404); // other addresses are unaffected
  });

  it('counts an IPv6 /64 as one address and keeps reception limits apart from the opinion form', async () => {
    const net = '2001:db8:1:2';
    for (let i = 0; i < 60; i++) expect((await booking(a, `${net}::${i + 1}`)).statusCode).toBe(404);
    for (let i = 0; i < 60; i++) expect((await booking(b, `${net}:ffff::${i + 1}`)).statusCode).toBe(404);
    expect((await booking(a, `${net}::abcd`)).statusCode).toBe(429);
    expect((await lookup(b, `${net}::1`)).statusCode).toBe(404); // the opinion look-ups count on their own
  });

  it('starts a fresh window once the old one ends, and pruning removes only ended counters', async () => {
    const db = database.db;
    const limits = [
      { max: 2, windowMs: 60_000 },
      { max: 3, windowMs: 3_600_000 },
    ];
    const t0 = new Date('2026-05-01T08:00:00Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    expect(await countHit(db, at(0), 'test', limits, 'k')).toBe(0);
    expect(await countHit(db, at(10), 'test', limits, 'k')).toBe(0);
    expect(await countHit(db, at(20), 'test', limits, 'k')).toBe(40); // the minute window ends at 60 s
    expect(await countHit(db, at(60), 'test', limits, 'k')).toBe(3540); // a new minute, but the hour is used up
    await countHit(db, at(60), 'test', limits, 'other');
    const left = async () =>
      (await db.execute(sql`select bucket, key from rate_limits where bucket like 'test/%' order by bucket, key`)).rows;
    await pruneHits(db, at(61), 'test', limits);
    expect(await left()).toHaveLength(4);
    await pruneHits(db, at(121), 'test', limits); // both minute windows have ended
    expect(await left()).toEqual([
      { bucket: 'test/3600s', key: 'k' },
      { bucket: 'test/3600s', key: 'other' },
    ]);
    expect(await countHit(db, at(3600), 'test', limits, 'k')).toBe(0); // the hour has ended too
  });
});
