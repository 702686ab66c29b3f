// Demo 履职考核: last year under a 100-point scheme (closed at the end, snapshot written) and the working year under a 120-point one
// (open), with manual entries (meetings, training, absences), appeals and a few 述职评议 evaluations.
import { sql } from 'drizzle-orm';
import type { AssessmentSource } from '../../../core/assessment/index.js';
import type { Actor } from '../../context.js';
import { closeYear } from '../../modules/assessments/scheme.js';
import type { Tx } from '../client.js';
import type { DemoClock } from './demo-clock.js';
import type { DemoExtra } from './demo-extras.js';
import type { Rng } from './demo-random.js';

type Line = [name: string, source: AssessmentSource, points: number, cap: number | null, deduction?: boolean];

const SCHEME_2025: Line[] = [
  ['出席全体会议', 'meetings', 3, 9],
  ['联系群众活动', 'activities', 0.5, 10],
  ['进村走访', 'village_visits', 1, 8],
  ['参加调研视察', 'research', 1, 5],
  ['提交社情民意', 'opinions_submitted', 1, 8],
  ['社情民意被县政协采用', 'adopted_county', 2, 6],
  ['社情民意被市政协采用', 'adopted_city', 3, null],
  ['社情民意被省政协采用', 'adopted_province', 5, null],
  ['社情民意被全国政协采用', 'adopted_national', 8, null],
  ['社情民意获领导批示', 'instructions', 3, 9],
  ['参加委员接待日', 'reception_days', 2, 6],
  ['提交提案', 'proposals_filed', 2, 6],
  ['提案被立案', 'proposals_accepted', 2, 6],
  ['参加学习培训', 'training', 1, 4],
  ['无故缺席会议活动', 'absences', 5, 20, true],
];
const SCHEME_2026: Line[] = [
  ...SCHEME_2025.filter(([, s]) => s !== 'absences'),
  ['经验交流', 'experience_reports', 2, 6],
  ['结对帮扶', 'pairing', 2, 6],
  ['其他履职加分', 'manual', 1, 5],
  ['无故缺席会议活动', 'absences', 5, 20, true],
];

async function writeScheme(
  tx: Tx,
  year: number,
  name: string,
  full: number,
  base: number,
  talk: number,
  lines: Line[],
) {
  await tx.execute(sql`insert into assessment_years (year, scheme_name, full_marks, base_score, talk_threshold)
    values (${year}, ${name}, ${full}, ${base}, ${talk})`);
  const values = lines.map(([n, s, p, c, d], i) => sql`(${year}, ${i}, ${n}, ${s}, ${p}, ${c}, ${d ?? false}, '')`);
  const rows = (
    await tx.execute(sql`insert into assessment_rules (year, sort_order, name, source, points, cap, is_deduction, note)
      values ${sql.join(values, sql`, `)} returning id, source`)
  ).rows as Array<{ id: number; source: string }>;
  return (source: string) => Number(rows.find((r) => r.source === source)!.id);
}

/** Manual entries of one year: plenary meetings for most, training for some, a few unexcused absences. */
async function writeEntries(
  tx: Tx,
  rng: Rng,
  year: number,
  rule: (s: string) => number,
  members: number[],
  adminId: number,
  clock: DemoClock,
) {
  const rows: ReturnType<typeof sql>[] = [];
  const current = year === clock.year;
  const last = current ? '10' : '12';
  // Dates of the working year never reach the load date.
  const d = (mmdd: string) => clock.inYear(year - clock.year, mmdd);
  for (const m of members) {
    const meetings = rng.weighted([
      [3, 6],
      [2, 3],
      [1, 1],
      [0, 1],
    ] as const);
    for (let i = 0; i < meetings; i++)
      rows.push(
        sql`(${year}, ${rule('meetings')}, ${m}, ${d(`0${2 + i * 3}-1${i}`)}, 1, ${['政协全体会议签到表', '常委会扩大会议签到表', '专题协商会签到表'][i]}, ${adminId})`,
      );
    if (rng.chance(0.4))
      rows.push(
        sql`(${year}, ${rule('training')}, ${m}, ${d(`0${rng.int(4, 9)}-2${rng.int(0, 8)}`)}, 1, '委员履职能力培训班结业名单', ${adminId})`,
      );
    if (rng.chance(0.06))
      rows.push(
        sql`(${year}, ${rule('absences')}, ${m}, ${d(`${last}-0${rng.int(1, 9)}`)}, ${rng.int(1, 3)}, '未请假缺席常委会会议（会议记录）', ${adminId})`,
      );
    if (current && rng.chance(0.1))
      rows.push(
        sql`(${year}, ${rule('manual')}, ${m}, ${d(`0${rng.int(3, 9)}-15`)}, ${rng.int(1, 3)}, '参与防汛抗台志愿服务（乡镇证明）', ${adminId})`,
      );
  }
  for (let i = 0; i < rows.length; i += 300)
    await tx.execute(sql`insert into assessment_entries (year, rule_id, member_id, date, quantity, evidence, created_by)
      values ${sql.join(rows.slice(i, i + 300), sql`, `)}`);
}

