import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { sha256Hex } from '../../crypto/tokens.js';
import { claimAuthorizationCode, findAuthorizationCode, recordCodeFamily } from '../../platforms/authorization-code-repository.js';
import { OAUTH_DEFAULTS } from '../../config/security-defaults.js';
import { invalidGrant, invalidRequest } from '../../platforms/oauth-errors.js';
import { verifierMatches } from '../pkce.js';
import { type PlatformRow, redirectUrisOf } from '../../platforms/platform-repository.js';
import { issueTokenPair } from '../../platforms/token-issuer.js';
import { createFamily, findGrant, revokeFamilies } from '../../platforms/token-repository.js';
import { type GrantResult, refuse } from './grant-result.js';

export interface CodeRedemption {
  code: string | undefined;
  redirectUri: string | undefined;
  codeVerifier: string | undefined;
}

/**
 * The authorization_code grant (RFC 6749 §4.1.3, RFC 7636 §4.6). The code is claimed before it is
 * checked, so it is spent whatever the outcome; a second redemption revokes every token the first
 * one produced (RFC 6749 §4.1.2), since only a thief or a broken client presents a code twice.
 * Call inside a transaction.
 */
export async function redeemAuthorizationCode(db: Kysely<Database>, client: PlatformRow, request: CodeRedemption, now: number): Promise<GrantResult> {
  if (!request.code) return refuse(invalidRequest('code', 'code is required'));
  const codeHash = sha256Hex(request.code);
  const code = await findAuthorizationCode(db, codeHash);
  // A code of another client is refused exactly like an unknown one, and stays usable by its owner.
  if (!code || code.platform_id !== client.client_id) return refuse(invalidGrant('code', 'authorization code is unknown'));

  if (!(await claimAuthorizationCode(db, codeHash, now))) {
    const spent = await findAuthorizationCode(db, codeHash);
    if (spent?.family_id != null) await revokeFamilies(db, [spent.family_id], 'authorization code reused', now);
    return refuse(invalidGrant('code', 'authorization code was already used; the tokens issued for it are revoked'));
  }
  if (code.expires_at <= now) return refuse(invalidGrant('code', 'authorization code has expired'));

  // RFC 6749 §4.1.3: the redirect_uri must be the one of the authorization request. When that
  // request omitted it (one URI registered), the token request may omit it or repeat that URI.
  const expectedUri = code.redirect_uri !== '' ? code.redirect_uri : redirectUrisOf(client)[0];
  const uriRequired = code.redirect_uri !== '';
  if ((request.redirectUri === undefined && uriRequired) || (request.redirectUri !== undefined && request.redirectUri !== expectedUri)) {
    return refuse(invalidGrant('redirect_uri', 'redirect_uri does not match the authorization request'));
  }

  if (code.code_challenge !== null) {
    if (!request.codeVerifier) return refuse(invalidGrant('code_verifier', 'code_verifier is required: the authorization request sent a code_challenge'));
    if (!verifierMatches(request.codeVerifier, code.code_challenge)) return refuse(invalidGrant('code_verifier', 'code_verifier does not match the code_challenge'));
  } else if (request.codeVerifier) {
    // A verifier without a challenge means the challenge was stripped on the way (RFC 9700 §2.1.1).
    return refuse(invalidGrant('code_verifier', 'code_verifier was sent but the authorization request had no code_challenge'));
  }

  const grant = await findGrant(db, client.client_id, code.shop_id);
  if (!grant || grant.status !== 'active') return refuse(invalidGrant('code', 'the merchant withdrew this authorization'));

  const chainExpiresAt = now + OAUTH_DEFAULTS.grantChainSeconds;
  const familyId = await createFamily(db, grant.id, code.scopes, now, chainExpiresAt);
  await recordCodeFamily(db, codeHash, familyId);
  return { ok: true, tokens: await issueTokenPair(db, { id: familyId, scopes: code.scopes, chainExpiresAt }, now) };
}
