// Demo 协商: four consultations over the last two years (dates relative to the load date) whose outcomes sit in every state (assigned, in progress, overdue, done and graded).
import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { consultationOutcomes, consultationParticipants, consultations, recordEvents } from '../schema.js';
import type { DemoClock } from './demo-clock.js';
import type { DemoExtra } from './demo-extras.js';
import type { Rng } from './demo-random.js';

interface Plan {
  topic: string;
  meetingAt: string;
  status: 'planned' | 'held' | 'implementing' | 'completed';
  outcomes: { content: string; deadline: string; progress: number[]; grade?: 'A' | 'B' | 'C' }[];
}

const PLANS: Plan[] = [
  {
    topic: '农村生活污水治理设施长效运维',
    meetingAt: '2025-04-22T09:00:00+08:00',
    status: 'completed',
    outcomes: [
      {
        content: '建立村级污水设施运维责任清单，明确乡镇、村、运维单位职责',
        deadline: '2025-07-18',
        progress: [30, 70, 100],
        grade: 'A',
      },
      {
        content: '将运维经费纳入县级财政预算并按设施数量拨付',
        deadline: '2025-07-18',
        progress: [50, 100],
        grade: 'B',
      },
      { content: '开展一次全县终端设施运行排查并公布结果', deadline: '2025-07-18', progress: [40, 100], grade: 'A' },
    ],
  },
  {
    topic: '白茶产业品牌保护与茶农增收',
    meetingAt: '2025-10-28T14:30:00+08:00',
    status: 'implementing',
    outcomes: [
      {
        content: '完善“安吉白茶”证明商标授权管理，打击冒牌销售',
        deadline: '2026-01-23',
        progress: [30, 60, 100],
        grade: 'B',
      },
      { content: '建立茶青收购最低保护价预警机制', deadline: '2026-01-23', progress: [20, 45] },
      { content: '扶持三家以上茶叶合作社建设数字化加工车间', deadline: '2026-12-31', progress: [25] },
    ],
  },
  {
    topic: '山区老年人助餐服务全覆盖',
    meetingAt: '2026-06-18T09:00:00+08:00',
    status: 'implementing',
    outcomes: [
      { content: '每个行政村至少建成一个老年食堂或助餐点', deadline: '2026-09-15', progress: [35, 60] },
      { content: '出台助餐服务补贴办法，按就餐人次补助', deadline: '2026-09-15', progress: [100], grade: 'C' },
      { content: '引导社会力量参与山区送餐服务', deadline: '2026-12-18', progress: [] },
    ],
  },
  {
    topic: '竹林碳汇交易与林农收益分配',
    meetingAt: '2026-11-20T09:00:00+08:00',
    status: 'planned',
    outcomes: [],
  },
];

const NOTES = ['完成调研摸底', '形成工作方案', '召开推进会', '出台配套文件', '阶段任务完成', '全面落实到位'];

async function run(tx: Tx, rng: Rng, clock: DemoClock) {
  const depts: number[] = (await tx.execute(sql`select id from departments order by id`)).rows.map(
    (r: any) => r.id as number,
  );
  const members: number[] = (await tx.execute(sql`select id from members order by id limit 200`)).rows.map(
    (r: any) => r.id as number,
  );
  const reps: number[] = (await tx.execute(sql`select id from representatives order by id limit 200`)).rows.map(
    (r: any) => r.id as number,
  );
  const admin = (
    await tx.execute(sql`select id, display_name as name from users where 'admin' = any(roles) order by id limit 1`)
  ).rows[0] as { id: number; name: string } | undefined;
  if (!depts.length || !members.length) return;
  for (const p of PLANS) {
    const meeting = new Date(`${clock.shift(p.meetingAt.slice(0, 10))}${p.meetingAt.slice(10)}`);
    const held = p.status !== 'planned';
    const [c] = await tx
      .insert(consultations)
      .values({
        topic: p.topic,
        description: `围绕“${p.topic}”组织委员、群众代表和有关部门开展专题协商。`,
        status: p.status,
        meetingAt: meeting,
        place: '县政协三楼协商议事厅',
        agenda: '一、有关部门通报情况\n二、委员和群众代表发言\n三、部门现场回应\n四、县政协领导讲话',
        minutes: held
          ? `会议由县政协副主席主持，${rng.int(6, 12)}名委员、群众代表参加，形成协商建议${p.outcomes.length}条。`
          : '',
        isPublic: true,
        createdBy: admin?.id ?? null,
        createdAt: new Date(meeting.getTime() - 20 * 86_400_000),
      })
      .returning();
    const chosen = rng.sample(depts, 3);
    await tx
      .insert(consultationParticipants)
      .values([
        ...rng
          .sample(members, 5)
          .map((memberId) => ({ consultationId: c.id, kind: 'member', memberId, attended: held ? true : null })),
        ...rng
          .sample(reps, 2)
          .map((representativeId) => ({ consultationId: c.id, kind: 'representative', representativeId })),
        { consultationId: c.id, kind: 'citizen', name: `村民代表${rng.pick(['吴', '潘', '施'])}师傅` },
        ...chosen.map((departmentId) => ({ consultationId: c.id, kind: 'department', departmentId })),
      ]);
    const events: (typeof recordEvents.$inferInsert)[] = [
      { entity: 'consultation', entityId: c.id, type: 'created', payload: { topic: p.topic }, at: c.createdAt },
    ];
    for (const [i, o] of p.outcomes.entries()) {
      const last = o.progress.at(-1) ?? 0;
      const [row] = await tx
        .insert(consultationOutcomes)
        .values({
          consultationId: c.id,
          content: o.content,
          departmentId: chosen[i % chosen.length],
          deadline: clock.shift(o.deadline),
          progress: last,
          status: last === 100 ? 'done' : last > 0 ? 'in_progress' : 'assigned',
          grade: o.grade ?? null,
          createdAt: meeting,
        })
        .returning();
      const step = (k: number) => new Date(meeting.getTime() + (k + 1) * 21 * 86_400_000);
      events.push({
        entity: 'consultation_outcome',
        entityId: row.id,
        type: 'created',
        payload: { departmentId: row.departmentId, deadline: row.deadline },
        at: meeting,
      });
      for (const [k, pr] of o.progress.entries()) {
        const note = pr === 100 ? NOTES[5] : NOTES[Math.min(k, 4)];
        events.push({
          entity: 'consultation_outcome',
          entityId: row.id,
          type: 'progress',
          payload: { progress: pr, note, from: o.progress[k - 1] ?? 0 },
          actorName: '承办单位',
          at: step(k),
        });
      }
      if (o.grade)
        events.push({
          entity: 'consultation_outcome',
          entityId: row.id,
          type: 'graded',
          payload: { grade: o.grade, note: '' },
          actorName: admin?.name ?? '',
          at: step(o.progress.length),
        });
    }
    await tx.insert(recordEvents).values(events);
  }
}

/** The consultation demo step. */
export const demoConsultations: DemoExtra = { name: 'consultations', run };
