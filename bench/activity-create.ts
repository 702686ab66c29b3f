// How much the API costs over the database: N POST /api/v1/activities (in-process) against N raw single-row INSERTs
// through the same driver, and against the same record written raw (activity + member + contact + audit rows in one
// transaction), and against the visit refused by validation. Prints the rates and the ratios (target ≥ 0.5 against the single row). Usage: tsx bench/activity-create.ts [N]
import { sql } from 'drizzle-orm';
import { buildWorld } from '../tests/setup/world.js';
import { compareWrites, openBenchApp, refused, signIn } from './bench-app.js';

const N = Number(process.argv[2] ?? 2000);
const WARMUP = Math.min(200, N);

async function main() {
  const bench = await openBenchApp();
  const { app, database } = bench;
  const db = database.db;
  const w = await buildWorld(db);
  const headers = await signIn(app, 'member1');
  const body = (i: number) => ({
    date: '2026-05-20',
    regionId: w.villA1.id,
    methods: ['visit'],
    purposes: ['opinions'],
    representativeIds: [w.rep1.id],
    opinions: `村民反映第${i}条：希望尽快修通村里的断头路。`,
  });
  const post = async (i: number) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/activities', payload: body(i), headers });
    if (res.statusCode !== 201) throw new Error(`POST failed: ${res.statusCode} ${res.body}`);
  };
  const insert = (i: number) =>
    db.execute(sql`insert into activities (date, region_id, methods, purposes, opinions, created_by)
      values (${'2026-05-20'}, ${w.villA1.id}, '{visit}'::text[], '{opinions}'::text[], ${`村民反映第${i}条：希望尽快修通村里的断头路。`}, ${w.users.member1.id})`);
  const record = (i: number) =>
    db.transaction(async (tx) => {
      const res = await tx.execute(sql`insert into activities (date, region_id, methods, purposes, opinions, created_by)
        values (${'2026-05-20'}, ${w.villA1.id}, '{visit}'::text[], '{opinions}'::text[], ${`第${i}条`}, ${w.users.member1.id}) returning id`);
      const id = (res.rows[0] as any).id;
      await tx.execute(sql`insert into activity_members (activity_id, member_id) values (${id}, ${w.m1.id})`);
      await tx.execute(
        sql`insert into activity_contacts (activity_id, representative_id) values (${id}, ${w.rep1.id})`,
      );
      await tx.execute(
        sql`insert into audit_log (actor_user_id, action, entity, entity_id, after) values (${w.users.member1.id}, 'create', 'activity', ${String(id)}, ${JSON.stringify({ id })}::jsonb)`,
      );
    });

  await compareWrites(`activity-create [${bench.label}]`, N, WARMUP, {
    api: ['POST /api/v1/activities', post],
    insert: ['raw INSERT INTO activities', insert],
    record: ['raw record (4 INSERTs, 1 tx)', record],
    floor: [
      'the visit refused (no date)',
      (i) => refused(app, '/api/v1/activities', { ...body(i), date: '' }, headers),
    ],
  });
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
