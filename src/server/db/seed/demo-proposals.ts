// Demo 提案: ~40 proposals over 2025 and 2026 in every status, some drafted from escalated items, with co-signers and timelines.
import { sql } from 'drizzle-orm';
import { chinaInstant, OFFICIAL_CALENDAR, shiftDate } from '../../../core/calendar/index.js';
import { type ProposalStatus, proposalReplyDue } from '../../../core/proposals/index.js';
import { toSearchDocument } from '../../adapters/text/segmenter.js';
import type { Tx } from '../client.js';
import type { DemoClock } from './demo-clock.js';
import type { DemoExtra } from './demo-extras.js';
import type { Rng } from './demo-random.js';

const TOPICS = [
  '加强农村道路日常养护',
  '推进竹产业转型升级',
  '完善农村养老服务体系',
  '加快美丽乡村示范带建设',
  '规范民宿行业发展',
  '提升山区学校办学条件',
  '加强生态公益林保护',
  '缓解县城停车难',
  '完善农村生活垃圾分类',
  '发展白茶产业品牌',
  '加强基层医疗人才队伍建设',
  '推进城乡公交一体化',
  '保护历史文化村落',
  '优化营商环境',
  '加强农村饮用水安全保障',
  '完善农村电商物流体系',
  '加强未成年人心理健康教育',
  '推进小城镇环境综合整治',
  '扶持青年返乡创业',
  '加强防汛防台基础设施建设',
];

// Status plan per year (-1: last year, 0: the working year), in drafting order; 18 proposals last year, 22 this.
const PLAN: Record<number, [ProposalStatus, number][]> = {
  [-1]: [
    ['rated', 10],
    ['replied', 2],
    ['not_registered', 3],
    ['converted', 2],
    ['assigned', 1],
  ],
  0: [
    ['rated', 2],
    ['replied', 2],
    ['assigned', 4],
    ['registered', 2],
    ['not_registered', 1],
    ['converted', 1],
    ['submitted', 3],
    ['cosigning', 4],
    ['draft', 3],
  ],
};

const ORDER: ProposalStatus[] = ['draft', 'cosigning', 'submitted', 'registered', 'assigned', 'replied', 'rated'];
const reached = (s: ProposalStatus, step: ProposalStatus) =>
  s === 'not_registered' || s === 'converted' ? ORDER.indexOf(step) <= 2 : ORDER.indexOf(step) <= ORDER.indexOf(s);

type Ev = { type: string; day: string; payload: Record<string, unknown> };
const at = (day: string) => chinaInstant(day, '10:00');
const minDay = (a: string, b: string) => (a < b ? a : b);

async function ids(tx: Tx, q: ReturnType<typeof sql>): Promise<any[]> {
  return (await tx.execute(q)).rows as any[];
}

