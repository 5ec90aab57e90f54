// Generated from openapi.json by scripts/generate-types.mjs. Do not edit by hand:
// run `npm run generate -w @plaudit/sdk` after the server routes change.
/* eslint-disable */

export type Review = {
  id: number;
  /** "0" for a store review */
  product_id: string;
  product_title: string;
  product_handle: string;
  rating: number;
  author: string;
  author_email: string;
  author_phone: string;
  author_country: string;
  title: string;
  content: string;
  /** YYYY-MM-DD HH:MM:SS, UTC */
  commented_at: string;
  item_type: string;
  source: string;
  tag: string;
  order_id: string;
  is_verified: number;
  is_featured: number;
  is_published: number;
  is_top: number;
  media: {
    id: number;
    url: string;
    thumbnail_url: string;
    /** 1 image, 2 video */
    type: number;
    is_published: number;
    width: number;
    height: number;
  }[];
  reply: {
    content: string;
    /** YYYY-MM-DD HH:MM:SS, UTC */
    reply_at: string;
  } | null;
  /** the reply's text, "" when there is none (for clients of the older review list) */
  reply_content: string;
  /** URLs of the published images, in order (for clients of the older review list) */
  images: string[];
  /** order | import | platform | none (Plaudit extension) */
  verification_method: string;
  /** 1 when the reviewer received an incentive, disclosed with the review (Plaudit extension) */
  is_incentivized: number;
  /** what the reviewer received, or "" (Plaudit extension) */
  incentive: string;
  helpful_count: number;
  /** Plaudit extension: the moderation decision */
  moderation: Moderation;
  /** RFC 3339 */
  created_at: string;
  /** RFC 3339 */
  updated_at: string;
  /** RFC 3339; present only on tombstones */
  deleted_at?: string;
};

export type Moderation = {
  /** approved (published), held (waiting for the merchant) or rejected */
  status: "approved" | "held" | "rejected";
  /** the rules that held the review, or acted on it (personal_data_masked) */
  reasons: Array<"profanity" | "link" | "personal_data" | "personal_data_masked" | "near_duplicate" | "no_order" | "below_min_rating" | "manual_review">;
  /** null while held, and for reviews decided before moderation was recorded */
  decided_by: Decider | null;
  decided_at: string | null;
};

export type Decider = {
  /** system (the moderation rules), shop_api, platform, merchant, import */
  kind: string;
  /** the platform's client id, the merchant's id, moderation_rules; '' for the shop's API */
  id: string;
  name: string;
};

export type ReviewHistoryEntry = {
  id: number;
  /** created | updated | deleted | anonymized */
  action: string;
  actor: {
    /** shop_api | platform | merchant | shopper | import | system */
    kind: string;
    /** the platform's client id, the merchant's id, the system job; "" for the shop's API and shoppers */
    id: string;
    name: string;
  };
  changes: {
    field: string;
    /** the value before; null for a new review, and always null for the reviewer's personal fields */
    from: unknown;
    /** the value after; null for the reviewer's personal fields */
    to: unknown;
  }[];
  occurred_at: string;
};

export type Rating = {
  /** mean rating rounded half up to 2 decimals, no trailing zeros; "0" when none */
  rating_value: string;
  review_count: number;
  star1_count: number;
  star2_count: number;
  star3_count: number;
  star4_count: number;
  star5_count: number;
};

export type Question = {
  id: number;
  product_id: string;
  content: string;
  asker_name: string;
  /** "" when none was given; never shown on the storefront */
  asker_email: string;
  /** pending (held by the moderation rules), published or hidden: shoppers see published questions that have a published answer */
  status: "pending" | "published" | "hidden";
  /** the moderation rules that held the text or masked part of it (docs/reference/moderation.md) */
  moderation_reasons: string[];
  /** 1: listed first on the storefront */
  is_pinned: number;
  /** storefront, api or import */
  source: string;
  /** published answers */
  answer_count: number;
  helpful_count: number;
  /** every answer, oldest first, whatever its status */
  answers: Answer[];
  /** RFC 3339 */
  created_at: string;
  /** RFC 3339; moves with every change to the question or its answers */
  updated_at: string;
  /** when its first published answer appeared */
  answered_at: string | null;
  /** RFC 3339; present only on tombstones */
  deleted_at?: string;
};

export type Answer = {
  id: number;
  question_id: number;
  content: string;
  author_name: string;
  /** "" when none was given; never shown on the storefront */
  author_email: string;
  author_kind: "merchant" | "buyer" | "shopper";
  /** 1 when an order of the author holds the product */
  is_verified_buyer: number;
  /** pending (held by the moderation rules), published or hidden: shoppers see published answers */
  status: "pending" | "published" | "hidden";
  /** the moderation rules that held the text or masked part of it (docs/reference/moderation.md) */
  moderation_reasons: string[];
  helpful_count: number;
  /** RFC 3339 */
  created_at: string;
  /** RFC 3339 */
  updated_at: string;
};

export type ImageUploadCredentials = {
  /** the upload key, sent back as OSSAccessKeyId */
  access_id: string;
  /** the upload URL: POST the multipart form here */
  host: string;
  /** Unix seconds after which the credentials are refused */
  expire: string;
  /** base64 HMAC-SHA1 of policy, sent back as Signature */
  signature: string;
  /** base64 post policy, sent back unchanged */
  policy: string;
  /** the key prefix every upload must use: <shop_id>/<yyyy>/<m>/<d>/ */
  dir: string;
  /** base64 OSS-style callback description (no request is ever made) */
  callback: string;
};

export type VideoUploadTicket = {
  upload_url: string;
  method: "PUT";
  headers: Record<string, never>;
  video_url: string;
  expire: string;
};

export type Order = {
  id: number;
  order_id: string;
  order_name: string;
  customer_id: string;
  email: string;
  customer_name: string;
  products: {
    product_id: string;
    title: string;
    handle: string;
    quantity: number;
  }[];
  /** 1 waiting, 2 scheduled, 3 sent, 4 opened, 5 evaluated, 6 cancelled */
  status: number;
  /** Plaudit extension: excluded, unsubscribed, merchant, too_old or send_failed when status is 6 */
  cancel_reason: string;
  order_created_at: string;
  fulfilled_at: string | null;
  scheduled_at: string | null;
  sent_at: string | null;
  opened_at: string | null;
  reviewed_at: string | null;
  cancelled_at: string | null;
  reminder_sent_at: string | null;
  created_at: string;
  updated_at: string;
};

export type CustomerExclusion = {
  customer_id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  created_at: string;
  updated_at: string;
};

