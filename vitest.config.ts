import { defineConfig } from 'vitest/config';

// Unit + integration tests, in-process on embedded PGlite (one database per test file, loaded from a migrated template).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
