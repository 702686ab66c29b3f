// Staff intake throughput: N POST /api/v1/opinions by the office (in-process, signed in, a citizen originator, a
// village and a category, as an officer types a phone call in) against N raw single-row INSERTs into opinions through
// the same driver, against the same rows written raw (item + originator + event + audit in one transaction) and
// against the item refused by validation.
// Prints rates and ratios (aim ≥ 0.5 against the single row). Usage: tsx bench/staff-intake.ts [N]
import { sql } from 'drizzle-orm';
import { buildWorld } from '../tests/setup/world.js';
import { compareWrites, openBenchApp, refused, signIn } from './bench-app.js';
import { rawItemRecord } from './public-intake.js';

const N = Number(process.argv[2] ?? 2000);
const WARMUP = Math.min(200, N);

async function main() {
  const bench = await openBenchApp();
  const { app, database } = bench;
  const db = database.db;
  const w = await buildWorld(db);
  const headers = await signIn(app, 'admin');
  const cat = await db.execute(sql`insert into opinion_categories (name) values ('交通出行') returning id`);
  const categoryId = (cat.rows[0] as { id: number }).id;
  const text = (i: number) => `第${i}条：来电反映村口到镇上的道路坑洼严重，雨天积水，希望尽快修复路面并加装路灯。`;
  const post = async (i: number) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/opinions',
      headers,
      payload: {
        title: '村口道路坑洼积水',
        content: text(i),
        categoryId,
        regionId: w.villA1.id,
        channel: 'phone',
        originators: [{ kind: 'citizen', name: '王大伯', phone: '13800138000' }],
      },
    });
    if (res.statusCode !== 201) throw new Error(`POST failed: ${res.statusCode} ${res.body}`);
  };
  const insert = (i: number) =>
    db.execute(sql`insert into opinions (tracking_code, title, content, category_id, region_id, channel)
      values (${`R${i}${Math.random().toString(36).slice(2, 10)}`}, '村口道路坑洼积水', ${text(i)}, ${categoryId}, ${w.villA1.id}, 'phone')`);
  await compareWrites(`staff-intake [${bench.label}]`, N, WARMUP, {
    api: ['POST /api/v1/opinions (office)', post],
    insert: ['raw INSERT INTO opinions', insert],
    record: ['raw item (4 INSERTs, 1 tx)', (i) => rawItemRecord(db, categoryId, w.villA1.id, text(i), 'phone')],
    floor: [
      'the item refused (no title)',
      (i) => refused(app, '/api/v1/opinions', { content: text(i), channel: 'phone', originators: [] }, headers),
    ],
  });
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
