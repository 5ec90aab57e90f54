import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Four tiers, all run by `npm test` (and CI); each also runs alone with `--project <name>`:
 * - unit: no database, no browser (`npm run test:unit`, well under a minute);
 * - sqlite and postgres: every data-touching suite, once per dialect;
 * - browser: the suites that drive Chromium, on both dialects.
 * A suite touches data when it loops over the dialects with `describeEachDatabase`.
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const ALL = 'packages/*/test/**/*.test.ts';
const BROWSER = 'packages/*/test/**/*.browser.test.ts';
const POSTGRES_SETUP = 'packages/server/test/support/postgres-global-setup.ts';

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') && !entry.name.endsWith('.browser.test.ts') ? [full] : [];
  });
}

// Test files (SQLite databases, media folders, CLI data dirs) go to memory when the machine has
// /dev/shm: none must outlive a power cut, and every SQLite commit waiting for a real disk
// (synchronous = FULL) made the suite wait on I/O for minutes. Forks and child processes inherit it.
if (process.env.TMPDIR === undefined && existsSync('/dev/shm')) process.env.TMPDIR = '/dev/shm';

const dataSuites = readdirSync(path.join(root, 'packages'))
  .flatMap((name) => testFiles(path.join(root, 'packages', name, 'test')))
  .filter((file) => readFileSync(file, 'utf8').includes('describeEachDatabase('))
  .map((file) => path.relative(root, file).split(path.sep).join('/'));

export default defineConfig({
  test: {
    // Two cores on every project machine: one worker per core, each a fork that runs test files one
    // after another. The forks are not restarted per file: each would evaluate the server's whole
    // module graph again, a fifth of the workers' time (355 s of import beside 1,480 s of tests in
    // one CI run). Modules are therefore shared between files, while each file keeps its data in a
    // database of its own: a module-level cache must key on what it was made from (shopify-app.ts).
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', './packages/server/test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: [ALL], exclude: [BROWSER, ...dataSuites] } },
      { extends: true, test: { name: 'sqlite', include: dataSuites, globalSetup: [POSTGRES_SETUP], env: { PLAUDIT_TEST_DIALECT: 'sqlite' } } },
      { extends: true, test: { name: 'postgres', include: dataSuites, globalSetup: [POSTGRES_SETUP], env: { PLAUDIT_TEST_DIALECT: 'postgres' } } },
      { extends: true, test: { name: 'browser', include: [BROWSER], globalSetup: [POSTGRES_SETUP] } },
    ],
  },
});
