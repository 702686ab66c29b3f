// The session cache on PostgreSQL across processes (PostgreSQL suite only): two apps, each on its own pool and its own
// listening connection, as two server processes. A session ended through one ends on the other without a request in
// between; while a process's listening connection is away it serves no session from memory, and once it is back the
// cache starts empty and works again.
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppOn, login, openTestDatabase, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { type Database, openPostgres } from '../../db/client.js';
import { buildUser } from '../../db/seed/factories.js';

let first: Database;
let A: TestApp;
let B: TestApp;
let w: World;
beforeAll(async () => {
  first = await openTestDatabase();
  w = await buildWorld(first.db);
  A = await createTestAppOn(first, {}, true);
  B = await createTestAppOn(await openPostgres(first.pool!.options.connectionString!));
});
afterAll(async () => {
  await B.close();
  await A.close();
  await first.close();
});

type Client = Awaited<ReturnType<typeof login>>;
const online = (t: TestApp) => t.deps.database.authChanges!.online;
const headersOf = (c: Client) => ({ cookie: c.cookie, 'x-csrf-token': c.csrfToken });
const meOn = (t: TestApp, c: Client) =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: headersOf(c) }).then((r) => r.statusCode);

/** Signs in through `t`, then reads the session on `on` until it is cached there (its listener up, read and kept). */
async function cachedOn(t: TestApp, on: TestApp, username: string): Promise<Client> {
  const c = await login(t.app, username);
  expect(await meOn(on, c)).toBe(200);
  await expect.poll(() => online(on)).toBe(true);
  expect(await meOn(on, c)).toBe(200);
  return c;
}

/** Deletes a user's sessions with the triggers off for this transaction only: no notification, so only a read sees it. */
const deleteUnheard = (username: string) =>
  first.db.transaction(async (tx) => {
    await tx.execute(sql`alter table sessions disable trigger user`);
    await tx.execute(sql`delete from sessions where user_id = (select id from users where username = ${username})`);
    await tx.execute(sql`alter table sessions enable trigger user`);
  });

describe('session cache across processes (PostgreSQL)', () => {
  it('relies on PostgreSQL handing a listening connection its own notifications before its COMMIT returns', async () => {
    // What makes a process's own change (logout, disabling) apply before its write returns (db/auth-changes.ts).
    const client = await first.pool!.connect();
    let heard = 0;
    const count = (n: { channel: string }) => {
      if (n.channel === 'jl_auth_probe') heard++;
    };
    client.on('notification', count);
    try {
      await client.query('listen jl_auth_probe');
      for (let i = 1; i <= 20; i++) {
        await client.query('begin');
        await client.query(`select pg_notify('jl_auth_probe', 'x')`);
        expect(heard).toBe(i - 1); // nothing before the commit
        await client.query('commit');
        expect(heard).toBe(i); // already there when COMMIT returns
      }
      await client.query('unlisten jl_auth_probe');
    } finally {
      client.off('notification', count);
      client.release();
    }
  });

  it('a session signed out on A ends on B, where it was cached, without a request to B in between', async () => {
    await buildUser(first.db, { username: 'two1', displayName: '两处', roles: ['member'], memberId: w.m1.id });
    const c = await cachedOn(A, B, 'two1');
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    await expect.poll(() => meOn(B, c)).toBe(401);
    expect(await meOn(A, c)).toBe(401);
  });

  it('takes an account disabled on A at B, and a role change', async () => {
    const u = await buildUser(first.db, {
      username: 'two2',
      displayName: '两处二',
      roles: ['member'],
      memberId: w.m2.id,
    });
    const c = await cachedOn(A, B, 'two2');
    const admin = await login(A.app, 'admin');
    expect((await admin.patch(`/api/v1/users/${u.id}`, { roles: ['leader'] })).statusCode).toBe(200);
    const rolesOnB = async () =>
      (await B.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: headersOf(c) })).json().user.roles;
    await expect.poll(rolesOnB).toEqual(['leader']);
    expect((await admin.patch(`/api/v1/users/${u.id}`, { active: false })).statusCode).toBe(200);
    await expect.poll(() => meOn(B, c)).toBe(401);
  });

  it('serves nothing from memory while the listening connection is away, and caches again once it is back', async () => {
    await buildUser(first.db, { username: 'two3', displayName: '两处三', roles: ['member'], memberId: w.m1.id });
    await buildUser(first.db, { username: 'two4', displayName: '两处四', roles: ['member'], memberId: w.m2.id });
    const c = await cachedOn(B, B, 'two3');
    // The cache is in use: a session deleted unheard is still served.
    const probe = await cachedOn(B, B, 'two4');
    await deleteUnheard('two4');
    expect(await meOn(B, probe)).toBe(200);
    // Cut B's listening connection (as a database restart would); B goes offline at once.
    await first.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'jielian-listen' and datname = current_database()`);
    await expect.poll(() => online(B)).toBe(false);
    // Away, B reads every session: one deleted unheard now is refused at once.
    await deleteUnheard('two3');
    expect(await meOn(B, c)).toBe(401);
    // Back (within its retry pause), the cache starts empty and is used again.
    await expect.poll(() => online(B), { timeout: 15_000 }).toBe(true);
    const again = await cachedOn(B, B, 'two3');
    await deleteUnheard('two3');
    expect(await meOn(B, again)).toBe(200);
  });

  it('hands out a new pooled connection only once it listens: no query is queued behind its LISTEN', async () => {
    // pg 8 warns when a query is sent while another is in flight on the client, and pg 9 refuses it: the LISTEN must
    // be finished before the pool gives the connection to its first caller.
    const fresh = await openPostgres(first.pool!.options.connectionString!);
    const clients: pg.PoolClient[] = [];
    try {
      // What each connection is doing at the moment the pool hands it over.
      const handed = () =>
        fresh.pool!.connect().then((c) => {
          clients.push(c);
          const busy = c as unknown as { _activeQuery: unknown; _queryQueue: unknown[] };
          return busy._activeQuery != null || busy._queryQueue.length > 0;
        });
      expect(await Promise.all([handed(), handed(), handed()])).toEqual([false, false, false]);
      for (const c of clients) {
        const res = await c.query('select pg_listening_channels() as ch');
        expect(res.rows.map((r) => r.ch)).toContain('jl_auth');
      }
    } finally {
      for (const c of clients) c.release();
      await fresh.close();
    }
  });
});
