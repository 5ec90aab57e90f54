import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { successEnvelope } from '../../http/envelope.js';

export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';

export function weakEtagOf(content: string): string {
  return `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/**
 * docs/reference/storefront.md §1.4: a cacheable public GET. The ETag covers `data` only, so an unchanged result
 * keeps its ETag while `time` and `request_id` move on; a matching If-None-Match answers 304.
 */
export function sendPublicJson(request: FastifyRequest, reply: FastifyReply, data: unknown, nowSeconds: number): FastifyReply {
  const etag = weakEtagOf(JSON.stringify(data));
  reply.header('cache-control', PUBLIC_CACHE).header('vary', 'Accept-Encoding').header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(successEnvelope(data, request.id, nowSeconds)));
}

export function sendPublicHtml(request: FastifyRequest, reply: FastifyReply, html: string): FastifyReply {
  const etag = weakEtagOf(html);
  reply.header('cache-control', PUBLIC_CACHE).header('vary', 'Accept-Encoding').header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('text/html; charset=utf-8').send(html);
}

/** POST answers and shopper credentials are never cached. */
export function sendNoStoreJson(request: FastifyRequest, reply: FastifyReply, data: unknown, nowSeconds: number, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(successEnvelope(data, request.id, nowSeconds)));
}
