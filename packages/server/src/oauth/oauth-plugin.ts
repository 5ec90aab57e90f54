import formBody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { registerSignInRoutes } from '../console/sign-in.routes.js';
import { registerMethodNotAllowed } from '../http/openapi-plugin.js';
import { registerAuthorizeUrlRoute } from './authorize-url.route.js';
import { CONSENT_PATHS, registerConsentRoutes } from './consent.routes.js';
import { METADATA_PATH, registerMetadataRoute } from './metadata.route.js';
import { registerPlatformManagementRoutes } from './platform-management.routes.js';
import { REVOKE_PATHS, registerRevokeRoute } from './revoke.route.js';
import { registerTokenRoute, TOKEN_PATH } from './token.route.js';

/** Forms are small: a consent decision, a sign-in, a token request. */
const FORM_BODY_LIMIT = 64 * 1024;

/**
 * The authorization server and the merchant's sign-in (auth.md §5–9). Encapsulated: only these
 * routes read form bodies; the Open API data operations keep answering 415 to them.
 */
export async function oauthPlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  await app.register(formBody, { bodyLimit: FORM_BODY_LIMIT });
  registerSignInRoutes(app, deps);
  registerConsentRoutes(app, deps);
  registerTokenRoute(app, deps);
  registerRevokeRoute(app, deps);
  registerAuthorizeUrlRoute(app, deps);
  registerPlatformManagementRoutes(app, deps);
  registerMetadataRoute(app, deps.config);

  const postOnly = [TOKEN_PATH, ...REVOKE_PATHS, '/api/v1/openapi/oauth/disconnect'];
  const getOnly = ['/api/v1/openapi/get_oauth_authorize_url', '/api/v1/openapi/get_shop_authorization_info', '/api/v1/openapi/get_shop_install_status', METADATA_PATH];
  for (const url of postOnly) registerMethodNotAllowed(app, url, ['POST']);
  for (const url of getOnly) registerMethodNotAllowed(app, url, ['GET'], true);
  for (const url of CONSENT_PATHS) registerMethodNotAllowed(app, url, ['GET', 'POST'], true);
}
