import { z } from 'zod';
import { DEFAULT_QUOTAS, type QuotaSettings } from './quota-rules';

// The rules and their evaluation live in quota-rules.ts (no zod, so the web app can import them); this adds validation.
export * from './quota-rules';

const count = z.number().int().min(0);

// Validates settings an admin saves; a minimum above its maximum would make every entity non-compliant.
export const quotaSettingsSchema = z
  .object({
    repsPerMemberMin: count,
    repsPerMemberMax: count,
    repsPerVillageMin: count,
    repsPerDeptMin: count,
    repsPerDeptMax: count,
    villagesPerMemberMin: count,
    visitsPerLinkedVillagePerYear: count,
  })
  .refine((q) => q.repsPerMemberMin <= q.repsPerMemberMax, {
    message: 'min_le_max',
    path: ['repsPerMemberMax'],
  })
  .refine((q) => q.repsPerDeptMin <= q.repsPerDeptMax, {
    message: 'min_le_max',
    path: ['repsPerDeptMax'],
  });

// Settings from a partial override (stored config may only name what changed); throws ZodError if invalid.
export function resolveQuotas(overrides: Partial<QuotaSettings> = {}): QuotaSettings {
  return quotaSettingsSchema.parse({ ...DEFAULT_QUOTAS, ...overrides });
}
