// Plans the demo year's ~5,000 社情民意 items in memory: who raised what, where and how, and how far each got by today.
import { addWorkingDays, chinaInstant, OFFICIAL_CALENDAR } from '../../../core/calendar/index.js';
import { DEMO_CATEGORIES } from './demo-categories.js';
import { type DemoClock, demoClock } from './demo-clock.js';
import { makeGender, makePersonName, makeUniqueMobile } from './demo-names.js';
import { CONCERNS, type Concern, concernsFor, fillConcern } from './demo-opinions.js';
import { type EventActor, type History, playHistory } from './demo-opinions-history.js';
import {
  CHANNEL_WEIGHTS,
  COUNTY_DEPARTMENTS,
  type DemoChannel,
  HOT_CONCERNS,
  makeTrackingCode,
  routeFor,
  titleOf,
} from './demo-opinions-rules.js';
import type { PlannedActivity } from './demo-plan-activities.js';
import type { RegistryPlan } from './demo-plan-registry.js';
import type { PlannedRep } from './demo-plan-reps.js';
import type { Rng } from './demo-random.js';

/** Someone who raised an item: plan indexes for members and representatives, a username for a login. */
export interface PlannedOriginator {
  kind: 'citizen' | 'member' | 'representative' | 'officer';
  member?: number;
  rep?: number;
  username?: string;
  name: string;
  phone: string;
  email: string;
}

/** One item of the plan with its story; ids are resolved by the writer. */
export interface PlannedOpinion extends History {
  trackingCode: string;
  title: string;
  content: string;
  category: string;
  sub: string;
  township: number;
  villageCode: string | null;
  sector: string | null;
  channel: DemoChannel;
  urgent: boolean;
  confidentiality: 'normal' | 'internal';
  activity: number | null;
  receivedAt: Date;
  acceptDueAt: Date;
  originators: PlannedOriginator[];
}

const TOTAL = 5000;
const HOUR = 3_600_000;
const OFFICE: EventActor = { kind: 'user', username: 'admin', name: '县政协办公室' };

// Each concern's template as a pattern, to find which concern an activity's text came from.
const PATTERNS = CONCERNS.map(
  (c) => new RegExp(c.opinion.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^，。；]*?')),
);

function replyDaysOf(category: string, sub: string): number | null {
  const top = DEMO_CATEGORIES.find((c) => c.name === category);
  const child = top?.children.find((c) => typeof c !== 'string' && c.name === sub);
  return (child && typeof child !== 'string' ? child.replyWorkingDays : top?.replyWorkingDays) ?? null;
}

interface Intake {
  channel: DemoChannel;
  at: number;
  township: number;
  villageCode: string | null;
  concern: Concern;
  content: string;
  place: { village: string; township: string };
  activity: number | null;
  sector: string | null;
  originators: PlannedOriginator[];
  receivedBy: EventActor;
}

