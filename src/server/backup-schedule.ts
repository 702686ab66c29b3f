// Nightly backups written by the running server itself (BACKUP_DIR): on the embedded database no second process may
// open the data folder, so the server that holds it is the one that copies it; with several processes on PostgreSQL
// one claim row per day makes exactly one of them write the file.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { writeBackup } from './adapters/backup.js';
import type { Deps } from './context.js';

export interface BackupSchedule {
  /** Folder the nightly files go to; null = no scheduled backups. */
  dir: string | null;
  /** Local wall-clock time of the daily run, minutes after midnight. */
  atMinutes: number;
  /** How many nightly files to keep (older ones written by the schedule are deleted). */
  keep: number;
}

const FILE_RE = /^jielian-(\d{4}-\d{2}-\d{2})\.jlbak$/;

/** Reads BACKUP_DIR, BACKUP_TIME (HH:MM, default 02:30) and BACKUP_KEEP (default 14); a bad value is an error at start. */
export function backupScheduleFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSchedule {
  const dir = env.BACKUP_DIR?.trim() ? path.resolve(env.BACKUP_DIR.trim()) : null;
  const time = env.BACKUP_TIME?.trim() || '02:30';
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new Error(`BACKUP_TIME must be HH:MM (24-hour), got "${time}"`);
  const keepText = env.BACKUP_KEEP?.trim() || '14';
  const keep = Number(keepText);
  if (!Number.isInteger(keep) || keep < 1 || keep > 3650)
    throw new Error(`BACKUP_KEEP must be a whole number 1–3650, got "${keepText}"`);
  return { dir, atMinutes: Number(m[1]) * 60 + Number(m[2]), keep };
}

/** The next moment (server local time) at `atMinutes` after midnight, strictly after `now`. */
export function nextBackupAt(now: Date, atMinutes: number): Date {
  const next = new Date(now);
  next.setHours(Math.floor(atMinutes / 60), atMinutes % 60, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The schedule's own files, newest first, and the ones beyond `keep` (never touches other files in the folder). */
export function filesToPrune(names: string[], keep: number): string[] {
  return names
    .filter((n) => FILE_RE.test(n))
    .sort()
    .reverse()
    .slice(keep);
}

export type BackupRunResult = { status: 'written'; file: string; rows: number } | { status: 'claimed_elsewhere' };

/**
 * Writes today's backup unless another process already claimed the day (one `rate_limits` row per day, inserted
 * with ON CONFLICT DO NOTHING), then deletes the schedule's files beyond `keep`.
 */
export async function runScheduledBackup(
  deps: Pick<Deps, 'database' | 'config'>,
  schedule: BackupSchedule & { dir: string },
  now: Date,
): Promise<BackupRunResult> {
  const day = localDay(now);
  const claim = await deps.database.db.execute(sql`insert into rate_limits (bucket, key, window_start, hits)
    values ('scheduled_backup', ${day}, ${now.toISOString()}::timestamptz, 1)
    on conflict (bucket, key) do nothing returning 1 as won`);
  if (!claim.rows.length) return { status: 'claimed_elsewhere' };
  const file = path.join(schedule.dir, `jielian-${day}.jlbak`);
  try {
    await fsp.mkdir(schedule.dir, { recursive: true });
    const header = await writeBackup({
      db: deps.database.db,
      database: deps.database.kind,
      filesDir: path.join(deps.config.dataDir, 'files'),
      file,
    });
    for (const old of filesToPrune(await fsp.readdir(schedule.dir), schedule.keep))
      await fsp.rm(path.join(schedule.dir, old), { force: true });
    return { status: 'written', file, rows: Object.values(header.tables).reduce((a, b) => a + b, 0) };
  } catch (e) {
    // A failed night may be retried by this or another process (e.g. after freeing disk space and restarting).
    await deps.database.db.execute(sql`delete from rate_limits where bucket = 'scheduled_backup' and key = ${day}`);
    throw e;
  }
}

export interface BackupScheduler {
  stop(): Promise<void>;
}

/** Starts the nightly timer; logs each run as one JSON-friendly line. */
export function startBackupSchedule(
  deps: Pick<Deps, 'database' | 'config' | 'now'>,
  schedule: BackupSchedule & { dir: string },
  log: { info: (o: object, msg: string) => void; error: (o: object, msg: string) => void },
): BackupScheduler {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const now = deps.now();
    const delay = Math.min(nextBackupAt(now, schedule.atMinutes).getTime() - now.getTime(), 2 ** 31 - 1);
    timer = setTimeout(() => {
      running = runScheduledBackup(deps, schedule, deps.now())
        .then((r) => log.info(r, 'scheduled backup'))
        .catch((err) => log.error({ err }, 'scheduled backup failed'))
        .finally(() => {
          running = null;
          arm();
        });
    }, delay);
    timer.unref();
  };
  arm();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
