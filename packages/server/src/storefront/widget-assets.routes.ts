import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/errors.js';

/** Where `packages/widget/build.mjs` writes the bundle (from src/ and dist/ alike). */
export const WIDGET_DIST = path.resolve(import.meta.dirname, '../../widget-dist/v1');

const NAME = /^[a-z-]+(\.[0-9a-f]{10})?\.js$/;

/**
 * The widget's files (docs/reference/storefront.md §12.1): the loader and the review page script revalidate every
 * five minutes, so a new release reaches shops quickly; hashed chunks never change and are cached
 * for a year. Files are read once and kept in memory: together they weigh a few dozen kilobytes.
 * (The storefront plugin adds `Access-Control-Allow-Origin: *` to every GET, these included.)
 */
export function registerWidgetAssetRoutes(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  app.get<{ Params: { file: string } }>('/widget/v1/:file', async (request, reply) => {
    const { file } = request.params;
    if (!NAME.test(file)) throw notFound('widget file', file);
    let body = cache.get(file);
    if (body === undefined) {
      try {
        body = await readFile(path.join(WIDGET_DIST, file));
      } catch {
        throw notFound('widget file', `${file} (run \`npm run build\` to build the widget)`);
      }
      cache.set(file, body);
    }
    const hashed = /\.[0-9a-f]{10}\.js$/.test(file);
    return reply
      .header('content-type', 'application/javascript; charset=utf-8')
      .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });
}
