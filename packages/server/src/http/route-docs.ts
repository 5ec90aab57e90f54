import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifySchema } from 'fastify';

export interface RouteDocs {
  summary: string;
  description?: string;
  tags: string[];
  querystring?: TSchema;
  body?: TSchema;
  /** Request media types when the route takes more than JSON (the RFC-style OAuth calls). */
  consumes?: string[];
  produces?: string[];
  response?: Record<string, TSchema>;
  security?: Array<Record<string, string[]>>;
}

/**
 * Route options that document a route in the OpenAPI document without letting Ajv validate it.
 * The OAuth endpoints check their input by the protocol's rules and answer in two wire styles
 * (RFC error objects or the envelope), which a schema-validation error could not respect.
 */
export function documented(docs: RouteDocs) {
  const { querystring, body, response, ...metadata } = docs;
  return {
    schema: metadata,
    config: {
      swaggerTransform: ({ schema, url }: { schema: FastifySchema; url: string }) => ({
        url,
        schema: { ...schema, ...(querystring ? { querystring } : {}), ...(body ? { body } : {}), ...(response ? { response } : {}) },
      }),
    },
  };
}

/** Options of a route that does not belong in the partner API reference (HTML for people). */
export const undocumented = { schema: { hide: true } } as const;

/**
 * Keeps every route `app` registers from now on out of the partner API reference. Routes that
 * serve pages to people say so too, so input their schema refuses is answered with a page.
 */
export function keepOutOfApiReference(app: FastifyInstance, options: { servesPages?: boolean } = {}): void {
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
    if (options.servesPages) route.config = { ...route.config, servesPages: true };
  });
}
