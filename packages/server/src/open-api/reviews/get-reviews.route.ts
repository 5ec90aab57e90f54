import { Type } from '@sinclair/typebox';
import { changeFeedOrder } from '../../http/change-feed.js';
import { defineOperation } from '../../http/operation.js';
import { Page, PageInfo, pageInfo, PageSize, QueryArray, QueryFlag, QueryRecordId, QueryStoreId, QueryTime, Text } from '../../http/wire-schemas.js';
import { listReviews, type ReviewSort } from '../../reviews/list-reviews.service.js';
import { ReviewSchema } from '../../reviews/review-object.js';
import { MODERATION_STATUSES, type ModerationStatus } from '../../moderation/moderation-decision.js';

const SORTS = ['created-descending', 'created-ascending', 'rating-descending', 'rating-ascending', 'updated-ascending'] as const;

export const GetReviewsQuery = Type.Object({
  product_ids: Type.Optional(QueryArray(QueryStoreId(), 'only reviews of these products; "0" selects store reviews')),
  product_id: Type.Optional(QueryStoreId('one product, as clients of get_review_list send it; combines with product_ids')),
  is_store_review: Type.Optional(QueryFlag('1: only store reviews; 0: only product reviews')),
  keyword: Type.Optional(Text(100, { minLength: 1, description: 'case-insensitive substring of title, content or author' })),
  ratings: Type.Optional(QueryArray(Type.Integer({ minimum: 1, maximum: 5, 'x-reason': 'must be integers from 1 to 5' }), 'only these ratings')),
  sources: Type.Optional(QueryArray(Text(64, { minLength: 1 }), 'only these sources (case-insensitive)')),
  is_published: Type.Optional(QueryFlag('1: only published; 0: only unpublished (Plaudit extension)')),
  moderation_status: Type.Optional(
    Type.String({ enum: [...MODERATION_STATUSES], description: 'only reviews with this moderation status: held lists what waits for the merchant (Plaudit extension)', 'x-reason': `must be one of ${MODERATION_STATUSES.join(', ')}` }),
  ),
  has_media: Type.Optional(QueryFlag('1: only reviews with media; 0: only without (Plaudit extension)')),
  updated_since: Type.Optional(QueryTime('only reviews updated at or after this time; orders by updated-ascending (Plaudit extension)')),
  after_id: Type.Optional(QueryRecordId('with updated_since: keyset continuation (Plaudit extension)')),
  include_deleted: Type.Optional(QueryFlag('1: include deleted reviews as tombstones (Plaudit extension)')),
  sort_by: Type.Optional(Type.String({ enum: [...SORTS], 'x-reason': `must be one of ${SORTS.join(', ')}` })),
  page: Type.Optional(Page()),
  page_size: Type.Optional(PageSize()),
});

export const getReviewsOperation = defineOperation({
  operation: 'get_reviews',
  method: 'GET',
  scope: 'read_reviews',
  cacheable: true,
  summary: 'Get Review List',
  description: 'The shop\'s reviews, published and unpublished, filtered, sorted and paged. All filters combine with AND.',
  tags: ['Reviews'],
  querystring: GetReviewsQuery,
  data: Type.Object({ page: PageInfo, list: Type.Array(ReviewSchema) }),
  // The name older Trustoo clients call it by.
  aliases: ['/api/v1/openapi/get_review_list'],
  async handler({ actor, query, db }) {
    const { sort, updatedSince } = changeFeedOrder<ReviewSort>(query, 'created-descending');

    const page = query.page ?? 1;
    const pageSize = query.page_size ?? 20;
    const result = await listReviews(
      db,
      actor.shopId,
      {
        productIds: query.product_id === undefined ? query.product_ids : [...(query.product_ids ?? []), query.product_id],
        isStoreReview: query.is_store_review as 0 | 1 | undefined,
        keyword: query.keyword,
        ratings: query.ratings,
        sources: query.sources,
        isPublished: query.is_published as 0 | 1 | undefined,
        moderationStatus: query.moderation_status as ModerationStatus | undefined,
        hasMedia: query.has_media as 0 | 1 | undefined,
        updatedSince,
        afterId: query.after_id,
        includeDeleted: query.include_deleted === 1,
      },
      sort,
      page,
      pageSize,
    );
    return { page: pageInfo(page, pageSize, result.count), list: result.list };
  },
});