export type CustomerDataExport = {
  /** the addresses found for the person */
  emails: string[];
  /** the customer ids found for the person */
  customer_ids: string[];
  customers: {
    customer_id: string;
    email: string;
    first_name: string;
    last_name: string;
    phone: string;
    created_at: string;
    updated_at: string;
  }[];
  /** deleted reviews included, with deleted_at */
  reviews: Review[];
  /** questions the person asked, deleted ones included (Plaudit extension) */
  questions: Question[];
  /** answers the person wrote (Plaudit extension) */
  answers: Answer[];
  orders: Order[];
  events: CustomerEvent[];
  unsubscribes: {
    /** the address, or `sha256:` and a hash once the person's data was erased */
    email: string;
    email_type: string;
    /** api, email_link, console, or erasure (kept from an excluded person's erased data) */
    source: string;
    created_at: string;
  }[];
  exclusions: {
    customer_id: string;
    created_at: string;
  }[];
};

export type CustomerEvent = {
  id: number;
  event_type: string;
  event_source: string;
  os_type: string;
  customer_id: string;
  email: string;
  session_id: string;
  product_id: string;
  review_id: number | null;
  page_url: string;
  extra: Record<string, never>;
  created_at: string;
};

export type CustomerErasure = {
  mode: string;
  /** reviews anonymized or deleted */
  reviews: number;
  /** questions the person asked, anonymized or deleted (Plaudit extension) */
  questions: number;
  /** answers the person wrote, anonymized or deleted (Plaudit extension) */
  answers: number;
  /** media files deleted */
  media_files: number;
  /** orders whose contact fields were cleared */
  orders: number;
  /** customer events deleted */
  events: number;
  /** customer records deleted */
  customers: number;
};

/** Get Review Detail */
export type GetReviewQuery = {
  /** the review id */
  id?: number;
  /** alias of id */
  review_id?: number;
};

export type GetReviewBody = Record<string, never>;

export type GetReviewData = Review;

/** Get Review List */
export type GetReviewsQuery = {
  /** only reviews of these products; "0" selects store reviews */
  product_ids?: string[];
  /** one product, as clients of get_review_list send it; combines with product_ids */
  product_id?: string;
  /** 1: only store reviews; 0: only product reviews */
  is_store_review?: number;
  /** case-insensitive substring of title, content or author */
  keyword?: string;
  /** only these ratings */
  ratings?: number[];
  /** only these sources (case-insensitive) */
  sources?: string[];
  /** 1: only published; 0: only unpublished (Plaudit extension) */
  is_published?: number;
  /** only reviews with this moderation status: held lists what waits for the merchant (Plaudit extension) */
  moderation_status?: "approved" | "held" | "rejected";
  /** 1: only reviews with media; 0: only without (Plaudit extension) */
  has_media?: number;
  /** only reviews updated at or after this time; orders by updated-ascending (Plaudit extension) */
  updated_since?: string;
  /** with updated_since: keyset continuation (Plaudit extension) */
  after_id?: number;
  /** 1: include deleted reviews as tombstones (Plaudit extension) */
  include_deleted?: number;
  sort_by?: "created-descending" | "created-ascending" | "rating-descending" | "rating-ascending" | "updated-ascending";
  /** page number, from 1 */
  page?: number;
  /** records per page, 1–100 (default 20) */
  page_size?: number;
};

export type GetReviewsBody = Record<string, never>;

export type GetReviewsData = {
  page: {
    page: number;
    page_size: number;
    total_page: number;
    count: number;
  };
  list: Review[];
};

/** Create Review */
export type CreateReviewQuery = Record<string, never>;

export type CreateReviewBody = {
  /** product id; 0, "0", "" or absent for a store review */
  product_id?: string | number;
  rating: number | string;
  /** reviewer name; "" for anonymous */
  author: string;
  author_email?: string;
  author_phone?: string;
  author_country?: string;
  title?: string;
  content?: string;
  /** when the reviewer wrote it; default now */
  commented_at?: string | number;
  item_type?: string;
  /** default "Open API" */
  source?: string;
  tag?: string;
  /** store-platform order id, or "" */
  order_id?: string | number;
  is_verified?: 0 | 1 | "0" | "1" | boolean;
  is_featured?: 0 | 1 | "0" | "1" | boolean;
  /** default: the shop's auto-publish rule */
  is_published?: 0 | 1 | "0" | "1" | boolean;
  is_top?: 0 | 1 | "0" | "1" | boolean;
  /** 1 when the reviewer received something for the review (a discount, a gift, free product); shown with the review (Plaudit extension) */
  is_incentivized?: 0 | 1 | "0" | "1" | boolean;
  /** what the reviewer received, e.g. "10% off their next order"; implies is_incentivized 1 (Plaudit extension) */
  incentive?: string;
  reply?: {
    content: string;
    /** default now */
    reply_at?: string | number;
  } | null;
  media?: {
    images?: string[];
    thumbnails?: string[];
    /** one video, or "" */
    video?: string;
    video_thumbnail?: string;
  } | Array<{
    url: string;
    thumbnail_url?: string;
    type?: 1 | 2;
    is_published?: 0 | 1 | "0" | "1" | boolean;
  }> | null;
  product_title?: string;
  product_handle?: string;
  product_url?: string;
  product_image?: string;
};

export type CreateReviewData = {
  /** the new review id as a decimal string */
  id: string;
};

/** Delete Review */
export type DeleteReviewQuery = Record<string, never>;

export type DeleteReviewBody = {
  /** the review to delete */
  id?: number | string;
  /** alias of id */
  review_id?: number | string;
};

export type DeleteReviewData = {
  id: number;
};

/** Update Review (Plaudit extension) */
export type UpdateReviewQuery = Record<string, never>;

export type UpdateReviewBody = {
  /** the review */
  id: number | string;
  /** publish (1) or hide (0); publishing approves the review, hiding rejects it */
  is_published?: 0 | 1 | "0" | "1" | boolean;
  /** decide a held review: approved publishes it, rejected keeps it hidden and out of the queue (Plaudit extension) */
  moderation_status?: "approved" | "rejected";
  is_featured?: 0 | 1 | "0" | "1" | boolean;
  is_top?: 0 | 1 | "0" | "1" | boolean;
  is_verified?: 0 | 1 | "0" | "1" | boolean;
  tag?: string;
  /** 1 when the reviewer received an incentive; 0 also clears `incentive` */
  is_incentivized?: 0 | 1 | "0" | "1" | boolean;
  /** what the reviewer received; a non-empty value sets is_incentivized 1 */
  incentive?: string;
  reply?: {
    content: string;
  } | null;
  /** cannot be changed through the API */
  rating?: never;
  /** cannot be changed through the API */
  author?: never;
  /** cannot be changed through the API */
  author_email?: never;
  /** cannot be changed through the API */
  author_phone?: never;
  /** cannot be changed through the API */
  author_country?: never;
  /** cannot be changed through the API */
  title?: never;
  /** cannot be changed through the API */
  content?: never;
  /** cannot be changed through the API */
  commented_at?: never;
  /** cannot be changed through the API */
  item_type?: never;
  /** cannot be changed through the API */
  product_id?: never;
  /** cannot be changed through the API */
  order_id?: never;
  /** cannot be changed through the API */
  source?: never;
  /** cannot be changed through the API */
  media?: never;
};

