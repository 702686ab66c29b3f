// Who may see and change which registry records: one pure function per action plus SQL filters for lists.
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';

/** Admin and leaders read everything; the rest are scoped. */
export const seesAll = (a: Actor) => hasRole(a, 'admin', 'leader');
/** Only office staff keep the registry (sectors, regions, groups, departments, members, users). */
export const canManageRegistry = (a: Actor) => hasRole(a, 'admin');
/** Members, group leaders and admins record representatives and activities; leaders only read. */
export const canRecord = (a: Actor) => hasRole(a, 'admin', 'group_leader', 'member');

/** SQL condition on a member id column: which members' records the actor may see. */
export function memberIdsVisible(a: Actor, memberIdCol: SQL | string): SQL {
  const col = typeof memberIdCol === 'string' ? sql.raw(memberIdCol) : memberIdCol;
  if (seesAll(a)) return sql`true`;
  const parts: SQL[] = [];
  if (a.memberId) parts.push(sql`${col} = ${a.memberId}`);
  if (a.groupId && hasRole(a, 'group_leader'))
    parts.push(sql`${col} in (select id from members where group_id = ${a.groupId})`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Villages of the actor's township (information officers and group leaders see that area). */
function townshipOf(a: Actor): SQL | null {
  if (hasRole(a, 'info_officer') && a.townshipId) return sql`${a.townshipId}`;
  if (hasRole(a, 'group_leader') && a.groupId)
    return sql`(select township_id from liaison_groups where id = ${a.groupId})`;
  return null;
}

/** SQL condition on representatives (alias r): linked to a visible member, or in the actor's township. */
export function representativesVisible(a: Actor): SQL {
  if (seesAll(a)) return sql`true`;
  const parts: SQL[] = [
    sql`exists (select 1 from member_representatives mr where mr.representative_id = r.id and ${memberIdsVisible(a, 'mr.member_id')})`,
  ];
  const t = townshipOf(a);
  if (t) {
    parts.push(sql`r.region_id in (select id from regions where parent_id = ${t})`);
    parts.push(sql`r.department_id in (select id from departments where township_id = ${t})`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** SQL condition on activities (alias a): one of its members is visible, or it happened in the actor's township. */
export function activitiesVisible(a: Actor): SQL {
  if (seesAll(a)) return sql`true`;
  const parts: SQL[] = [
    sql`exists (select 1 from activity_members am where am.activity_id = a.id and ${memberIdsVisible(a, 'am.member_id')})`,
  ];
  const t = townshipOf(a);
  if (t && hasRole(a, 'info_officer')) parts.push(sql`a.region_id in (select id from regions where parent_id = ${t})`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Which members the actor may record for (attach a representative or an activity to). */
export function mayActForMember(a: Actor, memberGroupId: number | null, memberId: number): boolean {
  if (hasRole(a, 'admin')) return true;
  if (hasRole(a, 'member') && a.memberId === memberId) return true;
  return hasRole(a, 'group_leader') && a.groupId !== null && a.groupId === memberGroupId;
}

// Whether contact details are shown in full is not decided here: see core/masking.ts and common/present-person.ts.
