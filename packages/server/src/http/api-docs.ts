import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';

export const API_VERSION = '1.0.0';

/** The OpenAPI document is generated from the route schemas; /docs renders it with Scalar. */
export async function installApiDocs(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plaudit Open API',
        version: API_VERSION,
        description:
          'Reviews Data API, wire-compatible with the Trustoo / TrustWILL Open API. Every answer is the envelope ' +
          '`{code, message, time, request_id, data}`; `code` 0 is success. Sign requests with the shop\'s private token ' +
          '(headers Public-Token, Timestamp, Sign) or send an OAuth2 bearer token.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          PublicToken: { type: 'apiKey', in: 'header', name: 'Public-Token', description: "The shop's public token" },
          Timestamp: { type: 'apiKey', in: 'header', name: 'Timestamp', description: 'Unix seconds, within 15 minutes of the server clock' },
          Sign: { type: 'apiKey', in: 'header', name: 'Sign', description: 'Lowercase hex HMAC-SHA256 of the signing string, keyed by the private token' },
          BearerAuth: { type: 'http', scheme: 'bearer', description: 'OAuth2 access token of a partner platform' },
        },
      },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(scalar, {
    routePrefix: '/docs',
    configuration: { url: '/openapi.json', title: 'Plaudit API reference' },
  });
}
