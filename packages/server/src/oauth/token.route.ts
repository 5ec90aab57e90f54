import { TOKEN_PATH } from './oauth-paths.js';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { unixSeconds } from '../time/clock.js';
import { clientCredentialsOf } from '../platforms/client-credentials.js';
import { redeemAuthorizationCode } from './grants/authorization-code-grant.js';
import type { GrantResult } from './grants/grant-result.js';
import { redeemRefreshToken } from './grants/refresh-token-grant.js';
import { OAuthError } from '../platforms/oauth-errors.js';
import { answerOAuthErrors, isRfcStyle, sendEnvelope, sendRfcJson, stringField } from './oauth-reply.js';
import { authenticateClient } from '../platforms/platform-service.js';
import { commaSeparated, spaceSeparated, storedScopes } from '../platforms/scopes.js';
import { documented } from '../http/route-docs.js';
import { TokenRequestSchema, tokenResponses } from './oauth-wire-schemas.js';

/** OAuth2 Get / Refresh Access Token (docs/reference/auth.md §6): both grants, both wire styles, one path. */
export function registerTokenRoute(app: FastifyInstance, deps: AppDeps): void {
  const docs = documented({
    summary: 'OAuth2 Get / Refresh Access Token',
    description:
      'authorization_code and refresh_token grants. JSON requests answer the envelope (expires_in a string, scopes comma-separated); ' +
      'form-encoded requests answer RFC 6749 (expires_in a number, scopes space-separated, RFC error objects). Client authentication: ' +
      'client_id + client_secret in the body, or HTTP Basic. Every refresh rotates the refresh token; presenting a spent one revokes the grant’s token family.',
    tags: ['OAuth2'],
    consumes: ['application/json', 'application/x-www-form-urlencoded'],
    body: TokenRequestSchema,
    response: tokenResponses,
  });
  app.post(TOKEN_PATH, docs, (request, reply) =>
    answerOAuthErrors(request, reply, async () => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const grantType = stringField(body, 'grant_type');
      if (grantType === undefined) throw new OAuthError('invalid_request', 'grant_type is required', 'grant_type');
      if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
        throw new OAuthError('unsupported_grant_type', `grant_type ${grantType} is not supported; use authorization_code or refresh_token`, 'grant_type');
      }
      const credentials = clientCredentialsOf(request, body);
      const client = await authenticateClient(deps.db.kysely, deps.secretKey, credentials.clientId, credentials.clientSecret);
      const now = unixSeconds(deps.clock);

      const result: GrantResult = await deps.db.kysely.transaction().execute((trx) =>
        grantType === 'authorization_code'
          ? redeemAuthorizationCode(trx, client, { code: stringField(body, 'code'), redirectUri: stringField(body, 'redirect_uri'), codeVerifier: stringField(body, 'code_verifier') }, now)
          : redeemRefreshToken(trx, client, stringField(body, 'refresh_token'), now),
      );
      // Refusals are thrown only now, after any revocation they caused has committed.
      if (!result.ok) throw result.error;

      const { tokens } = result;
      const scopes = storedScopes(tokens.scopes);
      if (isRfcStyle(request)) {
        return sendRfcJson(reply, 200, {
          access_token: tokens.accessToken,
          token_type: 'Bearer',
          expires_in: tokens.expiresIn,
          refresh_token: tokens.refreshToken,
          scope: spaceSeparated(scopes),
        });
      }
      return sendEnvelope(request, reply, {
        access_token: tokens.accessToken,
        token_type: 'Bearer',
        expires_in: String(tokens.expiresIn),
        refresh_token: tokens.refreshToken,
        scope: commaSeparated(scopes),
      }, now);
    }),
  );
}
