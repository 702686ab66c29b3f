// The read side of GeoReport v2: services from the category taxonomy, a service's attributes, and service requests
// as anyone may see them: status, category, responsible department, area, dates. Never a citizen's name, phone,
// address or words: the description stays null until items carry a publication consent, and items whose
// confidentiality is not 'normal' do not exist here (404, absent from lists).
import { type SQL, sql } from 'drizzle-orm';
import type { OpinionStatus } from '../../../core/opinions/index.js';
import type { DbOrTx } from '../../db/client.js';
import { type Lang, t } from '../../i18n/messages.js';
import { normalizeCode } from '../public/schema.js';
import { PUBLIC_STAGES, STAGE_OF } from '../public/view.js';
import { Open311Error } from './errors.js';
import type { Open311Value } from './format.js';
import type { RequestsQuery } from './schema.js';

/** A service: an active category with no active sub-categories (a leaf the citizen form also offers). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'batch';
  keywords: string;
  group: string;
}

/** Active leaf categories as services; a sub-category's group is its parent's name. */
export async function listServices(db: DbOrTx): Promise<Open311Service[]> {
  const res = await db.execute(sql`select c.id, c.name, p.name as "parentName" from opinion_categories c
      left join opinion_categories p on p.id = c.parent_id
    where c.active and (p.id is null or p.active)
      and not exists (select 1 from opinion_categories k where k.parent_id = c.id and k.active)
    order by coalesce(p.sort_order, c.sort_order), coalesce(p.id, c.id), c.parent_id nulls first, c.sort_order, c.id`);
  return (res.rows as { id: number; name: string; parentName: string | null }[]).map((r) => ({
    service_code: String(r.id),
    service_name: r.name,
    description: r.parentName ? `${r.parentName} / ${r.name}` : r.name,
    // Every service has attributes (the consent box, an optional title): clients must read the definition.
    metadata: true,
    // The answer to a POST is a token (the item's tracking code); tokens/{token} gives the service_request_id.
    type: 'batch',
    keywords: [r.parentName, r.name].filter(Boolean).join(', '),
    group: r.parentName ?? r.name,
  }));
}

/** The service behind a code, or the spec's 404. */
export async function findService(db: DbOrTx, code: string): Promise<Open311Service> {
  const found = /^\d{1,9}$/.test(code) ? (await listServices(db)).find((s) => s.service_code === code) : undefined;
  if (!found) throw new Open311Error(404, 'open311_service_code', { code });
  return found;
}

/** The attributes a POST carries as `attribute[code]`: the same consent the web form asks for, and a title. */
export function serviceDefinition(service: Open311Service, lang: Lang): Open311Value {
  return {
    service_code: service.service_code,
    attributes: [
      {
        variable: true,
        code: 'consent',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: t('open311_attr_consent', lang),
        values: [{ key: 'true', name: t('open311_consent_yes', lang) }],
      },
      {
        variable: true,
        code: 'title',
        datatype: 'string',
        required: false,
        datatype_description: null,
        order: 2,
        description: t('open311_attr_title', lang),
        values: [],
      },
    ],
  };
}

// The item's status as the citizen's tracking page names it, and whether the spec calls it closed.

const CLOSED: OpinionStatus[] = ['closed', 'not_accepted', 'merged'];

interface RequestRow {
  id: number;
  status: OpinionStatus;
  categoryId: number | null;
  categoryName: string | null;
  department: string | null;
  receivedAt: string | Date;
  updatedAt: string | Date;
  closedAt: string | Date | null;
  deadline: string | null;
  regionId: number | null;
  village: string | null;
  township: string | null;
}

