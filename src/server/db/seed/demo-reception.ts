// Demo 委员接待日: held days over the last two years with checked-in citizens and their activities, upcoming days with bookings.
import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import {
  activities,
  activityMembers,
  receptionBookings,
  receptionDayMembers,
  receptionDays,
  receptionSlots,
  recordEvents,
} from '../schema.js';
import type { DemoClock } from './demo-clock.js';
import type { DemoExtra } from './demo-extras.js';
import type { Rng } from './demo-random.js';

/** Dates composed against the base day (2026-11-01), moved by whole weeks to the load date: Saturdays stay. */
const BASE_HELD = [
  '2025-03-15',
  '2025-05-17',
  '2025-07-19',
  '2025-09-20',
  '2025-11-15',
  '2026-01-17',
  '2026-03-21',
  '2026-05-16',
  '2026-07-18',
  '2026-09-19',
];
const BASE_UPCOMING = ['2026-12-05', '2026-12-19', '2027-01-09', '2027-01-23'];
const SLOT_STARTS = ['09:00', '09:30', '10:00', '10:30', '11:00'];
const end = (s: string) =>
  s.endsWith('30') ? `${String(Number(s.slice(0, 2)) + 1).padStart(2, '0')}:00` : `${s.slice(0, 2)}:30`;
const SURNAMES = ['陈', '王', '李', '张', '刘', '吴', '周', '徐', '沈', '潘', '钱', '施'];
const CALLS = ['阿姨', '大伯', '师傅', '女士', '先生', '大姐'];
const TOPICS = [
  '小区加装电梯补贴政策',
  '村道路灯维修',
  '农村生活污水管网堵塞',
  '白茶收购价格波动',
  '竹林流转租金纠纷',
  '孩子就近入学',
  '老年食堂运营',
  '民宿消防审批',
  '河道清淤',
  '公交班次太少',
];
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const code = (rng: Rng) => Array.from({ length: 10 }, () => ALPHABET[rng.int(0, 31)]).join('');
const mobile = (rng: Rng) => `13${rng.int(5, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

async function run(tx: Tx, rng: Rng, clock: DemoClock) {
  const HELD = BASE_HELD.map(clock.shift);
  const UPCOMING = BASE_UPCOMING.map(clock.shift);
  const places = (
    await tx.execute(sql`select v.id, v.name, t.name as town,
      (select json_agg(mv.member_id order by mv.member_id) from member_villages mv where mv.region_id = v.id) as members
      from regions v join regions t on t.id = v.parent_id
      where v.level = 'village' and exists (select 1 from member_villages mv where mv.region_id = v.id) order by v.id limit 60`)
  ).rows as { id: number; name: string; town: string; members: number[] }[];
  if (!places.length) return;
  const admin = (await tx.execute(sql`select id from users where 'admin' = any(roles) order by id limit 1`)).rows[0] as
    | { id: number }
    | undefined;
  const used = new Set<string>();
  const uniqueCode = () => {
    let c = code(rng);
    while (used.has(c)) c = code(rng);
    used.add(c);
    return c;
  };
  for (const [i, date] of [...HELD, ...UPCOMING].entries()) {
    const held = i < HELD.length;
    const place = places[(i * 7) % places.length];
    const memberIds = rng.sample(place.members, 2);
    const [day] = await tx
      .insert(receptionDays)
      .values({
        title: `${place.town}委员接待日`,
        date,
        place: `${place.town}政协委员工作室（${place.name}）`,
        regionId: place.id,
        description: '委员面对面听取群众意见建议，请提前预约时段。',
        status: 'scheduled',
        createdBy: admin?.id ?? null,
        createdAt: new Date(`${HELD[Math.max(0, i - 1)] ?? date}T02:00:00Z`),
      })
      .returning();
    await tx.insert(receptionDayMembers).values(memberIds.map((memberId) => ({ receptionDayId: day.id, memberId })));
    const slots = await tx
      .insert(receptionSlots)
      .values(SLOT_STARTS.map((s) => ({ receptionDayId: day.id, startTime: s, endTime: end(s) })))
      .returning();
    const events: (typeof recordEvents.$inferInsert)[] = [
      {
        entity: 'reception_day',
        entityId: day.id,
        type: 'scheduled',
        payload: { date, slots: 5, memberIds },
        actorName: '办公室',
      },
    ];
    const booked = rng.sample(slots, held ? rng.int(3, 5) : rng.int(1, 3));
    const lines: string[] = [];
    for (const s of booked) {
      const name = `${rng.pick(SURNAMES)}${rng.pick(CALLS)}`;
      const topic = rng.pick(TOPICS);
      const came = held && rng.chance(0.8);
      const [b] = await tx
        .insert(receptionBookings)
        .values({
          slotId: s.id,
          code: uniqueCode(),
          name,
          phone: mobile(rng),
          topic,
          status: held ? (came ? 'checked_in' : 'no_show') : 'booked',
          checkedInAt: came ? new Date(`${date}T${s.startTime}:00+08:00`) : null,
        })
        .returning();
      events.push({
        entity: 'reception_day',
        entityId: day.id,
        type: 'booked',
        payload: { bookingId: b.id, slotId: s.id },
      });
      if (came) {
        lines.push(`${s.startTime} ${name}：${topic}`);
        events.push({
          entity: 'reception_day',
          entityId: day.id,
          type: 'checked_in',
          payload: { bookingId: b.id, slot: s.startTime },
        });
      }
    }
    if (held) {
      const [act] = await tx
        .insert(activities)
        .values({
          clientId: `reception-day-${day.id}`,
          date,
          regionId: place.id,
          location: day.place,
          methods: ['talk'],
          purposes: ['reception'],
          opinions: [`接待群众${lines.length}人次`, ...lines].join('\n'),
          handlingStatus: 'in_progress',
          createdBy: admin?.id ?? null,
        })
        .returning();
      await tx.insert(activityMembers).values(memberIds.map((memberId) => ({ activityId: act.id, memberId })));
      await tx.execute(sql`update reception_days set status = 'held', activity_id = ${act.id} where id = ${day.id}`);
      events.push({
        entity: 'reception_day',
        entityId: day.id,
        type: 'held',
        payload: { activityId: act.id, checkedIn: lines.length },
        actorName: '办公室',
      });
    }
    await tx.insert(recordEvents).values(events.map((e) => ({ ...e, at: new Date(`${date}T04:00:00Z`) })));
  }
}

/** The reception-day demo step. */
export const demoReception: DemoExtra = { name: 'reception', run };
