// The scores table as an xlsx workbook: one row per member, one column per rule line, total, ranks and the talk flag.
// The rows are laid out here; the workbook is built on the render pool (adapters/renderers/assessment-scores-xlsx.ts).
import { renderDocument } from '../../adapters/renderers/index.js';
import type { ScoreRow } from './compute.js';
import type { RuleRow } from './rules-repo.js';

/** Builds the workbook buffer off the event loop. */
export async function scoresWorkbook(year: number, rules: RuleRow[], rows: ScoreRow[]): Promise<Buffer> {
  return renderDocument({
    kind: 'assessment-scores',
    format: 'xlsx',
    data: {
      year,
      ruleNames: rules.map((r) => r.name),
      rows: rows.map((r) => {
        const byRule = new Map(r.lines.map((l) => [l.ruleId, l.points]));
        return {
          code: r.code,
          name: r.name,
          sectorName: r.sectorName,
          groupName: r.groupName,
          points: rules.map((rule) => byRule.get(rule.id) ?? 0),
          total: r.total,
          rankInSector: r.rankInSector ?? null,
          rankInGroup: r.rankInGroup ?? null,
          belowThreshold: !!r.belowThreshold,
        };
      }),
    },
  });
}
