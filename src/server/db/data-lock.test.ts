import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../i18n/messages.js';
import { openDatabase } from './client.js';
import { acquireDataLock, LOCK_FILE } from './data-lock.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const writeLock = (dir: string, pid: number) =>
  fs.writeFileSync(
    path.join(dir, LOCK_FILE),
    JSON.stringify({ pid, host: os.hostname(), startedAt: '2026-12-01T08:00:00.000Z', command: 'jielian serve' }),
  );

describe('data folder lock', () => {
  it('refuses a second holder in the same process, and frees the folder on release', () => {
    const dir = tempDir();
    const lock = acquireDataLock(dir, 'jielian serve');
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'jielian serve',
    });
    expect(() => acquireDataLock(dir)).toThrow(expect.objectContaining({ code: 'data_dir_locked' }));
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    acquireDataLock(dir).release();
  });

  it('refuses to open a folder a live process holds, naming it, and leaves the folder untouched', async () => {
    const dir = tempDir();
    writeLock(dir, process.ppid);
    const err = await openDatabase({ databaseUrl: null, dataDir: dir }).catch((e) => e);
    expect(err).toMatchObject({ code: 'data_dir_locked', params: { pid: process.ppid, command: 'jielian serve' } });
    expect(t(err.code, 'zh', err.params)).toContain(`进程号 ${process.ppid}`);
    expect(t(err.code, 'en', err.params)).toContain('since 2026-12-01T08:00:00.000Z');
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over a stale lock left by a dead process on this host', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeLock(dir, dead);
    const lock = acquireDataLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not take over a lock from another host (it cannot tell whether that process lives)', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 999_999, host: 'other-host', startedAt: '', command: 'jielian serve' }),
    );
    expect(() => acquireDataLock(dir)).toThrow(expect.objectContaining({ code: 'data_dir_locked' }));
  });
});
