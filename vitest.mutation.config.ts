import { defineConfig } from 'vitest/config';

/**
 * The suites that guard the code under mutation (stryker.config.mjs), without the browser, crash
 * and CLI suites that exercise it only incidentally. Both databases still run; `--testFiles`
 * narrows a run to the suites aimed at the files it mutates.
 */
export default defineConfig({
  test: {
    include: ['packages/server/test/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/*-crash.test.ts', 'packages/server/test/cli/**', 'packages/server/test/summary-reporter.test.ts'],
    globalSetup: ['packages/server/test/support/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