/** Writes the proposals; read-only on everything else except 3 items created for 转为意见. */
async function run(tx: Tx, rng: Rng, clock: DemoClock) {
  const DEMO_TODAY = clock.today;
  const roster = await ids(
    tx,
    sql`select m.id, m.name, (select u.id from users u where u.member_id = m.id limit 1) as "userId"
    from members m where m.active order by m.id`,
  );
  const members = roster.map((r) => r.id as number);
  const people = new Map<number, { name: string; userId: number | null }>(roster.map((r) => [r.id, r]));
  const [u] = await ids(
    tx,
    sql`select (select member_id from users where username = 'member1') as m1,
    (select member_id from users where username = 'member2') as m2,
    (select id from users where username = 'admin') as admin,
    (select department_id from users where username = 'dept1') as dept1`,
  );
  const depts = (await ids(tx, sql`select id from departments order by id`)).map((r) => r.id as number);
  const escalated = await ids(
    tx,
    sql`select distinct on (o.id) o.id, o.title, oo.member_id as "memberId",
    (o.received_at at time zone 'Asia/Shanghai')::date::text as day
    from opinions o join opinion_originators oo on oo.opinion_id = o.id and oo.member_id is not null
    where o.is_escalated order by o.id, oo.member_id limit 60`,
  );
  if (members.length < 6 || !depts.length) return;
  const counters: Record<number, number> = { [clock.year - 1]: 0, [clock.year]: 0 };
  let topic = 0;
  for (const dy of [-1, 0]) {
    const year = clock.year + dy;
    let n = 0;
    const total = PLAN[dy].reduce((s, [, c]) => s + c, 0);
    for (const [status, count] of PLAN[dy]) {
      for (let k = 0; k < count; k++, n++) {
        // Spread drafting dates over the year; this year's late statuses start early, open ones near the demo's today.
        const start =
          dy === -1
            ? clock.inYear(
                -1,
                `${String(1 + Math.floor((n * 10) / total)).padStart(2, '0')}-${String(rng.int(2, 26)).padStart(2, '0')}`,
              )
            : ORDER.indexOf(status) >= 4 || status === 'registered'
              ? clock.inYear(
                  0,
                  `${String(1 + Math.floor((n * 6) / total)).padStart(2, '0')}-${String(rng.int(2, 26)).padStart(2, '0')}`,
                )
              : shiftDate(DEMO_TODAY, -rng.int(3, 40));
        const pick = status === 'draft' || !rng.chance(0.4) ? -1 : escalated.findIndex((x) => !x.used && x.day < start);
        const source = pick >= 0 ? escalated[pick] : null;
        if (source) source.used = true;
        const mine = k === 0 && ['draft', 'replied', 'rated', 'cosigning', 'assigned'].includes(status);
        const proposer: number = source?.memberId ?? (mine ? u.m1 : rng.pick(members));
        const title = source ? `关于“${source.title}”问题的提案` : `关于${TOPICS[topic++ % TOPICS.length]}的提案`;
        await writeOne(tx, rng, {
          year,
          status,
          start: minDay(start, DEMO_TODAY),
          proposer,
          title,
          source,
          u,
          people,
          members,
          depts,
          counters,
          today: DEMO_TODAY,
        });
      }
    }
  }
}

interface One {
  year: number;
  status: ProposalStatus;
  start: string;
  proposer: number;
  title: string;
  source: { id: number } | null;
  u: { m1: number; m2: number; admin: number; dept1: number | null };
  people: Map<number, { name: string; userId: number | null }>;
  members: number[];
  depts: number[];
  counters: Record<number, number>;
  today: string;
}

