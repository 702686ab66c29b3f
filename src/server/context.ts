// Types every request handler shares: the actor behind a request and the injected dependencies.
import type { Role } from '../core/code-lists.js';
import type { FileStore } from './adapters/file-store.js';
import type { AppConfig } from './config.js';
import type { Database } from './db/client.js';

/** Who is acting: resolved once per request from the session cookie or a Bearer token. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  memberId: number | null;
  /** Liaison group led by this user's member profile (group leaders only). */
  groupId: number | null;
  townshipId: number | null;
  departmentId: number | null;
  via: 'session' | 'token';
  /** Set by an admin's create or reset: the web client sends the user to change it first. */
  mustChangePassword?: boolean;
  sessionId?: string;
  csrfToken?: string;
}

/** The adapters with I/O, injected so tests can swap them. */
export interface Deps {
  database: Database;
  config: AppConfig;
  files: FileStore;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    lang: import('./i18n/messages.js').Lang;
  }
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in. */
    public?: boolean;
    /** Routes a user who must change their password may still call (me, password, logout). */
    duringPasswordChange?: boolean;
    /** Answers that carry a secret (a CSRF token, a new API token): never compressed (compression.ts). */
    secret?: boolean;
  }
}

/** True when the actor holds at least one of the roles. */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
