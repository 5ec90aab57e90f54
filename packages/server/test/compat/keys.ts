import type { ListeningHarness } from '../support/listening-harness.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import type { WildClientKeys } from './wild-client.js';

/** A wild client's settings for a shop of the harness; its clock ticks a second per call, as real calls are apart. */
export function keysFor(h: ListeningHarness, shop: ShopCredentials = h.shop): WildClientKeys {
  return {
    baseUrl: h.baseUrl,
    publicToken: shop.public_token,
    privateToken: shop.private_token,
    now: () => {
      h.clock.advanceSeconds(1);
      return Math.floor(h.clock.now() / 1000);
    },
  };
}
