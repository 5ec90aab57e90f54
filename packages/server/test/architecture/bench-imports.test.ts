import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const benchDir = path.join(repoRoot, 'bench');

/**
 * The benchmarks import the built server (`packages/server/dist/…`), which `npm test` never runs:
 * a moved module would break `npm run bench` silently. Each import must name a source file that
 * exists.
 */
it('imports only server modules that exist in src/', () => {
  const missing: string[] = [];
  let checked = 0;
  for (const script of readdirSync(benchDir).filter((name) => name.endsWith('.js'))) {
    const text = readFileSync(path.join(benchDir, script), 'utf8');
    for (const [, target] of text.matchAll(/from '\.\.\/packages\/server\/dist\/([^']+)\.js'/g)) {
      checked += 1;
      if (!existsSync(path.join(repoRoot, 'packages/server/src', `${target}.ts`))) missing.push(`${script}: ${target}`);
    }
  }
  expect(missing).toEqual([]);
  expect(checked).toBeGreaterThan(10);
});
