import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

it('counts a file that throws while loading and tests under a failed beforeAll as failures', () => {
  // The package's bin script (its exports map hides the file from require.resolve).
  const vitest = path.resolve(new URL('.', import.meta.url).pathname, '../../../node_modules/vitest/vitest.mjs');
  const config = new URL('./support/reporter-fixtures/vitest.config.ts', import.meta.url).pathname;
  const run = spawnSync(process.execPath, [vitest, 'run', '--config', config], { encoding: 'utf8', env: { ...process.env, CI: '' }, timeout: 60_000 });
  const closing = run.stdout.trim().split('\n').at(-1);
  // One for the unloadable file, two under the broken beforeAll; one passed, one skipped on purpose.
  expect(closing).toBe('1 passed, 3 failed, 1 skipped');
  expect(run.status).not.toBe(0);
}, 60_000);
