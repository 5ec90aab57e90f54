import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/**
 * The repository documents itself: no tracked file points at a path outside it (the old contract
 * lived beside the repository), every relative link of a Markdown file and every `docs/…` citation
 * names a file that exists, and code cites the reference by its path in the repository.
 */
const root = path.resolve(import.meta.dirname, '../../../..');
const TEXT = /\.(ts|mts|mjs|js|json|md|eta|css|yml|yaml|sh|html)$|^\.ci\/run$/;
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => TEXT.test(file) && file !== 'package-lock.json' && existsSync(path.join(root, file)));
const textOf = (file: string) => readFileSync(path.join(root, file), 'utf8');

it('reads a fair share of the repository', () => {
  expect(tracked.length).toBeGreaterThan(300);
  expect(tracked).toContain('docs/reference/conventions.md');
});

it('has no file citing a path outside the repository', () => {
  const outside = tracked.filter((file) => /\.\.\/shared\b|\/work\/shared\b|shared\/spec\/|shared\/design\//.test(textOf(file)));
  expect(outside).toEqual([]);
});

it('has no Markdown link to a missing file or out of the repository', () => {
  const broken: string[] = [];
  for (const file of tracked.filter((name) => name.endsWith('.md'))) {
    for (const [, target] of textOf(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:|#)/.test(target!)) continue;
      const resolved = path.resolve(root, path.dirname(file), target!.split('#')[0]!);
      if (!resolved.startsWith(`${root}${path.sep}`) || !existsSync(resolved)) broken.push(`${file} → ${target}`);
    }
  }
  expect(broken).toEqual([]);
});

it('cites the reference by its path in the repository, and only files that exist', () => {
  const wrong: string[] = [];
  for (const file of tracked.filter((name) => !name.startsWith('docs/'))) {
    const text = textOf(file);
    for (const [citation] of text.matchAll(/(?<![\w/.-])docs\/[\w./-]+\.md/g)) if (!existsSync(path.join(root, citation))) wrong.push(`${file}: ${citation} does not exist`);
    for (const [citation] of text.matchAll(/(?<![\w/.-])(auth|collection|reviews|storefront|webhooks|conventions)\.md §/g)) wrong.push(`${file}: ${citation} without docs/reference/`);
  }
  expect(wrong).toEqual([]);
});
