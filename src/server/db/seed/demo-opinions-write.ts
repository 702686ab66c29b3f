// Writes the planned 社情民意 items with their people, departments and timelines, turning plan references into ids.
import { sql } from 'drizzle-orm';
import { toSearchDocument } from '../../adapters/text/segmenter.js';
import type { DbOrTx } from '../client.js';
import { opinionAssignments, opinionOriginators, opinions } from '../schema.js';
import type { SeededCategory } from './demo-categories.js';
import type { PlannedEvent } from './demo-opinions-history.js';
import type { PlannedOpinion } from './demo-opinions-plan.js';

const EVENT_BATCH = 5000;

/** Database ids of what the opinions point at, by plan index or name. */
export interface OpinionRefs {
  memberIds: number[];
  repIds: number[];
  actIds: number[];
  townshipIds: number[];
  regionId: Map<string, number>;
  sectorId: (leafName: string) => number | undefined;
  deptId: Map<string, number>;
  userId: Map<string, number>;
  categories: SeededCategory[];
}

/** The batched insert helpers of the demo writer. */
export interface RowWriter {
  ids(table: unknown, rows: unknown[], key?: string): Promise<number[]>;
  links(table: unknown, rows: unknown[], batch?: number): Promise<void>;
  /** Reports rows written some other way. */
  tick(rows: number): void;
}

/** Rows each opinion table gets, for progress totals. */
export function countOpinionRows(items: readonly PlannedOpinion[]) {
  return {
    opinions: items.length,
    opinionOriginators: items.reduce((s, o) => s + o.originators.length, 0),
    opinionAssignments: items.reduce((s, o) => s + o.assignments.size, 0),
    opinionEvents: items.reduce((s, o) => s + o.events.length, 0),
  };
}

/** Writes the items; call inside the demo's transaction after registry, logins and activities exist. */
export async function writeOpinions(tx: DbOrTx, w: RowWriter, items: readonly PlannedOpinion[], refs: OpinionRefs) {
  const catId = new Map(refs.categories.map((c) => [`${c.parentName ?? ''}/${c.name}`, c.id]));
  const dept = (name: string) => {
    const id = refs.deptId.get(name);
    if (id === undefined) throw new Error(`demo seed: unknown department ${name}`);
    return id;
  };
  const adminId = refs.userId.get('admin') ?? null;
  const rows = items.map((o) => ({
    trackingCode: o.trackingCode,
    title: o.title,
    content: o.content,
    categoryId: catId.get(`${o.category}/${o.sub}`) ?? null,
    regionId: o.villageCode ? refs.regionId.get(o.villageCode)! : refs.townshipIds[o.township],
    sectorId: o.sector ? (refs.sectorId(o.sector) ?? null) : null,
    channel: o.channel,
    urgency: o.urgent ? 'urgent' : 'normal',
    confidentiality: o.confidentiality,
    status: o.status,
    activityId: o.activity !== null ? refs.actIds[o.activity] : null,
    leadDepartmentId: o.leadDept ? dept(o.leadDept) : null,
    deadline: o.deadline,
    acceptDueAt: o.acceptDueAt,
    hasPendingExtension: o.hasPendingExtension,
    isInBulletin: o.isInBulletin,
    isEscalated: o.isEscalated,
    publicReply: o.publicReply,
    searchText: toSearchDocument(`${o.title}\n${o.content}`),
    createdBy: (o.events[0].actor.username && refs.userId.get(o.events[0].actor.username)) || adminId,
    receivedAt: o.receivedAt,
    closedAt: o.closedAt,
    updatedAt: o.events[o.events.length - 1].at,
  }));
  const ids = await w.ids(opinions, rows, 'trackingCode');

  const merged = items.flatMap((o, i) =>
    o.mergedInto !== null ? [sql`(${ids[i]}::int, ${ids[o.mergedInto]}::int)`] : [],
  );
  if (merged.length)
    await tx.execute(sql`update opinions o set merged_into_id = v.target from (values ${sql.join(merged, sql`,`)})
      as v(id, target) where o.id = v.id`);

  await w.links(
    opinionOriginators,
    items.flatMap((o, i) =>
      o.originators.map((p) => ({
        opinionId: ids[i],
        kind: p.kind,
        memberId: p.member !== undefined ? refs.memberIds[p.member] : null,
        representativeId: p.rep !== undefined ? refs.repIds[p.rep] : null,
        userId: p.username ? (refs.userId.get(p.username) ?? null) : null,
        name: p.name,
        phone: p.phone,
        email: p.email,
        relayedAt: o.status === 'closed' && p.kind === 'member' ? o.closedAt : null,
        createdAt: o.receivedAt,
      })),
    ),
    2000,
  );
  await w.links(
    opinionAssignments,
    items.flatMap((o, i) =>
      [...o.assignments].map(([name, a]) => ({
        opinionId: ids[i],
        departmentId: dept(name),
        role: a.role,
        active: a.active,
        createdAt: o.events.find((e) => e.type === 'forward')?.at ?? o.receivedAt,
      })),
    ),
  );
  const payloadOf = (e: PlannedEvent, o: PlannedOpinion) => {
    const p = e.payload;
    if (e.type === 'received')
      return { channel: p.channel, activityId: o.activity !== null ? refs.actIds[o.activity] : null };
    if (e.type === 'forward')
      return {
        leadDepartmentId: dept(p.leadDept as string),
        coHandlerIds: (p.coDepts as string[]).map(dept),
        deadline: p.deadline,
        instructions: p.instructions,
      };
    if (e.type === 'merge') return { targetId: ids[p.targetIndex as number], note: p.note };
    return p;
  };
  // ~40,000 events: sent as JSON, a few statements instead of a hundred with thousands of parameters each.
  const events = items.flatMap((o, i) =>
    o.events.map((e) => ({
      ord: 0,
      opinion_id: ids[i],
      type: e.type,
      from_status: e.from,
      to_status: e.to,
      payload: payloadOf(e, o),
      actor_user_id: e.actor.username ? (refs.userId.get(e.actor.username) ?? null) : null,
      actor_kind: e.actor.kind,
      actor_name: e.actor.name,
      at: e.at.toISOString(),
    })),
  );
  events.forEach((e, k) => {
    e.ord = k;
  });
  for (let i = 0; i < events.length; i += EVENT_BATCH) {
    const chunk = events.slice(i, i + EVENT_BATCH);
    await tx.execute(sql`insert into opinion_events
      (opinion_id, type, from_status, to_status, payload, actor_user_id, actor_kind, actor_name, at)
      select opinion_id, type, from_status, to_status, payload, actor_user_id, actor_kind, actor_name, at
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(ord int, opinion_id int, type text,
        from_status text, to_status text, payload jsonb, actor_user_id int, actor_kind text, actor_name text, at timestamptz)
      order by ord`);
    w.tick(chunk.length);
  }
}
