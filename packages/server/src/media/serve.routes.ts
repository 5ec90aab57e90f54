import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { notFound } from '../http/errors.js';
import type { RawQuery } from '../http/query-string.js';
import type { ImageType } from './file-signatures.js';
import { findMediaFile } from './media-files.js';
import type { RenditionSize } from './media-urls.js';
import { parseByteRange } from './byte-range.js';
import { RenditionCache } from './rendition-cache.js';

/** reviews.md §10.5: either selector spelling picks a rendition; anything else serves the original. */
function renditionOf(query: RawQuery): RenditionSize | undefined {
  const process = query['x-oss-process']?.[0];
  const size = query.size?.[0];
  if (process === 'style/trustoo_small' || size === 'small') return 'small';
  if (process === 'style/trustoo_big' || size === 'large') return 'large';
  return undefined;
}

/**
 * Serves stored files and their renditions (reviews.md §10.5, §11.3) from whichever storage holds
 * them: the ledger says whether a key exists and what it is, the storage streams the bytes, with
 * single byte ranges so video players can seek.
 */
export function registerServeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const renditions = new RenditionCache(deps.storage);
  app.get('/media/*', { compress: false }, async (request: FastifyRequest, reply: FastifyReply) => {
    const key = (request.params as { '*': string })['*'];
    const file = await findMediaFile(deps.db.kysely, key);
    if (file === undefined || file.status !== 'stored') throw notFound('media file', key);
    const size = file.kind === 'image' ? renditionOf(request.query as RawQuery) : undefined;
    const objectKey = size === undefined ? key : await renditions.ensure(key, file.content_type as ImageType, size);

    const head = await deps.storage.head(objectKey);
    if (head === undefined) throw notFound('media file', key);
    reply
      .header('content-type', file.content_type)
      .header('etag', head.etag)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('accept-ranges', 'bytes');
    if (request.headers['if-none-match'] === head.etag) return reply.code(304).send();

    const range = parseByteRange(request.headers.range, head.size);
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${head.size}`).send();
    const object = await deps.storage.read(objectKey, range);
    if (object === undefined) throw notFound('media file', key);
    if (range === undefined) return reply.header('content-length', head.size).send(object.body);
    return reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${head.size}`)
      .header('content-length', range.end - range.start + 1)
      .send(object.body);
  });
}
