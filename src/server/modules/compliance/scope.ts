// Who sees which rows of the compliance view: office and leaders everything, a group leader their group,
// a member their own row, an information officer the villages and departments of their township.
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import { memberIdsVisible, seesAll } from '../common/scope.js';
import type { FactFilters } from './repo.js';
import type { ComplianceKind } from './schema.js';

/** The SQL filters for the actor (and an optional group), plus which kinds the actor may see at all. */
export interface ComplianceScope {
  filters: FactFilters;
  kinds: Set<ComplianceKind>;
}

const groupTownship = (groupId: number) => sql`(select township_id from liaison_groups where id = ${groupId})`;
const both = (a: SQL | null, b: SQL | null): SQL | null => (a && b ? sql`(${a} and ${b})` : (a ?? b));

/** The townships whose villages and departments the actor sees (empty: none). */
function townshipsOf(a: Actor): SQL[] {
  const out: SQL[] = [];
  if (hasRole(a, 'group_leader') && a.groupId) out.push(groupTownship(a.groupId));
  if (hasRole(a, 'info_officer') && a.townshipId) out.push(sql`${a.townshipId}`);
  return out;
}

/** Builds the scope; a groupId narrows every kind to that group (members of it, villages and departments of its township). */
export function complianceScope(a: Actor, groupId?: number): ComplianceScope {
  const all = seesAll(a);
  const towns = all ? [] : townshipsOf(a);
  const leads = hasRole(a, 'group_leader') && !!a.groupId;
  const kinds = new Set<ComplianceKind>();
  if (all || a.memberId || leads) kinds.add('member');
  if (all || towns.length) {
    kinds.add('village');
    kinds.add('department');
  }
  if (all || leads) kinds.add('group');

  const memberIn = (col: SQL): SQL | null =>
    both(
      all ? null : memberIdsVisible(a, col),
      groupId ? sql`${col} in (select id from members where group_id = ${groupId})` : null,
    );
  const townshipIn = (col: SQL): SQL | null =>
    both(
      all ? null : towns.length ? sql`${col} in (${sql.join(towns, sql`, `)})` : sql`false`,
      groupId ? sql`${col} = ${groupTownship(groupId)}` : null,
    );
  const groupsVisible = all ? sql`true` : leads ? sql`g.id = ${a.groupId}` : sql`false`;
  return {
    kinds,
    filters: { memberIn, townshipIn, groups: groupId ? sql`${groupsVisible} and g.id = ${groupId}` : groupsVisible },
  };
}