const iso = (v: string | Date) => new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One service request as the spec lists it; the area (village, township) is the item's place, not a citizen's address. */
function present(r: RequestRow): Open311Value {
  const closed = CLOSED.includes(r.status);
  const stage = STAGE_OF[r.status];
  return {
    service_request_id: r.id,
    status: closed ? 'closed' : 'open',
    status_notes: PUBLIC_STAGES.find((s) => s.code === stage)?.label ?? null,
    service_name: r.categoryName,
    service_code: r.categoryId === null ? null : String(r.categoryId),
    description: null,
    agency_responsible: r.department,
    service_notice: null,
    requested_datetime: iso(r.receivedAt),
    updated_datetime: iso(closed && r.closedAt ? r.closedAt : r.updatedAt),
    // A department's deadline is a China date: the end of that working day (17:30 China time).
    expected_datetime: r.deadline && !closed ? `${r.deadline}T17:30:00+08:00` : null,
    address: [r.village, r.township].filter(Boolean).join(', ') || null,
    address_id: r.regionId,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

async function selectRequests(db: DbOrTx, where: SQL[], limit: number): Promise<RequestRow[]> {
  const res = await db.execute(sql`select o.id, o.status, o.category_id as "categoryId", c.name as "categoryName",
      d.name as department, o.received_at as "receivedAt", o.updated_at as "updatedAt", o.closed_at as "closedAt",
      o.deadline::text as deadline, o.region_id as "regionId", v.name as village, tw.name as township
    from opinions o left join opinion_categories c on c.id = o.category_id
      left join departments d on d.id = o.lead_department_id
      left join regions v on v.id = o.region_id left join regions tw on tw.id = v.parent_id
    where o.confidentiality = 'normal' and ${sql.join(where, sql` and `)}
    order by o.received_at desc, o.id desc limit ${limit}`);
  return res.rows as RequestRow[];
}

/** One request by id, or the spec's 404 (also for an item that is not public). */
export async function findRequest(db: DbOrTx, raw: string): Promise<Open311Value> {
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const [row] = id === null ? [] : await selectRequests(db, [sql`o.id = ${id}`], 1);
  if (!row) throw new Open311Error(404, 'open311_request_not_found', { id: raw });
  return [present(row)];
}

/** The request a token (the tracking code the POST answered) stands for, or 404. */
export async function findToken(db: DbOrTx, token: string): Promise<Open311Value> {
  const code = normalizeCode(token);
  const res = await db.execute(sql`select id from opinions where tracking_code = ${code ?? '-'}`);
  const row = res.rows[0] as { id: number } | undefined;
  if (!code || !row) throw new Open311Error(404, 'open311_token_not_found', { token });
  return [{ service_request_id: row.id, token: code }];
}

const DAY = 86_400_000;
/** The spec's default window and its longest range. */
export const WINDOW_DAYS = 90;
/** The spec's default limit of one answer. */
export const MAX_REQUESTS = 1000;
// A w3 datetime with a time zone (Z or ±hh:mm), seconds and fractions optional.
const W3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function w3Date(field: string, v: string | undefined): Date | null {
  if (!v) return null;
  const d = new Date(v);
  if (!W3.test(v) || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2100)
    throw new Open311Error(400, 'open311_date', { field });
  return d;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * GET requests: `service_request_id` overrides every other argument; otherwise service codes, statuses and a
 * requested_datetime range of at most 90 days (the last 90 days by default), newest first, at most 1000.
 */
export async function listRequests(db: DbOrTx, q: RequestsQuery, now: Date): Promise<Open311Value> {
  const ids = list(q.service_request_id);
  if (ids.length) {
    if (ids.length > 1000 || ids.some((s) => !/^\d{1,9}$/.test(s))) throw new Open311Error(400, 'open311_ids');
    const where = [
      sql`o.id in (${sql.join(
        ids.map((s) => sql`${Number(s)}`),
        sql`, `,
      )})`,
    ];
    return (await selectRequests(db, where, MAX_REQUESTS)).map(present);
  }
  const statuses = list(q.status);
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'open311_status');
  let start = w3Date('start_date', q.start_date);
  let end = w3Date('end_date', q.end_date);
  if (start && end && end.getTime() - start.getTime() > WINDOW_DAYS * DAY) throw new Open311Error(400, 'open311_span');
  if (!start && !end) end = now;
  if (!start) start = new Date((end as Date).getTime() - WINDOW_DAYS * DAY);
  if (!end) end = new Date(start.getTime() + WINDOW_DAYS * DAY);
  const where = [
    sql`o.received_at >= ${start.toISOString()}::timestamptz`,
    sql`o.received_at <= ${end.toISOString()}::timestamptz`,
  ];
  const codes = list(q.service_code);
  if (codes.length) {
    const valid = codes.filter((c) => /^\d{1,9}$/.test(c)).map(Number);
    where.push(
      valid.length
        ? sql`o.category_id in (${sql.join(
            valid.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  }
  const closed = sql`o.status in (${sql.join(
    CLOSED.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  if (statuses.length === 1) where.push(statuses[0] === 'closed' ? closed : sql`not ${closed}`);
  return (await selectRequests(db, where, MAX_REQUESTS)).map(present);
}
