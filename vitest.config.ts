import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    globalSetup: ['packages/server/test/support/postgres-global-setup.ts'],
    // Two cores on every project machine: one worker per core, each test file isolated in a fork.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', './packages/server/test/support/summary-reporter.ts'],
  },
});
