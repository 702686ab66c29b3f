import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/setup/test-app.js';
import { verifyBackup } from './adapters/backup.js';
import {
  backupScheduleFromEnv,
  filesToPrune,
  nextBackupAt,
  runScheduledBackup,
  startBackupSchedule,
} from './backup-schedule.js';

describe('backup schedule settings', () => {
  it('is off without BACKUP_DIR and defaults to 02:30, keeping 14', () => {
    expect(backupScheduleFromEnv({})).toEqual({ dir: null, atMinutes: 150, keep: 14 });
    const s = backupScheduleFromEnv({ BACKUP_DIR: '/srv/b', BACKUP_TIME: '23:05', BACKUP_KEEP: '30' });
    expect(s).toEqual({ dir: '/srv/b', atMinutes: 23 * 60 + 5, keep: 30 });
  });
  it.each([['24:00'], ['2:3'], ['noon'], ['02:60']])('refuses BACKUP_TIME %s', (v) => {
    expect(() => backupScheduleFromEnv({ BACKUP_DIR: '/b', BACKUP_TIME: v })).toThrow(/BACKUP_TIME/);
  });
  it.each([['0'], ['-1'], ['1.5'], ['x']])('refuses BACKUP_KEEP %s', (v) => {
    expect(() => backupScheduleFromEnv({ BACKUP_KEEP: v })).toThrow(/BACKUP_KEEP/);
  });
});

describe('next run', () => {
  it('runs later today when the time has not passed, else tomorrow', () => {
    const morning = new Date(2026, 11, 4, 1, 0, 0);
    expect(nextBackupAt(morning, 150)).toEqual(new Date(2026, 11, 4, 2, 30, 0));
    const exactly = new Date(2026, 11, 4, 2, 30, 0);
    expect(nextBackupAt(exactly, 150)).toEqual(new Date(2026, 11, 5, 2, 30, 0));
    const lastDay = new Date(2026, 11, 31, 12, 0, 0);
    expect(nextBackupAt(lastDay, 150)).toEqual(new Date(2027, 0, 1, 2, 30, 0));
  });
});

describe('pruning', () => {
  it('keeps the newest N of its own files and never touches other files', () => {
    const names = [
      'jielian-2026-12-01.jlbak',
      'jielian-2026-12-03.jlbak',
      'jielian-2026-12-02.jlbak',
      'hand-made.jlbak',
      'jielian-2026-12-04.jlbak.partial',
    ];
    expect(filesToPrune(names, 2)).toEqual(['jielian-2026-12-01.jlbak']);
    expect(filesToPrune(names, 5)).toEqual([]);
  });
});

describe('nightly run', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    dir = path.join(t.deps.config.dataDir, 'nightly');
    fs.mkdirSync(dir, { recursive: true });
    for (const d of ['2026-11-29', '2026-11-30', '2026-12-01'])
      fs.writeFileSync(path.join(dir, `jielian-${d}.jlbak`), 'old');
    fs.writeFileSync(path.join(dir, 'keep-me.txt'), 'mine');
  });
  afterAll(async () => t?.close());

  it('writes one verifiable backup per day, once across processes, and prunes old ones', async () => {
    const schedule = { dir, atMinutes: 150, keep: 2 };
    const now = new Date(2026, 11, 4, 2, 30, 0);
    const first = await runScheduledBackup(t.deps, schedule, now);
    expect(first.status).toBe('written');
    const file = path.join(dir, 'jielian-2026-12-04.jlbak');
    const header = await verifyBackup(file);
    expect(header.tables.rate_limits).toBe(1); // the claim row itself is in the snapshot
    // A second process (same database) at the same night finds the day claimed and writes nothing.
    const again = await runScheduledBackup(t.deps, schedule, new Date(2026, 11, 4, 2, 30, 1));
    expect(again).toEqual({ status: 'claimed_elsewhere' });
    expect(fs.readdirSync(dir).sort()).toEqual(['jielian-2026-12-01.jlbak', 'jielian-2026-12-04.jlbak', 'keep-me.txt']);
  });

  it('frees the day when the write fails, so a retry can succeed', async () => {
    const blocker = path.join(t.deps.config.dataDir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const now = new Date(2026, 11, 5, 2, 30, 0);
    await expect(runScheduledBackup(t.deps, { dir: blocker, atMinutes: 150, keep: 2 }, now)).rejects.toThrow();
    const retry = await runScheduledBackup(t.deps, { dir, atMinutes: 150, keep: 2 }, now);
    expect(retry.status).toBe('written');
  });

  it('fires at the set time through the timer and stops cleanly', async () => {
    const logged: string[] = [];
    let clock = new Date(2026, 11, 6, 2, 29, 59, 900);
    const s = startBackupSchedule(
      { ...t.deps, now: () => clock },
      { dir, atMinutes: 150, keep: 5 },
      { info: (_o, m) => logged.push(m), error: (_o, m) => logged.push(m) },
    );
    clock = new Date(2026, 11, 6, 2, 30, 0, 50);
    for (let i = 0; i < 200 && !logged.length; i++) await new Promise((r) => setTimeout(r, 25));
    await s.stop();
    expect(logged).toEqual(['scheduled backup']);
    expect(fs.existsSync(path.join(dir, 'jielian-2026-12-06.jlbak'))).toBe(true);
  });
});
