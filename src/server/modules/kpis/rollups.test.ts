// The KPI rollups stay equal to the full recount: a seeded random sequence of intakes, transitions (merges, reopenings,
// extensions, ratings…), category and village moves, deletions and rolled-back writes runs through the real services;
// then every grouping, period unit, range and scope read from the rollups must equal the reference scan, the stored
// rollups must equal a rebuild, and migration 0009's backfill must produce the same rows.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { OPINION_TRANSITIONS, type OpinionAction } from '../../../core/opinions/index.js';
import type { Actor } from '../../context.js';
import { migrationsFolder } from '../../db/client.js';
import { createRng } from '../../db/seed/demo-random.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';
import { AppError } from '../../errors.js';
import { updateCategory } from '../categories/service.js';
import { createOpinion } from '../opinions/create.js';
import { transitionOpinion } from '../opinions/transition.js';
import { recordCitizenOpinion } from '../public/intake.js';
import { type KpiScope, type KpiSums, kpiSums } from './query.js';
import { recountKpiSums } from './recount.js';
import { KPI_COUNTERS, rebuildKpiRollups, refreshKpiItems } from './rollups.js';
import { KPI_GROUPS, KPI_PERIODS } from './schema.js';

let t: TestApp;
let w: World;
let office: Client;
const rng = createRng(20_261_204);
let clock = Date.parse('2026-01-02T01:00:00Z');
const actors = new Map<string, Actor>();
const depts: number[] = [];
const cats: { top: number[]; leaves: number[] } = { top: [], leaves: [] };
const counts: Record<string, number> = {};

const tally = (k: string) => {
  counts[k] = (counts[k] ?? 0) + 1;
};
const tick = () => {
  clock += rng.int(1, 40) * 3_600_000 + rng.int(0, 3_599_999);
  return new Date(clock);
};
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function actorOf(username: string): Promise<Actor> {
  const res = await t.db.execute(sql`select id, display_name, roles, member_id, township_id, department_id
    from users where username = ${username}`);
  const u = res.rows[0] as any;
  return {
    userId: u.id,
    username,
    displayName: u.display_name,
    roles: u.roles,
    memberId: u.member_id,
    groupId: null,
    townshipId: u.township_id,
    departmentId: u.department_id,
    via: 'session',
  };
}

async function items(): Promise<{ id: number; status: string; dept: number | null; deadline: string | null }[]> {
  const res = await t.db.execute(sql`select id, status, lead_department_id as dept, deadline::text as deadline
    from opinions order by id`);
  return res.rows as any[];
}

/** A payload for an action, or null when this sequence does not try it. */
function payloadFor(action: OpinionAction, it: { deadline: string | null }, all: { id: number }[], today: string) {
  const deadline = it.deadline ?? today;
  switch (action) {
    case 'not_accept':
    case 'refuse_extension':
    case 'return_for_rework':
    case 'reopen':
      return { reason: '随机' };
    case 'merge':
      return { targetId: rng.pick(all).id };
    case 'forward':
      return { leadDepartmentId: rng.pick(depts), deadline: plusDays(today, rng.int(-3, 25)), instructions: '请办理' };
    case 'reply':
    case 'reply_directly':
      return { content: '已处理' };
    case 'request_extension':
      return { reason: '需要时间', requestedDeadline: plusDays(deadline, 10) };
    case 'approve_extension':
      return { newDeadline: plusDays(deadline, rng.int(5, 15)) };
    case 'rate': {
      const rating = rng.pick(['satisfied', 'basically_satisfied', 'unsatisfied'] as const);
      return { rating, comment: rating === 'unsatisfied' ? '太慢' : '' };
    }
    case 'add_co_opinion':
      return null;
    default:
      return {};
  }
}

