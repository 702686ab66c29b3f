import { defineConfig } from 'vitest/config';

// Browser flows in Debian's chromium against a real server started by the suite (see tests/e2e/server.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    // expect.poll waits 1 s by default: too short for a page on a loaded CI machine (a locator waits 30 s).
    expect: { poll: { timeout: 30_000 } },
  },
});
