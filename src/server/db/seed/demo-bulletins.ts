// Demo 《社情民意》: ~24 issued bulletins over last year and this, compiled from accepted demo items, with 采用, 批示, 2 drafts.
import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { DemoClock } from './demo-clock.js';
import type { DemoExtra } from './demo-extras.js';
import type { Rng } from './demo-random.js';

const DISTRIBUTION = '报：县委、县人大常委会、县政府、县政协主要领导\n送：县政协各位副主席，县级有关部门';
const LEVELS = [
  ['county', 10],
  ['city', 5],
  ['province', 2],
  ['national', 1],
] as const;
const LEADERS = ['县委书记', '县长', '常务副县长', '分管副县长', '县政协主席'];

type Item = { id: number; title: string; content: string; status: string; top: number; at: string; m1: boolean };

/** Groups accepted, not yet compiled items by top-level category, oldest first. */
async function candidates(tx: Tx, from: string, to: string): Promise<Map<number, Item[]>> {
  const res = await tx.execute(sql`select o.id, o.title, o.content, o.status, coalesce(c.parent_id, c.id) as top,
      to_char(o.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as at,
      exists (select 1 from opinion_originators oo join users u on u.member_id = oo.member_id
        where oo.opinion_id = o.id and u.username = 'member1') as m1
    from opinions o join opinion_categories c on c.id = o.category_id
    where o.status in ('accepted','forwarded','replied','reviewed','replied_directly','feedback_sent','rated','closed')
      and not o.is_in_bulletin and o.received_at >= ${from}::timestamptz and o.received_at < ${to}::timestamptz
      and exists (select 1 from opinion_originators oo where oo.opinion_id = o.id and oo.member_id is not null)
    order by o.received_at, o.id`);
  const out = new Map<number, Item[]>();
  for (const r of res.rows as Item[]) out.set(r.top, [...(out.get(r.top) ?? []), r]);
  return out;
}

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

/** The edited body: an opening, the items' text, and the suggestions — kept under the 1,500-character limit. */
function bodyOf(items: Item[]): string {
  const facts = items.map((x) => x.content.replace(/\s+/g, '')).join('\n');
  const text = `近期，委员在联系群众中收集到以下反映：\n${facts}\n建议有关部门高度重视，深入调查研究，制定切实可行的措施，及时回应群众关切。`;
  return text.slice(0, 1400);
}

/** Writes one bulletin, its items (compiled as the transition would: flag + opinion_events row) and record events. */
async function writeBulletin(
  tx: Tx,
  admin: { id: number; name: string },
  items: Item[],
  b: {
    year: number;
    number: number | null;
    status: string;
    issueDate: string | null;
    signer: { id: number; name: string } | null;
  },
  draftDate: string,
) {
  const at = `${b.issueDate ?? draftDate}T09:00:00+08:00`;
  const title = `关于${items[0].title.replace(/^关于|的(建议|问题|反映)$/g, '')}的建议`.slice(0, 60);
  const ins = await tx.execute(sql`insert into bulletins (year, number, title, body, category_id, status, distribution,
      editor_id, signed_off_by, signed_off_at, issued_at, issue_date, created_at, updated_at)
    values (${b.year}, ${b.number}, ${title}, ${bodyOf(items)}, ${items[0].top}, ${b.status}, ${DISTRIBUTION},
      ${admin.id}, ${b.signer?.id ?? null}, ${b.signer ? at : null}::timestamptz, ${b.issueDate ? at : null}::timestamptz,
      ${b.issueDate}::date, ${at}::timestamptz, ${at}::timestamptz) returning id`);
  const id = (ins.rows[0] as { id: number }).id;
  for (const it of items) {
    await tx.execute(sql`insert into bulletin_items (bulletin_id, opinion_id) values (${id}, ${it.id})`);
    await tx.execute(sql`update opinions set is_in_bulletin = true where id = ${it.id}`);
    await tx.execute(sql`insert into opinion_events (opinion_id, type, from_status, to_status, payload, actor_user_id,
        actor_kind, actor_name, at)
      values (${it.id}, 'compile_into_bulletin', ${it.status}, ${it.status}, ${JSON.stringify({ bulletinId: id })}::jsonb,
        ${admin.id}, 'user', ${admin.name}, ${at}::timestamptz)`);
  }
  const steps = b.status === 'issued' ? ['create', 'submit', 'sign_off', 'issue'] : ['create'];
  for (const [i, type] of steps.entries()) {
    // A day between steps, ending on the issue date; the sign-off is the leader's.
    const when = new Date(Date.parse(at) - (steps.length - 1 - i) * 86400000).toISOString();
    const who = type === 'sign_off' && b.signer ? b.signer : admin;
    await tx.execute(sql`insert into record_events (entity, entity_id, type, payload, actor_user_id, actor_name, at)
      values ('bulletin', ${id}, ${type}, ${JSON.stringify(type === 'issue' ? { year: b.year, number: b.number } : {})}::jsonb,
        ${who.id}, ${who.name}, ${when}::timestamptz)`);
  }
  return id;
}

