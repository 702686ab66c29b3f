// Loads the three paper forms' data within the actor's scope and renders them; shared by the HTTP routes and the CLI.
import type { Writable } from 'node:stream';
import { setImmediate as yieldTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { shiftDate } from '../../../core/calendar/index.js';
import {
  CONTACT_METHODS,
  EDUCATION,
  GENDER,
  HANDLING_STATUS,
  labelOf,
  POLITICAL_STATUS,
  PURPOSE_TAGS,
} from '../../../core/code-lists.js';
import { ageFromBirthYear, chinaYear, yearRange } from '../../../core/working-year.js';
import { TITLES } from '../../adapters/renderers/format.js';
import {
  prefetched,
  type RecordCardData,
  type RegistrationFormData,
  type RenderJob,
  renderDocument,
  type SummaryFormData,
  type SummaryHead,
  type SummaryRow,
  streamSummaryXlsx,
} from '../../adapters/renderers/index.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { fieldError, notFound } from '../../errors.js';
import { loadActivity } from '../activities/service.js';
import { presentPerson } from '../common/present-person.js';
import { memberIdsVisible, seesAll } from '../common/scope.js';
import { ownsRepresentative } from '../representatives/service.js';
import { currentTermId } from '../sectors/service.js';

/** The three paper forms. */
export type FormKind = 'registration' | 'record-card' | 'summary';
/** The two file formats every form renders to. */
export type FormFormat = 'xlsx' | 'pdf';
/** The input each form's renderer takes (a null record card prints blank). */
export interface FormDataOf {
  registration: RegistrationFormData;
  'record-card': RecordCardData | null;
  summary: SummaryFormData;
}

const label = (list: Parameters<typeof labelOf>[0], code: string | null | undefined) =>
  code ? (labelOf(list, code) ?? code) : '';

/** Age printed on a form: the stored age, else from the birth year as of `at` (a date or an instant). */
function ageAt(r: { age: number | null; birthYear: number | null }, at: Date | string): number | null {
  if (r.age != null) return r.age;
  if (!r.birthYear) return null;
  try {
    return ageFromBirthYear(r.birthYear, at);
  } catch {
    return null;
  }
}

/** 名单登记表 of one member: a member their own, a group leader their group's members, office and leaders anyone; else 404. */
export async function loadRegistrationData(
  db: DbOrTx,
  a: Actor,
  memberId: number,
  now = new Date(),
): Promise<RegistrationFormData> {
  const termId = await currentTermId(db);
  const [m] = (
    await db.execute(sql`
      select m.id, m.name, m.work_unit as "workUnit", m.post, coalesce(g.name, '') as "groupName", coalesce(s.name, '') as "sectorName"
      from members m left join liaison_groups g on g.id = m.group_id
        left join member_terms mt on mt.member_id = m.id and mt.term_id = ${termId} left join sectors s on s.id = mt.sector_id
      where m.id = ${memberId} and ${memberIdsVisible(a, 'm.id')}`)
  ).rows as any[];
  if (!m) throw notFound();
  const reps = (
    await db.execute(sql`
      select r.name, r.gender, r.age, r.birth_year as "birthYear", r.education, r.post, r.work_unit as "workUnit",
        r.political_status as "politicalStatus", r.address, r.phone, r.remarks,
        (select array_agg(x.member_id) from member_representatives x where x.representative_id = r.id) as "memberIds"
      from member_representatives mr join representatives r on r.id = mr.representative_id
      where mr.member_id = ${memberId} order by r.id`)
  ).rows as any[];
  return {
    member: { name: m.name, sectorName: m.sectorName, groupName: m.groupName, workUnit: m.workUnit, post: m.post },
    rows: reps.map((row) => {
      const r = presentPerson(a, 'representative', row, { isOwner: ownsRepresentative(a, row.memberIds) });
      return {
        name: r.name,
        gender: label(GENDER, r.gender),
        age: ageAt(r, now),
        education: label(EDUCATION, r.education),
        post: r.post,
        workUnit: r.workUnit,
        politicalStatus: label(POLITICAL_STATUS, r.politicalStatus),
        address: r.address,
        phone: r.phone,
        remarks: r.remarks,
      };
    }),
    generatedAt: now,
  };
}

/** 活动记录卡 of one activity the actor may see (else 404); without an id, null: the blank card. */
export async function loadRecordCardData(
  db: DbOrTx,
  a: Actor,
  activityId?: number | null,
): Promise<RecordCardData | null> {
  if (!activityId) return null;
  const act = await loadActivity(db, a, activityId);
  // The members who made the contact own its record (as the linked members own the registry entry).
  const rel = { isOwner: a.memberId !== null && act.members.some((m: any) => m.id === a.memberId) };
  const contacts = (
    await db.execute(sql`
      select r.name, r.work_unit as "workUnit", r.post, r.gender, r.age, r.birth_year as "birthYear", r.phone,
        r.political_status as "politicalStatus"
      from activity_contacts ac join representatives r on r.id = ac.representative_id
      where ac.activity_id = ${activityId} order by r.id`)
  ).rows as any[];
  return {
    date: act.date,
    members: act.members.map((m: any) => ({ name: m.name, workUnit: m.workUnit ?? '' })),
    contacts: contacts
      .map((row) => presentPerson(a, 'representative', row, rel))
      .map((c) => ({
        name: c.name,
        workUnitAndPost: [c.workUnit, c.post].filter(Boolean).join(' '),
        gender: label(GENDER, c.gender),
        age: ageAt(c, act.date),
        phone: c.phone,
        politicalStatus: label(POLITICAL_STATUS, c.politicalStatus),
      })),
    methods: (act.methods as string[]).map((code) => label(CONTACT_METHODS, code)) as RecordCardData['methods'],
    methodOther: act.methodOther,
    purposes: (act.purposes as string[]).map((code) => label(PURPOSE_TAGS, code)),
    opinions: act.opinions,
    handling: act.handling,
    villageName: [act.townshipName, act.regionName, act.location].filter(Boolean).join(' ') || undefined,
  };
}

/** Whether the actor may print a group's 汇总表: office and leaders any group, a group leader only their own. */
export function mayExportGroupSummary(a: Actor, groupId: number): boolean {
  return seesAll(a) || (hasRole(a, 'group_leader') && a.groupId === groupId);
}

/**
 * Rows of the 汇总表 read per database page: on PGlite a page of 50 is a few ms on the main thread, and the pages of
 * several downloads run back to back, so pages stay small.
 */
export const SUMMARY_PAGE_ROWS = 50;
/** The first id window's days; it doubles after an empty window and halves after one above SUMMARY_WINDOW_ROWS. */
const SUMMARY_WINDOW_DAYS = 31;
const SUMMARY_WINDOW_ROWS = 2000;

/** The 汇总表's heading for a group and period the actor may print (404 otherwise); default period: this year. */
export async function loadSummaryHead(
  db: DbOrTx,
  a: Actor,
  groupId: number,
  from?: string,
  to?: string,
  now = new Date(),
): Promise<SummaryHead> {
  if (!mayExportGroupSummary(a, groupId)) throw notFound();
  const [g] = (await db.execute(sql`select name from liaison_groups where id = ${groupId}`)).rows as any[];
  if (!g) throw notFound();
  const year = yearRange(chinaYear(now));
  const range = { from: from ?? year.from, to: to ?? year.to };
  if (range.from > range.to) throw fieldError('to', 'date_range_reversed');
  return { groupName: g.name, ...range, generatedAt: now };
}

/** Ids of the group's activities dated within [from, to], by date then id. */
async function summaryIdsIn(db: DbOrTx, groupId: number, from: string, to: string): Promise<number[]> {
  const res = await db.execute(sql`select a.id from activities a
    where a.date >= ${from}::date and a.date <= ${to}::date
      and exists (select 1 from activity_members am join members m on m.id = am.member_id
        where am.activity_id = a.id and m.group_id = ${groupId})
    order by a.date, a.id`);
  return (res.rows as { id: number }[]).map((r) => Number(r.id));
}

/**
 * The 汇总表's rows, one page at a time: one row per activity in the head's period with any member of the group, by
 * date then id. Check the head first (loadSummaryHead): this reads without asking who may see it.
 *
 * The group filter cannot follow the date index, so a keyset page over the whole period made the database gather the
 * group's activities of the rest of the period on every page (a 10,000-row year cost 2.2 s on PGlite). Instead the
 * ids are read a date window at a time (a month at first; wider after an empty one, narrower after a crowded one),
 * and the rows of each page by primary key — every query is bounded by a window or a page.
 */
export async function* summaryRowPages(
  db: DbOrTx,
  groupId: number,
  head: Pick<SummaryHead, 'from' | 'to'>,
  pageRows = SUMMARY_PAGE_ROWS,
): AsyncGenerator<SummaryRow[]> {
  const pending: number[] = [];
  let start = head.from;
  let days = SUMMARY_WINDOW_DAYS;
  for (;;) {
    if (pending.length < pageRows && start <= head.to) {
      const windowEnd = shiftDate(start, days - 1);
      const end = windowEnd < head.to ? windowEnd : head.to;
      const ids = await summaryIdsIn(db, groupId, start, end);
      pending.push(...ids);
      start = shiftDate(end, 1);
      if (ids.length === 0) days = Math.min(days * 2, 4096);
      else if (ids.length > SUMMARY_WINDOW_ROWS) days = Math.max(1, Math.floor(days / 2));
      continue;
    }
    if (!pending.length) return;
    const page = pending.splice(0, pageRows);
    // Names are gathered for the page's ids at once (grouped), not by a sub-query per row.
    const ids = sql`${`{${page.join(',')}}`}::int[]`;
    const rows = (
      await db.execute(sql`with mn as (select am.activity_id, string_agg(m.name, '、' order by m.id) as names
          from activity_members am join members m on m.id = am.member_id where am.activity_id = any(${ids}) group by 1),
        cn as (select ac.activity_id, string_agg(r.name, '、' order by r.id) as names
          from activity_contacts ac join representatives r on r.id = ac.representative_id
          where ac.activity_id = any(${ids}) group by 1)
        select a.id, a.date::text as date, a.opinions, a.handling, a.handling_status as "handlingStatus", a.methods,
          a.method_other as "methodOther", a.location, v.name as "villageName", mn.names as "memberNames",
          coalesce(cn.names, '') as "contactNames"
        from activities a left join regions v on v.id = a.region_id
          left join mn on mn.activity_id = a.id left join cn on cn.activity_id = a.id
        where a.id = any(${ids})
        order by a.date, a.id`)
    ).rows as any[];
    if (rows.length) yield rows.map(summaryRow);
  }
}

function summaryRow(r: any): SummaryRow {
  return {
    memberNames: r.memberNames ?? '',
    contactNames: r.contactNames,
    date: r.date,
    opinions: r.opinions,
    handling: r.handling || label(HANDLING_STATUS, r.handlingStatus),
    remarks: [
      r.villageName || r.location,
      (r.methods as string[])
        .map((c) => (c === 'other' && r.methodOther ? r.methodOther : label(CONTACT_METHODS, c)))
        .join('、'),
    ]
      .filter(Boolean)
      .join('；'),
  };
}

/** 活动汇总表 of a group whole (for the PDF and the CLI): the pages read with a loop turn between them. */
export async function loadSummaryData(
  db: DbOrTx,
  a: Actor,
  groupId: number,
  from?: string,
  to?: string,
  now = new Date(),
): Promise<SummaryFormData> {
  const head = await loadSummaryHead(db, a, groupId, from, to, now);
  const rows: SummaryRow[] = [];
  for await (const page of summaryRowPages(db, groupId, head)) {
    rows.push(...page);
    await yieldTurn();
  }
  return { ...head, rows };
}

/**
 * Starts the 汇总表 xlsx: reads the first page now (its failure is an ordinary error response), then returns the
 * writer that streams into `out` while the remaining pages are read; it resolves with the row count.
 */
export async function openSummaryWorkbook(db: DbOrTx, groupId: number, head: SummaryHead) {
  const pages = await prefetched(summaryRowPages(db, groupId, head));
  return (out: Writable): Promise<number> => streamSummaryXlsx(head, pages, out);
}

/** Renders a form to xlsx or pdf bytes on the render pool, so the event loop keeps serving other requests. */
export async function renderForm<K extends FormKind>(
  kind: K,
  data: FormDataOf[K],
  format: FormFormat,
): Promise<Buffer> {
  return renderDocument({ kind, format, data } as RenderJob);
}

/** MIME type of each format, for the HTTP response and for files the CLI writes. */
export const FORM_CONTENT_TYPES: Record<FormFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const TITLE_OF: Record<FormKind, string> = {
  registration: TITLES.registration,
  'record-card': TITLES.recordCard,
  summary: TITLES.summary,
};

/** The Chinese file name users see in their downloads folder, e.g. 政协委员联系群众名单登记表-张三.xlsx. */
export function formFilename<K extends FormKind>(kind: K, data: FormDataOf[K], format: FormFormat): string {
  let suffix: string;
  if (kind === 'registration') suffix = (data as RegistrationFormData).member.name;
  else if (kind === 'summary') {
    const s = data as SummaryFormData;
    suffix = `${s.groupName}-${s.from}至${s.to}`;
  } else suffix = (data as RecordCardData | null)?.date ?? '空白';
  return `${TITLE_OF[kind]}-${suffix}.${format}`.replace(/[\\/:*?"<>|\r\n]/g, '_');
}
