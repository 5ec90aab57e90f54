import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ESM script of the repository root, without type declarations.
import { buildIsCurrent } from '../../../../scripts/build-if-stale.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let entry: string[] | undefined;

/**
 * Node's arguments that start the CLI (before the command's own): the build when it was made from
 * exactly these sources (the fingerprint `npm start` checks, scripts/build-if-stale.mjs), else the
 * sources through tsx. Either way no test runs stale code; the build starts in about half the time
 * (2.6 s against 5.1 s for the whole module graph here), which the crash tests pay once per kill.
 */
export function cliEntry(): string[] {
  entry ??= (buildIsCurrent as (root: string) => boolean)(repoRoot) ? [path.join(repoRoot, 'packages/server/dist/main.js')] : ['--import', 'tsx', path.join(repoRoot, 'packages/server/src/main.ts')];
  return entry;
}
