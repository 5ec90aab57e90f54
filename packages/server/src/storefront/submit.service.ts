import type { AppDeps } from '../http/app-deps.js';
import { recordCustomerEvents } from '../events/customer-events.js';
import type { OsType } from '../events/event-types.js';
import { hmacActor } from '../http/actor.js';
import { ApiError, Code, type FieldError, invalidArgument, notFound } from '../http/errors.js';
import { SUBMIT_LIMITS } from '@plaudit/review-view/submit-limits';
import { MediaUrls } from '../media/media-urls.js';
import { isShopperUpload } from '../media/upload-credentials.js';
import { hasMatchingOrder } from '../orders/review-match.js';
import { findProduct } from '../products/product-repository.js';
import { hasLiveReview } from '../reviews/review-repository.js';
import { createReview } from '../reviews/create-review.service.js';
import { STORE_PRODUCT_ID } from '../reviews/review-stats.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { secondsOf } from '../time/clock.js';

const DUPLICATE_WINDOW_SECONDS = 24 * 3600;
/** What the storefront's forms take as an e-mail address: the review form and the ask form. */
export const SHOPPER_EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** A shopper's review as the widget, the hosted pages or a custom storefront send it (§4). */
export interface Submission {
  productId: string;
  rating: number;
  author: string;
  /** Normalised (lower-case), or '' when a review-request link gives none. */
  email: string;
  title: string;
  content: string;
  itemType: string;
  mediaUrls: string[];
  sessionId: string;
  osType: OsType;
  source: 'Store front' | 'Store link' | 'Email request';
  /** Set when a review-request link vouches for the order (the token was checked by the caller). */
  order?: { orderId: string };
}

/** A form field as trimmed text: strings and numbers (JSON bodies send ids and ratings as either). */
export const fieldText = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** §4 step 3: every problem at once, by field. */
export function checkSubmission(body: Record<string, unknown>, emailRequired: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const rating = body.rating;
  if (!(Number.isInteger(Number(rating)) && Number(rating) >= 1 && Number(rating) <= 5 && fieldText(rating) !== '')) errors.push({ field: 'rating', reason: 'must be an integer from 1 to 5' });
  const lengths: Array<[string, number, number]> = [
    ['author', 1, SUBMIT_LIMITS.author],
    ['title', 0, SUBMIT_LIMITS.title],
    ['content', 1, SUBMIT_LIMITS.content],
    ['item_type', 0, SUBMIT_LIMITS.itemType],
  ];
  for (const [field, min, max] of lengths) {
    const value = fieldText(body[field]);
    if (value.length < min || value.length > max) errors.push({ field, reason: min > 0 ? `must be 1 to ${max} characters` : `must be at most ${max} characters` });
  }
  const email = fieldText(body.email);
  if (emailRequired || email !== '') if (!SHOPPER_EMAIL.test(email) || email.length > SUBMIT_LIMITS.email) errors.push({ field: 'email', reason: 'must be a valid e-mail address' });
  if (fieldText(body.product_id) === '') errors.push({ field: 'product_id', reason: 'is required ("0" for a store review)' });
  const media = body.media_tokens ?? [];
  if (!Array.isArray(media) || media.length > SUBMIT_LIMITS.media || media.some((item) => typeof item !== 'string')) errors.push({ field: 'media_tokens', reason: `must be a list of at most ${SUBMIT_LIMITS.media} upload URLs` });
  return errors;
}

/** A media token is the URL of an upload made with shopper credentials (their folders start with `s_`). */
function checkMediaTokens(urls: readonly string[], shopId: string, mediaUrls: MediaUrls): FieldError[] {
  return urls.flatMap((url, index) => {
    const key = mediaUrls.keyOf(url);
    return key !== undefined && isShopperUpload(key, shopId) ? [] : [{ field: `media_tokens[${index}]`, reason: 'must be the url of a photo uploaded with this shop\'s upload_token in the last 24 hours' }];
  });
}


/**
 * Stores a shopper's review with every effect of §4 in one transaction: the review (published per
 * the shop's rule), its photos, statistics, webhook event, the SUBMIT_REVIEW customer event and
 * the order funnel. Verified by `order` when an order of this e-mail holds the product.
 */
export async function submitReview(deps: AppDeps, shop: ShopRow, submission: Submission): Promise<{ id: number; status: 'published' | 'pending' }> {
  const db = deps.db.kysely;
  const nowMs = deps.clock.now();
  const now = secondsOf(nowMs);
  const mediaUrls = MediaUrls.of(deps.config);
  const mediaErrors = checkMediaTokens(submission.mediaUrls, shop.id, mediaUrls);
  if (mediaErrors.length > 0) throw invalidArgument(mediaErrors);
  if (submission.productId !== STORE_PRODUCT_ID && submission.order === undefined) {
    if ((await findProduct(db, shop.id, submission.productId)) === undefined) throw notFound('product', submission.productId);
  }
  const email = submission.email;
  if (email !== '' && (await hasLiveReview(db, shop.id, { productId: submission.productId, authorEmail: email, createdAfter: now - DUPLICATE_WINDOW_SECONDS }))) {
    throw new ApiError(Code.alreadyExists, 'this e-mail address already reviewed this product in the last 24 hours');
  }

  return db.transaction().execute(async (trx) => {
    const orderId = submission.order?.orderId ?? '';
    // A review link names its order; otherwise an order of the same product and e-mail verifies it.
    const orderMatch = submission.order === undefined ? await hasMatchingOrder(trx, shop.id, { productId: submission.productId, orderId: '', authorEmail: email }) : undefined;
    const verified = submission.order !== undefined || orderMatch === true;
    const { id, isPublished } = await createReview(
      trx,
      { ...hmacActor(shop), recordedAs: { kind: 'shopper', id: '', name: 'Shopper' } },
      {
        productId: submission.productId,
        rating: submission.rating,
        author: submission.author,
        authorEmail: email,
        authorPhone: '',
        authorCountry: '',
        title: submission.title,
        content: submission.content,
        commentedAt: undefined,
        itemType: submission.itemType,
        source: submission.source,
        tag: '',
        orderId,
        isVerified: verified ? 1 : 0,
        isFeatured: 0,
        isPublished: undefined,
        isTop: 0,
        // A shopper's own word is no disclosure: incentives are recorded by the shop.
        isIncentivized: 0,
        incentive: '',
        reply: null,
        media: submission.mediaUrls.map((url, index) => ({ url, thumbnailUrl: undefined, type: 1, isPublished: 1, urlField: `media_tokens[${index}]`, thumbnailField: `media_tokens[${index}]` })),
        product: {},
      },
      { mediaUrls, storage: deps.storage, nowMs, sessionId: submission.sessionId, ...(orderMatch === undefined ? {} : { orderMatch }) },
    );
    const status = isPublished === 1 ? 'published' : 'pending';
    await recordCustomerEvents(
      trx,
      shop.id,
      [{ eventType: 'SUBMIT_REVIEW', eventSource: 'STOREFRONT', osType: submission.osType, sessionId: submission.sessionId, productId: submission.productId, reviewId: id, extra: { rating: submission.rating, status } }],
      nowMs,
    );
    return { id, status };
  });
}