/** Plans the items; `activities` are the demo's, so activity items point at real activities and their people. */
export function planOpinions(
  plan: RegistryPlan,
  reps: PlannedRep[],
  activities: PlannedActivity[],
  rng: Rng,
  clock: DemoClock = demoClock(),
) {
  const FIRST = chinaInstant(clock.first).getTime();
  const TODAY = clock.todayAt.getTime();
  const { townships } = plan;
  // Half the townships have a hot topic that dominates what their people raise.
  const hot = townships.map((_, ti) => (ti % 2 === 0 ? CONCERNS[HOT_CONCERNS[(ti / 2) % HOT_CONCERNS.length]] : null));
  const weightOf = townships.map((t) => [t, t.villages.length + 2] as const);
  const citizen = (kind: PlannedOriginator['kind'] = 'citizen'): PlannedOriginator => {
    const name = makePersonName(rng, makeGender(rng), rng.int(1950, 2002));
    const email = rng.chance(0.15) ? `${rng.int(100000, 9999999)}@qq.com` : '';
    return { kind, name, phone: makeUniqueMobile(rng, plan.phones), email };
  };
  const usable = rng.shuffle(
    activities.flatMap((a, ai) => {
      const text = a.values.opinions ?? '';
      const ci = PATTERNS.findIndex((p) => p.test(text));
      const match = ci >= 0 ? text.match(PATTERNS[ci])![0].replace(/：\s*\d+\.\s*/, '：') : '';
      return match ? [{ ai, ci, match }] : [];
    }),
  );

  const intakes: Intake[] = [];
  for (let i = 0; i < TOTAL; i++) {
    let channel: DemoChannel = rng.weighted(CHANNEL_WEIGHTS);
    if (channel === 'activity' && !usable.length) channel = 'phone';
    if (channel === 'activity') {
      const { ai, ci, match } = usable.pop()!;
      const a = activities[ai];
      const village = a.villageCode ? plan.villages.get(a.villageCode)! : null;
      const member = plan.members[a.members[0]];
      const ti = village ? village.township : member.township;
      const at = (a.values.createdAt as Date).getTime() + rng.int(1, 48) * HOUR;
      if (at >= TODAY) {
        i--;
        continue;
      }
      const memberName = member.values.name;
      intakes.push({
        channel,
        at,
        township: ti,
        villageCode: a.villageCode,
        concern: CONCERNS[ci],
        content: match,
        place: { village: village?.name ?? townships[ti].name, township: townships[ti].name },
        activity: ai,
        sector: member.sector,
        originators: [
          ...a.members.map((mi) => ({
            kind: 'member' as const,
            member: mi,
            name: plan.members[mi].values.name,
            phone: '',
            email: '',
          })),
          ...a.contacts.map((ri) => ({
            kind: 'representative' as const,
            rep: ri,
            name: reps[ri].values.name,
            phone: reps[ri].values.phone ?? '',
            email: '',
          })),
        ],
        receivedBy: { kind: 'user', name: memberName },
      });
      continue;
    }
    const t = rng.weighted(weightOf);
    const ti = townships.indexOf(t);
    const village = rng.chance(0.9) && t.villages.length ? rng.pick(t.villages) : null;
    const at = FIRST + Math.floor(rng.next() * (TODAY - FIRST));
    const month = new Date(at + 8 * HOUR).getUTCMonth() + 1;
    const h = hot[ti];
    const concern = h && rng.chance(0.45) ? h : rng.pick(concernsFor(village?.kind ?? null, month));
    const place = { village: village?.name ?? t.name, township: t.name };
    const people: PlannedOriginator[] = [];
    let receivedBy = OFFICE;
    if (channel === 'officer') {
      const mine = ti === plan.special.officerTownship;
      const officer = mine ? { ...citizen('officer'), username: 'officer1' } : citizen('officer');
      people.push(officer);
      receivedBy = { kind: 'user', username: officer.username, name: officer.name };
    } else if (channel === 'box' && rng.chance(0.6)) {
      // Anonymous notes in the opinion box.
    } else if (channel === 'forum') {
      people.push({ kind: 'citizen', name: `网友${rng.int(1000, 99999)}`, phone: '', email: '' });
    } else {
      const p = citizen();
      if (channel === 'web' && rng.chance(0.3)) Object.assign(p, { name: '', phone: '' });
      people.push(p);
      if (channel === 'web' || channel === 'email') receivedBy = { kind: 'citizen', name: p.name || '匿名' };
    }
    const content = fillConcern(rng, concern.opinion, place);
    intakes.push({
      channel,
      at,
      township: ti,
      villageCode: village?.code ?? null,
      concern,
      content: channel === 'phone' ? `来电反映：${content}` : content,
      place,
      activity: null,
      sector: null,
      originators: people,
      receivedBy,
    });
  }
  intakes.sort((a, b) => a.at - b.at);

  // Play each story in time order, so a duplicate can merge into an item raised earlier.
  const codes = new Set<string>();
  const lastOf = new Map<string, number>();
  const out: PlannedOpinion[] = [];
  for (const it of intakes) {
    const receivedAt = new Date(it.at);
    const route = routeFor(it.content);
    const urgent = rng.chance(0.05);
    const replyDays = urgent ? 5 : (replyDaysOf(route.category, route.sub) ?? 15);
    const key = `${it.township}:${route.sub}`;
    const first = it.originators[0];
    const rater: EventActor =
      first?.name && first.kind !== 'officer'
        ? { kind: first.kind === 'member' ? 'user' : 'citizen', name: first.name }
        : OFFICE;
    const story = playHistory(rng, {
      today: clock.todayAt,
      receivedAt,
      receivedBy: it.receivedBy,
      channel: it.channel,
      urgent,
      replyDays,
      dept: route.dept,
      otherDepts: COUNTY_DEPARTMENTS.filter((d) => d !== route.dept),
      title: titleOf(it.content),
      doneText: fillConcern(rng, it.concern.done, it.place),
      progressText: fillConcern(rng, it.concern.progress, it.place),
      rater,
      mergeTarget: lastOf.get(key) ?? null,
    });
    if (story.status !== 'merged' && story.status !== 'not_accepted') lastOf.set(key, out.length);
    const acceptDueAt = urgent ? new Date(it.at + 2 * HOUR) : nextDayEnd(receivedAt);
    out.push({
      ...story,
      trackingCode: makeTrackingCode(rng, codes),
      title: titleOf(it.content.replace(/^来电反映：/, '')),
      content: it.content,
      category: route.category,
      sub: route.sub,
      township: it.township,
      villageCode: it.villageCode,
      sector: it.sector,
      channel: it.channel,
      urgent,
      confidentiality: rng.chance(0.03) ? 'internal' : 'normal',
      activity: it.activity,
      receivedAt,
      acceptDueAt,
      originators: it.originators,
    });
  }
  return out;
}

// End of office hours on the next working day: the default acceptance deadline.
function nextDayEnd(at: Date): Date {
  return addWorkingDays(at, 1, OFFICIAL_CALENDAR).at;
}