export type UpdateReviewData = Review;

/** Get Review History (Plaudit extension) */
export type GetReviewHistoryQuery = {
  /** the review id */
  id?: number;
  /** alias of id */
  review_id?: number;
};

export type GetReviewHistoryBody = Record<string, never>;

export type GetReviewHistoryData = {
  list: ReviewHistoryEntry[];
};

/** Get Rating */
export type GetRatingQuery = {
  /** 1: every review of the shop */
  is_all_rating?: number;
  /** 1: every product review, store reviews excluded */
  is_all_products_rating?: number;
  /** 1: store reviews */
  is_store_rating?: number;
  /** one product; "0" = the store */
  product_id?: string;
  /** one product, by handle */
  product_handle?: string;
};

export type GetRatingBody = Record<string, never>;

export type GetRatingData = Rating;

/** Get Ratings (Plaudit extension) */
export type GetRatingsQuery = {
  /** product ids, 1–100; "0" = the store */
  product_ids: string[];
};

export type GetRatingsBody = Record<string, never>;

export type GetRatingsData = {
  list: {
    product_id: string;
    /** mean rating rounded half up to 2 decimals, no trailing zeros; "0" when none */
    rating_value: string;
    review_count: number;
    star1_count: number;
    star2_count: number;
    star3_count: number;
    star4_count: number;
    star5_count: number;
  }[];
};

/** Get Question List (Plaudit extension) */
export type GetQuestionsQuery = {
  /** only questions about these products */
  product_ids?: string[];
  /** one product; combines with product_ids */
  product_id?: string;
  /** only questions with this status */
  status?: "pending" | "published" | "hidden";
  /** 1: only questions with a published answer; 0: only those without */
  answered?: number;
  /** case-insensitive substring of the question, its asker or any of its answers */
  keyword?: string;
  /** only questions updated at or after this time; orders by updated-ascending */
  updated_since?: string;
  /** with updated_since: keyset continuation */
  after_id?: number;
  /** 1: include deleted questions as tombstones */
  include_deleted?: number;
  sort_by?: "created-descending" | "created-ascending" | "updated-ascending";
  /** page number, from 1 */
  page?: number;
  /** records per page, 1–100 (default 20) */
  page_size?: number;
};

export type GetQuestionsBody = Record<string, never>;

export type GetQuestionsData = {
  page: {
    page: number;
    page_size: number;
    total_page: number;
    count: number;
  };
  list: Question[];
};

/** Get Question (Plaudit extension) */
export type GetQuestionQuery = {
  /** the question id */
  id: number;
};

export type GetQuestionBody = Record<string, never>;

export type GetQuestionData = Question;

/** Create Question (Plaudit extension) */
export type CreateQuestionQuery = Record<string, never>;

export type CreateQuestionBody = {
  /** the product the question is about */
  product_id: string | number;
  /** the question */
  content: string;
  /** shown with the question */
  asker_name: string;
  asker_email?: string;
  /** the caller's decision; absent, the moderation rules decide */
  status?: "pending" | "published" | "hidden";
};

export type CreateQuestionData = Question;

/** Update Question (Plaudit extension) */
export type UpdateQuestionQuery = Record<string, never>;

export type UpdateQuestionBody = {
  /** the question */
  id: number | string;
  /** published, hidden, or pending to hold it again */
  status?: "pending" | "published" | "hidden";
  /** 1: list it first on the storefront */
  is_pinned?: 0 | 1 | "0" | "1" | boolean;
  /** cannot be changed through the API */
  content?: never;
  /** cannot be changed through the API */
  asker_name?: never;
  /** cannot be changed through the API */
  asker_email?: never;
  /** cannot be changed through the API */
  product_id?: never;
};

export type UpdateQuestionData = Question;

/** Delete Question (Plaudit extension) */
export type DeleteQuestionQuery = Record<string, never>;

export type DeleteQuestionBody = {
  /** the question to delete */
  id: number | string;
};

export type DeleteQuestionData = {
  id: number;
};

/** Create Answer (Plaudit extension) */
export type CreateAnswerQuery = Record<string, never>;

export type CreateAnswerBody = {
  /** the question to answer */
  question_id: number | string;
  /** the answer */
  content: string;
  /** merchant (default), buyer or shopper */
  author_kind?: "merchant" | "buyer" | "shopper";
  /** shown with the answer; for the store's answers, default the shop's sender name */
  author_name?: string;
  author_email?: string;
  /** the caller's decision; absent, the store's answers are published and others pass the moderation rules */
  status?: "pending" | "published" | "hidden";
};

export type CreateAnswerData = Question;

/** Update Answer (Plaudit extension) */
export type UpdateAnswerQuery = Record<string, never>;

export type UpdateAnswerBody = {
  /** the answer */
  id: number | string;
  /** published, hidden, or pending to hold it again */
  status?: "pending" | "published" | "hidden";
  /** new words for a store answer */
  content?: string;
};

export type UpdateAnswerData = Question;

/** Delete Answer (Plaudit extension) */
export type DeleteAnswerQuery = Record<string, never>;

export type DeleteAnswerBody = {
  /** the answer to delete */
  id: number | string;
};

export type DeleteAnswerData = Question;

/** Get Image Upload Credentials */
export type GetImageUploadPolicyTokenQuery = Record<string, never>;

export type GetImageUploadPolicyTokenBody = Record<string, never>;

export type GetImageUploadPolicyTokenData = ImageUploadCredentials;

/** Get Video Upload URL */
export type GetVideoUploadUrlQuery = {
  /** the original file name (informative) */
  file_name: string;
  /** video/mp4, video/quicktime or video/webm */
  content_type: "video/mp4" | "video/quicktime" | "video/webm";
  /** exact byte size of the file */
  size: number;
};

export type GetVideoUploadUrlBody = Record<string, never>;

