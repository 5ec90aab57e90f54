import type { ColumnType, Generated } from 'kysely';

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
  /** The storefront's default order, maintained (migration 013, reviews/storefront-rank.ts). */
  storefront_rank: number;
  /** The reviewer received an incentive, described in `incentive` (migration 016). */
  is_incentivized: ColumnType<number, number | undefined, number>;
  incentive: ColumnType<string, string | undefined, string>;
  /** approved | held | rejected, and the decision's reasons, decider and time as JSON (migration 019). */
  moderation_status: ColumnType<string, string | undefined, string>;
  moderation: ColumnType<string, string | undefined, string>;
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
 * scope `all_products` in up to eight rows per shop (product_id "", "#1" … "#7", summed when read,
 * so concurrent writers do not queue on one row). Published counts feed ratings; hidden
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

/** Live reviews per shop and hour of their review date (migration 015), spread over slots; reviews/review-activity.ts. */
export interface ReviewActivityTable {
  shop_id: string;
  hour: number;
  slot: number;
  reviews: number;
  star_1: number;
  star_2: number;
  star_3: number;
  star_4: number;
  star_5: number;
  with_media: number;
  verified: number;
}

/** Customer events per shop, hour and type (migration 015), spread over slots; events/customer-events.ts. */
export interface EventActivityTable {
  shop_id: string;
  hour: number;
  event_type: string;
  slot: number;
  events: number;
}

export interface OutboxEventsTable {
  id: Generated<number>;
  shop_id: string;
  topic: string;
  event_id: string;
  payload: string;
  occurred_at: number;
  /** Set for system webhooks addressed to one platform (docs/reference/auth.md §8); null for shop events. */
  platform_id: string | null;
  /** When the worker turned the event into deliveries; null while it waits. */
  fanned_out_at: number | null;
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

export interface PlatformsTable {
  client_id: string;
  name: string;
  client_secret_sealed: string;
  webhook_secret_sealed: string;
  /** JSON array of the registered redirect URIs, matched byte for byte. */
  redirect_uris: string;
  webhook_url: string;
  /** Space-separated scopes the platform may ask for. */
  allowed_scopes: string;
  status: string;
  created_at: number;
  updated_at: number;
}

export type GrantStatus = 'active' | 'disconnected' | 'cancelled';

/** One per platform × shop: the merchant's latest decision about that platform. */
export interface GrantsTable {
  id: Generated<number>;
  platform_id: string;
  shop_id: string;
  scopes: string;
  status: GrantStatus;
  authorized_at: number;
  status_changed_at: number;
}

/** The tokens descending from one redeemed authorization code; revoked as a whole on reuse. */
export interface TokenFamiliesTable {
  id: Generated<number>;
  grant_id: number;
  scopes: string;
  created_at: number;
  chain_expires_at: number;
  revoked_at: number | null;
  revoked_reason: string | null;
}

export interface AuthorizationCodesTable {
  code_hash: string;
  platform_id: string;
  shop_id: string;
  merchant_id: number;
  redirect_uri: string;
  scopes: string;
  code_challenge: string | null;
  expires_at: number;
  used_at: number | null;
  /** The family the first redemption created, so a second redemption can revoke it. */
  family_id: number | null;
}

export interface AccessTokensTable {
  token_hash: string;
  family_id: number;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface RefreshTokensTable extends AccessTokensTable {
  rotated_at: number | null;
}

export interface MerchantsTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  created_at: number;
  updated_at: number;
}

export interface MerchantShopsTable {
  merchant_id: number;
  shop_id: string;
}

export interface MerchantSessionsTable {
  session_hash: string;
  merchant_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
}

export type SubscriptionStatus = 'active' | 'disabled';

export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  shop_id: string;
  /** '' for a shop-owned subscription; the client id for a platform-owned one. */
  platform_id: string;
  topic: string;
  url: string;
  status: SubscriptionStatus;
  secret_sealed: string;
  /** After a rotation the previous secret keeps signing for 24 hours. */
  previous_secret_sealed: string | null;
  previous_secret_expires_at: number | null;
  consecutive_failures: number;
  failing_since: number | null;
  disabled_reason: string | null;
  created_at: number;
  updated_at: number;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  shop_id: string;
  /** null for system webhooks, which go to the platform's webhook_url. */
  subscription_id: number | null;
  platform_id: string;
  outbox_event_id: number;
  event_id: string;
  topic: string;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number | null;
  /** A worker's claim; it lapses at claimed_until so a dead worker's delivery is retried. */
  claimed_by: string | null;
  claimed_until: number | null;
  created_at: number;
  updated_at: number;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  shop_id: string;
  attempt: number;
  request_id: string;
  status: 'succeeded' | 'failed';
  http_status: number | null;
  error: string | null;
  duration_ms: number;
  response_excerpt: string;
  next_attempt_at: number | null;
  created_at: number;
}

