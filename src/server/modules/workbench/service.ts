// The 待办 workbench: per role, how many things wait for the signed-in actor, each counted by the very list function
// (or its WHERE builder) that the counter's link opens, with the link's own query, so a count equals the list's total.
import { sql } from 'drizzle-orm';
import { deptDeskQuery, type WorkbenchCounter, type WorkbenchKey } from '../../../core/workbench.js';
import { chinaYear } from '../../../core/working-year.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { listAppeals } from '../assessments/appeals.js';
import { listBulletins } from '../bulletins/read.js';
import { bulletinListQuery } from '../bulletins/schema.js';
import { complianceQuery } from '../compliance/schema.js';
import { complianceView } from '../compliance/service.js';
import { countOpinions, type ListClock, listClock } from '../opinions/read.js';
import { opinionListQuery } from '../opinions/schema.js';
import { listProposals } from '../proposals/read.js';
import { proposalListQuery } from '../proposals/schema.js';

type Params = Record<string, string>;
type Tone = WorkbenchCounter['tone'];

/** A counter before counting: its key, web path and URL parameters, and how to count the list they open. */
interface Spec {
  key: WorkbenchKey;
  path: string;
  params: Params;
  tone?: Tone;
  labelParams?: Record<string, string | number>;
  count: () => Promise<number>;
}

/** The web URL of a filtered list. */
export function linkOf(path: string, params: Params): string {
  const q = new URLSearchParams(params).toString();
  return q ? `${path}?${q}` : path;
}

interface Ctx {
  db: DbOrTx;
  a: Actor;
  now: Date;
  year: number;
  clock: () => Promise<ListClock>;
}

/** An inbox counter (/opinions) counted with the inbox's WHERE builder. */
function inbox(c: Ctx, key: WorkbenchKey, params: Params, tone?: Tone): Spec {
  const count = async () => countOpinions(c.db, c.a, opinionListQuery.parse(params), await c.clock());
  return { key, path: '/opinions', params, tone, count };
}

/** A department-desk counter (/dept): the desk turns its URL into the API query by deptDeskQuery, so do we. */
function desk(c: Ctx, key: WorkbenchKey, params: Params, tone?: Tone): Spec {
  const count = async () => countOpinions(c.db, c.a, opinionListQuery.parse(deptDeskQuery(params)), await c.clock());
  return { key, path: '/dept', params, tone, count };
}

/** A bulletin-archive counter: the archive's own list (one row) and its total. */
function bulletins(c: Ctx, key: WorkbenchKey, params: Params, tone?: Tone): Spec {
  const count = async () =>
    (await listBulletins(c.db, c.a, bulletinListQuery.parse({ ...params, pageSize: '1' }))).total;
  return { key, path: '/bulletins', params, tone, count };
}

function officeSpecs(c: Ctx): Spec[] {
  const proposals: Params = { box: 'all', status: 'submitted' };
  return [
    inbox(c, 'received', { status: 'received' }),
    inbox(c, 'dueSoon', { dueSoon: 'true' }, 'warning'),
    inbox(c, 'overdue', { overdue: 'true' }, 'danger'),
    inbox(c, 'extensionPending', { extensionPending: 'true' }),
    inbox(c, 'replyReview', { status: 'replied' }),
    inbox(c, 'feedbackPending', { feedbackPending: 'true' }),
    inbox(c, 'compilable', { compilable: 'true' }),
    {
      key: 'proposalsToDecide',
      path: '/proposals',
      params: proposals,
      count: async () =>
        (await listProposals(c.db, c.a, proposalListQuery.parse({ ...proposals, pageSize: '1' }), c.now)).total,
    },
  ];
}

/** Pending appeals, one counter per year that has any (the appeals list is per year); none: this year's, zero. */
async function appealSpecs(c: Ctx): Promise<Spec[]> {
  const res = await c.db.execute(sql`select distinct year from assessment_appeals where status = 'pending'
    order by year desc`);
  const years = (res.rows as { year: number }[]).map((r) => Number(r.year));
  if (!years.length) {
    const params = { year: String(c.year), tab: 'appeals', status: 'pending' };
    return [
      { key: 'appealsPending', path: '/assessment', params, labelParams: { year: c.year }, count: async () => 0 },
    ];
  }
  return years.map((year) => ({
    key: 'appealsPending' as const,
    path: '/assessment',
    params: { year: String(year), tab: 'appeals', status: 'pending' },
    labelParams: { year },
    count: async () => (await listAppeals(c.db, c.a, year, undefined, 'pending')).items.length,
  }));
}

/** Issues of this year still without a leader's 批示 (the 批示 to record). */
const instructionSpec = (c: Ctx) =>
  bulletins(c, 'instructionsToRecord', { status: 'issued', instructed: 'false', year: String(c.year) });

async function specsFor(c: Ctx): Promise<Spec[]> {
  const { a } = c;
  const out: Spec[] = [];
  if (hasRole(a, 'dept_handler') && a.departmentId)
    out.push(
      desk(c, 'deptTodo', {}),
      desk(c, 'deptDueSoon', { dueSoon: 'true' }, 'warning'),
      desk(c, 'deptOverdue', { overdue: 'true' }, 'danger'),
      desk(c, 'deptRework', { status: 'returned_for_rework' }),
      desk(c, 'deptExtensionPending', { extensionPending: 'true' }),
    );
  if (hasRole(a, 'admin')) out.push(...officeSpecs(c), ...(await appealSpecs(c)), instructionSpec(c));
  if (hasRole(a, 'leader'))
    out.push(bulletins(c, 'bulletinsToSignOff', { status: 'submitted' }, 'warning'), instructionSpec(c));
  if (hasRole(a, 'info_officer') && a.townshipId)
    out.push(inbox(c, 'townshipReceived', { status: 'received', regionId: String(a.townshipId) }));
  if (hasRole(a, 'group_leader') && a.groupId) {
    const params = { kind: 'member', groupId: String(a.groupId), year: String(c.year) };
    out.push({
      key: 'membersBelowQuota',
      path: '/compliance',
      params,
      tone: 'warning',
      count: async () =>
        (await complianceView(c.db, a, complianceQuery.parse({ ...params, pageSize: '1' }), c.now)).total,
    });
  }
  if (hasRole(a, 'member') && a.memberId)
    out.push(inbox(c, 'feedbackToRate', { status: 'feedback_sent', memberId: String(a.memberId) }));
  return out;
}

/** GET /workbench: the actor's counters in role order (a list two roles both bring shows once). */
export async function loadWorkbench(db: DbOrTx, a: Actor, now: Date): Promise<{ items: WorkbenchCounter[] }> {
  let clock: Promise<ListClock> | null = null;
  const c: Ctx = { db, a, now, year: chinaYear(now), clock: () => (clock ??= listClock(db, now)) };
  const seen = new Set<string>();
  const items: WorkbenchCounter[] = [];
  for (const s of await specsFor(c)) {
    const link = linkOf(s.path, s.params);
    if (seen.has(link)) continue;
    seen.add(link);
    // Sequential on purpose: PGlite serves one query at a time and a pool connection is not worth a burst here.
    const count = await s.count();
    items.push({
      key: s.key,
      count,
      link,
      ...(s.tone && count > 0 ? { tone: s.tone } : {}),
      ...(s.labelParams ? { params: s.labelParams } : {}),
    });
  }
  return { items };
}
