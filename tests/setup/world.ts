// A small county for integration tests: two townships with groups, villages, members of each role, representatives and activities.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import {
  buildActivity,
  buildDepartment,
  buildGroup,
  buildMember,
  buildRegion,
  buildRepresentative,
  buildSector,
  buildTerm,
  buildUser,
} from '../../src/server/db/seed/factories.js';

/** Builds the fixture world and returns every id a test needs. Users: admin, leader1, member1, member2, grouplead, officer1. */
export async function buildWorld(db: Db) {
  const term = await buildTerm(db);
  const sectorA = await buildSector(db, { termId: term.id, name: '农业' });
  const sectorB = await buildSector(db, { termId: term.id, name: '教育' });
  const townA = await buildRegion(db, { name: '递铺街道', code: '330523001000' });
  const townB = await buildRegion(db, { name: '孝丰镇', code: '330523105000' });
  const villA1 = await buildRegion(db, { name: '古城村', code: '330523001201', parentId: townA.id });
  const villA2 = await buildRegion(db, { name: '鹤鹿溪村', code: '330523001202', parentId: townA.id });
  const villB1 = await buildRegion(db, { name: '横溪坞村', code: '330523105201', parentId: townB.id });
  const groupA = await buildGroup(db, { name: '递铺联络组', townshipId: townA.id });
  const groupB = await buildGroup(db, { name: '孝丰联络组', townshipId: townB.id });
  const deptA = await buildDepartment(db, { name: '递铺街道农业办', townshipId: townA.id });
  const m1 = await buildMember(db, {
    name: '张三',
    groupId: groupA.id,
    sectorId: sectorA.id,
    villageIds: [villA1.id],
    workUnit: '安吉县农业农村局',
  });
  const m2 = await buildMember(db, {
    name: '李四',
    groupId: groupB.id,
    sectorId: sectorB.id,
    villageIds: [villB1.id],
    workUnit: '孝丰镇中学',
  });
  const m3 = await buildMember(db, { name: '王五', groupId: groupA.id, sectorId: sectorA.id, villageIds: [villA2.id] });
  await db.execute(sql`update liaison_groups set leader_member_id = ${m3.id} where id = ${groupA.id}`);
  const rep1 = await buildRepresentative(db, {
    name: '赵大',
    phone: '13800000001',
    address: '古城村1组18号',
    regionId: villA1.id,
    memberIds: [m1.id],
  });
  const rep2 = await buildRepresentative(db, {
    name: '钱二',
    phone: '13800000002',
    regionId: villB1.id,
    memberIds: [m2.id],
  });
  const rep3 = await buildRepresentative(db, {
    name: '孙三',
    phone: '13800000003',
    departmentId: deptA.id,
    memberIds: [m3.id],
  });
  const act1 = await buildActivity(db, {
    memberIds: [m1.id],
    representativeIds: [rep1.id],
    regionId: villA1.id,
    date: '2026-04-02',
  });
  const act2 = await buildActivity(db, {
    memberIds: [m2.id],
    representativeIds: [rep2.id],
    regionId: villB1.id,
    date: '2026-05-06',
  });
  const users = {
    admin: await buildUser(db, { username: 'admin', displayName: '办公室', roles: ['admin'] }),
    leader1: await buildUser(db, { username: 'leader1', displayName: '领导', roles: ['leader'] }),
    member1: await buildUser(db, { username: 'member1', displayName: '张三', roles: ['member'], memberId: m1.id }),
    member2: await buildUser(db, { username: 'member2', displayName: '李四', roles: ['member'], memberId: m2.id }),
    grouplead: await buildUser(db, {
      username: 'grouplead',
      displayName: '王五',
      roles: ['member', 'group_leader'],
      memberId: m3.id,
    }),
    officer1: await buildUser(db, {
      username: 'officer1',
      displayName: '信息员',
      roles: ['info_officer'],
      townshipId: townB.id,
    }),
  };
  return {
    term,
    sectorA,
    sectorB,
    townA,
    townB,
    villA1,
    villA2,
    villB1,
    groupA,
    groupB,
    deptA,
    m1,
    m2,
    m3,
    rep1,
    rep2,
    rep3,
    act1,
    act2,
    users,
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;
