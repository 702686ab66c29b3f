// Latency of the live compliance view at 100× demo size (12k members, 80k representatives, 150k activities,
// 21,800 villages): median of a few runs per call, against a plain count(*) over activities. Usage: tsx bench/compliance.ts [runs]
import { sql } from 'drizzle-orm';
import { buildUser } from '../src/server/db/seed/factories.js';
import { evaluateCompliance } from '../src/server/modules/compliance/service.js';
import { median, openBenchApp, signIn, since } from './bench-app.js';
import { seedLarge } from './seed-large.js';

const RUNS = Number(process.argv[2] ?? 5);

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(since(t0));
  }
  return median(xs);
}

async function main() {
  const bench = await openBenchApp();
  const { app, database } = bench;
  const db = database.db;
  console.log(`compliance [${bench.label}]: seeding 100× demo data…`);
  const t0 = performance.now();
  const counts = await seedLarge(db, console.log);
  console.log(`  seeded in ${(since(t0) / 1000).toFixed(1)} s:`, counts);

  const [g] = (
    await db.execute(
      sql`select g.id, min(m.id) as leader from liaison_groups g join members m on m.group_id = g.id group by g.id order by g.id limit 1`,
    )
  ).rows as any[];
  await db.execute(sql`update liaison_groups set leader_member_id = ${g.leader} where id = ${g.id}`);
  await buildUser(db, { username: 'admin', displayName: '办公室', roles: ['admin'] });
  await buildUser(db, {
    username: 'grouplead',
    displayName: '组长',
    roles: ['member', 'group_leader'],
    memberId: g.leader,
  });
  await buildUser(db, { username: 'member1', displayName: '委员', roles: ['member'], memberId: g.leader + 1 });
  const as = async (u: string) => ({ headers: await signIn(app, u) });
  const admin = await as('admin');
  const lead = await as('grouplead');
  const member = await as('member1');
  const get = (who: { headers: Record<string, string> }, url: string) => async () => {
    const res = await app.inject({ method: 'GET', url, headers: who.headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const adminActor = {
    userId: 0,
    username: 'bench',
    displayName: 'bench',
    roles: ['admin'],
    memberId: null,
    groupId: null,
    townshipId: null,
    departmentId: null,
    via: 'session',
  } as const;

  const count = await timeIt(() => db.execute(sql`select count(*) from activities`));
  const cases: Array<[string, () => Promise<unknown>]> = [
    [
      'service evaluateCompliance (admin, all kinds)',
      () => evaluateCompliance(db, { ...adminActor, roles: ['admin'] }, { year: 2026 }),
    ],
    ['GET /compliance?pageSize=50 (admin, all kinds)', get(admin, '/api/v1/compliance?year=2026&pageSize=50')],
    ['GET /compliance/summary (admin)', get(admin, '/api/v1/compliance/summary?year=2026')],
    ['GET /compliance?kind=member (admin)', get(admin, '/api/v1/compliance?year=2026&kind=member&pageSize=50')],
    ['GET /compliance (group leader, one group)', get(lead, '/api/v1/compliance?year=2026&pageSize=50')],
    ['GET /compliance (member, own row)', get(member, '/api/v1/compliance?year=2026')],
  ];
  const sample = (await get(admin, '/api/v1/compliance?year=2026&pageSize=1')()).json();
  console.log(`  rows with problems: ${sample.total}; summary byKind:`, JSON.stringify(sample.summary.byKind));
  console.log(`\n  median of ${RUNS} runs (after 1 warm-up):`);
  console.log(`  ${'select count(*) from activities'.padEnd(48)} ${count.toFixed(1).padStart(8)} ms`);
  for (const [name, fn] of cases) {
    const ms = await timeIt(fn);
    console.log(`  ${name.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms   ratio to count(*) ${(ms / count).toFixed(1)}×`);
  }
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
