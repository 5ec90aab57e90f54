import { HttpResponseError, HttpThrottlingError } from '@shopify/shopify-api';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/connect.js';
import type { JobKind } from '../../jobs/job-loop.js';
import { ratingsOfEveryProduct } from '../../reviews/rating.service.js';
import { contentVersionOf } from '../../shops/content-version-repository.js';
import type { ConnectorLinkRow } from '../../store-links/connector-links.js';
import { linksDueForRatingSync, markReconnect, type PushedRating, pushedRatings, recordPushed, setSyncState } from '../../store-links/rating-pushes.js';
import { type Clock, unixSeconds } from '../../time/clock.js';
import { recordNotice } from '../../webhooks/shop-notices.js';
import { adminClientFor } from './shopify-app.js';

/** Shopify takes at most 25 metafields a call: twelve products, two each. */
const PRODUCTS_PER_CALL = 12;
/** How long to wait after a 429 that names no time. */
const DEFAULT_RETRY_SECONDS = 2;

const SET_METAFIELDS = `mutation PlauditSetReviewMetafields($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { key } userErrors { field message } }
}`;

/**
 * Shopify's standard product-reviews metafields (reviews.rating, reviews.rating_count), which
 * themes and Shopify's own surfaces read to show stars without the widget. A product without a
 * published review gets its count only: a rating must lie on its 1–5 scale.
 */
export function reviewMetafields(productId: string, rating: PushedRating) {
  const ownerId = `gid://shopify/Product/${productId}`;
  return [
    ...(rating.reviewCount > 0 ? [{ ownerId, namespace: 'reviews', key: 'rating', type: 'rating', value: JSON.stringify({ value: Number(rating.rating).toFixed(1), scale_min: '1.0', scale_max: '5.0' }) }] : []),
    { ownerId, namespace: 'reviews', key: 'rating_count', type: 'number_integer', value: String(rating.reviewCount) },
  ];
}

export interface RatingSyncDeps {
  db: Db;
  secretKey: Buffer;
  clock: Clock;
  config: Config;
  onError?: (error: unknown) => void;
}

/**
 * Writes products' ratings back to Shopify (docs/connectors.md) from the worker: after the shop's
 * content version moves, every product whose rating differs from what the store was last told is
 * sent in batches; a 429 waits as long as Shopify asks (Retry-After) and the rest follows on a later
 * run, so nothing is lost; a refused token marks the link "reconnect" and tells the merchant.
 */
export class ShopifyRatingSyncJob implements JobKind {
  readonly name = 'shopify-ratings';

  constructor(private readonly deps: RatingSyncDeps) {}

  async runOnce(): Promise<number> {
    if (this.deps.config.shopify === null) return 0;
    let sent = 0;
    for (const link of await linksDueForRatingSync(this.deps.db.kysely, unixSeconds(this.deps.clock))) sent += await this.sync(link);
    return sent;
  }

  private async sync(link: ConnectorLinkRow): Promise<number> {
    const db = this.deps.db.kysely;
    const version = (await contentVersionOf(db, link.shop_id))?.version;
    if (version === undefined || version === Number(link.synced_version)) return 0;
    const told = await pushedRatings(db, link.shop_id);
    const changed = (await ratingsOfEveryProduct(db, link.shop_id))
      .filter((r) => /^\d{1,20}$/.test(r.product_id))
      .map((r) => ({ productId: r.product_id, rating: r.rating_value, reviewCount: r.review_count }))
      .filter((r) => told.get(r.productId)?.rating !== r.rating || told.get(r.productId)?.reviewCount !== r.reviewCount);
    const client = adminClientFor(this.deps.config.shopify!, this.deps.config.publicUrl, this.deps.secretKey, link);
    let sent = 0;
    let refused = false;
    for (let start = 0; start < changed.length; start += PRODUCTS_PER_CALL) {
      const batch = changed.slice(start, start + PRODUCTS_PER_CALL);
      const now = unixSeconds(this.deps.clock);
      try {
        const answer = await client.request<{ metafieldsSet: { userErrors: Array<{ field: string[]; message: string }> } }>(SET_METAFIELDS, { variables: { metafields: batch.flatMap((r) => reviewMetafields(r.productId, r)) } });
        const errors = answer.data?.metafieldsSet.userErrors ?? [];
        if (errors.length > 0) {
          refused = true;
          this.deps.onError?.(new Error(`Shopify refused metafields of ${link.external_shop}: ${errors.map((e) => e.message).join('; ')}`));
        } else await recordPushed(db, link.shop_id, batch, now);
        sent += batch.length;
      } catch (error) {
        if (error instanceof HttpThrottlingError) {
          await setSyncState(db, link.id, { nextSyncAt: now + Math.ceil(Number(error.response.retryAfter) || DEFAULT_RETRY_SECONDS) });
          return sent;
        }
        if (error instanceof HttpResponseError && (error.response.code === 401 || error.response.code === 403)) {
          await markReconnect(db, link.id, now);
          await recordNotice(db, link.shop_id, 'shopify_reconnect', `Shopify refused Plaudit's access to ${link.external_shop}: install the app again (${this.deps.config.publicUrl}/connectors/shopify/install?shop=${link.external_shop}) to reconnect.`, now);
          return sent;
        }
        throw error;
      }
    }
    // Refused values (a product deleted in the store meanwhile) are tried again a minute later, not at once.
    await setSyncState(db, link.id, refused ? { nextSyncAt: unixSeconds(this.deps.clock) + 60 } : { syncedVersion: version });
    return sent;
  }
}