export interface ShopNoticesTable {
  id: Generated<number>;
  shop_id: string;
  kind: string;
  message: string;
  created_at: number;
  read_at: number | null;
}

export interface CustomersTable {
  shop_id: string;
  customer_id: string;
  /** Normalised: trimmed, lower case; '' when unknown. */
  email: string;
  first_name: string;
  last_name: string;
  phone: string;
  created_at: number;
  updated_at: number;
}

export interface CustomerExclusionsTable {
  id: Generated<number>;
  shop_id: string;
  customer_id: string;
  created_at: number;
  updated_at: number;
}

export interface EmailUnsubscribesTable {
  id: Generated<number>;
  shop_id: string;
  email: string;
  email_type: string;
  /** api, email_link, console or erasure; `email` is a salted hash (`sha256:…`) once the person's data was erased. */
  source: string;
  created_at: number;
}

/** 1 waiting, 2 scheduled, 3 sent, 4 opened, 5 evaluated, 6 cancelled (docs/reference/collection.md §6). */
export type OrderStatus = 1 | 2 | 3 | 4 | 5 | 6;

export interface OrdersTable {
  id: Generated<number>;
  shop_id: string;
  order_id: string;
  order_name: string;
  customer_id: string;
  email: string;
  customer_name: string;
  /** JSON array of {product_id, title, handle, quantity}. */
  products: string;
  status: OrderStatus;
  cancel_reason: string;
  order_created_at: number;
  fulfilled_at: number | null;
  scheduled_at: number | null;
  sent_at: number | null;
  opened_at: number | null;
  reviewed_at: number | null;
  cancelled_at: number | null;
  reminder_sent_at: number | null;
  /** First tracked click in the review request (migration 015). */
  clicked_at: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: number;
  updated_at: number;
  /** Failed hand-overs of the request e-mail so far (retried 1, 5, 15, 60 minutes later). */
  send_attempts: Generated<number>;
  send_claimed_until: number | null;
  /** Set before the request is handed to SMTP; see migration 009. */
  send_started_at: number | null;
  reminder_started_at: number | null;
  /** sent_at + the shop's reminder delay, or null when no reminder is to be sent. */
  reminder_due_at: number | null;
}

export interface CustomerEventsTable {
  id: Generated<number>;
  shop_id: string;
  event_type: string;
  event_source: string;
  os_type: string;
  customer_id: string;
  email: string;
  session_id: string;
  product_id: string;
  review_id: number | null;
  page_url: string;
  /** JSON object, at most 2 KB. */
  extra: string;
  created_at: number;
}

/** Each shop's upload keys (docs/reference/reviews.md §10.1, docs/reference/storefront.md §5); secrets derive from the server key. */
export interface MediaUploadKeysTable {
  access_id: string;
  shop_id: string;
  audience: 'merchant' | 'shopper';
  created_at: number;
}

