import type { Generated } from 'kysely';

/** Table types. Times are UTC Unix seconds; flags are integers 0/1 on both dialects. */

export interface ShopsTable {
  id: string;
  domain: string;
  name: string;
  public_token: string;
  private_token_sealed: string;
  settings: string;
  status: string;
  created_at: number;
  updated_at: number;
}

export interface ProductsTable {
  shop_id: string;
  product_id: string;
  title: string;
  handle: string;
  url: string;
  image: string;
  sku: string;
  gtin: string;
  mpn: string;
  brand: string;
  created_at: number;
  updated_at: number;
}

export interface ReviewsTable {
  id: Generated<number>;
  shop_id: string;
  product_id: string;
  rating: number;
  author: string;
  author_email: string;
  author_phone: string;
  author_country: string;
  title: string;
  content: string;
  commented_at: number;
  item_type: string;
  source: string;
  tag: string;
  order_id: string;
  is_verified: number;
  verification_method: string;
  is_featured: number;
  is_published: number;
  is_top: number;
  reply_content: string | null;
  reply_at: number | null;
  helpful_count: number;
  media_count: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  /** Import provenance: the format a review came from and its id there (null otherwise). */
  external_source: string | null;
  external_id: string | null;
}

export interface ReviewMediaTable {
  id: Generated<number>;
  shop_id: string;
  review_id: number;
  position: number;
  url: string;
  thumbnail_url: string;
  type: number;
  is_published: number;
  width: number;
  height: number;
}

/**
 * Maintained review counts per (shop, scope): scope `product` per product id ("0" = the store),
 * scope `all_products` once per shop with product_id "". Published counts feed ratings; hidden
 * (unpublished, not deleted) counts let get_reviews count filtered pages without scanning.
 */
export interface ReviewStatsTable {
  shop_id: string;
  scope: 'product' | 'all_products';
  product_id: string;
  published_1: number;
  published_2: number;
  published_3: number;
  published_4: number;
  published_5: number;
  hidden_1: number;
  hidden_2: number;
  hidden_3: number;
  hidden_4: number;
  hidden_5: number;
}

export interface OutboxEventsTable {
  id: Generated<number>;
  shop_id: string;
  topic: string;
  event_id: string;
  payload: string;
  occurred_at: number;
}

export interface IdempotencyKeysTable {
  shop_id: string;
  caller: string;
  idempotency_key: string;
  fingerprint: string;
  state: 'running' | 'done';
  response_status: number | null;
  response_body: string | null;
  locked_until: number;
  expires_at: number;
}

export interface RequestSignaturesTable {
  signature_key: string;
  expires_at: number;
}

export interface Database {
  shops: ShopsTable;
  products: ProductsTable;
  reviews: ReviewsTable;
  review_media: ReviewMediaTable;
  review_stats: ReviewStatsTable;
  outbox_events: OutboxEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  request_signatures: RequestSignaturesTable;
}
