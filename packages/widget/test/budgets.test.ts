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

// Issue 19's budgets: the loader (with English and the shared view) within 12 KB, every widget file
// within 30 KB. Other languages' messages arrive with the storefront config (§12.8), not as files.
it('keeps the initial script within 12 KB gzip', () => {
  expect(sizes['plaudit.js']).toBeGreaterThan(1000);
  expect(sizes['plaudit.js']).toBeLessThanOrEqual(12 * 1024);
});

it('keeps every widget file together within 30 KB gzip', () => {
  // The loader, the write form, the lightbox, the report form, the questions element, and the hosted review page's own small script.
  expect(Object.keys(sizes).map((name) => name.replace(/\.[0-9a-f]{10}\.js$/, '')).sort()).toEqual(['lightbox', 'plaudit.js', 'questions', 'report-form', 'review-page.js', 'write-form']);
  expect(Object.values(sizes).reduce((total, size) => total + size, 0)).toBeLessThanOrEqual(30 * 1024);
});

it('names no origin: every request goes to the origin the loader came from', async () => {
  for (const file of Object.keys(sizes)) expect(await readFile(path.join(dir, file), 'utf8'), file).not.toMatch(/\bhttps?:\/\/[a-z0-9]/i);
});

it('uses no eval, no new Function and no innerHTML (§12.10)', async () => {
  for (const file of Object.keys(sizes)) {
    const code = await readFile(path.join(dir, file), 'utf8');
    expect(code, file).not.toMatch(/\beval\(|new Function\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  }
});