export type GetVideoUploadUrlData = VideoUploadTicket;

/** Create Shop Webhook */
export type CreateShopWebhookQuery = Record<string, never>;

export type CreateShopWebhookBody = {
  /** the event topic */
  topic: "review/created" | "review/updated" | "review/deleted" | "review/reported" | "customer_event/created" | "order/updated" | "customer/redacted" | "question/created" | "question/answered" | "question/updated" | "question/deleted";
  /** an https URL that receives the deliveries */
  url: string;
};

export type CreateShopWebhookData = {
  id: string;
  topic: string;
  url: string;
  /** Plaudit extension */
  status: "active" | "disabled";
  created_at: string;
  updated_at: string;
  /** Standard Webhooks signing secret (whsec_…); shown only on creation and rotation */
  secret: string;
};

/** Update Shop Webhook */
export type UpdateShopWebhookQuery = Record<string, never>;

export type UpdateShopWebhookBody = {
  /** the webhook id */
  id: number | string;
  /** the event topic */
  topic?: "review/created" | "review/updated" | "review/deleted" | "review/reported" | "customer_event/created" | "order/updated" | "customer/redacted" | "question/created" | "question/answered" | "question/updated" | "question/deleted";
  /** an https URL that receives the deliveries */
  url?: string;
  status?: "active" | "disabled";
};

export type UpdateShopWebhookData = {
  id: string;
  topic: string;
  url: string;
  /** Plaudit extension */
  status: "active" | "disabled";
  created_at: string;
  updated_at: string;
};

/** Delete Shop Webhook */
export type DeleteShopWebhookQuery = Record<string, never>;

export type DeleteShopWebhookBody = {
  /** the webhook id */
  id: number | string;
};

export type DeleteShopWebhookData = {
  id: string;
};

/** Get Shop Webhooks */
export type GetShopWebhooksQuery = {
  /** the event topic */
  topic?: "review/created" | "review/updated" | "review/deleted" | "review/reported" | "customer_event/created" | "order/updated" | "customer/redacted" | "question/created" | "question/answered" | "question/updated" | "question/deleted";
};

export type GetShopWebhooksBody = Record<string, never>;

export type GetShopWebhooksData = Array<{
  id: string;
  topic: string;
  url: string;
  /** Plaudit extension */
  status: "active" | "disabled";
  created_at: string;
  updated_at: string;
}>;

/** Rotate Webhook Secret (Plaudit extension) */
export type RotateShopWebhookSecretQuery = Record<string, never>;

export type RotateShopWebhookSecretBody = {
  /** the webhook id */
  id: number | string;
};

export type RotateShopWebhookSecretData = {
  id: string;
  secret: string;
};

/** Get Webhook Deliveries (Plaudit extension) */
export type GetWebhookDeliveriesQuery = {
  /** only this webhook */
  webhook_id?: number;
  status?: "pending" | "succeeded" | "failed";
  /** only deliveries of this event */
  event_id?: string;
  /** page number, from 1 */
  page?: number;
  /** records per page, 1–100 (default 20) */
  page_size?: number;
};

export type GetWebhookDeliveriesBody = Record<string, never>;

export type GetWebhookDeliveriesData = {
  page: {
    page: number;
    page_size: number;
    total_page: number;
    count: number;
  };
  list: Array<{
    id: string;
    /** also the webhook-id header, the same on every retry and replay */
    event_id: string;
    webhook_id: string;
    topic: string;
    url: string;
    /** pending, succeeded, failed or cancelled */
    status: string;
    /** attempts made so far */
    attempt: number;
    http_status: number | null;
    error: string | null;
    duration_ms: number | null;
    request_id: string | null;
    response_body: string;
    created_at: string;
    next_attempt_at: string | null;
    attempts: Array<{
      attempt: number;
      status: string;
      http_status: number | null;
      error: string | null;
      duration_ms: number;
      /** the attempt id, sent as Open-Trustoo-Webhook-RequestId */
      request_id: string;
      /** the first 2 KB of the answer */
      response_body: string;
      created_at: string;
      next_attempt_at: string | null;
    }>;
  }>;
};

/** Replay Webhook Delivery (Plaudit extension) */
export type ReplayWebhookDeliveryQuery = Record<string, never>;

export type ReplayWebhookDeliveryBody = {
  /** the delivery to send again */
  delivery_id: number | string;
};

export type ReplayWebhookDeliveryData = {
  id: string;
  /** also the webhook-id header, the same on every retry and replay */
  event_id: string;
  webhook_id: string;
  topic: string;
  url: string;
  /** pending, succeeded, failed or cancelled */
  status: string;
  /** attempts made so far */
  attempt: number;
  http_status: number | null;
  error: string | null;
  duration_ms: number | null;
  request_id: string | null;
  response_body: string;
  created_at: string;
  next_attempt_at: string | null;
  attempts: Array<{
    attempt: number;
    status: string;
    http_status: number | null;
    error: string | null;
    duration_ms: number;
    /** the attempt id, sent as Open-Trustoo-Webhook-RequestId */
    request_id: string;
    /** the first 2 KB of the answer */
    response_body: string;
    created_at: string;
    next_attempt_at: string | null;
  }>;
};

/** Get Order List */
export type GetOrdersQuery = {
  /** 0 all; 1–6 only that status */
  type?: number;
  /** sent at or after */
  start_sent_at?: string;
  /** sent at or before */
  end_sent_at?: string;
  /** placed at or after */
  start_time?: string;
  /** placed at or before */
  end_time?: string;
  sort_by?: "created-descending" | "created-ascending";
  /** page number, from 1 */
  page?: number;
  /** records per page, 1–100 (default 20) */
  page_size?: number;
};

export type GetOrdersBody = Record<string, never>;

export type GetOrdersData = {
  page: {
    page: number;
    page_size: number;
    total_page: number;
    count: number;
  };
  list: Order[];
};

/** Create Order (Plaudit extension) */
export type CreateOrderQuery = Record<string, never>;

export type CreateOrderBody = {
  /** the store-platform order id */
  order_id: string | number;
  /** display name, e.g. #1001 */
  order_name: string;
  email: string;
  /** the store-platform customer id */
  customer_id?: string | number;
  first_name?: string;
  last_name?: string;
  phone?: string;
  products: Array<{
    /** the product (not "0") */
    product_id: string | number;
    title?: string;
    handle?: string;
    quantity?: number;
    /** product image */
    image?: string;
    /** product page */
    url?: string;
    sku?: string;
    gtin?: string;
    mpn?: string;
    brand?: string;
  }>;
  /** when the order was placed (default: now) */
  order_created_at?: string | number;
  /** when the order was fulfilled */
  fulfilled_at?: string | number;
};