/** One random transition through transitionOpinion, by the office or the lead department; refusals are skipped. */
async function randomTransition() {
  const all = await items();
  const live = all.filter((x) => x.status !== 'merged');
  if (!live.length) return;
  const moving = live.filter((x) => !['received', 'not_accepted', 'closed'].includes(x.status));
  const it = rng.pick(moving.length && rng.chance(0.7) ? moving : live);
  const rules = OPINION_TRANSITIONS.filter(
    (r) => r.from.includes(it.status as never) && r.roles.some((x) => x === 'admin' || x === 'dept_handler'),
  );
  if (!rules.length) return;
  const side = ['compile_into_bulletin', 'escalate_to_proposal', 'urge', 'not_accept', 'merge', 'close'];
  const rule = rng.weighted(rules.map((r) => [r, side.includes(r.action) ? 1 : 5] as const));
  const now = tick();
  const body = payloadFor(rule.action, it, live, chinaDay(clock));
  if (!body) return;
  const byDept = rule.roles.includes('dept_handler') && !rule.roles.includes('admin');
  const a = byDept ? actors.get(`dept${it.dept}`) : actors.get('admin');
  if (!a) return;
  try {
    await t.db.transaction((tx) =>
      transitionOpinion(tx, a, it.id, { action: rule.action, ...body }, { now, lang: 'zh' }),
    );
    tally(rule.action);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    tally('refused');
  }
}

async function randomCreate() {
  const members = rng.sample([w.m1.id, w.m2.id, w.m3.id], rng.int(0, 2));
  await createOpinion(
    t.db,
    actors.get('admin')!,
    {
      title: '随机件',
      content: '内容',
      categoryId: rng.chance(0.8) ? rng.pick([...cats.top, ...cats.leaves]) : null,
      regionId: rng.chance(0.85) ? rng.pick([w.villA1.id, w.villA2.id, w.villB1.id, w.townA.id]) : null,
      sectorId: rng.chance(0.5) ? rng.pick([w.sectorA.id, w.sectorB.id]) : null,
      channel: rng.pick(['letter', 'phone', 'web', 'activity'] as const),
      urgency: 'normal',
      confidentiality: 'normal',
      originators: members.map((memberId) => ({ kind: 'member', memberId, name: '', phone: '', email: '' })),
    },
    { now: tick() },
  );
  tally('create');
}

async function randomOther() {
  const r = rng.next();
  if (r < 0.3) {
    await recordCitizenOpinion(
      t.db,
      {
        title: '群众来件',
        content: '内容',
        categoryId: rng.pick(cats.leaves),
        regionId: w.villB1.id,
        name: '赵六',
        phone: '',
        email: '',
      },
      { channel: 'web', now: tick() },
    );
    tally('citizen');
  } else if (r < 0.45) {
    const leaf = rng.pick(cats.leaves);
    const parentId = rng.chance(0.3) ? null : rng.pick(cats.top);
    const admin = actors.get('admin')!;
    await t.db.transaction((tx) => updateCategory(tx, admin, leaf, { parentId }, '127.0.0.1', 'zh'));
    tally('category_move');
  } else if (r < 0.6) {
    const res = await office.patch(`/api/v1/regions/${w.villA2.id}`, { parentId: rng.pick([w.townA.id, w.townB.id]) });
    expect(res.statusCode).toBe(200);
    tally('village_move');
  } else if (r < 0.8) {
    // What a deletion path must do: delete, then refresh in the same transaction.
    const it = rng.pick(await items());
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`delete from opinions where id = ${it.id}`);
        await refreshKpiItems(tx, [it.id]);
      })
      .then(() => tally('delete'))
      .catch(() => tally('delete_refused'));
  } else {
    // A write that fails after the item moved: its rollup changes must roll back with it.
    const it = rng.pick((await items()).filter((x) => x.status === 'received'));
    if (!it) return;
    await t.db
      .transaction(async (tx) => {
        await transitionOpinion(tx, actors.get('admin')!, it.id, { action: 'accept' }, { now: tick(), lang: 'zh' });
        throw new Error('rollback');
      })
      .catch(() => tally('rolled_back'));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  office = await login(t.app, 'admin');
  const deptB = (await buildDepartment(t.db, { name: '孝丰镇城建办', townshipId: w.townB.id })).id;
  for (const d of [w.deptA.id, deptB]) {
    depts.push(d);
    await buildUser(t.db, { username: `dept${d}`, displayName: `单位${d}`, roles: ['dept_handler'], departmentId: d });
    actors.set(`dept${d}`, await actorOf(`dept${d}`));
  }
  actors.set('admin', await actorOf('admin'));
  for (const name of ['城乡建设', '社会保障']) {
    const top = await t.db.execute(sql`insert into opinion_categories (name) values (${name}) returning id`);
    cats.top.push((top.rows[0] as { id: number }).id);
  }
  for (const [i, name] of ['道路', '路灯', '医保'].entries()) {
    const leaf = await t.db.execute(sql`insert into opinion_categories (name, parent_id)
      values (${name}, ${cats.top[i % 2]}) returning id`);
    cats.leaves.push((leaf.rows[0] as { id: number }).id);
  }
  for (let i = 0; i < 300; i++) {
    const r = rng.next();
    if (r < 0.15) await randomCreate();
    else if (r < 0.9) await randomTransition();
    else await randomOther();
  }
  // A burst of concurrent writers on the same days (real parallel transactions on PostgreSQL): no lost update.
  const now = tick();
  const admin = actors.get('admin')!;
  const open = (await items()).filter((x) => x.status === 'received').slice(0, 6);
  await Promise.all([
    ...Array.from({ length: 6 }, () => randomCreate()),
    ...open.map((x) =>
      t.db.transaction((tx) => transitionOpinion(tx, admin, x.id, { action: 'accept' }, { now, lang: 'zh' })),
    ),
  ]);
  tally('concurrent');
}, 300_000);
afterAll(() => t.close());

