import type { StorefrontReview } from '@plaudit/review-view/storefront-review';

export type { StorefrontResource as Resource, StorefrontReview } from '@plaudit/review-view/storefront-review';

/** get_product_reviews' `data` (docs/reference/storefront.md §2) as the widget reads it. */
export interface ReviewsPage {
  page: { cur_page: number; total_page: number; count: number };
  list: StorefrontReview[];
  summary: { rating: number; total_reviews: number; star1_count: number; star2_count: number; star3_count: number; star4_count: number; star5_count: number };
}
