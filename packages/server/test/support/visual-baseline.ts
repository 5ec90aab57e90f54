import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { artifactPath } from './browser.js';

/** Committed baselines of the storefront's key states (README.md, "Development": how to rewrite them on purpose). */
export const BASELINE_DIR = path.resolve(import.meta.dirname, '../storefront/__screenshots__');

/**
 * `UPDATE_SCREENSHOTS=1` rewrites the baselines on purpose, after a change meant to alter the look;
 * CI never does, so a run there can only compare.
 */
const updating = process.env.UPDATE_SCREENSHOTS === '1' && process.env.CI !== 'true';

/**
 * Compares a screenshot with its baseline: pixels that differ beyond pixelmatch's colour threshold
 * (anti-aliasing ignored) may be at most `maxDiffRatio` of the image. The actual image and a diff
 * are left under test-artifacts/visual/ for a person to look at.
 */
export function expectMatchesBaseline(name: string, screenshot: Buffer, maxDiffRatio = 0.002): void {
  const baseline = path.join(BASELINE_DIR, `${name}.png`);
  if (updating) {
    mkdirSync(BASELINE_DIR, { recursive: true });
    writeFileSync(baseline, screenshot);
    return;
  }
  writeFileSync(artifactPath(`visual-${name}.actual.png`), screenshot);
  expect(existsSync(baseline), `no baseline ${path.relative(process.cwd(), baseline)}: run UPDATE_SCREENSHOTS=1 npx vitest run --project browser storefront-look`).toBe(true);
  const expected = PNG.sync.read(readFileSync(baseline));
  const actual = PNG.sync.read(screenshot);
  expect(`${actual.width}×${actual.height}`, `${name}: size`).toBe(`${expected.width}×${expected.height}`);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1, includeAA: false });
  writeFileSync(artifactPath(`visual-${name}.diff.png`), PNG.sync.write(diff));
  expect(differing / (actual.width * actual.height), `${name}: ${differing} pixels differ (see test-artifacts/visual-${name}.diff.png)`).toBeLessThanOrEqual(maxDiffRatio);
}