export type CreateOrderData = Order;

/** Cancel Order Request (Plaudit extension) */
export type CancelOrderRequestQuery = Record<string, never>;

export type CancelOrderRequestBody = {
  /** the store-platform order id */
  order_id: string | number;
};

export type CancelOrderRequestData = Order;

/** Email Unsubscribe */
export type EmailUnsubscribeQuery = Record<string, never>;

export type EmailUnsubscribeBody = {
  /** the address */
  email: string;
  /** the e-mail stream */
  email_type: "all" | "review_request" | "review_request_test" | "discount_for_photo_review" | "left_review" | "market_email" | "question_notification" | "answer_notification" | "review_request_quota_exhausted" | "review_display_quota_exhausted" | "reply_to_review" | "post_purchase_referral" | "advocate_reward_paid" | "advocate_reward_refund" | "review_media_remind" | "auto_leave_review" | "request_update_review";
};

export type EmailUnsubscribeData = {
  /** the normalised address */
  email: string;
  email_type: string;
};

/** Get Unsubscribe List (Plaudit extension) */
export type GetUnsubscribesQuery = {
  /** case-insensitive substring of the address */
  email?: string;
  /** the e-mail stream */
  email_type?: "all" | "review_request" | "review_request_test" | "discount_for_photo_review" | "left_review" | "market_email" | "question_notification" | "answer_notification" | "review_request_quota_exhausted" | "review_display_quota_exhausted" | "reply_to_review" | "post_purchase_referral" | "advocate_reward_paid" | "advocate_reward_refund" | "review_media_remind" | "auto_leave_review" | "request_update_review";
  /** by created_at, then record order (default created-descending) */
  sort_by?: "created-descending" | "created-ascending";
  /** page number, from 1 */
  page?: number;
  /** records per page, 1–100 (default 20) */
  page_size?: number;
};

export type GetUnsubscribesBody = Record<string, never>;

export type GetUnsubscribesData = {
  page: {
    page: number;
    page_size: number;
    total_page: number;
    count: number;
  };
  list: {
    /** the address, or `sha256:` and a hash once the person's data was erased */
    email: string;
    email_type: string;
    /** api, email_link, console, or erasure (kept from an excluded person's erased data) */
    source: string;
    created_at: string;
  }[];
};

/** Create Customer Exclusion */
export type CreateCustomerExcludeQuery = Record<string, never>;

export type CreateCustomerExcludeBody = {
  /** the customer's address */
  email?: string;
  /** an existing customer of the shop */
  customer_id?: string | number;
};

export type CreateCustomerExcludeData = CustomerExclusion;

/** Delete Customer Exclusion */
export type DeleteCustomerExcludeQuery = Record<string, never>;

export type DeleteCustomerExcludeBody = {
  /** removes the exclusions of every customer with this address */
  email?: string;
  /** removes this customer's exclusion */
  customer_id?: string | number;
};

export type DeleteCustomerExcludeData = CustomerExclusion;

/** Get Customer Exclusion List */
export type GetCustomerExcludesQuery = {
  /** case-insensitive substring of the address */
  email?: string;
  /** by created_at, then record order (default created-descending) */
  sort_by?: "created-descending" | "created-ascending";
  /** page number, from 1 */
  page?: number;
  /** records per page, 1–100 (default 20) */
  page_size?: number;
};

export type GetCustomerExcludesBody = Record<string, never>;

export type GetCustomerExcludesData = {
  page: {
    page: number;
    page_size: number;
    total_page: number;
    count: number;
  };
  list: CustomerExclusion[];
};

/** Export Customer Data */
export type ExportCustomerDataQuery = {
  /** the person's address */
  email?: string;
  /** the person's customer id */
  customer_id?: string;
};

export type ExportCustomerDataBody = Record<string, never>;

export type ExportCustomerDataData = CustomerDataExport;

/** Erase Customer Data */
export type EraseCustomerDataQuery = Record<string, never>;

export type EraseCustomerDataBody = {
  /** the person's address */
  email?: string;
  /** the person's customer id */
  customer_id?: string | number;
  /** anonymize: keep reviews without their author; delete: remove them */
  mode: "anonymize" | "delete";
};

export type EraseCustomerDataData = CustomerErasure;

/** Get Customer Event List */
export type GetCustomerEventsQuery = {
  /** only this type */
  event_type?: "VIEW_WIDGET" | "VIEW_REVIEW" | "EXPAND_CONTENT" | "SUBMIT_REVIEW" | "CLICK_REVIEW" | "PAGINATION" | "FILTER_REVIEW" | "SORT_REVIEW" | "CLICK_MEDIA" | "CLOSE_VIDEO_POPUP" | "HELPFUL_VOTE" | "OPEN_EMAIL" | "CLICK_EMAIL" | "UNSUBSCRIBE";
  /** only this operating system */
  os_type?: "IOS" | "ANDROID" | "WINDOWS" | "MACOS" | "LINUX" | "OTHER";
  /** only this source */
  event_source?: "STOREFRONT" | "EMAIL" | "ADMIN";
  /** created at or after (Plaudit extension) */
  start_time?: string;
  /** created at or before (Plaudit extension) */
  end_time?: string;
  sort_by?: "created-descending" | "created-ascending";
  /** page number, from 1 */
  page?: number;
  /** records per page, 1–100 (default 20) */
  page_size?: number;
};

export type GetCustomerEventsBody = Record<string, never>;

export type GetCustomerEventsData = {
  page: {
    page: number;
    page_size: number;
    total_page: number;
    count: number;
  };
  list: CustomerEvent[];
};

/** Cancel Platform Authorization */
export type OauthCancelQuery = Record<string, never>;

export type OauthCancelBody = {
  /** the platform to disconnect */
  client_id: string;
};

export type OauthCancelData = {
  shop_id: string;
  client_id: string;
  status: string;
};

/** Get Shop Settings */
export type GetShopSettingsQuery = Record<string, never>;

export type GetShopSettingsBody = Record<string, never>;

