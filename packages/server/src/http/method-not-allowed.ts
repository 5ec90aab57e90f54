import type { FastifyInstance } from 'fastify';
import { ApiError, Code } from './errors.js';

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * A known path with another method answers 405 with Allow (docs/reference/conventions.md §2), before any credential check.
 * Routes declared with Fastify's shorthands already answer HEAD for GET; `headServed` says so.
 */
export function registerMethodNotAllowed(app: FastifyInstance, url: string, allowed: string[], headServed = false): void {
  app.route({
    method: ALL_METHODS.filter((m) => !allowed.includes(m) && !(headServed && m === 'HEAD')),
    url,
    exposeHeadRoute: false,
    schema: { hide: true },
    // Refused in onRequest, before the body is read: a PUT with a body must learn the method is
    // wrong (405), not that its content type is (415).
    onRequest: async () => {
      throw new ApiError(Code.invalidArgument, `${url} accepts only ${allowed.join(' and ')}`, { httpStatus: 405, headers: { allow: allowed.join(', ') } });
    },
    handler: async () => undefined,
  });
}
