import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type Actor, hmacActor } from '../http/actor.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { ApiError, invalidField } from '../http/errors.js';
import { cancelOrderRequest, type NewOrder, registerOrder } from '../orders/order-service.js';
import { type ProductFields, upsertProduct } from '../products/product-repository.js';
import type { ConnectorPlatform } from '../store-links/connector-links.js';
import { claimNewerVersion } from '../store-links/source-versions.js';
import { secondsOf } from '../time/clock.js';

const PLATFORM_NAMES: Record<ConnectorPlatform, string> = { woocommerce: 'WooCommerce', shopify: 'Shopify' };

/** Who acts when a store's data arrives, for histories and events: the connector, on the shop's behalf. */
export function storeActor(shop: ShopRow, platform: ConnectorPlatform): Actor {
  return { ...hmacActor(shop), caller: platform, recordedAs: { kind: 'system', id: platform, name: PLATFORM_NAMES[platform] } };
}

/** What became of one store object: applied, an older state than one applied (stale), or nothing Plaudit keeps (ignored). */
export type StoreObjectOutcome = 'applied' | 'stale' | 'ignored';

/** A store's order as every connector reads it: its id and modification time, whether it ended, and Create Order's input. */
export interface StoreOrder {
  externalId: string;
  modifiedAt: number;
  /** Cancelled, refunded or voided: the buyer did not keep it. */
  ended: boolean;
  input: NewOrder;
}

/**
 * One store order, from a webhook or a backfill (docs/connectors.md), in one transaction: ignored
 * when a newer state was applied; an ended order cancels a request not sent yet; an order with a
 * buyer's address and products goes through Create Order, idempotent on its id.
 */
export async function applyStoreOrder(db: Kysely<Database>, actor: Actor, platform: ConnectorPlatform, order: StoreOrder, nowMs: number): Promise<StoreObjectOutcome> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimNewerVersion(trx, { shopId: actor.shopId, platform, kind: 'order', externalId: order.externalId }, order.modifiedAt))) return 'stale';
    if (order.ended) {
      // A request already sent, or an order never seen, stays as it is.
      await cancelOrderRequest(trx, actor, order.externalId, nowMs).catch((error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      });
      return 'applied';
    }
    // An order without a buyer's address or a product cannot ask for a review; it is noted as seen and left.
    if (order.input.email === '' || order.input.products.length === 0) return 'ignored';
    try {
      await registerOrder(trx, actor, order.input, nowMs);
    } catch (error) {
      if (error instanceof ApiError) throw invalidField('order', error.message);
      throw error;
    }
    return 'applied';
  });
}

/** One store product under the same rule: a newer state updates the product record. */
export async function applyStoreProduct(db: Kysely<Database>, shopId: string, platform: ConnectorPlatform, product: { externalId: string; modifiedAt: number; fields: ProductFields }, nowMs: number): Promise<StoreObjectOutcome> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimNewerVersion(trx, { shopId, platform, kind: 'product', externalId: product.externalId }, product.modifiedAt))) return 'stale';
    await upsertProduct(trx, shopId, product.externalId, product.fields, secondsOf(nowMs));
    return 'applied';
  });
}