const byKey = (rows: KpiSums[]) =>
  [...rows]
    .sort((a, b) => `${a.isTotal}${a.key}`.localeCompare(`${b.isTotal}${b.key}`))
    .map(({ handlingDaysSum, ...r }) => ({
      ...r,
      handlingDays: handlingDaysSum === null ? null : handlingDaysSum.toFixed(6),
    }));

describe('KPI rollups', () => {
  it('ran a varied sequence', () => {
    const kinds = [
      'create',
      'citizen',
      'merge',
      'forward',
      'reply',
      'approve_extension',
      'send_feedback',
      'rate',
      'reopen',
    ];
    for (const k of [...kinds, 'delete', 'rolled_back', 'village_move', 'category_move'])
      expect(counts[k] ?? 0, k).toBeGreaterThan(0);
  });

  it('read the same table as the full recount for every grouping, period, range and scope', async () => {
    const ranges = [
      ['2026-01-01', '2026-12-31'],
      ['2026-02-10', '2026-05-20'],
      ['2025-06-01', '2027-12-31'],
      ['2026-03-05', '2026-03-25'],
      ['2026-03-15', '2026-04-30'],
      ['2026-03-01', '2026-06-10'],
    ] as const;
    const scopes: KpiScope[] = [{ kind: 'all' }, { kind: 'group', groupId: w.groupA.id }];
    let compared = 0;
    for (const scope of scopes)
      for (const [from, to] of ranges)
        for (const groupBy of KPI_GROUPS)
          for (const period of groupBy === 'period' ? KPI_PERIODS : (['month'] as const)) {
            const q = { groupBy, period, scope };
            const fast = await kpiSums(t.db, { ...q, from, to });
            const fromAt = new Date(`${from}T00:00:00+08:00`);
            const toAt = new Date(Date.parse(`${plusDays(to, 1)}T00:00:00+08:00`));
            const slow = await recountKpiSums(t.db, { ...q, fromAt, toAt });
            expect(byKey(fast), `${scope.kind} ${from} ${groupBy} ${period}`).toEqual(byKey(slow));
            compared += fast.length;
          }
    expect(compared).toBeGreaterThan(100);
  });

  it('stored the same rollup rows as a rebuild, and so does the migration backfill', async () => {
    const snapshot = async () => {
      const zero = sql.raw(['received', ...KPI_COUNTERS].map((c) => `${c} = 0`).join(' and '));
      const r = await t.db.execute(sql`select * from kpi_rollups where not (${zero}) order by dim, day, key`);
      const f = await t.db.execute(sql`select * from kpi_item_facts order by opinion_id`);
      return { rollups: r.rows, facts: f.rows };
    };
    const incremental = await snapshot();
    expect(incremental.facts.length).toBeGreaterThan(20);
    await rebuildKpiRollups(t.db);
    expect(await snapshot()).toEqual(incremental);
    const migration = fs.readFileSync(path.join(migrationsFolder, '0009_kpi_rollups.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').filter((s) => /^\s*(--[^\n]*\n\s*)?insert/i.test(s));
    expect(backfill).toHaveLength(2);
    await t.db.execute(sql`delete from kpi_rollups`);
    await t.db.execute(sql`delete from kpi_item_facts`);
    for (const s of backfill) await t.db.execute(sql.raw(s));
    expect(await snapshot()).toEqual(incremental);
  });
});
