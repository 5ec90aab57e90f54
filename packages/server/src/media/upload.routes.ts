import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { successEnvelope } from '../http/envelope.js';
import { ApiError, invalidField } from '../http/errors.js';
import { bufferFilePart, FilePartTooLargeError } from '../http/multipart-limits.js';
import { unixSeconds } from '../time/clock.js';
import { authorizeUpload, storeUploadedImage, type UploadAnswer } from './image-upload.service.js';
import { MediaUrls } from './media-urls.js';
import { MAX_IMAGE_BYTES } from './upload-policy.js';

/** Errors @fastify/multipart raises for a form it cannot read; they become code 3, never a 500. */
function isMultipartError(error: unknown): error is { code: string; statusCode?: number } {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('FST_');
}

async function receiveUpload(deps: AppDeps, request: FastifyRequest): Promise<UploadAnswer> {
  const fields = new Map<string, string>();
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields.set(part.fieldname.toLowerCase(), String(part.value));
      continue;
    }
    if (part.fieldname.toLowerCase() !== 'file') {
      part.file.resume();
      continue;
    }
    const upload = await authorizeUpload(deps, { fields, file: { name: part.filename ?? '', declaredType: part.mimetype || undefined } });
    const bytes = await bufferFilePart(part.file, MAX_IMAGE_BYTES);
    // docs/reference/reviews.md §10.3: fields after the file are ignored; the rest of the body is drained by Fastify.
    return storeUploadedImage(deps, upload, bytes);
  }
  throw invalidField('file', 'is required (the multipart form needs a file part, sent last)');
}

/**
 * The upload host of docs/reference/reviews.md §10.3 (`POST /media/upload`), its CORS preflight, and the
 * `<host>/<key>` alias that clients written for OSS use to build file URLs (§10.5).
 */
export function registerUploadRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post('/media/upload', async (request: FastifyRequest, reply: FastifyReply) => {
    let answer: UploadAnswer;
    try {
      answer = await receiveUpload(deps, request);
    } catch (error) {
      if (error instanceof FilePartTooLargeError || (isMultipartError(error) && error.code === 'FST_REQ_FILE_TOO_LARGE')) {
        throw invalidField('file', `must be at most ${MAX_IMAGE_BYTES} bytes (10 MiB)`, 413);
      }
      if (error instanceof ApiError || !isMultipartError(error)) throw error;
      throw invalidField('body', 'must be a well-formed multipart/form-data form');
    }
    return reply.type('application/json; charset=utf-8').send(successEnvelope(answer, request.id, unixSeconds(deps.clock)));
  });

  app.options('/media/upload', async (_request, reply) =>
    reply.code(204).header('access-control-allow-methods', 'POST, OPTIONS').header('access-control-allow-headers', 'Content-Type').header('access-control-max-age', '86400').send(),
  );

  const urls = MediaUrls.of(deps.config);
  app.get('/media/upload/*', async (request, reply) => {
    // The raw path stays percent-encoded, so nothing a client puts in it can break the header.
    const rawKeyAndQuery = request.url.slice('/media/upload/'.length);
    return reply.code(301).header('location', `${urls.mediaBase}/${rawKeyAndQuery}`).send();
  });
}
