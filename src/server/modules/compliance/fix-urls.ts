// Web paths where each shortfall is fixed, so the compliance list links straight to the right form.
import type { ShortfallRule } from '../../../core/quotas.js';
import type { ComplianceKind } from './schema.js';

/** Where a whole row opens: the member, the village, the department, or the group's own compliance list. */
export function rowFixUrl(kind: ComplianceKind, id: number): string {
  switch (kind) {
    case 'member':
      return `/members/${id}`;
    case 'village':
      return `/regions/${id}`;
    case 'department':
      return `/departments/${id}`;
    case 'group':
      return `/compliance?groupId=${id}`;
  }
}

/** Where one broken rule is fixed: add a representative, link a village, record a visit, or trim a list. */
export function shortfallFixUrl(rule: ShortfallRule, entityId: number, villageId?: number): string {
  switch (rule) {
    case 'member_reps_min':
      return `/representatives/new?memberId=${entityId}`;
    case 'member_reps_max':
    case 'member_villages_min':
      return `/members/${entityId}`;
    case 'village_visits_min':
      return `/activities/new?memberId=${entityId}&regionId=${villageId ?? ''}`;
    case 'village_reps_min':
      return `/representatives/new?regionId=${entityId}`;
    case 'village_unlinked':
      return `/regions/${entityId}`;
    case 'dept_reps_min':
      return `/representatives/new?departmentId=${entityId}`;
    case 'dept_reps_max':
      return `/departments/${entityId}`;
  }
}

/** Where a group's rule count opens: the group's list filtered to the kind of entity the rule is about. */
export function groupRuleFixUrl(groupId: number, kind: ComplianceKind): string {
  return `/compliance?groupId=${groupId}&kind=${kind}`;
}
