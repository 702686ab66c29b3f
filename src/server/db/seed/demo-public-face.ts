// Demo data of the public face: this year's 民生问题 of two townships and the county at every stage, contact stations
// with their members, publication consent on answered citizen items, and a few confidential items with named staff.
// Written set-based from the rows already in the database; every date is relative to the demo's load date.
import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { DemoClock } from './demo-clock.js';
import type { DemoExtra } from './demo-extras.js';
import type { Rng } from './demo-random.js';

type Stage = 'collecting' | 'confirmed' | 'in_progress' | 'solved' | 'partly_solved';
/** A milestone: due `due` days after the problem is confirmed; reached (when set) that many days after it. */
type Milestone = { title: string; progress: number; due: number; reached?: number; note?: string };

interface ProblemPlan {
  title: string;
  /** 'officer': the info officer login's township (officer1); 'member': member1's; 'hot': where it is raised most. */
  area: 'officer' | 'member' | 'hot';
  /** Which items belong (PostgreSQL regex on the item's text). */
  match: string;
  items: number;
  summary: string;
  goal: string;
  lead: string;
  co: string[];
  stage: Stage;
  /** Days before today the problem was opened (scaled down early in the year). */
  opened: number;
  milestones: Milestone[];
  outcome?: string;
}

// Problems always belong to a township (the county board lists them all): 'hot' is the other township that raised
// the topic most. The seed's five hot topics (养殖污染, 自来水, 断头路, 大病救助, 农业帮扶) plus two more, each at its own stage.
export const DEMO_PROBLEMS: ProblemPlan[] = [
  {
    title: '农村养殖污染严重',
    area: 'member',
    match: '养殖|生猪',
    items: 25,
    summary: '多个村反映生猪等畜禽养殖场污水直排、臭味扰民，影响周边群众生活和河道水质。',
    goal: '年内完成辖区规模养殖场污水治理，关停或搬迁禁养区内散养户，养殖污染投诉明显下降。',
    lead: '县生态环境分局',
    co: ['县农业农村局'],
    stage: 'solved',
    opened: 240,
    milestones: [
      { title: '完成养殖场全面排查建档', progress: 30, due: 20, reached: 18 },
      { title: '禁养区散养户关停搬迁', progress: 60, due: 75, reached: 70 },
      { title: '规模养殖场治污设施改造完成', progress: 100, due: 150, reached: 140, note: '经第三方检测达标' },
    ],
    outcome:
      '排查养殖场（户）86处，关停搬迁禁养区散养户23户，12家规模养殖场完成治污设施改造并通过检测，相关投诉下降八成。',
  },
  {
    title: '困难群众大病救助',
    area: 'officer',
    match: '透析|大病|医疗救助',
    items: 24,
    summary: '多户群众家中主要劳动力患重病，医疗费用负担重，希望简化大病救助申请、扩大救助覆盖面。',
    goal: '建立因病致贫返贫动态监测机制，符合条件的困难群众大病救助应救尽救、一次办结。',
    lead: '县医保局',
    co: ['县民政局', '县卫生健康局'],
    stage: 'in_progress',
    opened: 150,
    milestones: [
      { title: '摸排因病致困家庭并建立台账', progress: 30, due: 20, reached: 21 },
      { title: '大病救助“一站式”窗口在镇便民服务中心开通', progress: 60, due: 60, reached: 55 },
      { title: '救助资金全部发放到户', progress: 100, due: 160 },
    ],
  },
  {
    title: '断头路影响出行',
    area: 'hot',
    match: '打通',
    items: 22,
    summary: '多个乡镇反映村与村之间道路尚未打通，群众出行需绕行，影响农产品运输和就医上学。',
    goal: '将群众反映集中的断头路纳入“四好农村路”建设计划，分批打通。',
    lead: '县交通运输局',
    co: ['县自然资源和规划局', '县农业农村局'],
    stage: 'in_progress',
    opened: 120,
    milestones: [
      { title: '完成断头路清单梳理和路线勘察', progress: 30, due: 30, reached: 34 },
      { title: '首批路段完成政策处理和施工招标', progress: 50, due: 70 },
      { title: '首批路段建成通车', progress: 100, due: 200 },
    ],
  },
  {
    title: '自来水未全域覆盖',
    area: 'member',
    match: '自来水|供水|山泉水',
    items: 12,
    summary: '部分地势较高的自然村和偏远农户仍饮用山泉水或用水高峰水压不足，群众希望接入城乡供水管网。',
    goal: '摸清未覆盖农户底数，制定管网延伸和加压改造方案。',
    lead: '县水利局',
    co: ['县住建局'],
    stage: 'confirmed',
    opened: 45,
    milestones: [
      { title: '完成未覆盖农户入户调查', progress: 20, due: 40 },
      { title: '管网延伸工程立项', progress: 50, due: 90 },
    ],
  },
  {
    title: '农业生产需帮扶',
    area: 'officer',
    match: '林下|中药材|白茶|茶农|茶叶',
    items: 8,
    summary: '农户希望在林下经济、中药材种植和茶叶销售方面得到技术培训、贴息贷款和销售渠道帮扶。',
    goal: '',
    lead: '县农业农村局',
    co: [],
    stage: 'collecting',
    opened: 20,
    milestones: [],
  },
  {
    title: '独居老人吃饭难',
    area: 'hot',
    match: '老年食堂|独居',
    items: 15,
    summary: '山区村独居、高龄老人较多，做饭不便，群众希望办好老年食堂和助餐送餐服务。',
    goal: '每个行政村至少有一个老年食堂或助餐点，山区村提供送餐上门。',
    lead: '县民政局',
    co: ['县卫生健康局'],
    stage: 'partly_solved',
    opened: 280,
    milestones: [
      { title: '出台助餐服务补贴办法', progress: 40, due: 30, reached: 28 },
      { title: '平原村老年食堂全覆盖', progress: 70, due: 120, reached: 130 },
      { title: '山区村送餐服务覆盖', progress: 100, due: 220 },
    ],
    outcome: '新建老年食堂和助餐点41个，平原村实现全覆盖；山区村送餐服务已覆盖六成，其余列入明年计划。',
  },
  {
    title: '公交班次少、末班车早',
    area: 'member',
    match: '公交',
    items: 10,
    summary: '群众反映到县城的公交班次少、末班车早，进城看病办事不方便。',
    goal: '优化城乡公交线路，主要线路增加班次、延长末班时间。',
    lead: '县交通运输局',
    co: [],
    stage: 'in_progress',
    opened: 70,
    milestones: [
      { title: '完成客流调查和线路优化方案', progress: 40, due: 25, reached: 24 },
      { title: '新时刻表试运行', progress: 80, due: 45 },
      { title: '评估后正式运行', progress: 100, due: 90 },
    ],
  },
];

