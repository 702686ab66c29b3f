// Who sees which 社情民意 item, and how the actor stands to one item (the relation flags core's decision needs).
import { type SQL, sql } from 'drizzle-orm';
import type { OpinionActor } from '../../../core/opinions/index.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { seesAll } from '../common/scope.js';

/**
 * The township of the region `v` (a regions row joined under that alias): itself for a township, its parent for a
 * village, null for a county or anything else. The topics, the 民生问题 suggestions and their filters read it.
 */
export const townshipOfRegion = sql`case when v.level = 'township' then v.id when v.level = 'village' then v.parent_id end`;

/**
 * SQL condition on opinions (alias o): whether the actor reads the original of an item. Every tier but `confidential`
 * is read in the original by whoever sees the item; a confidential one only by the leader and the office staff named
 * on it (opinion_named_staff).
 */
export function seesOriginal(a: Actor): SQL {
  if (hasRole(a, 'leader')) return sql`true`;
  return sql`(o.confidentiality <> 'confidential' or exists (select 1 from opinion_named_staff ns
    where ns.opinion_id = o.id and ns.user_id = ${a.userId}))`;
}

/** SQL condition on opinions (alias o): the actor sees the item only as its redacted copy (a department's view). */
export function seesRedacted(a: Actor): SQL {
  if (hasRole(a, 'leader')) return sql`false`;
  return sql`(not ${seesOriginal(a)})`;
}

/**
 * SQL condition on opinions (alias o): leaders all; admin all but the confidential items they are not named on;
 * everyone else by their relation to the item, and a confidential item only through a department's active assignment
 * (which reads the redacted copy).
 */
export function opinionsVisible(a: Actor): SQL {
  if (hasRole(a, 'leader')) return sql`true`;
  const related = relatedTo(a);
  const dept =
    hasRole(a, 'dept_handler') && a.departmentId
      ? sql` or exists (select 1 from opinion_assignments ca where ca.opinion_id = o.id and ca.active
          and ca.department_id = ${a.departmentId})`
      : sql``;
  return sql`(${related} and (${seesOriginal(a)}${dept}))`;
}

/** The actor's relation to an item, before confidentiality: admin and leaders all, the rest by who they are. */
function relatedTo(a: Actor): SQL {
  if (seesAll(a)) return sql`true`;
  const parts: SQL[] = [sql`o.created_by = ${a.userId}`];
  parts.push(
    sql`exists (select 1 from opinion_originators oo where oo.opinion_id = o.id and oo.user_id = ${a.userId})`,
  );
  if (hasRole(a, 'dept_handler') && a.departmentId)
    parts.push(
      sql`exists (select 1 from opinion_assignments oa where oa.opinion_id = o.id and oa.active and oa.department_id = ${a.departmentId})`,
    );
  if (hasRole(a, 'member') && a.memberId)
    parts.push(
      sql`exists (select 1 from opinion_originators oo where oo.opinion_id = o.id and oo.member_id = ${a.memberId})`,
    );
  if (hasRole(a, 'info_officer') && a.townshipId)
    parts.push(
      sql`(o.region_id = ${a.townshipId} or o.region_id in (select id from regions where parent_id = ${a.townshipId}))`,
    );
  if (hasRole(a, 'group_leader') && a.groupId)
    parts.push(
      sql`exists (select 1 from opinion_originators oo join members m on m.id = oo.member_id where oo.opinion_id = o.id and m.group_id = ${a.groupId})`,
    );
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** How the actor stands to an item, as read by actorRelationSql. */
export interface ActorRelation {
  deptRole: string | null;
  isOriginator: boolean;
  hasRated: boolean;
}

/**
 * The columns "deptRole", "isOriginator" and "hasRated" of the actor's relation to the item whose id is `id` (a
 * parameter, or `o.id` inside a query on opinions): the item page reads them in its own statement.
 */
export function actorRelationSql(a: Actor, id: SQL): SQL {
  return sql`${a.departmentId ? sql`(select role from opinion_assignments where opinion_id = ${id} and active and department_id = ${a.departmentId})` : sql`null::text`} as "deptRole",
    exists (select 1 from opinion_originators where opinion_id = ${id}
      and (user_id = ${a.userId} ${a.memberId ? sql`or member_id = ${a.memberId}` : sql``})) as "isOriginator",
    exists (select 1 from opinion_events e where e.opinion_id = ${id} and e.type = 'rate' and e.actor_user_id = ${a.userId}
      and e.id > coalesce((select max(f.id) from opinion_events f where f.opinion_id = ${id} and f.type = 'send_feedback'), 0)) as "hasRated"`;
}

/** The relation flags core's decision needs, from what actorRelationSql read. */
export function opinionActorOf(a: Actor, r: ActorRelation): OpinionActor {
  const handles = hasRole(a, 'dept_handler');
  return {
    kind: 'user',
    roles: a.roles,
    isLeadDepartment: handles && r.deptRole === 'lead',
    isCoHandler: handles && r.deptRole === 'co',
    isOriginator: r.isOriginator,
    // The office records phone callbacks for several people, so only non-staff raters are held to one rating.
    hasRated: !hasRole(a, 'admin') && r.hasRated,
  };
}

/** Resolves the actor's relations to an item: lead/co department, originator, and whether they rated this feedback. */
export async function opinionActorFor(db: DbOrTx, a: Actor, opinionId: number): Promise<OpinionActor> {
  const res = await executePrepared(db, sql`select ${actorRelationSql(a, sql`${opinionId}`)}`);
  return opinionActorOf(a, res.rows[0] as unknown as ActorRelation);
}
