// Plays one demo 社情民意 item through the lifecycle up to the demo's today: the events in order and the columns they leave.
import { addWorkingDays, OFFICIAL_CALENDAR } from '../../../core/calendar/index.js';
import type { OpinionStatus } from '../../../core/opinions/index.js';
import { NOT_ACCEPT_REASONS, SATISFIED_COMMENTS, UNSATISFIED_COMMENTS } from './demo-opinions-rules.js';
import type { Rng } from './demo-random.js';

/** Who did something: a demo login by username, or a named person or office without one. */
export interface EventActor {
  kind: 'user' | 'citizen' | 'system';
  username?: string;
  name: string;
}

/** One event of the plan; department and merge references are names and plan indexes, resolved when written. */
export interface PlannedEvent {
  type: string;
  from: OpinionStatus | null;
  to: OpinionStatus;
  at: Date;
  payload: Record<string, unknown>;
  actor: EventActor;
}

/** What the item's story depends on. */
export interface HistoryInput {
  /** The demo's today (start of the load date, China time): nothing happens on or after it. */
  today: Date;
  receivedAt: Date;
  receivedBy: EventActor;
  channel: string;
  urgent: boolean;
  replyDays: number;
  dept: string;
  otherDepts: readonly string[];
  title: string;
  doneText: string;
  progressText: string;
  rater: EventActor;
  /** Plan index of an earlier item this one duplicates, when the office merges it. */
  mergeTarget: number | null;
}

/** The item as the demo's today finds it. */
export interface History {
  status: OpinionStatus;
  events: PlannedEvent[];
  leadDept: string | null;
  deadline: string | null;
  assignments: Map<string, { role: 'lead' | 'co'; active: boolean }>;
  publicReply: string;
  closedAt: Date | null;
  mergedInto: number | null;
  isInBulletin: boolean;
  isEscalated: boolean;
  hasPendingExtension: boolean;
}

const HOUR = 3_600_000;
const OFFICE: EventActor = { kind: 'user', username: 'admin', name: '县政协办公室' };
const SCHEDULER: EventActor = { kind: 'system', name: '系统' };

/** The department's handler: dept1 for 县交通运输局, a named handler without a login elsewhere. */
export function deptActor(dept: string): EventActor {
  return dept === '县交通运输局'
    ? { kind: 'user', username: 'dept1', name: '县交通运输局 承办人' }
    : { kind: 'user', name: `${dept} 承办人` };
}