/** Contact stations: a street's and a town's 委员联络站, a village 联络点, and one still being set up (unpublished). */
const STATIONS = [
  { area: 'member', suffix: '政协委员联络站', hours: '每周三 9:00–11:30，每月第三个周六 9:00–11:30', published: true },
  { area: 'officer', suffix: '政协委员联络站', hours: '每周二、周四 14:00–17:00', published: true },
  { area: 'village', suffix: '委员联络点', hours: '每月 5 日、20 日上午', published: true },
  { area: 'other', suffix: '政协委员联络站', hours: '筹建中', published: false },
] as const;

const DAY = 86_400_000;
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

async function rows<T>(tx: Tx, q: ReturnType<typeof sql>): Promise<T[]> {
  return (await tx.execute(q)).rows as T[];
}

/** The townships the demo logins belong to: the officer's and member1's (so the demo walk-through shows them). */
async function areas(tx: Tx) {
  const [a] = await rows<{ officer: number | null; member: number | null }>(
    tx,
    sql`select (select township_id from users where username = 'officer1') as officer,
      (select g.township_id from users u join members m on m.id = u.member_id join liaison_groups g on g.id = m.group_id
        where u.username = 'member1') as member`,
  );
  return a;
}

async function writeProblems(tx: Tx, clock: DemoClock, adminId: number | null) {
  const area = await areas(tx);
  if (!area.officer || !area.member) return;
  const depts = new Map(
    (await rows<{ id: number; name: string }>(tx, sql`select id, name from departments where township_id is null`)).map(
      (d) => [d.name, d.id],
    ),
  );
  // Early in the year the problems' stories are compressed into the days since 1 January (at least 120 days back).
  const span = Math.max(
    120,
    Math.round((clock.todayAt.getTime() - Date.parse(`${clock.yearStart}T00:00:00+08:00`)) / DAY),
  );
  const scale = Math.min(1, span / 300);
  const taken = new Set<number>();
  for (const p of DEMO_PROBLEMS) {
    const townshipId =
      p.area === 'officer'
        ? area.officer
        : p.area === 'member'
          ? area.member
          : (
              await rows<{ id: number }>(
                tx,
                sql`select v.parent_id as id from opinions o join regions v on v.id = o.region_id
                  where o.content ~ ${p.match} and v.parent_id not in (${area.officer}, ${area.member})
                  group by v.parent_id order by count(*) desc, v.parent_id limit 1`,
              )
            )[0]?.id;
    if (!townshipId) continue;
    const regionId = townshipId;
    const opened = Math.max(3, Math.round(p.opened * scale));
    const d = (n: number) => clock.day(-opened + Math.round(n * scale));
    // Items of the area raised before the problem was opened or while it is followed, normal confidentiality only.
    const candidates = await rows<{ id: number; received: string }>(
      tx,
      sql`select o.id, (o.received_at at time zone 'Asia/Shanghai')::date::text as received from opinions o
        left join regions v on v.id = o.region_id
        where o.content ~ ${p.match} and o.confidentiality = 'normal' and o.merged_into_id is null
          and o.status not in ('not_accepted', 'merged')
          and o.received_at < ${at(d(0), '00:00')}::timestamptz + interval '60 days'
          and (v.id = ${townshipId} or v.parent_id = ${townshipId})
        order by o.received_at desc, o.id`,
    );
    const items = candidates.filter((c) => !taken.has(c.id)).slice(0, p.items);
    if (items.length < 5) continue;
    for (const c of items) taken.add(c.id);

    const reached = p.milestones.filter((m) => m.reached !== undefined && d(m.reached) < clock.today);
    const solved = p.stage === 'solved' || p.stage === 'partly_solved';
    const progress = p.stage === 'solved' ? 100 : reached.reduce((mx, m) => Math.max(mx, m.progress), 0);
    // Status moves: opened collecting, confirmed a week on, in progress when the first milestone is set.
    const moves: { to: Stage; day: string }[] = [];
    if (p.stage !== 'collecting') moves.push({ to: 'confirmed', day: d(7) });
    if (p.stage === 'in_progress' || solved) moves.push({ to: 'in_progress', day: d(10) });
    const lastReached = reached.reduce((mx, m) => Math.max(mx, m.reached!), 10);
    if (solved) moves.push({ to: p.stage, day: clock.past(d(lastReached + 5)) });
    const last = moves.at(-1)?.day ?? d(0);
    const closedAt = solved ? at(last, '16:00') : null;
    const lead = depts.get(p.lead) ?? null;
    const co = p.co.map((n) => depts.get(n)).filter((x): x is number => x !== undefined);
    const [{ id }] = await rows<{ id: number }>(
      tx,
      sql`insert into livelihood_problems (title, summary, region_id, year, status, goal, outcome, lead_department_id,
          progress, published, created_by, created_at, updated_at, closed_at)
        values (${p.title}, ${p.summary}, ${regionId}, ${clock.year}, ${p.stage}, ${p.goal}, ${solved ? (p.outcome ?? '') : ''},
          ${p.stage === 'collecting' ? null : lead}, ${progress}, true, ${adminId}, ${at(d(0), '10:00')}::timestamptz,
          ${at(last, '16:00')}::timestamptz, ${closedAt}::timestamptz)
        returning id`,
    );
    if (p.stage !== 'collecting' && co.length)
      await tx.execute(sql`insert into problem_departments (problem_id, department_id)
        values ${sql.join(
          co.map((x) => sql`(${id}, ${x})`),
          sql`, `,
        )}`);
    // Items raised before the problem was opened are linked on creation, later ones when they come in.
    const linkDay = (received: string) => (received > d(0) ? clock.past(clock.add(received, 1)) : d(0));
    await tx.execute(sql`insert into problem_items (problem_id, opinion_id, linked_by, linked_at)
      values ${sql.join(
        items.map((c) => sql`(${id}, ${c.id}, ${adminId}, ${at(linkDay(c.received), '10:30')}::timestamptz)`),
        sql`, `,
      )}`);

    const events: ReturnType<typeof sql>[] = [];
    const ev = (type: string, from: string | null, to: string | null, payload: object, when: string) =>
      events.push(
        sql`(${id}, ${type}, ${from}, ${to}, ${JSON.stringify(payload)}::jsonb, ${adminId}, ${when}::timestamptz)`,
      );
    const initial = items.filter((c) => c.received <= d(0)).map((c) => c.id);
    ev(
      'created',
      null,
      'collecting',
      { title: p.title, regionId, year: clock.year, opinionIds: initial },
      at(d(0), '10:00'),
    );
    const later = new Map<string, number[]>();
    for (const c of items)
      if (c.received > d(0)) later.set(linkDay(c.received), [...(later.get(linkDay(c.received)) ?? []), c.id]);
    for (const [day, ids] of later) ev('items_linked', null, null, { opinionIds: ids }, at(day, '10:30'));
    let from: Stage = 'collecting';
    for (const m of moves) {
      if (m.to === 'confirmed' && lead !== null)
        ev('updated', null, null, { leadDepartmentId: lead, departmentIds: co }, at(m.day, '09:30'));
      const payload =
        m.to === 'solved' || m.to === 'partly_solved'
          ? { note: '', outcome: p.outcome ?? '', progress }
          : { note: m.to === 'confirmed' ? '经办公室研究，列为年度民生问题跟踪办理' : '', progress: 0 };
      ev('status', from, m.to, payload, at(m.day, '11:00'));
      from = m.to;
    }
    // Milestones are set when the work starts; reached ones move the progress.
    let best = 0;
    for (const m of p.milestones) {
      if (p.stage === 'collecting' || p.stage === 'confirmed') {
        if (d(m.due) < clock.today || m.reached !== undefined) continue;
      }
      const setOn = p.stage === 'confirmed' ? d(7) : d(10);
      if (setOn >= clock.today) continue;
      const reachedOn = m.reached !== undefined && d(m.reached) < clock.today ? d(m.reached) : null;
      const [{ id: milestoneId }] = await rows<{ id: number }>(
        tx,
        sql`insert into problem_milestones (problem_id, title, due_date, progress, reached_at, note, created_by, created_at)
          values (${id}, ${m.title}, ${d(m.due)}, ${m.progress}, ${reachedOn}, ${reachedOn ? (m.note ?? '') : ''},
            ${adminId}, ${at(setOn, '14:00')}::timestamptz) returning id`,
      );
      const base = { milestoneId, title: m.title, dueDate: d(m.due), progress: m.progress, note: '' };
      ev('milestone_added', null, null, { ...base, reachedAt: null, problemProgress: best }, at(setOn, '14:00'));
      if (reachedOn) {
        best = Math.max(best, m.progress);
        ev(
          'milestone_reached',
          null,
          null,
          { milestoneId, title: m.title, reachedAt: reachedOn, note: m.note ?? '', problemProgress: best },
          at(reachedOn, '15:00'),
        );
      }
    }
    await tx.execute(sql`insert into problem_events (problem_id, type, from_status, to_status, payload, actor_user_id, at)
      values ${sql.join(events, sql`, `)}`);
  }
}

