import type { Actor } from './actor.js';
import { unauthenticated } from './errors.js';

/**
 * The seam for OAuth2 bearer tokens (docs/reference/auth.md §3): given the token of an `Authorization: Bearer`
 * header, the authorization server answers the actor of its grant, or undefined when the token is
 * unknown, expired or revoked. Without an authorization server every bearer token is refused.
 */
export interface BearerAuthenticator {
  authenticate(accessToken: string): Promise<Actor | undefined>;
}

const INVALID_TOKEN = { 'www-authenticate': 'Bearer error="invalid_token"' };

export async function authenticateBearer(header: string, authenticator: BearerAuthenticator | undefined): Promise<Actor> {
  const match = /^Bearer[ ]+([\x21-\x7e]+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <access token>"', INVALID_TOKEN);
  const actor = authenticator ? await authenticator.authenticate(match[1]!) : undefined;
  if (!actor) throw unauthenticated('unknown, expired or revoked access token', INVALID_TOKEN);
  return actor;
}
