// Sends report reads (dashboards, exports, search, the audit log) to a streaming replica (DATABASE_READ_URL) so they
// do not compete with the office's writes, and back to the primary while the replica is away: a report is worth more
// slightly slower than not at all. Writes never come here; they use the primary handle (`Database.db`).
import pg from 'pg';
import { AppError } from '../errors.js';
import { isDatabaseUnavailable } from './connection-errors.js';

/** How long reads stay on the primary after the replica failed, before the replica is tried again. */
export const REPLICA_RETRY_MS = 10_000;

// A hot standby cancels a query that conflicts with the WAL it replays (SQLSTATE 40001): rerun that one on the primary.
const RECOVERY_CONFLICT = '40001';

/**
 * A pg.Pool look-alike for Drizzle's node-postgres driver (its name contains "Pool", so Drizzle checks a client out
 * for a transaction): every query goes to the replica, or to the primary while the replica is unreachable.
 */
export class ReadReplicaPool {
  /** The replica's own pool, with the same connection handling as the primary's. */
  readonly replica: pg.Pool;
  private downUntil = 0;

  constructor(
    url: string,
    private readonly primary: pg.Pool,
    private readonly retryMs = REPLICA_RETRY_MS,
  ) {
    // A refused connection fails at once; an unreachable host gives up after 3 s (then the primary answers).
    this.replica = new pg.Pool({
      connectionString: url,
      application_name: 'jielian-read',
      max: 10,
      connectionTimeoutMillis: 3_000,
      keepAlive: true,
    });
    // Same as the primary: an idle connection killed by a replica restart must not end the process.
    this.replica.on('error', (err) => logLine(40, 'database connection lost', err));
    this.replica.on('connect', (client) => client.on('error', () => {}));
  }

  /** True while reads are sent to the primary because the replica failed recently. */
  get isFallingBack(): boolean {
    return this.downUntil > Date.now();
  }

  /** Drizzle's query path: the replica, or the primary when the replica is away or cancelled the query. */
  async query(config: any, values?: any): Promise<any> {
    if (this.isFallingBack) return this.primary.query(config, values);
    try {
      const res = await this.replica.query(config, values);
      this.markUp();
      return res;
    } catch (err) {
      if (isDatabaseUnavailable(err)) this.markDown(err as Error);
      else if ((err as { code?: unknown }).code !== RECOVERY_CONFLICT) throw err;
      return this.primary.query(config, values);
    }
  }

  /** Drizzle's transaction path (a read-only snapshot over several queries): a replica client, else a primary one. */
  async connect(): Promise<pg.PoolClient> {
    if (this.isFallingBack) return this.primary.connect();
    try {
      const client = await this.replica.connect();
      this.markUp();
      return client;
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      this.markDown(err as Error);
      return this.primary.connect();
    }
  }

  /** Closes the replica's connections (the primary's pool is closed by its owner). */
  end(): Promise<void> {
    return this.replica.end();
  }

  private markDown(err: Error) {
    if (this.downUntil === 0) logLine(40, 'read replica unavailable: reports read the primary', err);
    this.downUntil = Date.now() + this.retryMs;
  }

  private markUp() {
    if (this.downUntil === 0) return;
    this.downUntil = 0;
    logLine(30, 'read replica back: reports read the replica again');
  }
}

/**
 * Runs a report read on the replica handle; a record the replica has not replayed yet (404 just after it was
 * written) is read once more on the primary, so "export the visit I just recorded" works despite the lag.
 */
export async function readWithLagRetry<D, T>(handles: { db: D; readDb: D }, read: (db: D) => Promise<T>): Promise<T> {
  try {
    return await read(handles.readDb);
  } catch (err) {
    if (handles.readDb === handles.db || !(err instanceof AppError) || err.code !== 'not_found') throw err;
    return read(handles.db);
  }
}

// One structured line in the app's log format; pool events have no request to attach them to.
function logLine(level: number, msg: string, err?: Error) {
  const line = {
    level,
    time: Date.now(),
    msg,
    pool: 'replica',
    ...(err ? { err: { message: err.message, code: (err as { code?: unknown }).code } } : {}),
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}
