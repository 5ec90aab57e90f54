import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { randomToken, sha256Hex } from '../crypto/tokens.js';
import { OAUTH_DEFAULTS } from '../config/security-defaults.js';
import { insertToken } from './token-repository.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  scopes: string;
}

/**
 * A fresh access and refresh token in a family. Only their hashes are stored; the refresh token
 * never outlives the family's chain (docs/reference/auth.md §6: at most one year without new consent).
 */
export async function issueTokenPair(db: Kysely<Database>, family: { id: number; scopes: string; chainExpiresAt: number }, now: number): Promise<IssuedTokens> {
  const accessToken = randomToken(OAUTH_DEFAULTS.tokenBytes);
  const refreshToken = randomToken(OAUTH_DEFAULTS.tokenBytes);
  await insertToken(db, 'access_tokens', sha256Hex(accessToken), family.id, now, now + OAUTH_DEFAULTS.accessTokenSeconds);
  await insertToken(db, 'refresh_tokens', sha256Hex(refreshToken), family.id, now, Math.min(now + OAUTH_DEFAULTS.refreshTokenSeconds, family.chainExpiresAt));
  return { accessToken, refreshToken, expiresIn: OAUTH_DEFAULTS.accessTokenSeconds, scopes: family.scopes };
}