/** Simulates the item; every event's from-status is the previous to-status, and nothing happens after the demo's today. */
export function playHistory(rng: Rng, input: HistoryInput): History {
  const h: History = {
    status: 'received',
    events: [],
    leadDept: null,
    deadline: null,
    assignments: new Map(),
    publicReply: '',
    closedAt: null,
    mergedInto: null,
    isInBulletin: false,
    isEscalated: false,
    hasPendingExtension: false,
  };
  let now = input.receivedAt;
  h.events.push({
    type: 'received',
    from: null,
    to: 'received',
    at: now,
    payload: { channel: input.channel },
    actor: input.receivedBy,
  });
  // A moment n working days on (office hours), or n hours on; always after the previous event.
  const wd = (n: number) => {
    const end = addWorkingDays(now, n, OFFICIAL_CALENDAR).at.getTime() - rng.int(0, 8 * 60) * 60_000;
    return new Date(Math.max(end, now.getTime() + rng.int(10, 90) * 60_000));
  };
  const hours = (a: number, b: number) => new Date(now.getTime() + rng.int(a * 60, b * 60) * 60_000);
  // Appends an event unless it would fall after today; false stops the story there.
  const go = (type: string, to: OpinionStatus | null, at: Date, payload: Record<string, unknown>, actor = OFFICE) => {
    if (at.getTime() >= input.today.getTime()) return false;
    const next = to ?? h.status;
    h.events.push({ type, from: h.status, to: next, at, payload, actor });
    h.status = next;
    now = at;
    return true;
  };

  // Triage: slow offices leave a few items waiting past the acceptance deadline.
  const triage = input.urgent ? hours(1, 2) : rng.chance(0.05) ? wd(rng.int(2, 6)) : wd(rng.int(0, 1));
  const outcome = rng.weighted([
    ['not_accept', 6],
    ['merge', input.mergeTarget !== null ? 3 : 0],
    ['accept', 91],
  ] as const);
  if (outcome === 'not_accept') {
    go('not_accept', 'not_accepted', triage, { reason: rng.pick(NOT_ACCEPT_REASONS) });
    return h;
  }
  if (outcome === 'merge') {
    if (go('merge', 'merged', triage, { targetIndex: input.mergeTarget, note: '同一事项，合并办理' }))
      h.mergedInto = input.mergeTarget;
    return h;
  }
  if (!go('accept', 'accepted', triage, {})) return h;
  if (rng.chance(0.04) && go('compile_into_bulletin', null, hours(1, 4), { note: '编入《社情民意》' }))
    h.isInBulletin = true;
  if (rng.chance(0.01) && go('escalate_to_proposal', null, hours(1, 4), { note: '转为委员提案' })) h.isEscalated = true;

  let round = 0;
  let lead = input.dept;
  for (;;) {
    round++;
    const direct = round === 1 ? rng.chance(0.05) : rng.chance(0.3);
    if (direct) {
      const content = `经办公室核实：${input.doneText}`;
      if (!go('reply_directly', 'replied_directly', wd(rng.int(1, 4)), { content, attachmentIds: [] })) return h;
      h.publicReply = content;
    } else if (!department(round)) return h;
    if (!go('send_feedback', 'feedback_sent', wd(rng.int(0, 2)), { note: '已通过短信和跟踪页告知' })) return h;
    if (rng.chance(0.15)) {
      // Nobody rated: the scheduler closes after the rating window.
      if (go('close', 'closed', wd(10), { note: '评价期满自动办结' }, SCHEDULER)) h.closedAt = now;
      return h;
    }
    const unhappy = rng.chance(round === 1 ? 0.2 : 0.08);
    const rating = unhappy ? 'unsatisfied' : rng.chance(0.7) ? 'satisfied' : 'basically_satisfied';
    const comment = unhappy ? rng.pick(UNSATISFIED_COMMENTS) : rng.pick(SATISFIED_COMMENTS);
    if (!go('rate', unhappy ? 'reopened' : 'rated', hours(4, 24 * 8), { rating, comment }, input.rater)) return h;
    if (!unhappy) {
      if (go('close', 'closed', wd(rng.int(1, 6)), {}, rng.chance(0.5) ? OFFICE : SCHEDULER)) h.closedAt = now;
      return h;
    }
    // 不满意: supervised again, or closed by the office after explaining.
    if (round >= 2 || rng.chance(0.15)) {
      if (go('close', 'closed', wd(rng.int(2, 8)), { note: '经回访解释，督办结束' })) h.closedAt = now;
      return h;
    }
    if (rng.chance(0.3)) lead = rng.pick(input.otherDepts);
  }

  // Forwarding, department work and the office's review; false when today comes first.
  function department(r: number): boolean {
    const co = rng.chance(0.25)
      ? rng.sample(
          input.otherDepts.filter((d) => d !== lead),
          rng.int(1, 2),
        )
      : [];
    const at = r === 1 ? wd(rng.int(0, 2)) : wd(rng.int(1, 3));
    let deadline = addWorkingDays(at, input.replyDays, OFFICIAL_CALENDAR).date;
    const instructions = r === 1 ? '请认真核实办理，按期答复。' : '群众对答复不满意，请重新核实办理并加强沟通。';
    if (!go('forward', 'forwarded', at, { leadDept: lead, coDepts: co, deadline, instructions })) return false;
    for (const a of h.assignments.values()) a.active = false;
    h.assignments.set(lead, { role: 'lead', active: true });
    for (const d of co) h.assignments.set(d, { role: 'co', active: true });
    h.leadDept = lead;
    h.deadline = deadline;
    h.hasPendingExtension = false;
    const handler = deptActor(lead);
    for (const d of co) if (!go('add_co_opinion', null, wd(rng.int(2, 5)), coOpinion(d), deptActor(d))) return false;
    const stuck = rng.chance(0.03);
    if (!stuck && rng.chance(0.04)) {
      const requestedDeadline = addWorkingDays(deadline, 10, OFFICIAL_CALENDAR).date;
      const reason = '涉及项目资金和施工安排，需协调多个单位，申请延期。';
      if (!go('request_extension', null, wd(rng.int(5, 9)), { reason, requestedDeadline }, handler)) return false;
      h.hasPendingExtension = true;
      if (!go('approve_extension', null, wd(1), { newDeadline: requestedDeadline })) return false;
      h.hasPendingExtension = false;
      h.deadline = deadline = requestedDeadline;
    }
    const late = stuck || rng.chance(0.12);
    const start = now;
    const due = addWorkingDays(deadline, 0, OFFICIAL_CALENDAR).at;
    if (late) {
      now = new Date(Math.max(now.getTime(), due.getTime() + 2 * HOUR));
      if (!go('urge', null, wd(1), { note: '已超过办理期限，请抓紧答复' }, SCHEDULER)) return false;
      if (stuck) return false;
    }
    const replyAt = late ? wd(rng.int(1, 10)) : onTime(start, due);
    const content = `${lead}答复：${rng.chance(0.8) ? input.doneText : input.progressText}`;
    if (!go('reply', 'replied', replyAt, { content, attachmentIds: [] }, handler)) return false;
    let answer = content;
    if (rng.chance(0.06)) {
      const reason = '答复未说明具体整改时限，请补充后重新答复。';
      if (!go('return_for_rework', 'returned_for_rework', wd(rng.int(1, 2)), { reason })) return false;
      answer = `${lead}补充答复：${input.doneText}`;
      if (!go('reply', 'replied', wd(rng.int(2, 5)), { content: answer, attachmentIds: [] }, handler)) return false;
    }
    if (!go('approve_reply', 'reviewed', wd(rng.int(1, 3)), {})) return false;
    h.publicReply = answer;
    return true;
  }

  // A reply before the deadline: somewhere between a few working days after forwarding and the due moment.
  function onTime(start: Date, due: Date): Date {
    const earliest = Math.min(addWorkingDays(start, 3, OFFICIAL_CALENDAR).at.getTime(), due.getTime() - HOUR);
    const t = earliest + rng.next() * Math.max(0, due.getTime() - HOUR - earliest);
    return new Date(Math.max(t, now.getTime() + 30 * 60_000));
  }

  function coOpinion(dept: string) {
    return { content: `${dept}协办意见：已配合现场核实，同意主办单位处理意见。`, attachmentIds: [] };
  }
}
