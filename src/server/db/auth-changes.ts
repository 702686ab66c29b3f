// PostgreSQL: the jl_auth notifications of migration 0010 (a session ended or changed, a user changed, a group's leader
// changed), for the session cache of every app process (modules/auth/session-cache.ts).
//
// Two sources feed it. Every pooled connection LISTENs, and PostgreSQL hands a connection the notifications of its
// own transaction before that COMMIT's ReadyForQuery: a change this process commits is applied before the committing
// call returns, so this process's next request already sees it. One dedicated connection LISTENs without pause for
// the changes other processes commit (arriving within milliseconds). Only the dedicated connection is continuous (the
// pool opens and closes connections as load changes), so `online` is its state: while it is away nothing may be
// served from a cache, because a notification could be missed.
import { EventEmitter } from 'node:events';
import pg from 'pg';

export const AUTH_CHANNEL = 'jl_auth';

/**
 * The pool's connection class: a new connection runs LISTEN before the pool hands it to its first caller, so no query
 * is ever queued behind the LISTEN (pg 8 warns about a query sent while another is in flight; pg 9 refuses it).
 */
export class ListeningClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: (err: Error) => void): void;
  override connect(callback?: (err: Error) => void): Promise<pg.Client> | undefined {
    const ready = super
      .connect()
      .then(() => this.query(`listen ${AUTH_CHANNEL}`))
      .then(
        () => this as pg.Client,
        async (e: Error) => {
          await this.end().catch(() => {}); // a connection that cannot listen is not handed out
          throw e;
        },
      );
    if (!callback) return ready;
    ready.then(() => (callback as (err: Error | null) => void)(null), callback);
  }
}

/** Events: 'change' (payload: 's:<session id>', 'u:<user id>' or '*'), 'online', 'offline'. */
export class AuthChanges extends EventEmitter {
  online = false;
  private client: pg.Client | null = null;
  private started = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private delay = 250;

  constructor(private readonly options: pg.ClientConfig) {
    super();
  }

  /**
   * Passes a listening connection's jl_auth notifications on as 'change': the dedicated one's, and every pooled one's
   * (a ListeningClient), whose own commits' notifications arrive before COMMIT returns.
   */
  hear(client: pg.Client | pg.PoolClient) {
    client.on('notification', (n) => {
      if (n.channel === AUTH_CHANNEL) this.emit('change', n.payload ?? '*');
    });
  }

  /** Starts the dedicated listener (once); 'online' follows when it listens. */
  start() {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.connect();
  }

  private async connect() {
    if (this.stopped) return;
    const client = new ListeningClient({ ...this.options, application_name: 'jielian-listen' });
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      client.end().catch(() => {});
      if (this.client === client || this.client === null) this.away();
    };
    client.on('error', lost);
    client.on('end', lost);
    this.hear(client);
    try {
      await client.connect();
    } catch {
      lost();
      return;
    }
    if (gone) return;
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.delay = 250;
    this.online = true;
    this.emit('online');
  }

  /** The listener is gone (server restart, network): offline, and a new attempt after a growing pause (≤ 5 s). */
  private away() {
    this.client = null;
    if (this.online) {
      this.online = false;
      this.emit('offline');
    }
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, 5_000);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    if (this.online) {
      this.online = false;
      this.emit('offline');
    }
    await client?.end().catch(() => {});
  }
}
