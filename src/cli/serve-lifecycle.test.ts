// Spawns the real CLI: a command on a folder another process holds is refused, and `serve` stops cleanly on SIGTERM.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killAll, runCli, serveOn } from '../../tests/setup/cli-process.js';
import { LOCK_FILE } from '../server/db/data-lock.js';

const dirs: string[] = [];
afterAll(() => {
  killAll();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const isPortFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-cli-'));
  dirs.push(d);
  return d;
};

describe('CLI on the embedded data folder', () => {
  it('refuses `backup` while another live process holds the folder, naming it, exit code 1', async () => {
    const dir = tempDir();
    const lock = {
      pid: process.pid,
      host: os.hostname(),
      startedAt: '2026-12-01T08:00:00.000Z',
      command: 'jielian serve',
    };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(lock));
    const run = runCli(['backup', path.join(dir, 'x.jlbak')], { DATA_DIR: dir });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(`进程号 ${process.pid}`);
    expect(run.output()).toContain(`pid ${process.pid}`);
    expect(run.output()).toContain('jielian serve');
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('`serve` stops on SIGTERM: exit code 0, port free, lock released', async () => {
    const dir = tempDir();
    const port = await freePort();
    const run = await serveOn(dir, port, { REMINDERS: '1' });
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    run.child.kill('SIGTERM');
    const code = await Promise.race([run.exited, new Promise((r) => setTimeout(() => r('timeout'), 30_000))]);
    expect(code, run.output()).toBe(0);
    expect(await isPortFree(port)).toBe(true);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  }, 200_000);
});
