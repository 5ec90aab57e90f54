import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Answer } from './answer-cache.js';
import { acceptsGzip, COMPRESSION_THRESHOLD_BYTES, markEncoded } from './compression.js';
import { compressedDataOf, gzipAround } from './envelope-gzip.js';
import { successEnvelopeHead, type SuccessMessage } from './envelope.js';

/** A body made for one request, and the encoding it was made in. */
export interface MadeBody {
  body: string | Buffer;
  encoding: 'gzip' | undefined;
}

/**
 * A cached answer in a fresh success envelope (its own `time` and `request_id`).
 *
 * A client that takes gzip, as every browser and most HTTP libraries do, gets the data compressed
 * once per answer instead of once per request (envelope-gzip.ts): for a page of reviews that is
 * most of what the request would otherwise cost. gzip is chosen over br here even when both are
 * allowed, since br would have to compress the whole page again each time. Other clients get the
 * text, which the compression hook handles as any other answer.
 */
export function cachedEnvelopeBody(answer: Answer, acceptEncoding: string | undefined, requestId: string, time: number, message: SuccessMessage = 'success'): MadeBody {
  if (answer.body.length >= COMPRESSION_THRESHOLD_BYTES && acceptsGzip(acceptEncoding)) {
    return { body: gzipAround(successEnvelopeHead(requestId, time, message), compressedDataOf(answer, utf8Of(answer)), '}'), encoding: 'gzip' };
  }
  return { body: Buffer.concat([Buffer.from(successEnvelopeHead(requestId, time, message)), utf8Of(answer), CLOSING_BRACE]), encoding: undefined };
}

const CLOSING_BRACE = Buffer.from('}');
const utf8Bodies = new WeakMap<Answer, Buffer>();

/**
 * The answer's text as UTF-8, made once and kept as long as the answer: writing a page means
 * encoding it, and a page with one character outside Latin-1 costs that on every request.
 */
export function utf8Of(answer: Answer): Buffer {
  let bytes = utf8Bodies.get(answer);
  if (bytes === undefined) utf8Bodies.set(answer, (bytes = Buffer.from(answer.body, 'utf8')));
  return bytes;
}

/** Sends cachedEnvelopeBody's body as JSON; the body it made, for the answer lane. */
export function sendCachedEnvelope(request: FastifyRequest, reply: FastifyReply, answer: Answer, time: number, message: SuccessMessage = 'success'): MadeBody {
  const made = cachedEnvelopeBody(answer, request.headers['accept-encoding'], request.id, time, message);
  if (made.encoding !== undefined) markEncoded(reply, made.encoding);
  void reply.type('application/json; charset=utf-8').send(made.body);
  return made;
}
