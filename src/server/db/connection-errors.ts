// Tells a lost or refused database connection (a PostgreSQL restart, a network cut) from a fault in a query, so the
// first becomes a 503 the client may retry instead of a 500, and the process keeps running.

// Socket errors, admin_shutdown / crash_shutdown / cannot_connect_now; class 08 (connection exception) is matched by prefix.
const CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);
// node-postgres reports a dropped socket, a client that died mid-transaction and a full wait for a connection in text.
const MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i;

/** Whether an error (or its cause, or one of an AggregateError's errors) means the database is unreachable right now. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
