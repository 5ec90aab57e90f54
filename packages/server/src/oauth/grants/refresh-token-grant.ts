import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { sha256Hex } from '../../crypto/tokens.js';
import { invalidGrant, invalidRequest } from '../../platforms/oauth-errors.js';
import type { PlatformRow } from '../../platforms/platform-repository.js';
import { issueTokenPair } from '../../platforms/token-issuer.js';
import { claimRefreshToken, findTokenWithGrant, revokeFamilies } from '../../platforms/token-repository.js';
import { type GrantResult, refuse } from './grant-result.js';

/**
 * The refresh_token grant with rotation (docs/reference/auth.md §6, RFC 9700 §4.14.2): every use returns a new
 * refresh token and spends the old one. Presenting a spent token again means two parties hold it,
 * so the whole family dies. Call inside a transaction.
 */
export async function redeemRefreshToken(db: Kysely<Database>, client: PlatformRow, refreshToken: string | undefined, now: number): Promise<GrantResult> {
  if (!refreshToken) return refuse(invalidRequest('refresh_token', 'refresh_token is required'));
  const tokenHash = sha256Hex(refreshToken);
  const token = await findTokenWithGrant(db, 'refresh_tokens', tokenHash);
  // Another client's token is refused like an unknown one and left alone: that client did nothing wrong.
  if (!token || token.platform_id !== client.client_id) return refuse(invalidGrant('refresh_token', 'refresh token is unknown'));
  if (token.revoked_at !== null || token.family_revoked_at !== null || token.grant_status !== 'active') {
    return refuse(invalidGrant('refresh_token', 'refresh token has been revoked'));
  }

  if (!(await claimRefreshToken(db, tokenHash, now))) {
    await revokeFamilies(db, [token.family_id], 'refresh token reused', now);
    return refuse(invalidGrant('refresh_token', 'refresh token was already used; every token of this authorization is revoked'));
  }
  // The chain's end caps every refresh token's own expiry, so it is asked first: the platform
  // learns that only the merchant's new consent helps, not that a token merely ran out.
  if (token.chain_expires_at <= now) return refuse(invalidGrant('refresh_token', 'this authorization is a year old: the merchant must approve it again'));
  if (token.expires_at <= now) return refuse(invalidGrant('refresh_token', 'refresh token has expired'));

  return { ok: true, tokens: await issueTokenPair(db, { id: token.family_id, scopes: token.scopes, chainExpiresAt: token.chain_expires_at }, now) };
}
