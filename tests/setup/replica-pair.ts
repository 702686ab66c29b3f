// A throwaway PostgreSQL primary and a real streaming replica of it (pg_basebackup -R) on free ports under a temp
// folder, for the read-replica test. Needs Debian's PostgreSQL server binaries; run as root it runs them as postgres.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const PG_ROOT = '/usr/lib/postgresql';
const PREFIX = 'jl-replica-';

/** The bin folder of the newest Debian PostgreSQL, or a clear failure when there is none. */
function findPgBin(): string {
  const versions = fs.existsSync(PG_ROOT) ? fs.readdirSync(PG_ROOT).filter((v) => /^\d+$/.test(v)) : [];
  const bin = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(PG_ROOT, v, 'bin'))
    .find((b) => fs.existsSync(path.join(b, 'pg_basebackup')) && fs.existsSync(path.join(b, 'initdb')));
  if (!bin)
    throw new Error(`read-replica test: no initdb/pg_basebackup under ${PG_ROOT}/<v>/bin (apt-get install postgresql)`);
  return bin;
}

/** Runs a PostgreSQL tool as the postgres user when we are root (initdb refuses root), as ourselves otherwise. */
function runPg(bin: string, tool: string, args: string[]) {
  const exe = path.join(bin, tool);
  const [cmd, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  execFileSync(cmd, argv, { stdio: 'pipe', timeout: 60_000 });
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 100 ms until it is true; fails with `what` after `maxMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, maxMs = 30_000) {
  const until = Date.now() + maxMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`read-replica test: timed out waiting for ${what}`);
    await sleep(100);
  }
}

// A run killed before its cleanup leaves its clusters running: stop them and remove their folders (idempotent re-runs).
function removeLeftovers(bin: string) {
  for (const name of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const dir = path.join(os.tmpdir(), name);
    const pidFile = (d: string) => path.join(dir, d, 'postmaster.pid');
    const ownerFile = path.join(dir, 'owner');
    const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8').trim()) : 0;
    if (owner && isAlive(owner)) continue; // another run of this test is using it
    for (const d of ['primary', 'replica'])
      if (fs.existsSync(pidFile(d))) {
        try {
          runPg(bin, 'pg_ctl', ['-D', path.join(dir, d), '-m', 'immediate', 'stop']);
        } catch {
          // already gone
        }
      }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A running primary/replica pair with URLs, admin pools and the controls the test needs. */
export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  /** Admin connections outside the app, to look at each server. */
  primaryAdmin: pg.Pool;
  replicaAdmin: pg.Pool;
  stopReplica(): void;
  startReplica(): void;
  /** Waits until the replica streams from the primary and has replayed everything the primary wrote so far. */
  caughtUp(): Promise<void>;
  /** Stops (or resumes) replaying WAL on the replica, so new writes stay invisible there until resumed. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  destroy(): Promise<void>;
}

/** Builds the pair: initdb, start the primary, pg_basebackup -R, start the replica, wait until it streams. */
export async function createReplicaPair(): Promise<ReplicaPair> {
  const bin = findPgBin();
  removeLeftovers(bin);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  fs.writeFileSync(path.join(dir, 'owner'), String(process.pid));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:', dir]);
  const [pPort, rPort] = [await freePort(), await freePort()];
  const data = (d: string) => path.join(dir, d);
  const start = (d: string, port: number) =>
    runPg(bin, 'pg_ctl', [
      ...['-D', data(d), '-w', '-t', '60', '-l', path.join(dir, `${d}.log`)],
      ...['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c wal_level=replica`, 'start'],
    ]);
  const stop = (d: string, mode = 'fast') => runPg(bin, 'pg_ctl', ['-D', data(d), '-w', '-m', mode, 'stop']);
  const running = new Set<string>();
  const primaryUrl = `postgres://jielian@127.0.0.1:${pPort}/postgres`;
  const replicaUrl = `postgres://jielian@127.0.0.1:${rPort}/postgres`;
  const stopAll = () => {
    for (const d of running) {
      try {
        stop(d, 'immediate');
      } catch {
        // already stopped
      }
    }
    running.clear();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    // initdb's pg_hba.conf already lets 127.0.0.1 replicate (trust, like the rest of this throwaway cluster).
    runPg(bin, 'initdb', ['-D', data('primary'), '-U', 'jielian', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    start('primary', pPort);
    running.add('primary');
    runPg(bin, 'pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(pPort), '-U', 'jielian'],
      ...['-D', data('replica'), '-R', '-X', 'stream', '-c', 'fast'],
    ]);
    start('replica', rPort);
    running.add('replica');
  } catch (e) {
    stopAll();
    throw e;
  }
  const primaryAdmin = new pg.Pool({ connectionString: primaryUrl, max: 2 });
  const replicaAdmin = new pg.Pool({ connectionString: replicaUrl, max: 2 });
  for (const p of [primaryAdmin, replicaAdmin]) p.on('error', () => {});
  const pair: ReplicaPair = {
    primaryUrl,
    replicaUrl,
    primaryAdmin,
    replicaAdmin,
    stopReplica: () => {
      stop('replica');
      running.delete('replica');
    },
    startReplica: () => {
      start('replica', rPort);
      running.add('replica');
    },
    caughtUp: async () => {
      await waitFor('the replica to stream', async () => {
        const r = await primaryAdmin.query(`select 1 from pg_stat_replication where state = 'streaming'`);
        return r.rowCount === 1;
      });
      const lsn = (await primaryAdmin.query('select pg_current_wal_lsn()::text as lsn')).rows[0].lsn;
      await waitFor('the replica to replay the primary', async () => {
        const r = await replicaAdmin.query('select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1) >= 0 as ok', [lsn]);
        return r.rows[0].ok === true;
      });
    },
    pauseReplay: async () => {
      await replicaAdmin.query('select pg_wal_replay_pause()');
      await waitFor('replay to pause', async () => {
        const r = await replicaAdmin.query('select pg_get_wal_replay_pause_state() as s');
        return r.rows[0].s === 'paused';
      });
    },
    resumeReplay: async () => {
      await replicaAdmin.query('select pg_wal_replay_resume()');
    },
    destroy: async () => {
      await Promise.allSettled([primaryAdmin.end(), replicaAdmin.end()]);
      stopAll();
    },
  };
  try {
    await pair.caughtUp();
  } catch (e) {
    await pair.destroy();
    throw e;
  }
  return pair;
}
