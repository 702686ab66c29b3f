// `jielian backup <file>` and `jielian restore <file> [--yes]`: whole-database copies that move between PGlite and PostgreSQL.
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import {
  BackupError,
  type BackupHeader,
  readBackupHeader,
  restoreBackup,
  writeBackup,
} from '../server/adapters/backup.js';
import { AppError } from '../server/errors.js';
import { t } from '../server/i18n/messages.js';
import { openRuntime } from '../server/runtime.js';
import { closableBar } from './import.js';

const sum = (h: BackupHeader) => Object.values(h.tables).reduce((a, b) => a + b, 0);
// Attachments on disk (DATA_DIR/files) plus those kept in the database (FILE_STORE=database, table stored_files).
const fileCount = (h: BackupHeader) => h.files + (h.tables.stored_files ?? 0);

async function withErrors(fn: () => Promise<void>) {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) console.error(`${t(e.code, 'zh', e.params)}\n${t(e.code, 'en', e.params)}`);
    else if (e instanceof BackupError) console.error(e.message);
    else throw e;
    process.exitCode = 1;
  }
}

/** Writes every table and the uploaded files to one compressed file. */
export async function backupCmd(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file) {
    console.error('用法：jielian backup <备份文件.jlbak>');
    process.exitCode = 1;
    return;
  }
  const deps = await openRuntime();
  const bar = closableBar('备份');
  try {
    await withErrors(async () => {
      const h = await writeBackup({
        db: deps.database.db,
        database: deps.database.kind,
        filesDir: path.join(deps.config.dataDir, 'files'),
        file,
        onProgress: bar.onProgress,
      });
      bar.close();
      console.log(
        `备份完成：${path.resolve(file)}（${Object.keys(h.tables).length} 张表，${sum(h)} 行，${fileCount(h)} 个附件）`,
      );
    });
  } finally {
    bar.close();
    await deps.database.close();
  }
}

async function confirm(h: BackupHeader, file: string): Promise<boolean> {
  console.log(`备份文件：${file}`);
  console.log(`创建时间：${new Date(h.createdAt).toLocaleString('zh-CN')}，${sum(h)} 行数据，${fileCount(h)} 个附件`);
  if (!process.stdin.isTTY) return true;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('恢复将清空当前数据库中的全部数据并替换为备份内容，确定继续？(输入 yes 确认) ');
  rl.close();
  return answer.trim().toLowerCase() === 'yes';
}

/** Replaces the database contents (and uploads) with a backup; asks first on a terminal unless --yes. */
export async function restoreCmd(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { yes: { type: 'boolean', short: 'y' } },
  });
  const [file] = positionals;
  if (!file) {
    console.error('用法：jielian restore <备份文件.jlbak> [--yes]');
    process.exitCode = 1;
    return;
  }
  await withErrors(async () => {
    const header = await readBackupHeader(file);
    if (!values.yes && !(await confirm(header, file))) {
      console.log('已取消，未做任何修改');
      return;
    }
    const deps = await openRuntime();
    const bar = closableBar('恢复');
    try {
      await restoreBackup({
        db: deps.database.db,
        filesDir: path.join(deps.config.dataDir, 'files'),
        file,
        onProgress: bar.onProgress,
      });
      bar.close();
      console.log(`恢复完成：${sum(header)} 行数据，${fileCount(header)} 个附件`);
    } finally {
      bar.close();
      await deps.database.close();
    }
  });
}
