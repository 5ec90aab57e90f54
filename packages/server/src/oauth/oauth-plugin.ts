import cookie from '@fastify/cookie';
import formBody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { recordAuthFailure, refuseExhaustedAuthFailureBudget } from '../http/auth-failure-budget.js';
import { registerMethodNotAllowed } from '../http/method-not-allowed.js';
import { rateLimitHeaders } from '../http/rate-limiter.js';
import { AUTHORIZE_URL_PATH, registerAuthorizeUrlRoute } from './authorize-url.route.js';
import { registerConsentRoutes } from './consent.routes.js';
import { CONSENT_PATHS, TOKEN_PATH } from './oauth-paths.js';
import { METADATA_PATH, registerMetadataRoute } from './metadata.route.js';
import { PLATFORM_MANAGEMENT_PATHS, registerPlatformManagementRoutes } from './platform-management.routes.js';
import { REVOKE_PATHS, registerRevokeRoute } from './revoke.route.js';
import { registerTokenRoute } from './token.route.js';

/** Forms are small: a consent decision, a sign-in, a token request. */
const FORM_BODY_LIMIT = 64 * 1024;

/**
 * The authorization server (docs/reference/auth.md §5–8). Encapsulated: only these
 * routes read form bodies; the Open API data operations keep answering 415 to them.
 */
export async function oauthPlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  // Cookies (the merchant's session) exist only here and on the console: registered in these two
  // contexts, their hooks stay off the storefront and the Open API, which serve far more requests.
  await app.register(cookie);
  await app.register(formBody, { bodyLimit: FORM_BODY_LIMIT });

  // The client-authenticated endpoints share the Open API's per-IP budget of failed authentications
  // (docs/reference/conventions.md §10): a client secret cannot be guessed here faster than a signature can elsewhere.
  const clientAuthenticated = new Set([TOKEN_PATH, ...REVOKE_PATHS, ...PLATFORM_MANAGEMENT_PATHS]);
  const guarded = (request: FastifyRequest) => clientAuthenticated.has(request.routeOptions.url ?? '');
  app.addHook('onRequest', async (request) => {
    if (guarded(request)) await refuseExhaustedAuthFailureBudget(request, deps);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (guarded(request) && reply.statusCode === 401) await recordAuthFailure(request, deps);
    if (request.rateLimitVerdict) reply.headers(rateLimitHeaders(request.rateLimitVerdict));
    return payload;
  });

  registerConsentRoutes(app, deps);
  registerTokenRoute(app, deps);
  registerRevokeRoute(app, deps);
  registerAuthorizeUrlRoute(app, deps);
  registerPlatformManagementRoutes(app, deps);
  registerMetadataRoute(app, deps.config);

  const postOnly = [TOKEN_PATH, ...REVOKE_PATHS, PLATFORM_MANAGEMENT_PATHS[0]];
  const getOnly = [AUTHORIZE_URL_PATH, PLATFORM_MANAGEMENT_PATHS[1], PLATFORM_MANAGEMENT_PATHS[2], METADATA_PATH];
  for (const url of postOnly) registerMethodNotAllowed(app, url, ['POST']);
  for (const url of getOnly) registerMethodNotAllowed(app, url, ['GET'], true);
  for (const url of CONSENT_PATHS) registerMethodNotAllowed(app, url, ['GET', 'POST'], true);
}
