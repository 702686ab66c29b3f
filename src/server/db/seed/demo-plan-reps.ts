// Plans the representatives (群众代表) of every village and township office and which members keep in touch with whom.
import { makeUniqueMobile } from './demo-names.js';
import type { RepPlace } from './demo-people.js';
import type { RegistryPlan } from './demo-plan-registry.js';
import type { Rng } from './demo-random.js';
import { makeRepresentativeValues, type RepresentativeValues } from './factories.js';

/** A representative: row values, where they belong, and the members linked to them. */
export interface PlannedRep {
  values: RepresentativeValues;
  villageCode: string | null;
  department: number | null;
  township: number;
  members: number[];
}

function repsFor(
  rng: Rng,
  n: number,
  place: RepPlace,
  used: Set<string>,
  at: Omit<PlannedRep, 'values' | 'members'>,
  year: number,
): PlannedRep[] {
  const out: PlannedRep[] = [];
  let hasSecretary = false;
  for (let i = 0; i < n; i++) {
    const values = makeRepresentativeValues(rng, { phone: makeUniqueMobile(rng, used) }, place);
    if (values.post === '村党委书记') {
      if (hasSecretary) Object.assign(values, { post: '村民代表', workUnit: '务农' });
      hasSecretary = true;
    }
    // Some paper forms only give an age (年龄); keep it as written.
    if (values.birthYear && rng.chance(0.1)) Object.assign(values, { age: year - values.birthYear, birthYear: null });
    out.push({ values, ...at, members: [] });
  }
  return out;
}

/** How many representatives each member keeps: mostly 5–10, a few short (3–4) and a couple over (11–12). */
function repTargets(rng: Rng, plan: RegistryPlan): number[] {
  const n = plan.members.length;
  const targets = plan.members.map(() =>
    rng.weighted([
      [5, 8],
      [6, 15],
      [7, 20],
      [8, 20],
      [9, 15],
      [10, 10],
    ]),
  );
  const others = rng.shuffle(
    [...Array(n).keys()].filter((i) => i !== plan.special.member1 && i !== plan.special.member2),
  );
  for (const i of others.slice(0, 7)) targets[i] = rng.int(3, 4);
  for (const i of others.slice(7, 9)) targets[i] = rng.int(11, 12);
  targets[plan.special.member1] = 8;
  targets[plan.special.member2] = 6;
  return targets;
}

/** Plans 2–5 representatives per village (a few gaps), 3–5 per office (a few off), and the member links. */
/** `year` is the demo's working year (ages written on paper forms are counted in it). */
export function planReps(plan: RegistryPlan, rng: Rng, year = 2026): PlannedRep[] {
  const used = plan.phones;
  const reps: PlannedRep[] = [];
  const member1Villages = new Set(plan.members[plan.special.member1].villageCodes);
  const all = [...plan.villages.values()];
  const gaps = rng.sample(
    all.filter((v) => !member1Villages.has(v.code)),
    6,
  );
  const gapCount = new Map(gaps.map((v, i) => [v.code, i % 3 === 0 ? 0 : 1]));
  for (const v of all) {
    const n =
      gapCount.get(v.code) ??
      rng.weighted([
        [2, 30],
        [3, 35],
        [4, 25],
        [5, 10],
      ]);
    const place: RepPlace = { kind: v.kind, township: plan.townships[v.township].name, name: v.name };
    reps.push(...repsFor(rng, n, place, used, { villageCode: v.code, department: null, township: v.township }, year));
  }
  const offDepts = new Map(rng.sample([...plan.departments.keys()], 3).map((d, i) => [d, [2, 2, 6][i]]));
  plan.departments.forEach((d, di) => {
    const n =
      offDepts.get(di) ??
      rng.weighted([
        [3, 35],
        [4, 40],
        [5, 25],
      ]);
    const place: RepPlace = { kind: 'department', township: plan.townships[d.township].name, name: d.name };
    reps.push(...repsFor(rng, n, place, used, { villageCode: null, department: di, township: d.township }, year));
  });
  linkMembers(plan, reps, rng);
  return reps;
}

function linkMembers(plan: RegistryPlan, reps: PlannedRep[], rng: Rng) {
  const targets = repTargets(rng, plan);
  const tieBreak = reps.map(() => rng.next());
  const order = rng.shuffle([...plan.members.keys()]);
  // member1 goes first so the demo's typical member keeps people from their own villages only.
  order.splice(order.indexOf(plan.special.member1), 1);
  order.unshift(plan.special.member1);
  for (const mi of order) {
    const m = plan.members[mi];
    const own = new Set(m.villageCodes);
    const tiers = [
      (r: PlannedRep) => r.villageCode !== null && own.has(r.villageCode),
      (r: PlannedRep) => r.department !== null && r.township === m.township,
      (r: PlannedRep) =>
        r.villageCode !== null &&
        r.township === m.township &&
        !own.has(r.villageCode) &&
        !plan.unlinked.has(r.villageCode),
    ];
    let need = targets[mi];
    for (const [t, inTier] of tiers.entries()) {
      if (need <= 0) break;
      // Outside their own villages members only share people already kept by at most one other member.
      const pool = [...reps.keys()]
        .filter((i) => inTier(reps[i]) && (t === 0 || reps[i].members.length < 2))
        .sort((a, b) => reps[a].members.length - reps[b].members.length || tieBreak[a] - tieBreak[b]);
      for (const i of pool.slice(0, need)) reps[i].members.push(mi);
      need -= Math.min(need, pool.length);
    }
  }
  // Nobody a village picked stays without a member if one of the village's members still has room.
  const count = plan.members.map((_, mi) => reps.filter((r) => r.members.includes(mi)).length);
  for (const r of reps) {
    if (r.members.length || r.villageCode === null) continue;
    const room = plan.members
      .map((m, mi) => [m, mi] as const)
      .filter(
        ([m, mi]) =>
          m.villageCodes.includes(r.villageCode!) && targets[mi] >= 5 && count[mi] < 10 && mi !== plan.special.member1,
      )
      .sort((a, b) => count[a[1]] - count[b[1]]);
    if (!room.length) continue;
    const mi = room[0][1];
    r.members.push(mi);
    count[mi]++;
  }
}
