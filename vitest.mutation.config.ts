import { defineConfig } from 'vitest/config';

/**
 * The suites that guard the code under mutation (stryker.config.mjs), without the browser, crash
 * and benchmark-sized suites that exercise it only incidentally. Both databases still run.
 */
export default defineConfig({
  test: {
    include: [
      'packages/server/test/http/hmac-*.test.ts',
      'packages/server/test/http/signature-v2.test.ts',
      'packages/server/test/http/transport*.test.ts',
      'packages/server/test/egress/*.test.ts',
      'packages/server/test/oauth/{token,revoke,consent,platform-management,standard-client,trustoo-client}.test.ts',
      'packages/server/test/webhooks/{subscriptions,delivery}.test.ts',
      'packages/server/test/tenancy/*.test.ts',
      'packages/server/test/reviews/*.test.ts',
      'packages/server/test/orders/*.test.ts',
      'packages/server/test/customers/*.test.ts',
      'packages/server/test/events/*.test.ts',
      'packages/server/test/shops/*.test.ts',
      'packages/server/test/security-coverage.test.ts',
    ],
    globalSetup: ['packages/server/test/support/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
