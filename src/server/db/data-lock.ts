// One process per embedded data folder: PGlite has no locking of its own, and a second writer silently loses data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.js';

/** The lock file's name inside DATA_DIR. */
export const LOCK_FILE = 'jielian.lock';

/** What the lock file records, so a refused process can name the holder. */
export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

/** A held lock; release() is idempotent and also runs at process exit. */
export interface DataLock {
  file: string;
  release(): void;
}

/** Whether a process with this id runs on this machine (EPERM means it runs under another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Number.isInteger(o?.pid) && o.pid > 0 ? (o as LockOwner) : null;
  } catch {
    return null;
  }
}

/** A lock left by a dead process on this host, or an unreadable one older than a few seconds (a crash mid-write). */
function isStale(file: string, owner: LockOwner | null): boolean {
  if (!owner) {
    const age = Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age > 5000;
  }
  return owner.host === os.hostname() && !isAlive(owner.pid);
}

/** Takes DATA_DIR/jielian.lock exclusively, taking over a stale one; refuses with `data_dir_locked` while another process holds it. */
export function acquireDataLock(dataDir: string, command = ['jielian', ...process.argv.slice(2)].join(' ')): DataLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(file);
      if (attempt < 2 && isStale(file, owner)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      throw new AppError('data_dir_locked', {
        dir: dataDir,
        pid: owner?.pid ?? '?',
        host: owner?.host ?? '?',
        command: owner?.command ?? '?',
        since: owner?.startedAt ?? '?',
      });
    }
    fs.writeSync(fd, JSON.stringify(me));
    fs.closeSync(fd);
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      process.off('exit', release);
      // Only our own lock: never remove one a later process took over.
      if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    };
    process.on('exit', release);
    return { file, release };
  }
}
