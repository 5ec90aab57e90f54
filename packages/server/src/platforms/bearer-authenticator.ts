import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../http/actor.js';
import type { BearerAuthenticator } from '../http/bearer-auth.js';
import { type Clock, unixSeconds } from '../time/clock.js';
import { sha256Hex } from '../crypto/tokens.js';
import { findShopById } from '../shops/shop-repository.js';
import { storedScopes } from './scopes.js';
import { findTokenWithGrant } from './token-repository.js';

/**
 * Access tokens of the authorization server (docs/reference/auth.md §3): looked up by hash, and honoured only
 * while the token, its family and its grant are all alive. Nothing is cached, so a disconnect or
 * revocation takes effect on the very next request, in every process.
 */
export class DatabaseBearerAuthenticator implements BearerAuthenticator {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async authenticate(accessToken: string): Promise<Actor | undefined> {
    const token = await findTokenWithGrant(this.db, 'access_tokens', sha256Hex(accessToken));
    if (!token) return undefined;
    const now = unixSeconds(this.clock);
    if (token.revoked_at !== null || token.family_revoked_at !== null || token.grant_status !== 'active' || token.expires_at <= now) return undefined;
    const shop = await findShopById(this.db, token.shop_id);
    if (!shop || shop.status !== 'active') return undefined;
    return {
      shop,
      shopId: shop.id,
      platformId: token.platform_id,
      scopes: new Set(storedScopes(token.scopes)),
      caller: `platform:${token.platform_id}`,
      rateLimitKey: `grant:${token.platform_id}:${shop.id}`,
    };
  }
}
