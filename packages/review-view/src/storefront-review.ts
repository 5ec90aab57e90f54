/**
 * The storefront review of docs/reference/storefront.md §2, as the server presents it and the widget reads it.
 * Types only, so the widget bundle can share them: no e-mail, phone, order id, tag or source, ever.
 */
export interface StorefrontResource {
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
  /** 1 when the reviewer received something for the review; `incentive` says what, or is "". */
  incentivized: number;
  incentive: string;
  reply_content: string;
  item_type: string;
  helpful_count: number;
  resources: StorefrontResource[];
  corresponding_product: { product_id: string; product_name: string; product_url: string; product_image: string } | null;
}
