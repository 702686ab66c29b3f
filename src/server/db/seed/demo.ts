// The demo county (安吉县): real townships and villages, ~120 members, ~800 representatives and a year of activities.
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../modules/auth/service.js';
import { rebuildKpiRollups } from '../../modules/kpis/rollups.js';
import type { DbOrTx } from '../client.js';
import { type DemoClock, demoClock, demoTodayFromEnv } from './demo-clock.js';
import { ANJI_AREA_CODE, type CountyTownship, loadCounty } from './demo-county.js';
import { DEMO_EXTRAS } from './demo-extras.js';
import { makeGender, makePersonName } from './demo-names.js';
import { planOpinions } from './demo-opinions-plan.js';
import { planActivities } from './demo-plan-activities.js';
import { planRegistry } from './demo-plan-registry.js';
import { planReps } from './demo-plan-reps.js';
import { createRng } from './demo-random.js';
import { type DemoPlan, type PlannedUser, writePlan } from './demo-write.js';

export { type DemoClock, demoClock, demoTodayFromEnv } from './demo-clock.js';
/** The base day the demo's hand-written dates were composed against (a demo loaded on it reproduces them). */
export { DEMO_TODAY } from './demo-plan-activities.js';

/** The one seed of the demo: the same county, people and texts on every machine. */
export const DEMO_SEED = 20_261_101;
/** Password of every demo login (printed by the CLI). */
export const DEMO_PASSWORD = 'Demo@2026';
/** The demo logins, one per role the README walks through. */
export const DEMO_LOGINS: string[] = ['admin', 'leader1', 'member1', 'member2', 'officer1', 'grouplead1', 'dept1'];

/** True when nobody has an account yet, the only state in which the demo may be loaded without --force. */
export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  const res = await db.execute(sql`select not exists (select 1 from users) as empty`);
  return (res.rows[0] as { empty: boolean }).empty;
}

/** Builds the whole demo in memory, deterministically, from the county's real divisions. */
export function planDemo(county: CountyTownship[], seed = DEMO_SEED, clock: DemoClock = demoClock()): DemoPlan {
  const rng = createRng(seed);
  const registry = planRegistry(county, rng);
  const reps = planReps(registry, rng.fork('representatives'), clock.year);
  const activities = planActivities(registry, reps, rng.fork('activities'), clock);
  const { member1, member2, groupLead, officerTownship } = registry.special;
  const nameOf = (i: number) => registry.members[i].values.name;
  const rUsers = rng.fork('users');
  const officerGender = makeGender(rUsers, 0.4);
  const users: PlannedUser[] = [
    { username: 'admin', displayName: '县政协办公室', roles: ['admin'] },
    { username: 'leader1', displayName: '县政协领导', roles: ['leader'] },
    { username: 'member1', displayName: nameOf(member1), roles: ['member'], member: member1 },
    { username: 'member2', displayName: nameOf(member2), roles: ['member'], member: member2 },
    {
      username: 'officer1',
      displayName: makePersonName(rUsers, officerGender, 1990),
      roles: ['info_officer'],
      township: officerTownship,
    },
    { username: 'grouplead1', displayName: nameOf(groupLead), roles: ['member', 'group_leader'], member: groupLead },
    { username: 'dept1', displayName: '县交通运输局 承办人', roles: ['dept_handler'], department: '县交通运输局' },
  ];
  const opinions = planOpinions(registry, reps, activities, rng.fork('opinions'), clock);
  return { registry, reps, activities, users, opinions };
}

/**
 * Loads the demo in one transaction (nothing is left half-written on a crash), reporting progress by rows written.
 * Its dates are relative to `today` (YYYY-MM-DD; default DEMO_TODAY from the environment, else today in China), so
 * the same load date always gives the same demo.
 */
export async function seedDemo(
  db: DbOrTx,
  opts: { onProgress?: (done: number, total: number) => void; today?: string } = {},
): Promise<void> {
  const clock = demoClock(opts.today ?? demoTodayFromEnv());
  const county = await loadCounty(ANJI_AREA_CODE);
  const plan = planDemo(county, DEMO_SEED, clock);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await writePlan(tx, plan, passwordHash, opts.onProgress);
    const rng = createRng(DEMO_SEED).fork('extras');
    for (const extra of DEMO_EXTRAS) await extra.run(tx, rng.fork(extra.name), clock);
    // The demo writes items and events set-based, past the services: count them once into the KPI rollups.
    await rebuildKpiRollups(tx);
  });
}
