import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Answer, notModifiedIfHeld } from '../../http/answer-cache.js';
import { successEnvelope } from '../../http/envelope.js';
import { cachedEnvelopeBody, sendCachedEnvelope, utf8Of } from '../../http/cached-envelope.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { LaneRecording, LaneRequest } from '../../http/answer-lane.js';
import { rateLimitHeaders } from '../../http/rate-limiter.js';
import { ShopDirectory } from '../../shops/shop-directory.js';
import { unixSeconds } from '../../time/clock.js';
import { chargePolicy } from './rate-limits.js';
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
 * answers 304. The answer lane may send it again to the next identical request.
 */
export function sendPublicAnswer(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, answer: Answer): FastifyReply {
  if (sendConditionally(request, reply, answer.etag)) return reply;
  const made = sendCachedEnvelope(request, reply, answer, unixSeconds(deps.clock));
  reply.laneRecording = publicRecording(deps, answer, made.encoding, (kept, raw, requestId) => cachedEnvelopeBody(kept, raw.headers['accept-encoding'], requestId, unixSeconds(deps.clock)).body);
  return reply;
}

/** Compressed forms of whole-body answers, kept as long as the answer itself is. */
const encodedBodies = new WeakMap<Answer, Map<Encoding, Buffer>>();

/** An HTML answer's bytes for a client with `acceptEncoding`: compressed once per encoding, or the text. */
function htmlBody(answer: Answer, acceptEncoding: string | undefined): { body: string | Buffer; encoding: Encoding | undefined } {
  const encoding = negotiateEncoding(acceptEncoding);
  if (encoding === undefined || answer.body.length < COMPRESSION_THRESHOLD_BYTES) return { body: utf8Of(answer), encoding: undefined };
  let encoded = encodedBodies.get(answer);
  if (encoded === undefined) encodedBodies.set(answer, (encoded = new Map()));
  let bytes = encoded.get(encoding);
  if (bytes === undefined) encoded.set(encoding, (bytes = compressSync(answer.body, encoding)));
  return { body: bytes, encoding };
}

/**
 * The same for an HTML answer (the review fragment), which is the whole body: no part of it
 * changes per request, so it is compressed once per encoding, not once per request. Its key may
 * name the minute (relative dates), so the lane replays it until the minute ends.
 */
export function sendPublicHtmlAnswer(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, answer: Answer): FastifyReply {
  if (sendConditionally(request, reply, answer.etag)) return reply;
  reply.type('text/html; charset=utf-8');
  const made = htmlBody(answer, request.headers['accept-encoding']);
  if (made.encoding !== undefined) markEncoded(reply, made.encoding);
  reply.laneRecording = { ...publicRecording(deps, answer, made.encoding, (kept, raw) => htmlBody(kept, raw.headers['accept-encoding']).body), expiresAtMs: (Math.floor(deps.clock.now() / 60_000) + 1) * 60_000 };
  return reply.send(made.body);
}

/**
 * How the lane answers a public read again: the shop still active at the same content version,
 * the answer still kept, then the per-IP read limit, in the order that counts a request once.
 * The recording names the answer by its key, not the answer itself, so only the cache holds pages.
 */
function publicRecording(deps: AppDeps, answer: Answer, encoding: string | undefined, bodyOf: (kept: Answer, raw: LaneRequest['raw'], requestId: string) => string | Buffer): LaneRecording {
  const { shopId, version, key } = answer;
  return {
    encoding,
    async replay({ raw, ip }) {
      const current = await ShopDirectory.of(deps.db).byId(shopId);
      if (current === undefined || current.shop.status !== 'active' || current.version !== version) return undefined;
      const kept = deps.answers.peek(shopId, version, key);
      if (kept === undefined) return undefined;
      const limit = await chargePolicy(deps, 'storefront-read', ip);
      if (limit?.exceeded) return undefined;
      return { body: (requestId) => bodyOf(kept, raw, requestId), headers: limit === undefined ? {} : rateLimitHeaders(limit) };
    },
  };
}

/** POST answers and shopper credentials are never cached. */
export function sendNoStoreJson(request: FastifyRequest, reply: FastifyReply, data: unknown, nowSeconds: number, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(successEnvelope(data, request.id, nowSeconds)));
}
