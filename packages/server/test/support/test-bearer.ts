import { randomBytes } from 'node:crypto';
import type { Actor, Scope } from '../../src/http/actor.js';
import type { BearerAuthenticator } from '../../src/http/bearer-auth.js';
import type { ShopRow } from '../../src/shops/shop-repository.js';

/**
 * Stands in for the OAuth authorization server, which is not built yet, at the seam the server
 * defines for it: tokens issued here carry exactly the scopes a test gives them.
 */
export class TestBearerAuthenticator implements BearerAuthenticator {
  private readonly tokens = new Map<string, Actor>();

  issue(shop: ShopRow, scopes: Scope[], platformId = 'test-platform'): string {
    const token = randomBytes(16).toString('base64');
    this.tokens.set(token, {
      shop,
      shopId: shop.id,
      platformId,
      scopes: new Set(scopes),
      caller: `platform:${platformId}`,
      rateLimitKey: `grant:${platformId}:${shop.id}`,
    });
    return token;
  }

  async authenticate(accessToken: string): Promise<Actor | undefined> {
    return this.tokens.get(accessToken);
  }
}
