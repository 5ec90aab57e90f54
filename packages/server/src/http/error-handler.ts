import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from './app-deps.js';
import { unixSeconds } from '../time/clock.js';
import { errorEnvelope } from './envelope.js';
import { ApiError, Code, invalidArgument, invalidField } from './errors.js';
import { completeIdempotencyKey, releaseIdempotencyKey, STORED_CODES } from './idempotency.js';
import { sendMessagePage, sendPage } from './html-page.js';
import { wantsHtml } from './wants-html.js';
import { BODY_LIMIT_BYTES } from './json-body-parser.js';
import { type SchemaError, toFieldErrors } from './validation-errors.js';

/** `1 MiB (1,048,576 bytes)`: the unit people read, and the exact number a client can compare. */
function describeBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes % 1_048_576 === 0) return `${bytes / 1_048_576} MiB (${exact})`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB (${exact})`;
  return exact;
}

/** Maps Fastify's own transport refusals onto the contract's code 3 answers (docs/reference/conventions.md §4.4). */
function fromFastifyError(error: FastifyError, request: FastifyRequest): ApiError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // The limit that applied is the route's: 1 MiB for the API, less for beacons.
      return invalidField('body', `must be at most ${describeBytes(request.routeOptions.bodyLimit ?? BODY_LIMIT_BYTES)}`, 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return invalidField('Content-Type', 'must be application/json', 415);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidField('body', 'must be a valid JSON object');
    default:
      break;
  }
  if (error.validation) {
    const root = error.validationContext === 'body' ? 'body' : (error.validationContext ?? 'request');
    return invalidArgument(toFieldErrors(error.validation as unknown as SchemaError[], root));
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError(Code.invalidArgument, error.message, { httpStatus: error.statusCode });
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route serves pages to people: input its schema refuses gets a page, not the envelope. */
    servesPages?: boolean;
  }
}

/** A page's form or link its schema refused: the visitor reads which field, on a page. */
function sendRefusedInputPage(reply: FastifyReply, error: ApiError): Promise<FastifyReply> {
  return sendMessagePage(reply, 400, 'This request was not understood', error.message, 'Go back, reload the page and try again.');
}

/**
 * The one place errors become responses. Internal errors are logged with the request id and
 * answered with code 13 and no detail, so nothing about the server leaks to the caller.
 */
export function installErrorHandler(app: FastifyInstance, deps: AppDeps): void {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = error instanceof ApiError ? error : fromFastifyError(error, request);
    if (error.validation && apiError && request.routeOptions.config.servesPages) return sendRefusedInputPage(reply, apiError);
    const final = apiError ?? new ApiError(Code.internal, `internal error; quote request_id ${request.id} when reporting it`);
    if (apiError === undefined) request.log.error({ err: error }, 'unhandled error');
    else if (final.httpStatus >= 500) request.log.warn({ err: error }, 'request failed');

    const now = unixSeconds(deps.clock);
    const body = JSON.stringify(errorEnvelope(final.code, final.message, request.id, now, final.errors));
    const claim = request.idempotencyClaim;
    if (claim) {
      request.idempotencyClaim = undefined;
      try {
        if (STORED_CODES.has(final.code)) await completeIdempotencyKey(deps.db.kysely, claim, final.httpStatus, body, now);
        else await releaseIdempotencyKey(deps.db.kysely, claim);
      } catch (storeError) {
        request.log.error({ err: storeError }, 'could not record the idempotent answer');
      }
    }
    for (const [name, value] of Object.entries(final.headers)) reply.header(name, value);
    // Refused before the body was read to its end (an upload over its limit): the rest of it is
    // still on the way, and would be read as the next request on a kept-alive connection.
    if (!request.raw.complete) reply.header('connection', 'close');
    reply.businessCode = final.code;
    return reply.code(final.httpStatus).type('application/json; charset=utf-8').send(body);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = (request.raw.url ?? '/').split('?')[0] ?? '/';
    if (wantsHtml(request)) return sendPage(reply, 'not-found', { title: 'Page not found', path, footer: 'Plaudit' }, { status: 404 });
    const body = errorEnvelope(Code.notFound, `no endpoint at ${path}`, request.id, unixSeconds(deps.clock));
    reply.businessCode = Code.notFound;
    return reply.code(404).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
}
