/** The shapes of storefront.md §2 as the widget reads them. */
export interface Resource {
  resource_type: number;
  src: string;
  thumb_src: string;
  width: number;
  height: number;
}

export interface StorefrontReview {
  id: number;
  star: number;
  author: string;
  author_country: string;
  title: string;
  content: string;
  commented_at: string;
  verified_badge: number;
  verification_method: string;
  reply_content: string;
  item_type: string;
  helpful_count: number;
  resources: Resource[];
}

export interface ReviewsPage {
  page: { cur_page: number; total_page: number; count: number };
  list: StorefrontReview[];
  summary: { rating: number; total_reviews: number; star1_count: number; star2_count: number; star3_count: number; star4_count: number; star5_count: number };
}
