import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { keepOutOfApiReference } from '../http/route-docs.js';
import { parserFileSizeFor } from '../http/multipart-limits.js';
import { registerServeRoutes } from './serve.routes.js';
import { MAX_IMAGE_BYTES } from './upload-policy.js';
import { registerUploadRoutes } from './upload.routes.js';
import { registerVideoPutRoutes } from './video-put.routes.js';

/**
 * The media host (docs/reference/reviews.md §10–11): the upload endpoints, authorised by signed policies and
 * tokens rather than Plaudit credentials, and the file server. Every answer may be read by any
 * origin: browsers upload shoppers' photos and show them on storefronts.
 */
export async function mediaPlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(multipart, {
    // One file, read into memory only up to the limit; a handful of small fields before it.
    limits: { fileSize: parserFileSizeFor(MAX_IMAGE_BYTES), files: 1, fields: 20, fieldSize: 16 * 1024, parts: 22, headerPairs: 100 },
    throwFileSizeLimit: true,
  });
  // Video PUT bodies are streamed to storage by the handler, never parsed or buffered.
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  keepOutOfApiReference(app);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  registerUploadRoutes(app, options.deps);
  registerVideoPutRoutes(app, options.deps);
  registerServeRoutes(app, options.deps);
}