async function writeAppeal(
  tx: Tx,
  year: number,
  member: number,
  ruleId: number,
  reason: string,
  decision: [string, number, string] | undefined,
  adminId: number,
  clock: DemoClock,
) {
  const raised = `${clock.inYear(year - clock.year, '10-12')}T02:00:00Z`;
  const decided = `${clock.inYear(year - clock.year, '10-20')}T02:00:00Z`;
  const [a] = (
    await tx.execute(sql`insert into assessment_appeals (year, member_id, rule_id, reason, status, adjustment, decision, decided_by, decided_at, created_at)
      values (${year}, ${member}, ${ruleId}, ${reason}, ${decision?.[0] ?? 'pending'}, ${decision?.[1] ?? 0}, ${decision?.[2] ?? ''},
        ${decision ? adminId : null}, ${decision ? sql`${decided}::timestamptz` : null}, ${raised}::timestamptz)
      returning id`)
  ).rows as any[];
  await tx.execute(sql`insert into record_events (entity, entity_id, type, payload, actor_name, at)
    values ('assessment_appeal', ${a.id}, 'raised', ${JSON.stringify({ ruleId, reason })}::jsonb, '委员', ${raised}::timestamptz)`);
  if (decision)
    await tx.execute(sql`insert into record_events (entity, entity_id, type, payload, actor_user_id, actor_name, at)
      values ('assessment_appeal', ${a.id}, ${decision[0]}, ${JSON.stringify({ adjustment: decision[1], text: decision[2] })}::jsonb, ${adminId}, '办公室', ${decided}::timestamptz)`);
}

/** The demo step. */
export const demoAssessment: DemoExtra = {
  name: 'assessment',
  run: async (tx, rng, clock) => {
    const [y0, y1] = [clock.year - 1, clock.year];
    const [admin] = (
      await tx.execute(sql`select id, username, display_name from users where 'admin' = any(roles) order by id limit 1`)
    ).rows as any[];
    const adminId = admin ? Number(admin.id) : 0;
    const members = ((await tx.execute(sql`select id from members where active order by id`)).rows as any[]).map((r) =>
      Number(r.id),
    );
    if (!members.length) return;
    const r25 = await writeScheme(tx, y0, `${y0}年度县政协委员履职考核办法（百分制）`, 100, 58, 60, SCHEME_2025);
    const r26 = await writeScheme(tx, y1, `${y1}年度县政协委员履职量化考核细则（120分制）`, 120, 62, 72, SCHEME_2026);
    await writeEntries(tx, rng.fork('2025'), y0, r25, members, adminId, clock);
    await writeEntries(tx, rng.fork('2026'), y1, r26, members, adminId, clock);
    const [a, b, c] = members;
    await writeAppeal(
      tx,
      y0,
      a,
      r25('activities'),
      '10月两次进村走访的记录卡已补交，请核实。',
      ['accepted', 1, '核实记录卡，补计1分。'],
      adminId,
      clock,
    );
    await writeAppeal(tx, y1, b, r26('meetings'), '专题协商会本人已到会，签到表漏签。', undefined, adminId, clock);
    await writeAppeal(
      tx,
      y1,
      c ?? a,
      r26('absences'),
      '缺席当天因公出差，已向联络组请假。',
      ['rejected', 0, '未查到请假记录，维持原扣分。'],
      adminId,
      clock,
    );
    const reps = (
      await tx.execute(sql`select r.id, r.name, mr.member_id from representatives r
      join member_representatives mr on mr.representative_id = r.id order by mr.member_id, r.id`)
    ).rows as any[];
    const grades = ['excellent', 'good', 'good', 'fair'] as const;
    for (const m of members.slice(0, 12)) {
      const rep = reps.find((x) => Number(x.member_id) === m);
      if (rep)
        await tx.execute(sql`insert into assessment_evaluations (year, member_id, evaluator_kind, representative_id, evaluator_name, grade, comment, created_by)
          values (${y0}, ${m}, 'representative', ${rep.id}, ${rep.name}, ${rng.pick(grades)}, '委员常来村里听取意见，反映的问题有回音。', ${adminId})`);
      await tx.execute(sql`insert into assessment_evaluations (year, member_id, evaluator_kind, evaluator_name, grade, comment, created_by)
        values (${y0}, ${m}, 'staff', '县政协办公室', ${rng.pick(grades)}, '履职档案完整，按时参加会议和活动。', ${adminId})`);
    }
    const actor: Actor = {
      userId: adminId,
      username: admin?.username ?? 'system',
      displayName: admin?.display_name ?? '系统',
      roles: ['admin'],
      memberId: null,
      groupId: null,
      townshipId: null,
      departmentId: null,
      via: 'session',
    };
    await closeYear(tx, actor, y0, '');
  },
};
