// The PostgreSQL suite must never silently fall back to PGlite.
export default function requirePostgres() {
  if (!process.env.DATABASE_URL?.startsWith('postgres'))
    throw new Error('test:pg needs DATABASE_URL=postgres://… (see .ci/run)');
}
