// Signed-in requests skip the session look-up when their session is cached. The triggers of migration 0010 notify
// (channel jl_auth) when a session ends or changes, a user changes (disabled, roles, member, password) or a group's
// leader changes, whatever code path or SQL made the change:
// - Embedded database: the process that holds the PGlite folder is the only one that can change it (db/data-lock.ts),
//   and PGlite delivers the notification inside the committing statement.
// - PostgreSQL (several processes): db/auth-changes.ts. A change this process commits arrives before its COMMIT
//   returns (every pooled connection listens); another process's change arrives through a dedicated listening
//   connection within milliseconds. While that connection is away (a database restart) nothing is served from the
//   cache, and it starts empty when the connection is back, so a missed notification cannot keep a session alive.
import type { Database } from '../../db/client.js';

/** What a session resolves to: the rows resolveSession reads, kept as read. */
export interface CachedSession<Row> {
  userId: number;
  row: Row;
}

/** A per-database session cache; `generation` moves on every invalidation, so a read that raced one is not kept. */
export class SessionCache<Row> {
  private entries = new Map<string, CachedSession<Row>>();
  generation = 0;

  /** `online`: whether every change is being heard (PostgreSQL: the listener is connected); if not, nothing is served. */
  constructor(private online = true) {}

  get(id: string): CachedSession<Row> | undefined {
    return this.online ? this.entries.get(id) : undefined;
  }

  /** Keeps a row read while `generation` was `seenAt`; a row read before an invalidation is dropped. */
  set(id: string, entry: CachedSession<Row>, seenAt: number) {
    if (!this.online || seenAt !== this.generation) return;
    if (this.entries.size >= 10_000) this.entries.clear(); // a bound, not a policy: a miss only costs one read
    this.entries.set(id, entry);
  }

  /** Applies one notification: 's:<session id>', 'u:<user id>' or '*'. */
  invalidate(payload: string) {
    this.generation++;
    if (payload.startsWith('s:')) this.entries.delete(payload.slice(2));
    else if (payload.startsWith('u:')) {
      const userId = Number(payload.slice(2));
      for (const [id, e] of this.entries) if (e.userId === userId) this.entries.delete(id);
    } else this.entries.clear();
  }

  /** The listener went away or came back: nothing cached survives, and no read in flight is kept. */
  reset(online: boolean) {
    this.online = online;
    this.generation++;
    this.entries.clear();
  }
}

const caches = new WeakMap<Database, Promise<SessionCache<any> | null>>();

/** The session cache of a database (listening once per database), or null when it cannot listen. */
export function sessionCacheOf<Row>(database: Database): Promise<SessionCache<Row> | null> {
  let found = caches.get(database);
  if (!found) {
    found = (async () => {
      const feed = database.authChanges;
      if (feed) {
        const cache = new SessionCache<Row>(feed.online);
        feed.on('change', (payload: string) => cache.invalidate(payload));
        feed.on('online', () => cache.reset(true));
        feed.on('offline', () => cache.reset(false));
        feed.start();
        return cache;
      }
      if (!database.pglite) return null;
      const cache = new SessionCache<Row>();
      await database.pglite.listen('jl_auth', (payload) => cache.invalidate(payload));
      return cache;
    })().catch(() => null); // no listener, no cache
    caches.set(database, found);
  }
  return found;
}
