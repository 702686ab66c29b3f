// `jielian files-to-database [--remove]`: moves uploads written on disk (DATA_DIR/files) into the database, so that
// several server processes serve them (FILE_STORE=database, docs/OPERATIONS.md "More than one server").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyDiskFilesToDatabase } from '../server/adapters/db-file-store.js';
import { openRuntime } from '../server/runtime.js';
import { closableBar } from './import.js';

/** Copies every disk upload into stored_files under its own key; `--remove` deletes each disk copy once copied. */
export async function filesToDatabaseCmd(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { remove: { type: 'boolean' } } });
  const deps = await openRuntime();
  const dir = path.join(deps.config.dataDir, 'files');
  const bar = closableBar('附件');
  try {
    const out = await copyDiskFilesToDatabase(deps.database.db, dir, {
      removeCopied: values.remove === true,
      onProgress: bar.onProgress,
    });
    bar.close();
    console.log(
      `附件已存入数据库：新复制 ${out.copied} 个（${(out.bytes / 1048576).toFixed(1)} MB），已在数据库中 ${out.skipped} 个（${dir}）`,
    );
    if (deps.config.fileStore !== 'database')
      console.log('提示：设置 FILE_STORE=database 后，服务才从数据库读取附件。');
  } finally {
    bar.close();
    await deps.database.close();
  }
}
