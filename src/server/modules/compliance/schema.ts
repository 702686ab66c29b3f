// Request schemas and response shapes of the compliance view (配额达标情况), shared with the web client.
import { z } from 'zod';
import type {
  ComplianceCount,
  QuotaEntityKind,
  QuotaSettings,
  Shortfall,
  ShortfallRule,
} from '../../../core/quotas.js';
import { idQuery, pageQuery } from '../common/schemas.js';

/** The row kinds the view lists: the three quota entities plus liaison groups, which aggregate them. */
export const complianceKinds = ['member', 'village', 'department', 'group'] as const;
/** A row kind of the compliance list. */
export type ComplianceKind = (typeof complianceKinds)[number];

/** Query strings carry booleans as text; "false"/"0" must mean false (z.coerce.boolean would say true). */
const boolParam = z
  .enum(['true', 'false', '1', '0'])
  .default('true')
  .transform((v) => v === 'true' || v === '1');

/** GET /compliance and /compliance/summary: the working year for visits, an optional group, kind and paging. */
export const complianceQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  groupId: idQuery.optional(),
  kind: z.enum(complianceKinds).optional(),
  onlyProblems: boolParam,
});
/** The parsed compliance query. */
export type ComplianceQuery = z.infer<typeof complianceQuery>;

/** One broken rule of one entity, with the web path where it is fixed. */
export type EntityShortfall = Shortfall & { villageName?: string; fixUrl: string };

/** A member, village or department row. */
export interface EntityRow {
  kind: QuotaEntityKind;
  id: number;
  name: string;
  code: string | null;
  groupId: number | null;
  groupName: string | null;
  townshipName: string | null;
  /** The counts the rules were checked against (repCount, villageCount, linkedMemberCount). */
  facts: Record<string, number>;
  compliant: boolean;
  shortfalls: EntityShortfall[];
  fixUrl: string;
}

/** A liaison-group row: how many of its members, villages and departments break each rule. */
export interface GroupRow {
  kind: 'group';
  id: number;
  name: string;
  code: null;
  groupId: number;
  groupName: string;
  townshipName: string | null;
  counts: Record<QuotaEntityKind, ComplianceCount>;
  compliant: boolean;
  /** entities: how many entities break the rule; gap: the sum of their gaps (for visits: missing visits). */
  shortfalls: Array<{ rule: ShortfallRule; entities: number; gap: number; fixUrl: string }>;
  fixUrl: string;
}

/** Any row of the compliance list. */
export type ComplianceRow = EntityRow | GroupRow;

/** Chart data: compliant / non-compliant counts per kind (groups included) and per rule. */
export interface ComplianceSummaryOut {
  byKind: Record<ComplianceKind, ComplianceCount>;
  byRule: Record<ShortfallRule, ComplianceCount>;
}

/** GET /compliance response: the page of rows plus the summary over the whole scope (all kinds, before paging). */
export interface ComplianceResponse {
  year: number;
  quotas: QuotaSettings;
  summary: ComplianceSummaryOut;
  items: ComplianceRow[];
  total: number;
  page: number;
  pageSize: number;
}
