import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The lines of every repository that filter by shop (`shop_id`, `shopId`), as Stryker line ranges:
 * the tenancy guarantee is those filters, not the ordering or paging around them. Read afresh on
 * every run, so a new repository or query is in scope without editing this file.
 */
function shopFilterLines() {
  const source = 'packages/server/src';
  const repositories = readdirSync(source, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('-repository.ts'));
  return repositories.flatMap((file) =>
    readFileSync(path.join(source, file), 'utf8')
      .split('\n')
      .flatMap((line, index) => (/shop_id|shopId/.test(line) ? [`${source}/${file}:${index + 1}-${index + 1}`] : [])),
  );
}

/**
 * Mutation testing of the security-critical code (`npm run test:mutation`): every mutant Stryker
 * makes in these files must make a test fail. Not part of `npm test` or CI: it reruns the tests
 * that cover each mutant, which takes far longer than the suite itself (README, Development).
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'packages/server/tsconfig.json',
  coverageAnalysis: 'perTest',
  mutate: [
    // HMAC signing and checking
    'packages/server/src/crypto/hmac-signature.ts',
    'packages/server/src/open-api/hmac-auth.ts',
    'packages/server/src/http/replay-cache.ts',
    'packages/server/src/crypto/tokens.ts',
    // bearer tokens and scopes
    'packages/server/src/http/bearer-auth.ts',
    'packages/server/src/platforms/bearer-authenticator.ts',
    'packages/server/src/platforms/scopes.ts',
    // OAuth grants and the redirect-URI check
    'packages/server/src/oauth/grants/*.ts',
    'packages/server/src/oauth/authorize/check-redirect-uri.ts',
    // webhook signatures and secret rotation
    'packages/server/src/webhooks/signatures.ts',
    'packages/server/src/webhooks/subscription-service.ts',
    // the SSRF address policy
    'packages/server/src/egress/address-policy.ts',
    // every repository's shop filter
    ...shopFilterLines(),
  ],
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 30_000,
  thresholds: { high: 90, low: 80, break: 80 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-artifacts/mutation/index.html' },
  jsonReporter: { fileName: 'test-artifacts/mutation/report.json' },
  tempDirName: '.stryker-tmp',
};
