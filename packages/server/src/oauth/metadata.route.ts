import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { SCOPES } from '../http/actor.js';
import { CONSENT_PATHS } from './oauth-paths.js';
import { TOKEN_PATH } from './oauth-paths.js';
import { documented } from '../http/route-docs.js';

export const METADATA_PATH = '/.well-known/oauth-authorization-server';

/** RFC 8414 metadata: what a standard OAuth client library reads to find and use this server. */
export function authorizationServerMetadata(config: Config) {
  const base = config.publicUrl;
  return {
    issuer: base,
    authorization_endpoint: `${base}${CONSENT_PATHS[0]}`,
    token_endpoint: `${base}${TOKEN_PATH}`,
    revocation_endpoint: `${base}/api/v1/openapi/oauth/revoke`,
    scopes_supported: [...SCOPES],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
    service_documentation: `${base}/docs`,
  };
}

export function registerMetadataRoute(app: FastifyInstance, config: Config): void {
  const document = JSON.stringify(authorizationServerMetadata(config));
  const docs = documented({ summary: 'Authorization server metadata (RFC 8414)', tags: ['OAuth2'], security: [] });
  app.get(METADATA_PATH, docs, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('application/json; charset=utf-8').send(document),
  );
}
