#!/usr/bin/env node
// `npm start` runs this first: it builds only when a source file changed since the last build, so a
// second start goes straight to the server instead of recompiling every package. The fingerprint is
// a hash of the build's inputs (contents, not timestamps: a checkout that restores the same files
// does not rebuild). `npm run build` records it once every package has built.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each workspace package's build reads. */
const PACKAGE_INPUTS = ['src', 'package.json', 'tsconfig.json', 'build.mjs'];
/** What the root adds: shared compiler options and the exact dependency versions. */
const ROOT_INPUTS = ['tsconfig.base.json', 'package-lock.json'];
/** What a start needs to exist, whatever the fingerprint says (someone may have deleted dist/). */
const OUTPUTS = ['packages/server/dist/main.js', 'packages/review-view/dist', 'packages/sdk/dist', 'packages/server/widget-dist'];
const STAMP = 'node_modules/.cache/plaudit/build-fingerprint';

/** The input's own path when it is a file, every file below it when it is a folder, else nothing. */
function filesOf(root, input) {
  const full = path.join(root, input);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [input];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function inputFiles(root) {
  const packagesDir = path.join(root, 'packages');
  const packages = existsSync(packagesDir) ? readdirSync(packagesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
  const inputs = [...ROOT_INPUTS, ...packages.flatMap((name) => PACKAGE_INPUTS.map((input) => path.join('packages', name, input)))];
  return inputs.flatMap((input) => filesOf(root, input)).sort();
}

/** A hash of every build input's path and contents. */
export function buildFingerprint(root) {
  const hash = createHash('sha256');
  for (const file of inputFiles(root)) {
    hash.update(file.split(path.sep).join('/')).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/** True when the recorded fingerprint matches the sources and every output is there. */
export function buildIsCurrent(root) {
  const stamp = path.join(root, STAMP);
  if (!existsSync(stamp) || OUTPUTS.some((output) => !existsSync(path.join(root, output)))) return false;
  return readFileSync(stamp, 'utf8').trim() === buildFingerprint(root);
}

export function recordBuild(root) {
  const stamp = path.join(root, STAMP);
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${buildFingerprint(root)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (process.argv.includes('--record')) {
    recordBuild(root);
  } else if (!buildIsCurrent(root)) {
    process.stdout.write('Sources changed since the last build: building…\n');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}
