import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { QueryArray, QueryStoreId } from '../../http/wire-schemas.js';
import { RatingSchema } from '../../reviews/review-object.js';
import { ratingsFor } from '../../reviews/rating.service.js';

export const getRatingsOperation = defineOperation({
  operation: 'get_ratings',
  method: 'GET',
  scope: 'read_reviews',
  cacheable: true,
  summary: 'Get Ratings (Plaudit extension)',
  description: 'Rating statistics for up to 100 products in one call; "0" is the store.',
  tags: ['Ratings'],
  querystring: Type.Object({
    product_ids: QueryArray(QueryStoreId(), 'product ids, 1–100; "0" = the store', { minItems: 1 }),
  }),
  data: Type.Object({ list: Type.Array(Type.Composite([Type.Object({ product_id: Type.String() }), RatingSchema])) }),
  async handler({ actor, query, db }) {
    return { list: await ratingsFor(db, actor.shopId, query.product_ids) };
  },
});
