import type { FastifyRequest } from 'fastify';

/**
 * A person's browser navigating, not an API client: browsers ask for text/html first, while curl,
 * fetch and HTTP libraries send `*\/*` or application/json. The Open API's own paths always answer
 * in its envelope, whoever asks.
 */
export function wantsHtml(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if ((request.raw.url ?? '').startsWith('/api/')) return false;
  const accept = request.headers.accept ?? '';
  return /(^|,)\s*text\/html/i.test(accept);
}
