import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { notFound } from '../http/errors.js';
import type { RawQuery, RawQueryRoute } from '../http/query-string.js';
import type { ImageType } from './file-signatures.js';
import { findMediaFile } from './media-files.js';
import type { RenditionSize } from './media-urls.js';
import { parseByteRange } from './byte-range.js';
import type { ObjectStream, StoredObject } from '../storage/media-storage.js';
import { RenditionCache } from './rendition-cache.js';

/** docs/reference/reviews.md §10.5: either selector spelling picks a rendition; anything else serves the original. */
function renditionOf(query: RawQuery): RenditionSize | undefined {
  const process = query['x-oss-process']?.[0];
  const size = query.size?.[0];
  if (process === 'style/trustoo_small' || size === 'small') return 'small';
  if (process === 'style/trustoo_big' || size === 'large') return 'large';
  return undefined;
}

/**
 * Serves stored files and their renditions (docs/reference/reviews.md §10.5, §11.3) from whichever storage holds
 * them: the ledger says whether a key exists and what it is, the storage streams the bytes, with
 * single byte ranges so video players can seek.
 */
export function registerServeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const renditions = new RenditionCache(deps.storage);
  app.get<RawQueryRoute & { Params: { '*': string } }>('/media/*', { config: { compress: false } }, async (request, reply) => {
    const key = request.params['*'];
    const file = await findMediaFile(deps.db.kysely, key);
    if (file === undefined || file.status !== 'stored') throw notFound('media file', key);
    const size = file.kind === 'image' ? renditionOf(request.query) : undefined;
    const objectKey = size === undefined ? key : RenditionCache.keyOf(key, size);
    // A plain GET opens the object at once (one storage call); only a Range or a conditional
    // request asks for its size and ETag first.
    const conditional = request.headers.range !== undefined || request.headers['if-none-match'] !== undefined;
    const open = (): Promise<StoredObject | ObjectStream | undefined> => (conditional ? deps.storage.head(objectKey) : deps.storage.read(objectKey));
    let found = await open();
    if (found === undefined && size !== undefined) {
      await renditions.ensure(key, file.content_type as ImageType, size);
      found = await open();
    }
    if (found === undefined) throw notFound('media file', key);
    reply
      .header('content-type', file.content_type)
      .header('etag', found.etag)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('accept-ranges', 'bytes');
    if ('body' in found) return reply.header('content-length', found.size).send(found.body);
    if (request.headers['if-none-match'] === found.etag) return reply.code(304).send();

    const range = parseByteRange(request.headers.range, found.size);
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${found.size}`).send();
    const object = await deps.storage.read(objectKey, range);
    if (object === undefined) throw notFound('media file', key);
    if (range === undefined) return reply.header('content-length', found.size).send(object.body);
    return reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${found.size}`)
      .header('content-length', range.end - range.start + 1)
      .send(object.body);
  });
}