async function writeOne(tx: Tx, rng: Rng, o: One) {
  const { status, start, u, today: DEMO_TODAY } = o;
  const evs: Ev[] = [
    { type: 'create', day: start, payload: { to: 'draft', opinionIds: o.source ? [o.source.id] : [] } },
  ];
  const invitees = rng.sample(
    o.members.filter((m) => m !== o.proposer),
    rng.int(0, 3),
  );
  if (status === 'cosigning' && o.proposer !== u.m2 && !invitees.includes(u.m2) && rng.chance(0.7)) invitees.push(u.m2);
  if (status === 'cosigning' && !invitees.length) invitees.push(o.members.find((m) => m !== o.proposer) as number);
  const deadline = status === 'cosigning' ? shiftDate(DEMO_TODAY, rng.int(25, 60)) : shiftDate(start, 7);
  const answers = invitees.map((m) => {
    const settled = status !== 'cosigning' || (m !== u.m2 && rng.chance(0.5));
    const s = !settled ? 'invited' : rng.chance(0.8) ? 'accepted' : status === 'cosigning' ? 'accepted' : 'declined';
    return { m, s, day: minDay(shiftDate(start, rng.int(2, 6)), DEMO_TODAY) };
  });
  if (invitees.length && status !== 'draft') {
    evs.push({
      type: 'invite',
      day: shiftDate(start, 1),
      payload: { from: 'draft', to: 'cosigning', memberIds: invitees, deadline },
    });
    for (const a of answers.filter((x) => x.s !== 'invited'))
      evs.push({ type: 'cosign', day: a.day, payload: { accept: a.s === 'accepted', memberId: a.m } });
  }
  const p: Record<string, unknown> = { cosignDeadline: invitees.length && status !== 'draft' ? deadline : null };
  let day = shiftDate(start, 9);
  const from = () => (evs.at(-1)?.payload.to as string) ?? 'draft';
  if (reached(status, 'submitted')) {
    p.submittedAt = at(day);
    evs.push({ type: 'submit', day, payload: { from: invitees.length ? 'cosigning' : 'draft', to: 'submitted' } });
  }
  let lead: number | null = null;
  if (status === 'not_registered' || status === 'converted' || reached(status, 'registered')) {
    day = minDay(shiftDate(day, rng.int(5, 15)), DEMO_TODAY);
    p.decidedAt = at(day);
    const to = status === 'not_registered' || status === 'converted' ? status : 'registered';
    const decision = to === 'registered' ? 'register' : to === 'converted' ? 'convert' : 'not_register';
    const reason =
      to === 'registered' ? '' : to === 'converted' ? '内容较具体，转为社情民意信息办理' : '属于个案诉求，不予立案';
    p.decisionReason = reason;
    const payload: Record<string, unknown> = { from: 'submitted', to, decision, reason };
    if (to === 'registered') {
      const year = Number(day.slice(0, 4));
      o.counters[year] = (o.counters[year] ?? 0) + 1;
      Object.assign(p, { year, number: o.counters[year] });
      Object.assign(payload, { year, number: o.counters[year] });
    }
    evs.push({ type: 'decide', day, payload });
  }
  if (reached(status, 'assigned')) {
    day = minDay(shiftDate(day, rng.int(3, 10)), DEMO_TODAY);
    lead = o.u.dept1 && rng.chance(0.35) ? o.u.dept1 : rng.pick(o.depts);
    const co = rng.sample(
      o.depts.filter((d) => d !== lead),
      rng.int(0, 2),
    );
    const replyDue = proposalReplyDue(at(day), OFFICIAL_CALENDAR);
    Object.assign(p, { assignedAt: at(day), replyDue });
    evs.push({
      type: 'assign',
      day,
      payload: { from: from(), to: 'assigned', leadDepartmentId: lead, coDepartmentIds: co, replyDue },
    });
    (p as any).departments = [lead, ...co];
  }
  if (reached(status, 'replied')) {
    day = minDay(shiftDate(day, rng.int(30, 85)), DEMO_TODAY);
    const reply = `经研究，${o.title.replace(/^关于|的提案$/g, '')}相关工作已列入年度计划，将分步实施并及时向提案人通报进展。`;
    Object.assign(p, { reply, repliedAt: at(day) });
    evs.push({ type: 'reply', day, payload: { from: 'assigned', to: 'replied', content: reply, departmentId: lead } });
  }
  if (status === 'rated') {
    day = minDay(shiftDate(day, rng.int(3, 12)), DEMO_TODAY);
    const rating = rng.weighted([
      ['satisfied', 6],
      ['basically_satisfied', 3],
      ['unsatisfied', 1],
    ] as const);
    const comment = rating === 'unsatisfied' ? '答复较原则，希望明确时间表。' : '';
    Object.assign(p, { rating, ratingComment: comment });
    evs.push({ type: 'rate', day, payload: { from: 'replied', to: 'rated', rating, comment } });
  }
  const { departments: deptIds, ...cols } = p as Record<string, any>;
  const res = await tx.execute(sql`insert into proposals (year, number, title, content, proposer_member_id, status,
      cosign_deadline, submitted_at, decision_reason, decided_at, assigned_at, reply_due, reply, replied_at, rating,
      rating_comment, created_by, created_at, updated_at)
    values (${cols.year ?? o.year}, ${cols.number ?? null}, ${o.title},
      ${`${o.title.replace(/的提案$/, '')}，事关群众切身利益。建议：一是加强统筹协调；二是加大投入保障；三是健全长效机制。`},
      ${o.proposer}, ${status}, ${cols.cosignDeadline}, ${iso(cols.submittedAt)}::timestamptz, ${cols.decisionReason ?? ''},
      ${iso(cols.decidedAt)}::timestamptz, ${iso(cols.assignedAt)}::timestamptz, ${cols.replyDue ?? null}::date,
      ${cols.reply ?? ''}, ${iso(cols.repliedAt)}::timestamptz, ${cols.rating ?? null}, ${cols.ratingComment ?? ''},
      ${u.admin}, ${at(start).toISOString()}::timestamptz, ${at(evs.at(-1)?.day ?? start).toISOString()}::timestamptz)
    returning id`);
  const id = (res.rows[0] as { id: number }).id;
  if (o.source)
    await tx.execute(sql`insert into proposal_opinions (proposal_id, opinion_id) values (${id}, ${o.source.id})`);
  if (invitees.length && status !== 'draft')
    await tx.execute(
      sql`insert into proposal_cosigners (proposal_id, member_id, status, responded_at) values ${sql.join(
        answers.map(
          (a) => sql`(${id}, ${a.m}, ${a.s}, ${a.s === 'invited' ? null : at(a.day).toISOString()}::timestamptz)`,
        ),
        sql`,`,
      )}`,
    );
  if (deptIds?.length)
    await tx.execute(
      sql`insert into proposal_departments (proposal_id, department_id, role) values ${sql.join(
        (deptIds as number[]).map((d, i) => sql`(${id}, ${d}, ${i === 0 ? 'lead' : 'co'})`),
        sql`,`,
      )}`,
    );
  if (status === 'converted') {
    const item = await convertItem(tx, o, id, answers, at(evs.at(-1)?.day ?? start));
    (evs.at(-1) as Ev).payload.opinionId = item;
  }
  await tx.execute(
    sql`insert into record_events (entity, entity_id, type, payload, actor_user_id, actor_name, at) values ${sql.join(
      evs.map(
        (e) =>
          sql`('proposal', ${id}, ${e.type}, ${JSON.stringify(e.payload)}::jsonb, ${actorOf(o, e).userId}, ${actorOf(o, e).name}, ${at(e.day).toISOString()}::timestamptz)`,
      ),
      sql`,`,
    )}`,
  );
}

