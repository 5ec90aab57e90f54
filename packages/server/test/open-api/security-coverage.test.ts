import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiOperations } from '../../src/open-api/open-api-operations.js';

const here = path.dirname(new URL(import.meta.url).pathname);

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith(suffix)).map((name) => path.join(dir, name));
}

/** `export const fooOperation = defineOperation({ operation: 'foo', …` → foo's variable name. */
function operationVariables(): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of filesUnder(path.join(here, '../../src'), '.ts')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/export const (\w+) = defineOperation\(\{\s*operation: '([^']+)'/g)) names.set(match[2]!, match[1]!);
  }
  return names;
}

describe('the shared security suite', () => {
  it('runs for every Open API operation (its aliases are run by the suite itself)', () => {
    const variables = operationVariables();
    const suiteFiles = filesUnder(path.join(here, '..'), '.test.ts').map((file) => readFileSync(file, 'utf8')).filter((text) => text.includes('securitySuite('));
    // Handed to the suite as `op: fooOperation`, or as the first argument of a helper that calls it.
    const mentioned = new Set(suiteFiles.flatMap((text) => [...text.matchAll(/(?:\bop:\s*|\w\()(\w+Operation)\b/g)].map((match) => match[1]!)));
    const missing = openApiOperations.map((op) => op.operation).filter((name) => !mentioned.has(variables.get(name) ?? `<no variable for ${name}>`));
    expect(missing).toEqual([]);
    expect(variables.size).toBe(openApiOperations.length);
  });
});
