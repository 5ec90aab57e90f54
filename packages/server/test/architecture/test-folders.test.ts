import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('../../', import.meta.url));
const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const hasTests = (dir: string): boolean => existsSync(dir) && readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((name) => name.endsWith('.test.ts'));

it('gives every module of the server its tests in a folder of the same name', () => {
  const modules = folders(path.join(serverDir, 'src'));
  expect(modules.length).toBeGreaterThan(20);
  expect(modules.filter((name) => !hasTests(path.join(serverDir, 'test', name)))).toEqual([]);
});

// compat/ replays clients of Trustoo's API found in the wild, across modules.
it('has no test folder without a module, except the architecture checks, compat, tenancy and the shared support', () => {
  const orphans = folders(path.join(serverDir, 'test')).filter((name) => !existsSync(path.join(serverDir, 'src', name)));
  expect(orphans.sort()).toEqual(['architecture', 'compat', 'support', 'tenancy']);
});
