import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Answer } from './answer-cache.js';
import { acceptsGzip, COMPRESSION_THRESHOLD_BYTES, markEncoded } from './compression.js';
import { compressedDataOf, gzipAround } from './envelope-gzip.js';
import { successEnvelopeHead, successEnvelopeText, type SuccessMessage } from './envelope.js';

/**
 * Sends a cached answer in a fresh success envelope (its own `time` and `request_id`).
 *
 * A client that takes gzip, as every browser and most HTTP libraries do, gets the data compressed
 * once per answer instead of once per request (envelope-gzip.ts): for a page of reviews that is
 * most of what the request would otherwise cost. gzip is chosen over br here even when both are
 * allowed, since br would have to compress the whole page again each time. Other clients get the
 * text, which the compression hook handles as any other answer.
 */
export function sendCachedEnvelope(request: FastifyRequest, reply: FastifyReply, answer: Answer, time: number, message: SuccessMessage = 'success'): FastifyReply {
  reply.type('application/json; charset=utf-8');
  if (answer.body.length >= COMPRESSION_THRESHOLD_BYTES && acceptsGzip(request.headers['accept-encoding'])) {
    markEncoded(reply, 'gzip');
    return reply.send(gzipAround(successEnvelopeHead(request.id, time, message), compressedDataOf(answer, answer.body), '}'));
  }
  return reply.send(successEnvelopeText(answer.body, request.id, time, message));
}
