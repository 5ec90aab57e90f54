import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { invalidField } from '../http/errors.js';
import { flattenRawQuery, type RawQueryRoute } from '../http/query-string.js';
import { unixSeconds } from '../time/clock.js';
import { checkAuthorizationRequest } from './authorize/authorization-request.js';
import { CONSENT_PATHS } from './oauth-paths.js';
import { sendEnvelope } from './oauth-reply.js';
import { documented } from '../http/route-docs.js';
import { AuthorizeQuerySchema, AuthorizeUrlData, envelopeOr } from './oauth-wire-schemas.js';

export const AUTHORIZE_URL_PATH = '/api/v1/openapi/get_oauth_authorize_url';

const FORWARDED = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'shop'] as const;

/**
 * Get OAuth2 Authorization URL (docs/reference/auth.md §6): the consent page's URL for a valid request. It needs
 * no credentials, so it checks exactly what the consent page checks and nothing more.
 */
export function registerAuthorizeUrlRoute(app: FastifyInstance, deps: AppDeps): void {
  const docs = documented({
    summary: 'Get OAuth2 Authorization URL',
    description: 'Validates the request as the consent page would and answers its URL. Needs no credentials.',
    tags: ['OAuth2'],
    querystring: AuthorizeQuerySchema,
    response: envelopeOr(AuthorizeUrlData),
    security: [],
  });
  app.get<RawQueryRoute>(AUTHORIZE_URL_PATH, docs, async (request, reply) => {
    const query = flattenRawQuery(request.query);
    const check = await checkAuthorizationRequest(deps.db.kysely, query);
    if (!check.ok) throw invalidField(check.field, check.redirect ? check.description : check.reason);
    const params = new URLSearchParams();
    for (const name of FORWARDED) {
      const value = query[name];
      if (typeof value === 'string' && value !== '') params.append(name, value);
    }
    return sendEnvelope(request, reply, { authorize_url: `${deps.config.publicUrl}${CONSENT_PATHS[0]}?${params.toString()}` }, unixSeconds(deps.clock));
  });
}
