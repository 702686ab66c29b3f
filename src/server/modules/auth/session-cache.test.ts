// The session cache (both databases): a live session is served from memory, and every way a session can end or an
// account can change (logout, disabling, a role change, a deleted row, a new group leader) is seen by the very next
// request of the process that made it, through the triggers of migration 0010, not through the code path that made
// the change. Other processes and a lost listener: session-cache.pg.test.ts.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
});
afterAll(() => t.close());

const me = (c: Awaited<ReturnType<typeof login>>) => c.get('/api/v1/auth/me');

describe('session cache and its invalidation', () => {
  it('serves a live session from memory: a row deleted with the triggers off is not seen', async () => {
    // Proof that the cache is in use on both databases, and why the triggers are what keeps it honest. The triggers
    // are off inside this transaction only (DDL is transactional; the table's owner may do it, no superuser needed).
    await buildUser(t.db, { username: 'cached1', displayName: '缓存', roles: ['member'], memberId: w.m1.id });
    const c = await login(t.app, 'cached1');
    expect((await me(c)).statusCode).toBe(200);
    // PostgreSQL serves from the cache once its listening connection is up (the first request started it).
    await expect.poll(() => t.deps.database.authChanges?.online ?? true).toBe(true);
    expect((await me(c)).statusCode).toBe(200); // read and kept
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`alter table sessions disable trigger user`);
      await tx.execute(sql`delete from sessions where user_id = (select id from users where username = 'cached1')`);
      await tx.execute(sql`alter table sessions enable trigger user`);
    });
    expect((await me(c)).statusCode).toBe(200);
  });

  it('refuses a session right after logout', async () => {
    const c = await login(t.app, 'member1');
    expect((await me(c)).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await me(c)).statusCode).toBe(401);
  });

  it('refuses a session right after an admin disables the account, and takes a role change at once', async () => {
    const u = await buildUser(t.db, {
      username: 'cached2',
      displayName: '缓存二',
      roles: ['member'],
      memberId: w.m2.id,
    });
    const c = await login(t.app, 'cached2');
    const admin = await login(t.app, 'admin');
    expect((await me(c)).json().user.roles).toEqual(['member']);
    expect((await admin.patch(`/api/v1/users/${u.id}`, { roles: ['leader'] })).statusCode).toBe(200);
    expect((await me(c)).json().user.roles).toEqual(['leader']);
    expect((await admin.patch(`/api/v1/users/${u.id}`, { active: false })).statusCode).toBe(200);
    expect((await me(c)).statusCode).toBe(401);
  });

  it('sees a session row deleted or an account disabled by any SQL, not only by the auth code', async () => {
    await buildUser(t.db, { username: 'cached3', displayName: '缓存三', roles: ['member'], memberId: w.m1.id });
    const a = await login(t.app, 'cached3');
    const b = await login(t.app, 'cached3');
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(200);
    await t.db.execute(sql`delete from sessions where id = (select id from sessions s
      where s.user_id = (select id from users where username = 'cached3') order by created_at limit 1)`);
    const after = [(await me(a)).statusCode, (await me(b)).statusCode].sort();
    expect(after).toEqual([200, 401]);
    await t.db.execute(sql`update users set active = false where username = 'cached3'`);
    expect([(await me(a)).statusCode, (await me(b)).statusCode]).toEqual([401, 401]);
  });

  it('takes a new group leader at once', async () => {
    const c = await login(t.app, 'grouplead');
    expect((await me(c)).json().user.groupId).toBe(w.groupA.id);
    await t.db.execute(sql`update liaison_groups set leader_member_id = null where id = ${w.groupA.id}`);
    expect((await me(c)).json().user.groupId).toBeNull();
    await t.db.execute(sql`update liaison_groups set leader_member_id = ${w.m3.id} where id = ${w.groupA.id}`);
    expect((await me(c)).json().user.groupId).toBe(w.groupA.id);
  });
});