async function writeStations(tx: Tx, rng: Rng, clock: DemoClock) {
  const area = await areas(tx);
  if (!area.officer || !area.member) return;
  const towns = await rows<{ id: number; name: string }>(
    tx,
    sql`select id, name from regions where level = 'township' order by code`,
  );
  const [village] = await rows<{ id: number; name: string; town: string }>(
    tx,
    sql`select v.id, v.name, t.name as town from regions v join regions t on t.id = v.parent_id
      where v.level = 'village' and t.id not in (${area.officer}, ${area.member})
        and (select count(*) from member_villages mv where mv.region_id = v.id) >= 2
      order by v.code limit 1`,
  );
  const other = towns.find((t) => t.id !== area.officer && t.id !== area.member && t.name !== village?.town);
  for (const s of STATIONS) {
    const place =
      s.area === 'village'
        ? village && { id: village.id, name: village.name, township: null as number | null }
        : s.area === 'other'
          ? other && { id: other.id, name: other.name, township: other.id }
          : towns.find((t) => t.id === area[s.area]) && {
              id: area[s.area]!,
              name: towns.find((t) => t.id === area[s.area])!.name,
              township: area[s.area]!,
            };
    if (!place) continue;
    // Members of the township's liaison group (the demo logins first), or those who cover the village.
    const people = await rows<{ id: number }>(
      tx,
      place.township !== null
        ? sql`select m.id from members m join liaison_groups g on g.id = m.group_id
            where g.township_id = ${place.township} and m.active
            order by (select count(*) from users u where u.member_id = m.id) desc, m.id limit 3`
        : sql`select mv.member_id as id from member_villages mv where mv.region_id = ${place.id} order by mv.member_id limit 3`,
    );
    const created = at(clock.day(-rng.int(60, 200)), '09:00');
    const [{ id }] = await rows<{ id: number }>(
      tx,
      sql`insert into contact_stations (name, region_id, address, open_hours, published, active, created_at, updated_at)
        values (${`${place.name}${s.suffix}`}, ${place.id},
          ${s.area === 'village' ? `${place.name}党群服务中心二楼` : `${place.name}便民服务中心一楼`}, ${s.hours},
          ${s.published}, true, ${created}::timestamptz, ${created}::timestamptz)
        returning id`,
    );
    if (people.length)
      await tx.execute(sql`insert into contact_station_members (station_id, member_id)
        values ${sql.join(
          people.map((m) => sql`(${id}, ${m.id})`),
          sql`, `,
        )}`);
    if (!s.published || !people.length) continue;
    // A few recent web items came in through the station's QR code: they carry the station and its members.
    const via = await rows<{ id: number; received: string }>(
      tx,
      sql`select o.id, o.received_at::text as received from opinions o join regions v on v.id = o.region_id
        where o.channel = 'web' and o.contact_station_id is null and o.received_at > ${created}::timestamptz
          and (v.id = ${place.id} or v.parent_id = ${place.id})
        order by o.received_at desc, o.id limit 4`,
    );
    if (!via.length) continue;
    await tx.execute(
      sql`update opinions set contact_station_id = ${id} where id in (${sql.join(
        via.map((o) => sql`${o.id}`),
        sql`, `,
      )})`,
    );
    await tx.execute(sql`insert into opinion_originators (opinion_id, kind, member_id, name, created_at)
      select v.opinion_id, 'member', m.id, m.name, v.at from members m
      join (values ${sql.join(
        via.map((o) => sql`(${o.id}::int, ${o.received}::timestamptz)`),
        sql`, `,
      )}) as v(opinion_id, at) on true
      where m.id in (${sql.join(
        people.map((m) => sql`${m.id}`),
        sql`, `,
      )})`);
  }
}

