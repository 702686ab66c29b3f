import { defineConfig } from 'vitest/config';

// The whole unit + integration suite again, on a real PostgreSQL server (DATABASE_URL must point at a role that may create databases).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['tests/setup/require-postgres.ts', 'tests/setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
