// The `jielian` command: serve | migrate | seed-demo | import | export | backup | restore.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { writeAudit } from '../server/audit.js';
import { backupScheduleFromEnv, startBackupSchedule } from '../server/backup-schedule.js';
import type { Deps } from '../server/context.js';
import { users } from '../server/db/schema.js';
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../server/db/seed/demo.js';
import { AppError } from '../server/errors.js';
import { t } from '../server/i18n/messages.js';
import { assertStrongPassword, hashPassword } from '../server/modules/auth/service.js';
import { startMailIntake } from '../server/modules/mail-intake/server.js';
import { classifierFor, keepTermsForTopics, similarIndexFor } from '../server/modules/opinions/text-index.js';
import { startScheduler } from '../server/modules/reminders/service.js';
import { topicModelFor } from '../server/modules/topics/model.js';
import { openRuntime } from '../server/runtime.js';
import { startupBanner } from './banner.js';
import { progressBar } from './progress.js';

const commands: Record<string, { help: string; run: (args: string[]) => Promise<void> }> = {
  serve: {
    help: 'start the web server (migrates; loads demo data into an empty database unless --no-demo)',
    run: serve,
  },
  migrate: { help: 'apply database migrations', run: async () => (await openRuntime()).database.close() },
  'create-admin': {
    help: 'create-admin <username> <password> [display name]: the first office account of a real installation',
    run: createAdmin,
  },
  'seed-demo': { help: 'load the demo data (only into an empty database; --force to add anyway)', run: seedDemoCmd },
  import: {
    help: 'import <regions|members|representatives> <file.xlsx> [--dry-run]',
    run: async (a) => (await import('./import.js')).importCmd(a),
  },
  export: {
    help: 'export <registration|record-card|summary|template> ... (see --help)',
    run: async (a) => (await import('./export.js')).exportCmd(a),
  },
  backup: {
    help: 'backup <file.jlbak>: write every table to one compressed file',
    run: async (a) => (await import('./backup.js')).backupCmd(a),
  },
  'files-to-database': {
    help: 'files-to-database [--remove]: copy uploads from DATA_DIR/files into the database (FILE_STORE=database)',
    run: async (a) => (await import('./files.js')).filesToDatabaseCmd(a),
  },
  restore: {
    help: 'restore <file.jlbak>: replace the database contents with a backup',
    run: async (a) => (await import('./backup.js')).restoreCmd(a),
  },
  'kpi-rebuild': {
    help: 'recount the KPI rollups from every item and event (after a change of the KPI rules, or to repair them)',
    run: kpiRebuild,
  },
};