/** The ledger of uploaded files (docs/reference/reviews.md §12). */
export interface MediaFilesTable {
  key: string;
  shop_id: string;
  kind: 'image' | 'video';
  /** `pending`: a video upload URL was issued; `receiving`: its PUT is in progress; `stored`: the file exists. */
  status: 'pending' | 'receiving' | 'stored';
  content_type: string;
  size: number;
  width: ColumnType<number, number | undefined, number>;
  height: ColumnType<number, number | undefined, number>;
  original_name: ColumnType<string, string | undefined, string>;
  /** Hash of the upload credential's policy; counts a shopper credential's files. */
  credential: ColumnType<string, string | undefined, string>;
  put_token_hash: string | null;
  put_expires_at: number | null;
  /** The review the file is attached to; null while unattached. */
  review_id: number | null;
  created_at: number;
}

/** The current helpful vote of one device on one review (docs/reference/storefront.md §6). */
export interface HelpfulVotesTable {
  shop_id: string;
  review_id: number;
  device_id: string;
  vote: number;
  updated_at: number;
}

/** A console import (migration 012): queued → running → done | failed. */
export interface ReviewImportsTable {
  id: Generated<number>;
  shop_id: string;
  format: string;
  dry_run: number;
  file_name: string;
  file_key: string;
  file_bytes: number;
  status: string;
  bytes_read: Generated<number>;
  rows: Generated<number>;
  imported: Generated<number>;
  skipped: Generated<number>;
  rejected: Generated<number>;
  /** JSON: the first rejections, `[{line, reasons}]`. */
  rejections: Generated<string>;
  error: Generated<string>;
  attempts: Generated<number>;
  claimed_by: string | null;
  claimed_until: number | null;
  /** The merchant's e-mail at the time, for the console's list. */
  created_by: string;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

/**
 * A shop's content version (migration 014): moved on by triggers in the same transaction as any
 * write to what the shop publishes; cached answers are keyed by it.
 */
export interface ContentVersionsTable {
  shop_id: string;
  version: number;
  /** Moves only with the shop's own row (name, settings, tokens, status). */
  shop_version: number;
}

/** One change to a review (migration 017): who, when, what; reviews/review-history.ts. */
export interface ReviewHistoryTable {
  id: Generated<number>;
  shop_id: string;
  review_id: number;
  occurred_at: number;
  action: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  /** JSON array of {field, from, to}; personal values are never written (null). */
  changes: string;
}

/** A shopper's report of a review (migration 018); reviews/review-reports.ts. */
export interface ReviewReportsTable {
  id: Generated<number>;
  shop_id: string;
  review_id: number;
  reason: string;
  text: string;
  /** SHA-256 of the shop id and the reporting device's id. */
  device_hash: string;
  created_at: number;
  /** When the merchant decided on the reported review (kept or hid it); null while open (migration 019). */
  resolved_at: number | null;
}

/** A shopper's question about a product (migration 020, docs/reference/questions.md). */
export interface QuestionsTable {
  id: Generated<number>;
  shop_id: string;
  product_id: string;
  content: string;
  asker_name: string;
  /** Lower-case; '' when the question came without one (an import). Never shown on the storefront. */
  asker_email: string;
  /** pending (held by the rules), published, hidden. */
  status: string;
  /** JSON array of the moderation reasons that held or changed the question. */
  moderation_reasons: string;
  is_pinned: Generated<number>;
  /** storefront, api, import. */
  source: string;
  /** Published answers: the storefront lists a question once it has one. */
  answer_count: Generated<number>;
  helpful_count: Generated<number>;
  created_at: number;
  updated_at: number;
  /** When its first published answer appeared; null while unanswered. */
  answered_at: number | null;
  deleted_at: number | null;
  /** When the worker told the merchant and invited past buyers; null while that is due. */
  announced_at: number | null;
  /** When the asker was told of the first answer; null while that is due or not yet answered. */
  asker_notified_at: number | null;
}

/** An answer to a question (migration 020). */
export interface AnswersTable {
  id: Generated<number>;
  shop_id: string;
  question_id: number;
  content: string;
  author_name: string;
  author_email: string;
  /** merchant, buyer, shopper. */
  author_kind: string;
  is_verified_buyer: number;
  /** pending, published, hidden. */
  status: string;
  moderation_reasons: string;
  helpful_count: Generated<number>;
  created_at: number;
  updated_at: number;
}

/** A product's question counts (migration 020): what shoppers see, and every live question. */
export interface QuestionCountsTable {
  shop_id: string;
  product_id: string;
  shown: number;
  total: number;
}

/** One current vote per device on a question or an answer (migration 020). */
export interface QuestionVotesTable {
  shop_id: string;
  /** question or answer. */
  target: string;
  target_id: number;
  device_id: string;
  vote: number;
  updated_at: number;
}

/** A past buyer asked to answer a question: one row per signed link (migration 020). */
export interface QuestionInvitationsTable {
  id: Generated<number>;
  shop_id: string;
  question_id: number;
  email: string;
  buyer_name: string;
  order_id: string;
  created_at: number;
  sent_at: number | null;
  /** When the link's answer was taken: a link works once. */
  used_at: number | null;
}

/** A shop's link to its store platform (migration 021, docs/connectors.md). */
export interface ConnectorLinksTable {
  id: Generated<number>;
  shop_id: string;
  /** woocommerce or shopify. */
  platform: string;
  /** The store as the platform names it: the myshopify domain; '' for WooCommerce. */
  external_shop: string;
  /** The webhook secret (WooCommerce) or the app's shared secret check value, sealed with the secret key. */
  secret_sealed: string;
  /** The platform's access token (Shopify's offline token), sealed; '' when none. */
  token_sealed: Generated<string>;
  scopes: Generated<string>;
  /** active, uninstalled, reconnect (the platform refused the token). */
  status: string;
  /** The shop's content version whose ratings were last written back to the store. */
  synced_version: Generated<number>;
  /** Unix seconds before which no rating is written back (the store asked to wait). */
  next_sync_at: Generated<number>;
  created_at: number;
  updated_at: number;
}

/** The newest modification time seen for one of a platform's orders or products (migration 021). */
export interface ConnectorVersionsTable {
  shop_id: string;
  platform: string;
  /** order or product. */
  kind: string;
  external_id: string;
  source_updated_at: number;
}

/** The rating last written back to the store for one product (migration 021). */
export interface ConnectorRatingPushesTable {
  shop_id: string;
  product_id: string;
  /** As get_rating writes it: "4.5", "0". */
  rating: string;
  review_count: number;
  pushed_at: number;
}

export interface Database {
  shops: ShopsTable;
  products: ProductsTable;
  reviews: ReviewsTable;
  review_media: ReviewMediaTable;
  review_stats: ReviewStatsTable;
  review_activity: ReviewActivityTable;
  review_history: ReviewHistoryTable;
  review_reports: ReviewReportsTable;
  outbox_events: OutboxEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  request_signatures: RequestSignaturesTable;
  platforms: PlatformsTable;
  grants: GrantsTable;
  token_families: TokenFamiliesTable;
  authorization_codes: AuthorizationCodesTable;
  access_tokens: AccessTokensTable;
  refresh_tokens: RefreshTokensTable;
  merchants: MerchantsTable;
  merchant_shops: MerchantShopsTable;
  merchant_sessions: MerchantSessionsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  shop_notices: ShopNoticesTable;
  customers: CustomersTable;
  customer_exclusions: CustomerExclusionsTable;
  email_unsubscribes: EmailUnsubscribesTable;
  orders: OrdersTable;
  customer_events: CustomerEventsTable;
  event_activity: EventActivityTable;
  media_upload_keys: MediaUploadKeysTable;
  media_files: MediaFilesTable;
  helpful_votes: HelpfulVotesTable;
  review_imports: ReviewImportsTable;
  content_versions: ContentVersionsTable;
  questions: QuestionsTable;
  answers: AnswersTable;
  question_votes: QuestionVotesTable;
  question_invitations: QuestionInvitationsTable;
  question_counts: QuestionCountsTable;
  connector_links: ConnectorLinksTable;
  connector_versions: ConnectorVersionsTable;
  connector_rating_pushes: ConnectorRatingPushesTable;
}
