import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

/**
 * The README names one runtime, Node 20, and CI runs on it. Every locked package must accept the
 * oldest Node the root package.json allows and the one running the tests, so `npm ci` prints no
 * EBADENGINE warning and nothing needs a newer Node at run time. A dependency bump that leaves
 * Node 20 behind fails here, before a user sees it.
 */
interface LockedPackage { engines?: { node?: string } }

const readJson = (relative: string): unknown => JSON.parse(readFileSync(new URL(`../../../../${relative}`, import.meta.url), 'utf8'));
const root = readJson('package.json') as { engines: { node: string } };
const lock = readJson('package-lock.json') as { packages: Record<string, LockedPackage> };

const supportedRange = root.engines.node;
const oldestSupported = semver.minVersion(supportedRange)?.version;

function packagesRefusing(nodeVersion: string): string[] {
  return Object.entries(lock.packages)
    .filter(([, locked]) => locked.engines?.node !== undefined && !semver.satisfies(nodeVersion, locked.engines.node))
    .map(([where, locked]) => `${where.replace(/^.*node_modules\//, '')} wants node ${locked.engines?.node}`);
}

it('supports Node 20 and only Node 20, as the README says', () => {
  expect(semver.satisfies('20.20.2', supportedRange)).toBe(true);
  expect(semver.satisfies('22.12.0', supportedRange)).toBe(false);
  expect(oldestSupported).toMatch(/^20\./);
});

it('locks no package that refuses the oldest supported Node', () => {
  expect(packagesRefusing(oldestSupported ?? '')).toEqual([]);
});

it('locks no package that refuses the Node running these tests', () => {
  expect(semver.satisfies(process.versions.node, supportedRange)).toBe(true);
  expect(packagesRefusing(process.versions.node)).toEqual([]);
});