/** About half of the closed citizen items with an answer may show that answer on the public board. */
async function writeConsent(tx: Tx, rng: Rng) {
  const closed = await rows<{ id: number }>(
    tx,
    sql`select o.id from opinions o where o.status = 'closed' and o.public_reply <> '' and o.confidentiality = 'normal'
      and exists (select 1 from opinion_originators p where p.opinion_id = o.id and p.kind = 'citizen')
      order by o.id`,
  );
  const yes = closed.filter(() => rng.chance(0.5)).map((o) => o.id);
  // One array parameter, not thousands of placeholders.
  if (yes.length)
    await tx.execute(sql`update opinions set publish_consent = true where id = any(${`{${yes.join(',')}}`}::int[])`);
}

/** Three confidential items (a dispute over compensation, the kind people fear to raise openly), named to the office. */
async function writeConfidential(tx: Tx) {
  const [admin] = await rows<{ id: number }>(tx, sql`select id from users where username = 'admin'`);
  if (!admin) return;
  const picks: { id: number; title: string; content: string; village: string | null; forwarded: boolean }[] = [];
  for (const statuses of [
    ['forwarded'],
    ['received', 'accepted', 'replied', 'reviewed', 'feedback_sent'],
    ['closed'],
  ]) {
    const [o] = await rows<{ id: number; title: string; content: string; village: string | null; status: string }>(
      tx,
      sql`select o.id, o.title, o.content, v.name as village, o.status from opinions o
        left join regions v on v.id = o.region_id
        where o.content ~ '纠纷|补偿|争议' and o.status in (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )}) and o.confidentiality = 'normal' and o.merged_into_id is null
          and not exists (select 1 from problem_items pi where pi.opinion_id = o.id)
        order by o.received_at desc, o.id limit 1`,
    );
    if (o) picks.push({ ...o, forwarded: o.status === 'forwarded' });
  }
  for (const o of picks) {
    const scrub = (s: string) =>
      (o.village ? s.split(o.village).join('某村') : s)
        .trim()
        .replace(/^(来电反映：|\d+\.\s*)/, '')
        .replace(/\d+组/g, '某组');
    await tx.execute(sql`update opinions set confidentiality = 'confidential',
        redacted_title = ${o.forwarded ? scrub(o.title) : null},
        redacted_content = ${o.forwarded ? scrub(o.content) : null},
        redaction_note = ${o.forwarded ? '已隐去反映人姓名、联系方式和具体村组，部门按脱敏件办理。' : ''}
      where id = ${o.id}`);
    await tx.execute(sql`insert into opinion_named_staff (opinion_id, user_id) values (${o.id}, ${admin.id})
      on conflict do nothing`);
  }
}

async function run(tx: Tx, rng: Rng, clock: DemoClock) {
  const [admin] = await rows<{ id: number }>(tx, sql`select id from users where username = 'admin'`);
  await writeProblems(tx, clock, admin?.id ?? null);
  await writeStations(tx, rng.fork('stations'), clock);
  await writeConsent(tx, rng.fork('consent'));
  await writeConfidential(tx);
}

/** The public-face demo step. */
export const demoPublicFace: DemoExtra = { name: 'public-face', run };
