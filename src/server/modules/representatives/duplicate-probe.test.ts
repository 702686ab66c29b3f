// The duplicate-representative answer (409 on the global name+phone index) tells a member that a pair exists outside
// their scope: guessing the hidden middle of a masked phone one refused write at a time. A member gets a few such
// answers a day; after that every representative write of theirs waits (429), duplicate or not, so neither a 409 nor
// a 201 answers the question. Office staff, who see every phone in full anyway, are not limited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { DUPLICATE_PROBES_PER_DAY } from './duplicate-probe.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
});
afterAll(() => t.close());

const count = async () => Number((await t.db.execute(sql`select count(*)::int as n from representatives`)).rows[0].n);

describe('duplicate answers are not an oracle', () => {
  it('stops a member after a few duplicate answers a day, for duplicates and new names alike', async () => {
    const member2 = await login(t.app, 'member2');
    // rep1 (赵大, 13800000001) belongs to member1: member2 sees nothing of it.
    const probe = (phone: string) =>
      member2.post('/api/v1/representatives', {
        name: '赵大',
        gender: '1',
        phone,
        regionId: w.villB1.id,
        memberIds: [w.m2.id],
      });
    for (let i = 0; i < DUPLICATE_PROBES_PER_DAY; i++) expect((await probe('13800000001')).statusCode).toBe(409);
    const before = await count();
    const again = await probe('13800000001');
    expect(again.statusCode).toBe(429);
    expect(again.headers['retry-after']).toBeTruthy();
    const fresh = await member2.post('/api/v1/representatives', {
      name: '新代表',
      gender: '2',
      phone: '13911112222',
      regionId: w.villB1.id,
      memberIds: [w.m2.id],
    });
    expect(fresh.statusCode).toBe(429);
    expect(await count()).toBe(before);
    const audit = await t.db.execute(sql`select 1 from audit_log where action = 'duplicate_probe_blocked'`);
    expect(audit.rows.length).toBe(1);
  });

  it('does not limit office staff', async () => {
    const admin = await login(t.app, 'admin');
    for (let i = 0; i <= DUPLICATE_PROBES_PER_DAY; i++) {
      const res = await admin.post('/api/v1/representatives', {
        name: '赵大',
        gender: '1',
        phone: '13800000001',
        regionId: w.villA1.id,
        memberIds: [w.m1.id],
      });
      expect(res.statusCode).toBe(409);
    }
  });
});