async function kpiRebuild() {
  const deps = await openRuntime();
  try {
    const { rebuildKpiRollups } = await import('../server/modules/kpis/rollups.js');
    const t0 = Date.now();
    const r = await rebuildKpiRollups(deps.database.db);
    console.log(`KPI rollups rebuilt: ${r.items} items, ${r.rows} rows (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } finally {
    await deps.database.close();
  }
}

/** Whether the demo seed ran on this database (it leaves one audit row). */
async function holdsDemoData(db: Deps['database']['db']): Promise<boolean> {
  const res = await db.execute(sql`select 1 from audit_log where action = 'seed_demo' limit 1`);
  return res.rows.length > 0;
}

async function serve(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { 'no-demo': { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' } },
  });
  const backups = backupScheduleFromEnv(); // a bad BACKUP_TIME/BACKUP_KEEP stops the start before anything opens
  const deps = await openRuntime({
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.host ? { host: values.host } : {}),
  });
  // Uploads left half-written by a process that died mid-upload (an hour is longer than any upload still in flight).
  await deps.files.sweepUnfinished(new Date(Date.now() - 3_600_000)).catch((e) => console.error('upload sweep:', e));
  const demoSeeded = !values['no-demo'] && (await isDatabaseEmpty(deps.database.db));
  if (demoSeeded) {
    console.log('首次启动：正在载入演示数据 (first start: loading demo data)…');
    await seedDemo(deps.database.db, { onProgress: progressBar('演示数据') });
  }
  // A database holding the demo data is a demo (its password allowed, the sign-in page showing the demo logins),
  // on the start that loads it and on every later start; --no-demo never makes one.
  if (!values['no-demo'] && (demoSeeded || (await holdsDemoData(deps.database.db)))) deps.config.demoMode = true;
  const app = await buildApp(deps);
  await app.listen({ port: deps.config.port, host: deps.config.host });
  const url = `http://${deps.config.host === '0.0.0.0' ? 'localhost' : deps.config.host}:${deps.config.port}/`;
  const dataDir = deps.database.kind === 'pglite' ? deps.config.dataDir : null;
  for (const line of startupBanner({ url, database: deps.database.kind, dataDir, demoSeeded: deps.config.demoMode }))
    console.log(line);
  // The similar-items index, the category classifier and the hot-problem topics are built from the items on first
  // use: build them now, in slices between requests, so the day's first 'similar items', suggestion or topics page
  // does not wait for it.
  // The index keeps each item's terms for the topics, so the warm-up segments every item once.
  keepTermsForTopics(deps.database.db);
  void similarIndexFor(deps.database.db)
    .then(() => classifierFor(deps.database.db))
    .then(() => topicModelFor(deps.database.db))
    .catch((e) => app.log.warn({ err: e }, 'text index warm-up failed (built on first use instead)'));
  const scheduler = deps.config.remindersEnabled ? startScheduler(deps) : null;
  const nightly = backups.dir ? startBackupSchedule(deps, { ...backups, dir: backups.dir }, app.log) : null;
  if (backups.dir)
    console.log(
      `每日备份 (nightly backup) ${String(Math.floor(backups.atMinutes / 60)).padStart(2, '0')}:${String(backups.atMinutes % 60).padStart(2, '0')} → ${backups.dir} (keep ${backups.keep})`,
    );
  const mailIntake =
    deps.config.mailIntakePort !== null
      ? await startMailIntake(deps, { onError: (e) => console.error('mail intake:', e) })
      : null;
  if (mailIntake)
    console.log(
      `社情民意邮件接收 (mail intake) on ${deps.config.mailIntakeHost}:${mailIntake.port} for ${deps.config.mailIntakeTo.join(', ') || '(no MAIL_INTAKE_TO: every recipient refused)'}`,
    );
  // SIGTERM/SIGINT: stop accepting and finish requests in flight, stop the timers, close (and flush) the database,
  // which releases the data-folder lock; a repeated signal is ignored, a close stuck for 15 s ends the process (exit 1).
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在停止 (stopping)…`);
    setTimeout(() => {
      console.error('停止超时，强制退出 (stop timed out)');
      process.exit(1);
    }, 15_000).unref();
    try {
      await app.close();
      await scheduler?.stop();
      await nightly?.stop();
      await mailIntake?.close();
      await deps.database.close();
      process.exit(0);
    } catch (e) {
      console.error('停止时出错 (error while stopping):', e);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function createAdmin([username, password, displayName]: string[]) {
  if (!username || !password) throw new Error('用法：jielian create-admin <用户名> <密码> [姓名]');
  await assertStrongPassword(password, username);
  const deps = await openRuntime();
  const { db } = deps.database;
  await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        username,
        displayName: displayName ?? username,
        roles: ['admin'],
        passwordHash: await hashPassword(password),
      })
      .returning();
    await writeAudit(tx, null, {
      action: 'create',
      entity: 'user',
      entityId: u.id,
      after: { username, roles: u.roles },
    });
  });
  console.log(`已创建管理员账号 ${username}`);
  await deps.database.close();
}

async function seedDemoCmd(args: string[]) {
  const deps = await openRuntime();
  if (!args.includes('--force') && !(await isDatabaseEmpty(deps.database.db))) {
    console.log('数据库中已有数据，未载入演示数据（使用 --force 强制载入）');
  } else {
    await seedDemo(deps.database.db, { onProgress: progressBar('演示数据') });
    console.log(`演示数据已载入。登录：${DEMO_LOGINS.join(', ')} / ${DEMO_PASSWORD}`);
  }
  await deps.database.close();
}

const [cmd, ...rest] = process.argv.slice(2);
const entry = cmd ? commands[cmd] : undefined;
if (!entry) {
  console.log('Usage: jielian <command>\n');
  for (const [name, c] of Object.entries(commands)) console.log(`  ${name.padEnd(10)} ${c.help}`);
  process.exit(cmd && cmd !== '--help' ? 1 : 0);
}
entry.run(rest).catch((e) => {
  console.error(
    e instanceof AppError
      ? `${t(e.code, 'zh', e.params)}\n${t(e.code, 'en', e.params)}${e.details ? `\n${JSON.stringify(e.details)}` : ''}`
      : e instanceof Error
        ? e.message
        : e,
  );
  process.exit(1);
});
