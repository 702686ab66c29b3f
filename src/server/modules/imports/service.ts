// Excel import of the registry, shared by the HTTP route and the CLI: check every row, then write all rows or none.

import { loopSlicer } from '../../adapters/renderers/cooperative.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { type ImportKind, SHEET_NAMES } from './columns.js';
import { applyMembers, planMembers } from './kind-members.js';
import { applyRegions, planRegions } from './kind-regions.js';
import { applyRepresentatives, planRepresentatives } from './kind-representatives.js';
import { MAX_LISTED } from './limits.js';
import { importMessage } from './messages.js';
import type { PlanInput, PlannedRow, WriteInput } from './plan.js';
import { type ImportIssue, readSheet, SheetError } from './read-sheet.js';

export { IMPORT_KINDS, type ImportKind, TEMPLATE_FILE_NAMES } from './columns.js';
export { buildTemplate } from './template.js';

/** The answer to an import: counts, and every problem with its row and column. */
export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  /** All problems found; `errors` lists at most MAX_LISTED of them. */
  errorCount: number;
}

/** How one import is run. */
export interface ImportOptions {
  kind: ImportKind;
  data: Buffer;
  /** null for the CLI: the audit log then says 系统. */
  actor: Actor | null;
  dryRun?: boolean;
  lang?: Lang;
  ip?: string;
  now?: Date;
  /** Progress over checking and writing: done of total steps. */
  onProgress?: (done: number, total: number) => void;
}

type Kind<V> = {
  plan: (p: PlanInput) => Promise<PlannedRow<V>[]>;
  apply: (w: WriteInput, planned: PlannedRow<V>[], tick: () => void) => Promise<{ created: number; updated: number }>;
};
const KINDS: Record<ImportKind, Kind<any>> = {
  regions: { plan: planRegions, apply: applyRegions },
  members: { plan: planMembers, apply: applyMembers },
  representatives: { plan: planRepresentatives, apply: applyRepresentatives },
};

function emptyReport(dryRun: boolean, total: number, errors: ImportIssue[]): ImportReport {
  return {
    ok: errors.length === 0,
    dryRun,
    total,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: errors.slice(0, MAX_LISTED),
    errorCount: errors.length,
  };
}

/** The 422 thrown when any row fails: the report travels as the error's details. */
function invalid(code: 'import_invalid' | 'import_bad_file' | 'import_too_large', report: ImportReport): AppError {
  return new AppError(code, { count: report.errorCount, reason: report.errors[0]?.message ?? '' }, report);
}

const REFUSALS = { bad_file: 'import_bad_file', too_large: 'import_too_large', invalid: 'import_invalid' } as const;

/** Checks and (unless a dry run) writes one file; throws AppError import_bad_file/import_too_large/import_invalid with the report. */
export async function runImport(db: Db, o: ImportOptions): Promise<ImportReport> {
  if (o.actor && !hasRole(o.actor, 'admin')) throw new AppError('forbidden');
  const lang = o.lang ?? 'zh';
  const dryRun = o.dryRun ?? false;
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(o.data, o.kind, lang);
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    throw invalid(REFUSALS[e.kind], emptyReport(dryRun, 0, e.issues));
  }
  const total = sheet.rows.length;
  const steps = dryRun ? total : total * 2;
  let done = 0;
  // Rows are checked and written in loops that await these: every few milliseconds of work, other requests get a turn.
  const pause = loopSlicer();
  const tick = () => {
    done++;
    if (o.onProgress && (done % 50 === 0 || done === steps)) o.onProgress(done, steps);
    return pause();
  };
  const kind = KINDS[o.kind];
  const work = async (tx: Db) => {
    const issues: ImportIssue[] = [];
    const planned = await kind.plan({ db: tx, sheet, issues, lang, now: o.now ?? new Date(), tick });
    if (issues.length) throw invalid('import_invalid', emptyReport(dryRun, total, issues));
    const report: ImportReport = {
      ...emptyReport(dryRun, total, []),
      unchanged: planned.filter((p) => p.action === 'unchanged').length,
    };
    if (dryRun) {
      report.created = planned.filter((p) => p.action === 'create').length;
      report.updated = planned.filter((p) => p.action === 'update').length;
      return report;
    }
    const step = async (row: number, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (e) {
        if (e instanceof AppError) throw e;
        const failure = {
          row,
          column: '',
          code: 'write_failed' as const,
          message: importMessage('write_failed', lang),
        };
        throw invalid('import_invalid', emptyReport(dryRun, total, [failure]));
      }
    };
    const counts = await kind.apply({ tx, actor: o.actor, ip: o.ip ?? '', step, pause }, planned, tick);
    Object.assign(report, counts);
    if (counts.created + counts.updated > 0) {
      const after = { sheet: SHEET_NAMES[o.kind], total, ...counts, unchanged: report.unchanged };
      await writeAudit(tx, o.actor, { action: 'import', entity: o.kind, after }, o.ip ?? '');
    }
    return report;
  };
  return dryRun ? work(db) : db.transaction((tx) => work(tx as unknown as Db));
}
