// Reads a year's rule table in the shape the scorer and the API share.
import { sql } from 'drizzle-orm';
import type { AssessmentSource, ScoringRule } from '../../../core/assessment/index.js';
import { sourceLabel } from '../../../core/assessment/index.js';
import type { DbOrTx } from '../../db/client.js';

/** One rule as the API returns it. */
export interface RuleRow extends ScoringRule {
  sortOrder: number;
  note: string;
  sourceLabel: string;
}

/** The year's rules in table order. */
export async function loadRules(db: DbOrTx, year: number): Promise<RuleRow[]> {
  const rows = (
    await db.execute(sql`select id, sort_order, name, source, points, cap, is_deduction, note
      from assessment_rules where year = ${year} order by sort_order, id`)
  ).rows as any[];
  return rows.map((r) => ({
    id: Number(r.id),
    sortOrder: Number(r.sort_order),
    name: r.name,
    source: r.source as AssessmentSource,
    sourceLabel: sourceLabel(r.source),
    points: Number(r.points),
    cap: r.cap === null ? null : Number(r.cap),
    isDeduction: Boolean(r.is_deduction),
    note: r.note,
  }));
}
