import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Answer, notModifiedIfHeld } from '../../http/answer-cache.js';
import { successEnvelope } from '../../http/envelope.js';
import { sendCachedEnvelope } from '../../http/cached-envelope.js';
import { COMPRESSION_THRESHOLD_BYTES, compressSync, type Encoding, markEncoded, negotiateEncoding } from '../../http/compression.js';

export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';

function sendConditionally(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('vary', 'Accept-Encoding');
  return notModifiedIfHeld(request, reply, etag, PUBLIC_CACHE);
}

/**
 * docs/reference/storefront.md §1.4: a cacheable public GET answered from the answer cache. `body`
 * is the `data` of the envelope, so `time` and `request_id` move on while the ETag, derived from
 * the shop's content version, holds until the shop's content changes; a matching If-None-Match
 * answers 304.
 */
export function sendPublicAnswer(request: FastifyRequest, reply: FastifyReply, answer: Answer, nowSeconds: number): FastifyReply {
  if (sendConditionally(request, reply, answer.etag)) return reply;
  return sendCachedEnvelope(request, reply, answer, nowSeconds);
}

/** Compressed forms of whole-body answers, kept as long as the answer itself is. */
const encodedBodies = new WeakMap<Answer, Map<Encoding, Buffer>>();

/**
 * The same for an HTML answer (the review fragment), which is the whole body: no part of it
 * changes per request, so it is compressed once per encoding, not once per request.
 */
export function sendPublicHtmlAnswer(request: FastifyRequest, reply: FastifyReply, answer: Answer): FastifyReply {
  if (sendConditionally(request, reply, answer.etag)) return reply;
  reply.type('text/html; charset=utf-8');
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (encoding === undefined || answer.body.length < COMPRESSION_THRESHOLD_BYTES) return reply.send(answer.body);
  let encoded = encodedBodies.get(answer);
  if (encoded === undefined) encodedBodies.set(answer, (encoded = new Map()));
  let bytes = encoded.get(encoding);
  if (bytes === undefined) encoded.set(encoding, (bytes = compressSync(answer.body, encoding)));
  markEncoded(reply, encoding);
  return reply.send(bytes);
}

/** POST answers and shopper credentials are never cached. */
export function sendNoStoreJson(request: FastifyRequest, reply: FastifyReply, data: unknown, nowSeconds: number, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(successEnvelope(data, request.id, nowSeconds)));
}