export type GetShopSettingsData = {
  /** publish new reviews at once (at or above auto_publish_min_rating) */
  auto_publish: boolean;
  /** lowest rating published automatically, 1 to 5 */
  auto_publish_min_rating: number;
  /** how reviewer names are shown: one of first_initial, full, initials, first_name, anonymous */
  name_format: string;
  show_verified_badge: boolean;
  show_item_type: boolean;
  show_country: boolean;
  /** how review dates are shown: one of mm/dd/yyyy, dd/mm/yyyy, yyyy-mm-dd, relative */
  date_format: string;
  /** language of the widget, hosted pages and e-mails: one of en, de, fr, es, it, nl, pt, pl, sv, da, tr, ja, ko, zh-CN, ar */
  language: string;
  review_form_enabled: boolean;
  photo_upload_enabled: boolean;
  helpful_votes_enabled: boolean;
  /** origins allowed to post storefront forms from a browser, like https://shop.example.com; empty allows any, at most 50 */
  storefront_origins: string[];
  /** days after fulfilment before the review request, 0 to 60 */
  request_delay_days: number;
  reminder_enabled: boolean;
  /** days after the request before the reminder, 1 to 60 */
  reminder_delay_days: number;
  /** sender name of the e-mails, at most 100 characters; empty means the shop's name */
  sender_name: string;
  /** the shop's storefront address, where hosted pages and e-mails link back; empty means https:// and the shop's domain */
  storefront_url: string;
  /** #rrggbb */
  widget_star_color: string;
  /** #rrggbb */
  widget_accent_color: string;
  /** the widget's colour scheme; auto follows the shopper's system setting: one of light, dark, auto */
  widget_theme: string;
  /** refuse HMAC requests signed with version 1 (code 16) */
  require_signature_v2: boolean;
  /** IANA time zone (Europe/Berlin, America/New_York, UTC) in which the console shows times and counts days */
  time_zone: string;
  /** shoppers can ask questions on product pages */
  questions_enabled: boolean;
  /** e-mail the merchant about each new question */
  questions_notify_merchant: boolean;
  /** e-mail recent buyers of the product to answer a new question (each buyer at most once a week) */
  questions_ask_buyers: boolean;
  /** how many recent buyers one question e-mails at most, 1 to 20 */
  questions_buyers_per_question: number;
  /** moderation rules; a change names only the rules it moves */
  moderation: {
    /** swear words and slurs in English, the shop language and blocked_words: one of hold, off */
    profanity: string;
    /** web addresses in the review: one of hold, off */
    links: string;
    /** e-mail addresses and phone numbers in the title or text; mask publishes the review with them replaced: one of hold, mask, off */
    personal_data: string;
    /** text nearly the same as a recent review by the same address or device: one of hold, off */
    near_duplicates: string;
    /** reviews no order verifies: one of hold, off */
    no_order: string;
    /** the shop's own words to hold; at most 200 words of at most 60 characters, matched as whole words, case-insensitive */
    blocked_words: string[];
    /** words the profanity lists hold that this shop uses innocently; at most 200 words of at most 60 characters, matched as whole words, case-insensitive */
    allowed_words: string[];
  };
};

/** Update Shop Settings */
export type UpdateShopSettingsQuery = Record<string, never>;

export type UpdateShopSettingsBody = {
  /** publish new reviews at once (at or above auto_publish_min_rating) */
  auto_publish?: boolean;
  /** lowest rating published automatically, 1 to 5 */
  auto_publish_min_rating?: number;
  /** how reviewer names are shown: one of first_initial, full, initials, first_name, anonymous */
  name_format?: string;
  show_verified_badge?: boolean;
  show_item_type?: boolean;
  show_country?: boolean;
  /** how review dates are shown: one of mm/dd/yyyy, dd/mm/yyyy, yyyy-mm-dd, relative */
  date_format?: string;
  /** language of the widget, hosted pages and e-mails: one of en, de, fr, es, it, nl, pt, pl, sv, da, tr, ja, ko, zh-CN, ar */
  language?: string;
  review_form_enabled?: boolean;
  photo_upload_enabled?: boolean;
  helpful_votes_enabled?: boolean;
  /** origins allowed to post storefront forms from a browser, like https://shop.example.com; empty allows any, at most 50 */
  storefront_origins?: string[];
  /** days after fulfilment before the review request, 0 to 60 */
  request_delay_days?: number;
  reminder_enabled?: boolean;
  /** days after the request before the reminder, 1 to 60 */
  reminder_delay_days?: number;
  /** sender name of the e-mails, at most 100 characters; empty means the shop's name */
  sender_name?: string;
  /** the shop's storefront address, where hosted pages and e-mails link back; empty means https:// and the shop's domain */
  storefront_url?: string;
  /** #rrggbb */
  widget_star_color?: string;
  /** #rrggbb */
  widget_accent_color?: string;
  /** the widget's colour scheme; auto follows the shopper's system setting: one of light, dark, auto */
  widget_theme?: string;
  /** refuse HMAC requests signed with version 1 (code 16) */
  require_signature_v2?: boolean;
  /** IANA time zone (Europe/Berlin, America/New_York, UTC) in which the console shows times and counts days */
  time_zone?: string;
  /** shoppers can ask questions on product pages */
  questions_enabled?: boolean;
  /** e-mail the merchant about each new question */
  questions_notify_merchant?: boolean;
  /** e-mail recent buyers of the product to answer a new question (each buyer at most once a week) */
  questions_ask_buyers?: boolean;
  /** how many recent buyers one question e-mails at most, 1 to 20 */
  questions_buyers_per_question?: number;
  /** moderation rules; a change names only the rules it moves */
  moderation?: {
    /** swear words and slurs in English, the shop language and blocked_words: one of hold, off */
    profanity?: string;
    /** web addresses in the review: one of hold, off */
    links?: string;
    /** e-mail addresses and phone numbers in the title or text; mask publishes the review with them replaced: one of hold, mask, off */
    personal_data?: string;
    /** text nearly the same as a recent review by the same address or device: one of hold, off */
    near_duplicates?: string;
    /** reviews no order verifies: one of hold, off */
    no_order?: string;
    /** the shop's own words to hold; at most 200 words of at most 60 characters, matched as whole words, case-insensitive */
    blocked_words?: string[];
    /** words the profanity lists hold that this shop uses innocently; at most 200 words of at most 60 characters, matched as whole words, case-insensitive */
    allowed_words?: string[];
  };
};

