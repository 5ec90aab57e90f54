import type { AppDeps } from '../http/app-deps.js';
import type { RawQuery } from '../http/query-string.js';
import { unixSeconds } from '../time/clock.js';
import { MediaUrls } from '../media/media-urls.js';
import { readShopSettings } from '../shops/shop-settings.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { findProduct } from '../products/product-repository.js';
import { MESSAGES, pickLanguage } from '@plaudit/review-view/messages';
import { scopeKey, scopeOf } from './review-scope.js';
import { firstValue } from './public-endpoint/query.js';
import { productJsonLd } from './html/json-ld.js';
import { renderReviewFragment } from './html/review-fragment.js';
import { presentStorefrontReview } from './storefront-review.presenter.js';
import { storefrontReviews } from '../reviews/published-reviews.service.js';

/** §8: the fragment shows the first 15 reviews in the default order, as the widget's first page does. */
const FIRST_PAGE_SIZE = 15;

/** Reads everything the fragment shows; the demo page renders the same fragment in-process. */
export async function reviewFragmentFor(deps: AppDeps, shop: ShopRow, query: RawQuery): Promise<string> {
  const db = deps.db.kysely;
  const settings = readShopSettings(shop.settings);
  const messages = MESSAGES[pickLanguage(firstValue(query, 'lang'), settings.language)];
  const scope = scopeOf(query);
  const page = await storefrontReviews(db, shop.id, { scope, page: 1, limit: FIRST_PAGE_SIZE, sort: 'comprehensive-descending' });
  const urls = MediaUrls.of(deps.config);
  const reviews = page.rows.map((row) => presentStorefrontReview(row, page.media.get(row.id) ?? [], settings, urls));
  const r = page.rating;
  const rating = { value: Number(r.rating_value), count: r.review_count, stars: [r.star1_count, r.star2_count, r.star3_count, r.star4_count, r.star5_count] as const };
  let jsonLd: string | undefined;
  // Rich results are for products with reviews; a business reviewing itself earns none (§8).
  if (firstValue(query, 'jsonld') !== '0' && page.productId !== undefined && rating.count > 0) {
    const product = await findProduct(db, shop.id, page.productId);
    jsonLd = productJsonLd(
      { productId: page.productId, title: product?.title ?? null, handle: product?.handle ?? null, url: product?.url ?? null, image: product?.image ?? null, sku: product?.sku ?? null, gtin: product?.gtin ?? null, mpn: product?.mpn ?? null, brand: product?.brand ?? null },
      shop.name,
      { value: rating.value, count: rating.count },
      reviews,
      messages.anonymous,
    );
  }
  const productId = page.productId ?? (scope.kind === 'store' ? '0' : '');
  return renderReviewFragment({
    shopId: shop.id,
    shopName: shop.name,
    productId,
    settings,
    messages,
    rating,
    reviews,
    jsonLd,
    nowSeconds: unixSeconds(deps.clock),
    policyUrl: `${deps.config.publicUrl}/r/${encodeURIComponent(shop.id)}/policy`,
    writeReviewUrl: settings.review_form_enabled && productId !== '' ? `${deps.config.publicUrl}/r/${encodeURIComponent(shop.id)}/${encodeURIComponent(productId)}` : undefined,
    totalPages: Math.ceil(page.count / FIRST_PAGE_SIZE),
    showHelpful: settings.helpful_votes_enabled,
  });
}

/**
 * What the fragment's answer-cache key needs besides the shop's version: every query parameter it
 * reads, and, when dates are relative ("3 days ago"), the minute, so a day's change shows within
 * a minute as it does through the public max-age.
 */
export function fragmentKey(shop: ShopRow, query: RawQuery, nowSeconds: number): string {
  const relative = readShopSettings(shop.settings).date_format === 'relative';
  return `widget.html ${scopeKey(scopeOf(query))} ${JSON.stringify(firstValue(query, 'lang') ?? '')} ${firstValue(query, 'jsonld') === '0' ? 0 : 1} ${relative ? Math.floor(nowSeconds / 60) : ''}`;
}
