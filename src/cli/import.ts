// `jielian import <regions|members|representatives> <file.xlsx> [--dry-run]`: the Excel import from a terminal, as 系统.
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../server/errors.js';
import { t } from '../server/i18n/messages.js';
import { IMPORT_KINDS, type ImportKind, type ImportReport, runImport } from '../server/modules/imports/service.js';
import { openRuntime } from '../server/runtime.js';
import { progressBar } from './progress.js';

const USAGE = '用法：jielian import <regions|members|representatives> <文件.xlsx> [--dry-run]';
// The import's own refusals: printed as a report; anything else is a real failure.
const REFUSED: string[] = ['import_invalid', 'import_bad_file', 'import_too_large'];
const KIND_LABELS: Record<ImportKind, string> = { regions: '区划', members: '委员', representatives: '群众代表' };

/** A progress bar that can be closed early (on errors), so its redraw timer never keeps the process alive. */
export function closableBar(label: string) {
  const draw = progressBar(label);
  let last = { done: 0, total: 0 };
  return {
    onProgress: (done: number, total: number) => {
      last = { done, total };
      draw(done, total);
    },
    close: () => {
      if (last.total && last.done < last.total) draw(last.total, last.total);
    },
  };
}

/** Prints an import report in Chinese: the counts, then every problem with its row and column. */
export function printReport(kind: ImportKind, report: ImportReport, title = ''): void {
  const head = `${KIND_LABELS[kind]}：共 ${report.total} 行，新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}`;
  if (report.ok) {
    console.log(head);
    console.log(report.dryRun ? '检查通过（试运行，未写入任何数据）' : '导入完成');
    return;
  }
  console.error(`${title || `发现 ${report.errorCount} 处错误，未写入任何数据`}：`);
  for (const e of report.errors) {
    const where = [e.row ? `第 ${e.row} 行` : '', e.column ? `【${e.column}】` : ''].join('');
    console.error(`  ${where ? `${where} ` : ''}${e.message}`);
  }
  if (report.errorCount > report.errors.length)
    console.error(`  ……另有 ${report.errorCount - report.errors.length} 处错误未列出`);
}

/** Runs the import; exit code 1 when the file has problems (nothing is written then). */
export async function importCmd(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' } },
  });
  const [kind, file] = positionals as [ImportKind | undefined, string | undefined];
  if (!kind || !IMPORT_KINDS.includes(kind) || !file) {
    console.error(USAGE);
    process.exitCode = 1;
    return;
  }
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    console.error(`无法读取文件：${file}`);
    process.exitCode = 1;
    return;
  }
  const deps = await openRuntime();
  const bar = closableBar(values['dry-run'] ? '检查' : '导入');
  try {
    const report = await runImport(deps.database.db, {
      kind,
      data,
      actor: null,
      dryRun: values['dry-run'] ?? false,
      lang: 'zh',
      onProgress: bar.onProgress,
    });
    bar.close();
    printReport(kind, report);
  } catch (e) {
    bar.close();
    if (!(e instanceof AppError) || !REFUSED.includes(e.code)) throw e;
    printReport(kind, e.details as ImportReport, t(e.code, 'zh', e.params));
    process.exitCode = 1;
  } finally {
    await deps.database.close();
  }
}