export type UpdateShopSettingsData = {
  /** publish new reviews at once (at or above auto_publish_min_rating) */
  auto_publish: boolean;
  /** lowest rating published automatically, 1 to 5 */
  auto_publish_min_rating: number;
  /** how reviewer names are shown: one of first_initial, full, initials, first_name, anonymous */
  name_format: string;
  show_verified_badge: boolean;
  show_item_type: boolean;
  show_country: boolean;
  /** how review dates are shown: one of mm/dd/yyyy, dd/mm/yyyy, yyyy-mm-dd, relative */
  date_format: string;
  /** language of the widget, hosted pages and e-mails: one of en, de, fr, es, it, nl, pt, pl, sv, da, tr, ja, ko, zh-CN, ar */
  language: string;
  review_form_enabled: boolean;
  photo_upload_enabled: boolean;
  helpful_votes_enabled: boolean;
  /** origins allowed to post storefront forms from a browser, like https://shop.example.com; empty allows any, at most 50 */
  storefront_origins: string[];
  /** days after fulfilment before the review request, 0 to 60 */
  request_delay_days: number;
  reminder_enabled: boolean;
  /** days after the request before the reminder, 1 to 60 */
  reminder_delay_days: number;
  /** sender name of the e-mails, at most 100 characters; empty means the shop's name */
  sender_name: string;
  /** the shop's storefront address, where hosted pages and e-mails link back; empty means https:// and the shop's domain */
  storefront_url: string;
  /** #rrggbb */
  widget_star_color: string;
  /** #rrggbb */
  widget_accent_color: string;
  /** the widget's colour scheme; auto follows the shopper's system setting: one of light, dark, auto */
  widget_theme: string;
  /** refuse HMAC requests signed with version 1 (code 16) */
  require_signature_v2: boolean;
  /** IANA time zone (Europe/Berlin, America/New_York, UTC) in which the console shows times and counts days */
  time_zone: string;
  /** shoppers can ask questions on product pages */
  questions_enabled: boolean;
  /** e-mail the merchant about each new question */
  questions_notify_merchant: boolean;
  /** e-mail recent buyers of the product to answer a new question (each buyer at most once a week) */
  questions_ask_buyers: boolean;
  /** how many recent buyers one question e-mails at most, 1 to 20 */
  questions_buyers_per_question: number;
  /** moderation rules; a change names only the rules it moves */
  moderation: {
    /** swear words and slurs in English, the shop language and blocked_words: one of hold, off */
    profanity: string;
    /** web addresses in the review: one of hold, off */
    links: string;
    /** e-mail addresses and phone numbers in the title or text; mask publishes the review with them replaced: one of hold, mask, off */
    personal_data: string;
    /** text nearly the same as a recent review by the same address or device: one of hold, off */
    near_duplicates: string;
    /** reviews no order verifies: one of hold, off */
    no_order: string;
    /** the shop's own words to hold; at most 200 words of at most 60 characters, matched as whole words, case-insensitive */
    blocked_words: string[];
    /** words the profanity lists hold that this shop uses innocently; at most 200 words of at most 60 characters, matched as whole words, case-insensitive */
    allowed_words: string[];
  };
};

/** Every Open API operation: its method, path, required OAuth scope and wire types. */
export interface Operations {
  get_review: { method: 'GET'; query: GetReviewQuery; body: GetReviewBody; data: GetReviewData };
  get_reviews: { method: 'GET'; query: GetReviewsQuery; body: GetReviewsBody; data: GetReviewsData };
  create_review: { method: 'POST'; query: CreateReviewQuery; body: CreateReviewBody; data: CreateReviewData };
  delete_review: { method: 'POST'; query: DeleteReviewQuery; body: DeleteReviewBody; data: DeleteReviewData };
  update_review: { method: 'POST'; query: UpdateReviewQuery; body: UpdateReviewBody; data: UpdateReviewData };
  get_review_history: { method: 'GET'; query: GetReviewHistoryQuery; body: GetReviewHistoryBody; data: GetReviewHistoryData };
  get_rating: { method: 'GET'; query: GetRatingQuery; body: GetRatingBody; data: GetRatingData };
  get_ratings: { method: 'GET'; query: GetRatingsQuery; body: GetRatingsBody; data: GetRatingsData };
  get_questions: { method: 'GET'; query: GetQuestionsQuery; body: GetQuestionsBody; data: GetQuestionsData };
  get_question: { method: 'GET'; query: GetQuestionQuery; body: GetQuestionBody; data: GetQuestionData };
  create_question: { method: 'POST'; query: CreateQuestionQuery; body: CreateQuestionBody; data: CreateQuestionData };
  update_question: { method: 'POST'; query: UpdateQuestionQuery; body: UpdateQuestionBody; data: UpdateQuestionData };
  delete_question: { method: 'POST'; query: DeleteQuestionQuery; body: DeleteQuestionBody; data: DeleteQuestionData };
  create_answer: { method: 'POST'; query: CreateAnswerQuery; body: CreateAnswerBody; data: CreateAnswerData };
  update_answer: { method: 'POST'; query: UpdateAnswerQuery; body: UpdateAnswerBody; data: UpdateAnswerData };
  delete_answer: { method: 'POST'; query: DeleteAnswerQuery; body: DeleteAnswerBody; data: DeleteAnswerData };
  get_image_upload_policy_token: { method: 'GET'; query: GetImageUploadPolicyTokenQuery; body: GetImageUploadPolicyTokenBody; data: GetImageUploadPolicyTokenData };
  get_video_upload_url: { method: 'GET'; query: GetVideoUploadUrlQuery; body: GetVideoUploadUrlBody; data: GetVideoUploadUrlData };
  create_shop_webhook: { method: 'POST'; query: CreateShopWebhookQuery; body: CreateShopWebhookBody; data: CreateShopWebhookData };
  update_shop_webhook: { method: 'POST'; query: UpdateShopWebhookQuery; body: UpdateShopWebhookBody; data: UpdateShopWebhookData };
  delete_shop_webhook: { method: 'POST'; query: DeleteShopWebhookQuery; body: DeleteShopWebhookBody; data: DeleteShopWebhookData };
  get_shop_webhooks: { method: 'GET'; query: GetShopWebhooksQuery; body: GetShopWebhooksBody; data: GetShopWebhooksData };
  rotate_shop_webhook_secret: { method: 'POST'; query: RotateShopWebhookSecretQuery; body: RotateShopWebhookSecretBody; data: RotateShopWebhookSecretData };
  get_webhook_deliveries: { method: 'GET'; query: GetWebhookDeliveriesQuery; body: GetWebhookDeliveriesBody; data: GetWebhookDeliveriesData };
  replay_webhook_delivery: { method: 'POST'; query: ReplayWebhookDeliveryQuery; body: ReplayWebhookDeliveryBody; data: ReplayWebhookDeliveryData };
  get_orders: { method: 'GET'; query: GetOrdersQuery; body: GetOrdersBody; data: GetOrdersData };
  create_order: { method: 'POST'; query: CreateOrderQuery; body: CreateOrderBody; data: CreateOrderData };
  cancel_order_request: { method: 'POST'; query: CancelOrderRequestQuery; body: CancelOrderRequestBody; data: CancelOrderRequestData };
  email_unsubscribe: { method: 'POST'; query: EmailUnsubscribeQuery; body: EmailUnsubscribeBody; data: EmailUnsubscribeData };
  get_unsubscribes: { method: 'GET'; query: GetUnsubscribesQuery; body: GetUnsubscribesBody; data: GetUnsubscribesData };
  create_customer_exclude: { method: 'POST'; query: CreateCustomerExcludeQuery; body: CreateCustomerExcludeBody; data: CreateCustomerExcludeData };
  delete_customer_exclude: { method: 'POST'; query: DeleteCustomerExcludeQuery; body: DeleteCustomerExcludeBody; data: DeleteCustomerExcludeData };
  get_customer_excludes: { method: 'GET'; query: GetCustomerExcludesQuery; body: GetCustomerExcludesBody; data: GetCustomerExcludesData };
  export_customer_data: { method: 'GET'; query: ExportCustomerDataQuery; body: ExportCustomerDataBody; data: ExportCustomerDataData };
  erase_customer_data: { method: 'POST'; query: EraseCustomerDataQuery; body: EraseCustomerDataBody; data: EraseCustomerDataData };
  get_customer_events: { method: 'GET'; query: GetCustomerEventsQuery; body: GetCustomerEventsBody; data: GetCustomerEventsData };
  "oauth/cancel": { method: 'POST'; query: OauthCancelQuery; body: OauthCancelBody; data: OauthCancelData };
  get_shop_settings: { method: 'GET'; query: GetShopSettingsQuery; body: GetShopSettingsBody; data: GetShopSettingsData };
  update_shop_settings: { method: 'POST'; query: UpdateShopSettingsQuery; body: UpdateShopSettingsBody; data: UpdateShopSettingsData };
}

