// Citizen intake throughput: N POST /api/v1/public/opinions (in-process, JSON, no account) against N raw single-row
// INSERTs into opinions through the same driver, and against the same rows written raw (item + originator + event +
// audit in one transaction), and against the form refused by validation. Prints rates and ratios (aim ≥ 0.5 against the single row). Usage: tsx bench/public-intake.ts [N]
import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';
import { buildWorld } from '../tests/setup/world.js';
import { compareWrites, openBenchApp, refused } from './bench-app.js';

const N = Number(process.argv[2] ?? 2000);
const WARMUP = Math.min(200, N);
// The per-address limits would stop a bench at the 6th post; lift them for this process only.
process.env.PUBLIC_SUBMIT_MAX = String(10 * (N + WARMUP));
process.env.PUBLIC_SUBMIT_DAILY_MAX = String(10 * (N + WARMUP));

/** An item written raw: item, citizen originator, received event and audit row in one transaction (shared with staff-intake). */
export function rawItemRecord(db: Db, categoryId: number, regionId: number, content: string, channel: string) {
  return db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`insert into opinions (tracking_code, title, content, category_id, region_id, channel)
      values (${`W${Math.random().toString(36).slice(2, 12)}`}, '村口道路坑洼积水', ${content}, ${categoryId}, ${regionId}, ${channel}) returning id`);
    const id = (res.rows[0] as { id: number }).id;
    await tx.execute(
      sql`insert into opinion_originators (opinion_id, kind, name, phone) values (${id}, 'citizen', '王大伯', '13800138000')`,
    );
    await tx.execute(
      sql`insert into opinion_events (opinion_id, type, to_status, actor_kind) values (${id}, 'received', 'received', 'citizen')`,
    );
    await tx.execute(
      sql`insert into audit_log (action, entity, entity_id, after) values ('create', 'opinion', ${String(id)}, ${JSON.stringify({ id })}::jsonb)`,
    );
  });
}

async function main() {
  const bench = await openBenchApp();
  const { app, database } = bench;
  const db = database.db;
  const w = await buildWorld(db);
  const cat = await db.execute(sql`insert into opinion_categories (name) values ('交通出行') returning id`);
  const categoryId = (cat.rows[0] as { id: number }).id;
  const text = (i: number) => `第${i}条：村口到镇上的道路坑洼严重，雨天积水，希望尽快修复路面并加装路灯。`;
  const post = async (i: number) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/public/opinions',
      payload: {
        title: '村口道路坑洼积水',
        content: text(i),
        categoryId,
        regionId: w.villA1.id,
        name: '王大伯',
        phone: '13800138000',
        consent: true,
      },
    });
    if (res.statusCode !== 201) throw new Error(`POST failed: ${res.statusCode} ${res.body}`);
  };
  const insert = (i: number) =>
    db.execute(sql`insert into opinions (tracking_code, title, content, category_id, region_id, channel)
      values (${`R${i}${Math.random().toString(36).slice(2, 10)}`}, '村口道路坑洼积水', ${text(i)}, ${categoryId}, ${w.villA1.id}, 'web')`);
  await compareWrites(`public-intake [${bench.label}]`, N, WARMUP, {
    api: ['POST /api/v1/public/opinions', post],
    insert: ['raw INSERT INTO opinions', insert],
    record: ['raw item (4 INSERTs, 1 tx)', (i) => rawItemRecord(db, categoryId, w.villA1.id, text(i), 'web')],
    floor: [
      'the form refused (no title; hit counted)',
      (i) => refused(app, '/api/v1/public/opinions', { content: text(i), regionId: w.villA1.id, consent: true }),
    ],
  });
  await bench.close();
}

// Run as a script, not when staff-intake.ts imports rawItemRecord.
if (process.argv[1]?.endsWith('public-intake.ts'))
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
