// Signed-in requests on the embedded database skip the session look-up: the process that holds the PGlite folder is
// the only one that can change it (db/data-lock.ts), and the triggers of migration 0010 tell it, inside the committing
// statement, when a session ends or changes, a user changes (disabled, roles, member, password) or a group's leader
// changes. On PostgreSQL (several processes) nothing is cached: every request reads its session.
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

  get(id: string): CachedSession<Row> | undefined {
    return this.entries.get(id);
  }

  /** Keeps a row read while `generation` was `seenAt`; a row read before an invalidation is dropped. */
  set(id: string, entry: CachedSession<Row>, seenAt: number) {
    if (seenAt !== this.generation) return;
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
}

const caches = new WeakMap<Database, Promise<SessionCache<any> | null>>();

/** The cache of an embedded database (listening once per database), or null on PostgreSQL. */
export function sessionCacheOf<Row>(database: Database): Promise<SessionCache<Row> | null> {
  let found = caches.get(database);
  if (!found) {
    found = (async () => {
      if (database.kind !== 'pglite' || !database.pglite) return null;
      const cache = new SessionCache<Row>();
      await database.pglite.listen('jl_auth', (payload) => cache.invalidate(payload));
      return cache;
    })().catch(() => null); // no listener, no cache
    caches.set(database, found);
  }
  return found;
}
