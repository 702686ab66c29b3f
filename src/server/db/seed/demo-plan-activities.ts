// Plans a year of contact activities: who met whom, where, how, what was said and how far it was handled.
import type { ContactMethod, HandlingStatus } from '../../../core/code-lists.js';
import { BASE_TODAY, type DemoClock, demoClock } from './demo-clock.js';
import type { RegistryPlan } from './demo-plan-registry.js';
import type { PlannedRep } from './demo-plan-reps.js';
import type { Rng } from './demo-random.js';
import { type ActivityValues, makeActivityValues } from './factories.js';

/** An activity with its members and contacts as plan indexes. */
export interface PlannedActivity {
  values: ActivityValues;
  villageCode: string | null;
  members: number[];
  contacts: number[];
}

/** The base day the demo was composed against (tests pin it with DEMO_TODAY); the data covers the year before. */
export const DEMO_TODAY = BASE_TODAY;
const DAY = 86_400_000;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`);

// The Spring Festival (roughly), Labour Day and National Day breaks, when few members go visiting.
const HOLIDAYS = ['02-15', '02-23', '05-01', '05-05', '10-01', '10-07'];
const holidaysOf = (years: number[]) =>
  years.flatMap((y) => [0, 2, 4].map((i) => [`${y}-${HOLIDAYS[i]}`, `${y}-${HOLIDAYS[i + 1]}`] as const));

/** A working-looking date in [from, to): weekends and public holidays are rarer. */
function pickDate(rng: Rng, from: string, to: string, holidays: (readonly [string, string])[]): string {
  const a = dayOf(from);
  const days = Math.max(1, Math.round((dayOf(to) - a) / DAY));
  let d = '';
  for (let tries = 0; tries < 4; tries++) {
    d = iso(a + rng.int(0, days - 1) * DAY);
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    const festival = holidays.some(([a, b]) => d >= a && d <= b);
    if (festival ? rng.chance(0.15) : weekday === 0 || weekday === 6 ? rng.chance(0.3) : true) break;
  }
  return d;
}

/** Recent records are still open; older ones mostly done ('reported' is left to real 社情民意 items). */
function statusFor(rng: Rng, date: string, today: string): HandlingStatus {
  const age = (dayOf(today) - dayOf(date)) / DAY;
  if (age <= 31)
    return rng.weighted([
      ['pending', 30],
      ['in_progress', 40],
      ['done', 30],
    ]);
  if (age <= 92)
    return rng.weighted([
      ['pending', 8],
      ['in_progress', 25],
      ['done', 67],
    ]);
  return rng.weighted([
    ['pending', 2],
    ['in_progress', 8],
    ['done', 90],
  ]);
}

function pickMethods(rng: Rng, hasVillage: boolean): ContactMethod[] {
  if (!hasVillage)
    return [
      rng.weighted([
        ['talk', 60],
        ['phone', 40],
      ]),
    ];
  return rng.weighted<ContactMethod[]>([
    [['visit'], 44],
    [['talk'], 17],
    [['phone'], 20],
    [['visit', 'talk'], 6],
    [['box'], 5],
    [['letter'], 3],
    [['other'], 2],
    [['visit', 'phone'], 3],
  ]);
}

function contactCount(rng: Rng, methods: ContactMethod[]): number {
  if (methods.includes('talk')) return rng.int(3, 8);
  if (methods.includes('visit'))
    return rng.weighted([
      [1, 45],
      [2, 35],
      [3, 20],
    ]);
  if (methods.includes('other')) return rng.int(1, 3);
  if (methods.includes('box')) return rng.int(1, 2);
  return 1;
}

interface Spec {
  village: string | null;
  from: string;
  to: string;
}

/** Where and when one member's activities happen: each visited village once this year, then more at random. */
function planSpecs(
  rng: Rng,
  plan: RegistryPlan,
  reps: PlannedRep[],
  repsOf: number[][],
  mi: number,
  clock: DemoClock,
): Spec[] {
  const m = plan.members[mi];
  const isMember1 = mi === plan.special.member1;
  const visited = new Set(m.villageCodes.filter(() => isMember1 || rng.chance(0.9)));
  const lapsed = m.villageCodes.filter((v) => !visited.has(v));
  const busy = rng.weighted([
    [rng.int(2, 5), 8],
    [rng.int(11, 18), 85],
    [rng.int(20, 26), 7],
  ]);
  // A member who let a village lapse this year is a less active one.
  const total = isMember1 ? 14 : lapsed.length ? Math.min(busy, rng.int(3, 8)) : busy;
  const { first, recentStart, today } = clock;
  const anyDay = (village: string | null): Spec => ({ village, from: first, to: today });
  const specs: Spec[] = [
    ...[...visited].map((v) => ({ village: v, from: recentStart, to: today })),
    // A lapsed village was last visited before the year began (or never).
    ...lapsed.filter(() => rng.chance(0.6)).map((v) => ({ village: v, from: first, to: recentStart })),
  ];
  while (specs.length < total) {
    if (!visited.size || rng.chance(0.05)) {
      const repVillage = repsOf[mi].map((r) => reps[r].villageCode).find((v) => v !== null);
      const visitsRep = !m.villageCodes.length && repVillage && rng.chance(0.3);
      specs.push(anyDay(visitsRep ? repVillage : null));
      continue;
    }
    specs.push(anyDay(rng.pick([...visited])));
  }
  return specs;
}

/** Contacts for an activity: the members' own people, from the village visited when possible. */
function pickContacts(
  rng: Rng,
  reps: PlannedRep[],
  theirs: number[],
  village: string | null,
  methods: ContactMethod[],
) {
  const n = contactCount(rng, methods);
  const contacts = rng.sample(
    theirs.filter((r) => reps[r].villageCode === village),
    n,
  );
  if (contacts.length < n && methods.includes('talk')) {
    contacts.push(
      ...rng.sample(
        theirs.filter((r) => !contacts.includes(r)),
        n - contacts.length,
      ),
    );
  }
  if (!contacts.length && theirs.length) contacts.push(rng.pick(theirs));
  return contacts;
}

/** Plans ~1,500 activities; most member–village pairs get a visit this year, some (the gaps) do not. */
export function planActivities(
  plan: RegistryPlan,
  reps: PlannedRep[],
  rng: Rng,
  clock: DemoClock = demoClock(),
): PlannedActivity[] {
  const holidays = holidaysOf([clock.year - 1, clock.year]);
  const repsOf = plan.members.map(() => [] as number[]);
  reps.forEach((r, i) => {
    for (const m of r.members) repsOf[m].push(i);
  });
  const out: PlannedActivity[] = [];
  plan.members.forEach((m, mi) => {
    const others = plan.members.flatMap((o, oi) => (oi !== mi && o.township === m.township ? [oi] : []));
    const home = plan.townships[m.township];
    for (const spec of planSpecs(rng, plan, reps, repsOf, mi, clock)) {
      const extra = rng.weighted([
        [0, 85],
        [1, 12],
        [2, 3],
      ]);
      const members = [mi, ...rng.sample(others, extra)];
      const village = spec.village ? plan.villages.get(spec.village)! : null;
      const methods = pickMethods(rng, village !== null);
      const theirs = [...new Set(members.flatMap((x) => repsOf[x]))];
      const contacts = pickContacts(rng, reps, theirs, spec.village, methods);
      const date = pickDate(rng, spec.from, spec.to, holidays);
      const first = contacts.length ? reps[contacts[0]].values : null;
      const time = `${String(rng.int(9, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
      const createdAt = new Date(`${date}T${time}:00+08:00`);
      const values = makeActivityValues(
        rng,
        { date, createdAt, updatedAt: createdAt },
        {
          village: village && { name: village.name, kind: village.kind },
          township: plan.townships[village ? village.township : m.township].name,
          topicVillage: rng.pick(home.villages).name,
          groupName: home.groupName,
          methods,
          status: statusFor(rng, date, clock.today),
          month: Number(date.slice(5, 7)),
          contactName: first?.name,
          contactPost: first?.post,
          contactCount: contacts.length,
        },
      );
      out.push({ values, villageCode: spec.village, members, contacts });
    }
  });
  return out.sort((a, b) => (a.values.date < b.values.date ? -1 : a.values.date > b.values.date ? 1 : 0));
}
