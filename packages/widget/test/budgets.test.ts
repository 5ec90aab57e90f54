import { readFile, readdir, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript run by Node
import { buildWidget } from '../build.mjs';

/** docs/reference/storefront.md §12.5: gzip -9 of each file as served. */
const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
let dir = '';
let sizes: Record<string, number> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plaudit-widget-'));
  await buildWidget(dir);
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.js'))) sizes[file] = gzipped(await readFile(path.join(dir, file)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('keeps the initial script within 20 KB gzip', () => {
  expect(sizes['plaudit.js']).toBeGreaterThan(1000);
  expect(sizes['plaudit.js']).toBeLessThanOrEqual(20 * 1024);
});

it('keeps every widget file together within 50 KB gzip', () => {
  const widgetFiles = Object.entries(sizes).filter(([name]) => name !== 'review-page.js');
  // The loader, the write form and the lightbox.
  expect(widgetFiles.map(([name]) => name.replace(/\.[0-9a-f]{10}\.js$/, '')).sort()).toEqual(['lightbox', 'plaudit.js', 'write-form']);
  expect(widgetFiles.reduce((total, [, size]) => total + size, 0)).toBeLessThanOrEqual(50 * 1024);
});

it('uses no eval, no new Function and no innerHTML (§12.10)', async () => {
  for (const file of Object.keys(sizes)) {
    const code = await readFile(path.join(dir, file), 'utf8');
    expect(code, file).not.toMatch(/\beval\(|new Function\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  }
});
