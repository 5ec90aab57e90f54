import { MESSAGES } from '@plaudit/review-view/messages';
import type { AppDeps } from '../http/app-deps.js';
import { sendMessagePage, sendPage } from '../http/html-page.js';
import { pathParams, type TypedApp } from '../http/route-input.js';
import { findShopById } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { shopperBrandOf } from '../shops/shopper-brand.js';
import { reviewPolicy } from '../storefront/review-policy.js';

/**
 * `/r/<shop_id>/policy`: how the shop collects, verifies and publishes reviews, in the shop's
 * language (docs/reference/storefront.md §10.1), linked from every review list. Registered before
 * the write-a-review page, whose `/r/<shop_id>/<product_id>` it would otherwise be read as.
 */
export function registerReviewPolicyPage(app: TypedApp, deps: AppDeps): void {
  app.get('/r/:shop/policy', { schema: { params: pathParams('shop') } }, async (request, reply) => {
    const shop = await findShopById(deps.db.kysely, request.params.shop);
    if (!shop || shop.status !== 'active') return sendMessagePage(reply, 404, 'Not found', 'There is no such shop.');
    const brand = shopperBrandOf(shop);
    const m = MESSAGES[brand.language];
    return sendPage(reply, 'review-policy', {
      title: m.policyLink,
      brand,
      heading: m.policyTitle.replace('{shop}', shop.name),
      sections: reviewPolicy(readShopSettings(shop.settings), m),
      back: m.backToShop.replace('{shop}', brand.name),
    });
  });
}
