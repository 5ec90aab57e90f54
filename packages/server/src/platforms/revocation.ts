import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { sha256Hex } from '../crypto/tokens.js';
import { OAuthError } from './oauth-errors.js';
import type { PlatformRow } from './platform-repository.js';
import { findTokenWithGrant, revokeAccessToken, revokeFamilies } from './token-repository.js';

export type TokenTypeHint = 'access_token' | 'refresh_token';

/**
 * RFC 7009 token revocation as docs/reference/auth.md §6 refines it: an unknown or already dead token is a
 * success (nothing to reveal, nothing to do); another client's token is refused and left alive;
 * revoking a refresh token ends its whole family, an access token only itself.
 * The hint only decides which table is looked at first. Call inside a transaction.
 */
export async function revokeToken(db: Kysely<Database>, client: PlatformRow, token: string, hint: TokenTypeHint | undefined, now: number): Promise<void> {
  const tokenHash = sha256Hex(token);
  const order: Array<'access_tokens' | 'refresh_tokens'> = hint === 'refresh_token' ? ['refresh_tokens', 'access_tokens'] : ['access_tokens', 'refresh_tokens'];
  for (const table of order) {
    const found = await findTokenWithGrant(db, table, tokenHash);
    if (!found) continue;
    if (found.platform_id !== client.client_id) throw new OAuthError('invalid_request', 'this token was not issued to this client', 'token');
    if (table === 'refresh_tokens') await revokeFamilies(db, [found.family_id], 'refresh token revoked by the client', now);
    else await revokeAccessToken(db, tokenHash, now);
    return;
  }
}