/** Who took a step: the proposer, the answering co-signer, or the office (decisions, assignment, recorded replies). */
const actorOf = (o: One, e: Ev) =>
  e.type === 'cosign'
    ? (o.people.get(e.payload.memberId as number) ?? { name: '', userId: null })
    : ['decide', 'assign', 'reply'].includes(e.type)
      ? { name: '县政协办公室', userId: o.u.admin }
      : (o.people.get(o.proposer) ?? { name: '', userId: null });

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : null);

/** The 社情民意 item a converted proposal became: accepted, credited to the proposer and accepted co-signers. */
/** A tracking code in the real alphabet, derived from the proposal id (deterministic, like the rest of the demo). */
function demoCode(proposalId: number): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let x = (proposalId * 2654435761) >>> 0;
  let out = 'T';
  for (let i = 0; i < 9; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 16) & 31];
  }
  return out;
}

async function convertItem(
  tx: Tx,
  o: One,
  proposalId: number,
  answers: { m: number; s: string }[],
  when: Date,
): Promise<number> {
  // Filed under the proposer's first village and a top-level category, as staff would when converting.
  const res = await tx.execute(sql`insert into opinions (tracking_code, category_id, region_id, title, content, channel,
      status, accept_due_at, search_text, created_by, received_at, updated_at)
    values (${demoCode(proposalId)},
      (select id from opinion_categories where parent_id is null order by id offset ${proposalId % 5} limit 1),
      (select min(region_id) from member_villages where member_id = ${o.proposer}),
      ${o.title.replace(/的提案$/, '')}, ${'由委员提案转为社情民意信息办理。'}, 'officer', 'accepted', ${when.toISOString()}::timestamptz,
      ${toSearchDocument(o.title)}, ${o.u.admin}, ${when.toISOString()}::timestamptz, ${when.toISOString()}::timestamptz)
    returning id`);
  const id = (res.rows[0] as { id: number }).id;
  const people = [o.proposer, ...answers.filter((a) => a.s === 'accepted').map((a) => a.m)];
  await tx.execute(
    sql`insert into opinion_originators (opinion_id, kind, member_id) values ${sql.join(
      people.map((m) => sql`(${id}, 'member', ${m})`),
      sql`,`,
    )}`,
  );
  await tx.execute(sql`insert into opinion_events (opinion_id, type, from_status, to_status, payload, actor_user_id, actor_kind, actor_name, at)
    values (${id}, 'received', null, 'received', ${JSON.stringify({ channel: 'officer' })}::jsonb, ${o.u.admin}, 'user', '县政协办公室', ${when.toISOString()}::timestamptz),
      (${id}, 'accept', 'received', 'accepted', '{}'::jsonb, ${o.u.admin}, 'user', '县政协办公室', ${when.toISOString()}::timestamptz)`);
  return id;
}

/** The proposals step of the demo (before assessment, which counts proposals filed and accepted). */
export const demoProposals: DemoExtra = { name: 'proposals', run };
