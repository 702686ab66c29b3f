// Shapes of GET /compliance and /compliance/summary (src/server/modules/compliance/schema.ts).
import type { ComplianceCount, ShortfallRule } from '../../../../core/quota-rules';

export type ComplianceKind = 'member' | 'village' | 'department' | 'group';

export interface EntityShortfall {
  rule: ShortfallRule;
  expected: number;
  actual: number;
  gap: number;
  villageId?: number;
  villageName?: string;
  fixUrl: string;
}

export interface GroupShortfall {
  rule: ShortfallRule;
  entities: number;
  gap: number;
  fixUrl: string;
}

export interface ComplianceRow {
  kind: ComplianceKind;
  id: number;
  name: string;
  code: string | null;
  groupId: number | null;
  groupName: string | null;
  townshipName: string | null;
  facts?: Record<string, number>;
  counts?: Record<'member' | 'village' | 'department', ComplianceCount>;
  compliant: boolean;
  shortfalls: Array<EntityShortfall | GroupShortfall>;
  fixUrl: string;
}

export interface ComplianceSummary {
  byKind: Record<ComplianceKind, ComplianceCount>;
  byRule: Record<ShortfallRule, ComplianceCount>;
}

export interface ComplianceResponse {
  year: number;
  summary: ComplianceSummary;
  items: ComplianceRow[];
  total: number;
  page: number;
  pageSize: number;
}
