import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { unixSeconds } from '../time/clock.js';
import { clientCredentialsOf } from '../platforms/client-credentials.js';
import { OAuthError } from '../platforms/oauth-errors.js';
import { answerOAuthErrors, isRfcStyle, sendEnvelope, stringField } from './oauth-reply.js';
import { authenticateClient } from '../platforms/platform-service.js';
import { revokeToken, type TokenTypeHint } from '../platforms/revocation.js';
import { Type } from '@sinclair/typebox';
import { documented } from '../http/route-docs.js';
import { envelopeOr, RevokeRequestSchema } from './oauth-wire-schemas.js';

/** The Trustoo path and the RFC-style alias (docs/reference/auth.md §6); both speak both styles. */
export const REVOKE_PATHS = ['/api/v1/openapi/oauth_revoke_token', '/api/v1/openapi/oauth/revoke'] as const;

export function registerRevokeRoute(app: FastifyInstance, deps: AppDeps): void {
  for (const path of REVOKE_PATHS) {
    const docs = documented({
      summary: path === REVOKE_PATHS[0] ? 'Revoke Token' : 'Revoke Token (RFC 7009 alias)',
      description: 'Revokes an access token, or a refresh token with every token of its family. Unknown or already revoked tokens succeed; another client’s token is refused (code 3 / invalid_request).',
      tags: ['OAuth2'],
      consumes: ['application/json', 'application/x-www-form-urlencoded'],
      body: RevokeRequestSchema,
      response: envelopeOr(Type.Object({})),
    });
    app.post(path, docs, (request, reply) =>
      answerOAuthErrors(request, reply, async () => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const credentials = clientCredentialsOf(request, body);
        const client = await authenticateClient(deps.db.kysely, deps.secretKey, credentials.clientId, credentials.clientSecret);
        const token = stringField(body, 'token');
        if (token === undefined) throw new OAuthError('invalid_request', 'token is required', 'token');
        const hintText = stringField(body, 'token_type_hint');
        // RFC 7009 §2.2: an unknown hint is not an error; the server searches everywhere anyway.
        const hint = hintText === 'access_token' || hintText === 'refresh_token' ? (hintText as TokenTypeHint) : undefined;
        const now = unixSeconds(deps.clock);
        await deps.db.kysely.transaction().execute((trx) => revokeToken(trx, client, token, hint, now));
        // RFC 7009 §2.2: success is HTTP 200 with an empty body.
        if (isRfcStyle(request)) return reply.code(200).header('cache-control', 'no-store').send();
        return sendEnvelope(request, reply, {}, now);
      }),
    );
  }
}
