import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Answer, ifNoneMatchHits } from '../../http/answer-cache.js';
import { successEnvelope, successEnvelopeText } from '../../http/envelope.js';

export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';

function sendConditionally(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('cache-control', PUBLIC_CACHE).header('vary', 'Accept-Encoding').header('etag', etag);
  if (!ifNoneMatchHits(request.headers['if-none-match'], etag)) return false;
  reply.code(304).send();
  return true;
}

/**
 * docs/reference/storefront.md §1.4: a cacheable public GET answered from the answer cache. `body`
 * is the `data` of the envelope, so `time` and `request_id` move on while the ETag, derived from
 * the shop's content version, holds until the shop's content changes; a matching If-None-Match
 * answers 304.
 */
export function sendPublicAnswer(request: FastifyRequest, reply: FastifyReply, answer: Answer, nowSeconds: number): FastifyReply {
  if (sendConditionally(request, reply, answer.etag)) return reply;
  return reply.type('application/json; charset=utf-8').send(successEnvelopeText(answer.body, request.id, nowSeconds));
}

/** The same for an HTML answer (the review fragment), which is the whole body. */
export function sendPublicHtmlAnswer(request: FastifyRequest, reply: FastifyReply, answer: Answer): FastifyReply {
  if (sendConditionally(request, reply, answer.etag)) return reply;
  return reply.type('text/html; charset=utf-8').send(answer.body);
}

/** POST answers and shopper credentials are never cached. */
export function sendNoStoreJson(request: FastifyRequest, reply: FastifyReply, data: unknown, nowSeconds: number, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(successEnvelope(data, request.id, nowSeconds)));
}