export type OperationId = keyof Operations;

export const operations = {
  get_review: { method: 'GET', path: '/api/v1/openapi/get_review', scope: 'read_reviews' },
  get_reviews: { method: 'GET', path: '/api/v1/openapi/get_reviews', scope: 'read_reviews' },
  create_review: { method: 'POST', path: '/api/v1/openapi/create_review', scope: 'write_reviews' },
  delete_review: { method: 'POST', path: '/api/v1/openapi/delete_review', scope: 'write_reviews' },
  update_review: { method: 'POST', path: '/api/v1/openapi/update_review', scope: 'write_reviews' },
  get_review_history: { method: 'GET', path: '/api/v1/openapi/get_review_history', scope: 'read_reviews' },
  get_rating: { method: 'GET', path: '/api/v1/openapi/get_rating', scope: 'read_reviews' },
  get_ratings: { method: 'GET', path: '/api/v1/openapi/get_ratings', scope: 'read_reviews' },
  get_questions: { method: 'GET', path: '/api/v1/openapi/get_questions', scope: 'read_questions' },
  get_question: { method: 'GET', path: '/api/v1/openapi/get_question', scope: 'read_questions' },
  create_question: { method: 'POST', path: '/api/v1/openapi/create_question', scope: 'write_questions' },
  update_question: { method: 'POST', path: '/api/v1/openapi/update_question', scope: 'write_questions' },
  delete_question: { method: 'POST', path: '/api/v1/openapi/delete_question', scope: 'write_questions' },
  create_answer: { method: 'POST', path: '/api/v1/openapi/create_answer', scope: 'write_questions' },
  update_answer: { method: 'POST', path: '/api/v1/openapi/update_answer', scope: 'write_questions' },
  delete_answer: { method: 'POST', path: '/api/v1/openapi/delete_answer', scope: 'write_questions' },
  get_image_upload_policy_token: { method: 'GET', path: '/api/v1/openapi/get_image_upload_policy_token', scope: 'write_reviews' },
  get_video_upload_url: { method: 'GET', path: '/api/v1/openapi/get_video_upload_url', scope: 'write_reviews' },
  create_shop_webhook: { method: 'POST', path: '/api/v1/openapi/create_shop_webhook', scope: '' },
  update_shop_webhook: { method: 'POST', path: '/api/v1/openapi/update_shop_webhook', scope: '' },
  delete_shop_webhook: { method: 'POST', path: '/api/v1/openapi/delete_shop_webhook', scope: '' },
  get_shop_webhooks: { method: 'GET', path: '/api/v1/openapi/get_shop_webhooks', scope: '' },
  rotate_shop_webhook_secret: { method: 'POST', path: '/api/v1/openapi/rotate_shop_webhook_secret', scope: '' },
  get_webhook_deliveries: { method: 'GET', path: '/api/v1/openapi/get_webhook_deliveries', scope: '' },
  replay_webhook_delivery: { method: 'POST', path: '/api/v1/openapi/replay_webhook_delivery', scope: '' },
  get_orders: { method: 'GET', path: '/api/v1/openapi/get_orders', scope: 'read_orders' },
  create_order: { method: 'POST', path: '/api/v1/openapi/create_order', scope: 'write_orders' },
  cancel_order_request: { method: 'POST', path: '/api/v1/openapi/cancel_order_request', scope: 'write_orders' },
  email_unsubscribe: { method: 'POST', path: '/api/v1/openapi/email_unsubscribe', scope: 'write_customers' },
  get_unsubscribes: { method: 'GET', path: '/api/v1/openapi/get_unsubscribes', scope: 'read_customers' },
  create_customer_exclude: { method: 'POST', path: '/api/v1/openapi/create_customer_exclude', scope: 'write_customers' },
  delete_customer_exclude: { method: 'POST', path: '/api/v1/openapi/delete_customer_exclude', scope: 'write_customers' },
  get_customer_excludes: { method: 'GET', path: '/api/v1/openapi/get_customer_excludes', scope: 'read_customers' },
  export_customer_data: { method: 'GET', path: '/api/v1/openapi/export_customer_data', scope: 'read_customers' },
  erase_customer_data: { method: 'POST', path: '/api/v1/openapi/erase_customer_data', scope: 'write_customers' },
  get_customer_events: { method: 'GET', path: '/api/v1/openapi/get_customer_events', scope: 'read_customer_events' },
  "oauth/cancel": { method: 'POST', path: '/api/v1/openapi/oauth/cancel', scope: '' },
  get_shop_settings: { method: 'GET', path: '/api/v1/openapi/get_shop_settings', scope: '' },
  update_shop_settings: { method: 'POST', path: '/api/v1/openapi/update_shop_settings', scope: '' },
} as const satisfies Record<OperationId, { method: string; path: string; scope: string }>;
