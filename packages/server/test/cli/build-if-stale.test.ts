import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the repository root, without type declarations.
import { buildFingerprint, buildIsCurrent, recordBuild } from '../../../../scripts/build-if-stale.mjs';

type Check = (root: string) => boolean;
const isCurrent = buildIsCurrent as Check;
const fingerprint = buildFingerprint as (root: string) => string;
const record = recordBuild as (root: string) => void;

/** A miniature checkout: one package's sources and every output `npm start` needs. */
function writeCheckout(root: string): void {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('package-lock.json', '{}');
  write('tsconfig.base.json', '{}');
  write('packages/server/package.json', '{"name":"server"}');
  write('packages/server/src/main.ts', 'export const answer = 42;');
  write('packages/server/src/nested/deep.ts', 'export {};');
  write('packages/server/test/ignored.test.ts', 'a test is not a build input');
  write('packages/server/dist/main.js', '');
  write('packages/server/widget-dist/plaudit.js', '');
  write('packages/review-view/dist/index.js', '');
  write('packages/sdk/dist/index.js', '');
}

describe('npm start builds only what changed', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'plaudit-build-'));
    writeCheckout(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds the first time and not again once the build is recorded', () => {
    expect(isCurrent(root)).toBe(false);
    record(root);
    expect(isCurrent(root)).toBe(true);
  });

  it('builds again when a source file changes, even deep in a folder', () => {
    record(root);
    writeFileSync(path.join(root, 'packages/server/src/nested/deep.ts'), 'export const changed = true;');
    expect(isCurrent(root)).toBe(false);
  });

  it('builds again when a dependency version changes', () => {
    record(root);
    writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(isCurrent(root)).toBe(false);
  });

  it('builds again when an output was deleted', () => {
    record(root);
    rmSync(path.join(root, 'packages/server/dist/main.js'));
    expect(isCurrent(root)).toBe(false);
  });

  it('does not rebuild for a test file, and hashes contents rather than timestamps', () => {
    const before = fingerprint(root);
    writeFileSync(path.join(root, 'packages/server/test/ignored.test.ts'), 'edited');
    writeFileSync(path.join(root, 'packages/server/src/main.ts'), 'export const answer = 42;');
    expect(fingerprint(root)).toBe(before);
  });
});
