import { defineConfig } from 'vitest/config';

// Unit + integration tests, in-process on embedded PGlite (one database per test file, loaded from a migrated template).
// Files named *.pg.test.ts need a PostgreSQL server of their own (a restart under load) and run in the PostgreSQL suite.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'src/**/*.pg.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
