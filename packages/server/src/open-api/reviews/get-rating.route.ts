import { Type } from '@sinclair/typebox';
import { invalidField } from '../../http/errors.js';
import { defineOperation } from '../../http/operation.js';
import { QueryFlag, Text } from '../../http/wire-schemas.js';
import { RatingSchema } from '../../reviews/review-object.js';
import { ratingFor, type RatingScope } from '../../reviews/rating.service.js';
import { STORE_PRODUCT_ID } from '../../reviews/review-stats.js';

/** Some clients send the literal strings `undefined` and `null` for "no value" (docs/reference/reviews.md §8). */
function given(value: string | undefined): string | undefined {
  return value === undefined || value === 'undefined' || value === 'null' ? undefined : value;
}

export const getRatingOperation = defineOperation({
  operation: 'get_rating',
  method: 'GET',
  scope: 'read_reviews',
  cacheable: true,
  summary: 'Get Rating',
  description:
    'Rating statistics of one scope. Selectors, first match wins: is_all_rating > is_all_products_rating > is_store_rating > product_id > product_handle. Only published reviews count.',
  tags: ['Ratings'],
  querystring: Type.Object({
    is_all_rating: Type.Optional(QueryFlag('1: every review of the shop')),
    is_all_products_rating: Type.Optional(QueryFlag('1: every product review, store reviews excluded')),
    is_store_rating: Type.Optional(QueryFlag('1: store reviews')),
    product_id: Type.Optional(Text(64, { description: 'one product; "0" = the store' })),
    product_handle: Type.Optional(Text(255, { description: 'one product, by handle' })),
  }),
  data: RatingSchema,
  async handler({ actor, query, db }) {
    const productId = given(query.product_id);
    const handle = given(query.product_handle);
    let scope: RatingScope;
    if (query.is_all_rating === 1) scope = { kind: 'all' };
    else if (query.is_all_products_rating === 1) scope = { kind: 'all_products' };
    else if (query.is_store_rating === 1) scope = { kind: 'product', productId: STORE_PRODUCT_ID };
    else if (productId !== undefined) scope = { kind: 'product', productId };
    else if (handle !== undefined) scope = { kind: 'handle', handle };
    else throw invalidField('product_id', 'is required unless is_all_rating, is_all_products_rating, is_store_rating or product_handle selects the scope');
    return ratingFor(db, actor.shopId, scope);
  },
});
