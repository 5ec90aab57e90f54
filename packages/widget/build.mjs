// Builds the widget into the server's static assets (docs/reference/storefront.md §12.1):
//   plaudit.js              the loader, a classic script (IIFE) that works with <script async>
//   <chunk>.<hash>.js       lazily imported ES modules (write form, lightbox, report form, questions), cached forever
//   review-page.js          the hosted review page's star picker and photo upload (docs/reference/storefront.md §10)
//   manifest.json           file names, for the server and the budget test
// Chunks are bundled standalone (no shared chunk), so the classic loader can import() them.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT_DIR = path.resolve(here, '../server/widget-dist/v1');

const common = { bundle: true, minify: true, write: false, target: ['es2020'], legalComments: 'none', charset: 'utf8' };

async function bundle(entry, format, define = {}) {
  const result = await build({ ...common, entryPoints: [path.join(here, 'src', entry)], format, define });
  return result.outputFiles[0].contents;
}

const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

export async function buildWidget(outDir = DEFAULT_OUT_DIR) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const chunks = {};
  for (const [name, entry] of [['writeForm', 'chunks/write-form.ts'], ['lightbox', 'chunks/lightbox.ts'], ['reportForm', 'chunks/report-form.ts'], ['questions', 'chunks/questions.ts']]) {
    const bytes = await bundle(entry, 'esm');
    const file = `${path.basename(entry, '.ts')}.${hashOf(bytes)}.js`;
    await writeFile(path.join(outDir, file), bytes);
    chunks[name] = file;
  }
  await writeFile(path.join(outDir, 'plaudit.js'), await bundle('plaudit.ts', 'iife', { __PLAUDIT_CHUNKS__: JSON.stringify(chunks) }));
  await writeFile(path.join(outDir, 'review-page.js'), await bundle('review-page.ts', 'iife'));
  const manifest = { loader: 'plaudit.js', chunks, reviewPage: 'review-page.js' };
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = await buildWidget(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT_DIR);
  process.stdout.write(`widget built: ${[manifest.loader, ...Object.values(manifest.chunks), manifest.reviewPage].join(', ')}\n`);
}