async function run(tx: Tx, rng: Rng, clock: DemoClock) {
  /** Outcome dates never pass the demo's today. */
  const upToToday = (iso: string) => (iso > clock.today ? clock.today : iso);
  const lastIssue = clock.day(-1);
  const users = await tx.execute(sql`select id, display_name as name, roles from users
    where roles && array['admin','leader']::text[] order by id`);
  const all = users.rows as { id: number; name: string; roles: string[] }[];
  const admin = all.find((u) => u.roles.includes('admin'));
  if (!admin) return;
  const signer = all.find((u) => u.roles.includes('leader')) ?? admin;
  const byYear = {
    last: [...(await candidates(tx, clock.shift('2024-12-01'), clock.shift('2025-12-01'))).values()].filter(
      (g) => g.length >= 2,
    ),
    this: [...(await candidates(tx, clock.shift('2025-12-01'), clock.day(-22))).values()].filter((g) => g.length >= 2),
  };
  const plans: { take: Item[]; issueDate: string; draft: boolean }[] = [];
  for (let k = 0; k < 26; k++) {
    const groups = byYear[k < 12 ? 'last' : 'this'];
    if (groups.length === 0) continue;
    // Two issues (one a year) credit the demo login member1, so their 《社情民意》 list and score show it.
    const forM1 = k === 5 || k === 15;
    const group = (forM1 && groups.find((g) => g.some((x) => x.m1))) || groups[k % groups.length];
    const m1At = forM1 ? group.findIndex((x) => x.m1) : -1;
    // A random run of neighbours in time, so the issues spread over the year.
    const take =
      m1At >= 0 ? group.splice(m1At, 1) : group.splice(rng.int(0, Math.max(0, group.length - 3)), rng.int(1, 3));
    if (take.length === 0) continue;
    const latest = take.reduce((m, x) => (x.at > m ? x.at : m), take[0].at);
    const issueDate = addDays(latest, rng.int(10, 40));
    plans.push({ take, issueDate: issueDate > lastIssue ? lastIssue : issueDate, draft: k >= 24 });
  }
  // Numbers follow the issue dates within each year, as issuing assigns them.
  plans.sort((x, y) => (x.issueDate < y.issueDate ? -1 : x.issueDate > y.issueDate ? 1 : 0));
  const numbers: Record<number, number> = {};
  for (const [k, p] of plans.entries()) {
    if (p.draft) {
      await writeBulletin(
        tx,
        admin,
        p.take,
        {
          year: clock.year,
          number: null,
          status: 'draft',
          issueDate: null,
          signer: null,
        },
        clock.day(-4),
      );
      continue;
    }
    const year = Number(p.issueDate.slice(0, 4));
    numbers[year] = (numbers[year] ?? 0) + 1;
    const id = await writeBulletin(
      tx,
      admin,
      p.take,
      {
        year,
        number: numbers[year],
        status: 'issued',
        issueDate: p.issueDate,
        signer,
      },
      lastIssue,
    );
    const forced = k === 4 ? 'province' : k === 9 ? 'national' : k === 15 ? 'province' : null;
    if (forced || rng.chance(0.6)) {
      const level = forced ?? rng.weighted(LEVELS);
      await tx.execute(sql`insert into bulletin_outcomes (bulletin_id, kind, level, date, text, follow_up, created_by)
        values (${id}, 'adoption', ${level}, ${upToToday(addDays(p.issueDate, rng.int(7, 45)))}, '', '', ${admin.id})`);
    }
    if (k % 5 === 2 || rng.chance(0.15)) {
      await tx.execute(sql`insert into bulletin_outcomes (bulletin_id, kind, leader_name, date, text, follow_up, created_by)
        values (${id}, 'instruction', ${rng.pick(LEADERS)}, ${upToToday(addDays(p.issueDate, rng.int(3, 20)))},
          '请相关部门认真研究，提出解决办法，抓好落实。', '已交办相关部门办理', ${admin.id})`);
    }
  }
}

/** The bulletin demo step. */
export const demoBulletins: DemoExtra = { name: 'bulletins', run };
