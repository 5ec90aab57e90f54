import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/app-deps.js';
import { invalidField } from '../http/errors.js';
import type { RawQueryRoute } from '../http/query-string.js';
import { MediaUrls } from '../media/media-urls.js';
import { ratingsFor } from '../reviews/rating.service.js';
import type { Rating } from '../reviews/review-object.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { chargePublicLimit } from './public-endpoint/rate-limits.js';
import { firstValue, flagParam, integerParam, listParam, shopSelector } from './public-endpoint/query.js';
import { sendPublicAnswer } from './public-endpoint/reply.js';
import { resolvePublicShop } from './public-endpoint/shop.js';
import { presentStorefrontReview } from './storefront-review.presenter.js';
import { STOREFRONT_SORTS, type StorefrontSort, storefrontReviews } from '../reviews/published-reviews.service.js';
import { scopeKey, scopeOf } from './review-scope.js';
import { findProductsBy } from '../products/product-repository.js';


export function summaryOf(rating: Rating) {
  return {
    rating: Number(rating.rating_value),
    total_reviews: rating.review_count,
    star1_count: rating.star1_count,
    star2_count: rating.star2_count,
    star3_count: rating.star3_count,
    star4_count: rating.star4_count,
    star5_count: rating.star5_count,
  };
}

/** get_product_reviews (§2) and get_products_rating (§3): the widget's read side. */
export function registerProductReviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const urls = MediaUrls.of(deps.config);

  app.get<RawQueryRoute>('/api/v1/reviews/get_product_reviews', async (request, reply) => {
    await chargePublicLimit(deps, reply, 'storefront-read', request.ip);
    const query = request.query;
    const { shop, version } = await resolvePublicShop(deps.db, shopSelector(query));
    const scope = scopeOf(query);
    const page = integerParam(query, 'page', 1, 100_000, 1)!;
    const limit = integerParam(query, 'limit', 1, 50, 15)!;
    const star = integerParam(query, 'star', 1, 5);
    const requestedSort = firstValue(query, 'sort_by');
    // Storefront clients send sorts of their own; anything unknown is the default (§2).
    const sort: StorefrontSort = (STOREFRONT_SORTS as readonly string[]).includes(requestedSort ?? '') ? (requestedSort as StorefrontSort) : 'comprehensive-descending';
    const hasMedia = flagParam(query, 'has_media');
    const key = `get_product_reviews ${scopeKey(scope)} ${page} ${limit} ${sort} ${star ?? ''} ${hasMedia ? 1 : 0}`;
    const answer = await deps.answers.answer(shop.id, version, key, async () => {
      const result = await storefrontReviews(deps.db.kysely, shop.id, { scope, page, limit, sort, star, hasMedia });
      const settings = readShopSettings(shop.settings);
      return JSON.stringify({
        page: { cur_page: page, total_page: Math.ceil(result.count / limit), count: result.count },
        list: result.rows.map((row) => presentStorefrontReview(row, result.media.get(row.id) ?? [], settings, urls)),
        summary: summaryOf(result.rating),
      });
    });
    return sendPublicAnswer(deps, request, reply, answer);
  });

  app.get<RawQueryRoute>('/api/v1/reviews/get_products_rating', async (request, reply) => {
    await chargePublicLimit(deps, reply, 'storefront-read', request.ip);
    const query = request.query;
    const { shop, version } = await resolvePublicShop(deps.db, shopSelector(query));
    const ids = listParam(query, 'product_id');
    const handles = ids.length > 0 ? [] : listParam(query, 'product_handle');
    const requested = ids.length > 0 ? ids : handles;
    if (requested.length === 0) throw invalidField('product_id', 'is required (or product_handle)');
    if (requested.length > 100) throw invalidField(ids.length > 0 ? 'product_id' : 'product_handle', 'must have at most 100 items');
    const key = `get_products_rating ${ids.length > 0 ? 'id' : 'handle'} ${JSON.stringify(requested)}`;
    const answer = await deps.answers.answer(shop.id, version, key, async () => JSON.stringify(await productRatings(deps.db.kysely, shop.id, ids, requested)));
    return sendPublicAnswer(deps, request, reply, answer);
  });
}

/** The ratings of the requested products, in the order asked, unknown ones as zero (§3). */
async function productRatings(db: Kysely<Database>, shopId: string, ids: readonly string[], requested: readonly string[]) {
  const products = await findProductsBy(db, shopId, ids.length > 0 ? 'product_id' : 'handle', [...new Set(requested)]);
  const byKey = new Map(products.map((p) => [ids.length > 0 ? p.product_id : (p.handle ?? ''), p]));
  const ratings = new Map((await ratingsFor(db, shopId, [...products.map((p) => p.product_id), ...ids])).map((r) => [r.product_id, r]));
  return requested.map((value) => {
    const product = byKey.get(value);
    const productId = ids.length > 0 ? value : (product?.product_id ?? '');
    const rating = ratings.get(productId);
    return {
      product_id: productId,
      product_handle: product?.handle ?? (ids.length > 0 ? '' : value),
      rating: Number(rating?.rating_value ?? 0),
      total_reviews: rating?.review_count ?? 0,
    };
  });
}
