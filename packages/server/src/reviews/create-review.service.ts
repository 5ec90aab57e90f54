import type { Insertable, Kysely } from 'kysely';
import { creationFacts, recordHistory } from './review-history.js';
import { recordedActorOf } from '../http/actor.js';
import type { Database, ReviewsTable } from '../db/schema.js';
import type { Actor } from '../http/actor.js';
import { type FieldError, invalidArgument } from '../http/errors.js';
import { parseTimeInput } from '../time/time-format.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { hasMatchingOrder, markOrdersReviewed } from '../orders/review-match.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import { hasProductFields, type ProductRow, upsertAndReadProduct } from '../products/product-repository.js';
import { attachHostedFiles, checkHostedFiles } from '../media/attach-media.js';
import type { MediaStorage } from '../storage/media-storage.js';
import type { MediaUrls } from '../media/media-urls.js';
import { checkHostedMedia, defaultThumbnail, type MediaInput } from '../media/review-media-input.js';
import { presentReview } from './review-presenter.js';
import { insertMedia, insertReview, insertReviewWithProduct, type ReviewRow, type ReviewWithProduct } from './review-repository.js';
import { adjustStats, STORE_PRODUCT_ID } from './review-stats.js';
import { activityOf, recordActivity } from './review-activity.js';
import { newReviewRow } from './new-review-row.js';
import { decisionBy, moderateNewReview } from './review-moderation.js';
import { secondsOf } from '../time/clock.js';
import { WriteBatch } from '../db/write-batch.js';

/**
 * Inserts the review and answers it with its product's title and handle. The usual review names
 * only a product id: the insert then reads the product's record with the new row, one statement,
 * and only the first review of a product without a record writes one, after the review. Given
 * product fields are written first, so the review is answered with them.
 */
async function insertWithProduct(db: Kysely<Database>, shopId: string, input: NewReview, row: Insertable<ReviewsTable>, now: number): Promise<ReviewWithProduct> {
  const withProduct = (stored: ReviewRow, product: ProductRow | undefined): ReviewWithProduct => ({ ...stored, product_title: product?.title ?? null, product_handle: product?.handle ?? null });
  if (input.productId === STORE_PRODUCT_ID) return withProduct(await insertReview(db, row), undefined);
  if (hasProductFields(input.product)) {
    const product = await upsertAndReadProduct(db, shopId, input.productId, input.product, now);
    return withProduct(await insertReview(db, row), product);
  }
  const stored = await insertReviewWithProduct(db, row);
  if (stored.product_title !== null) return stored;
  return withProduct(stored, await upsertAndReadProduct(db, shopId, input.productId, input.product, now));
}

/** A review to create, already checked against the schema and normalised (lower-case e-mail etc.). */
export interface NewReview {
  productId: string;
  rating: number;
  author: string;
  authorEmail: string;
  authorPhone: string;
  authorCountry: string;
  title: string;
  content: string;
  commentedAt: string | number | undefined;
  itemType: string;
  source: string;
  tag: string;
  orderId: string;
  isVerified: 0 | 1;
  isFeatured: 0 | 1;
  isPublished: 0 | 1 | undefined;
  isTop: 0 | 1;
  /** The reviewer received something for the review (disclosed wherever it is shown), and what. */
  isIncentivized: 0 | 1;
  incentive: string;
  reply: { content: string; replyAt: string | number | undefined } | null;
  media: MediaInput[];
  product: { title?: string | undefined; handle?: string | undefined; url?: string | undefined; image?: string | undefined };
}

/** docs/reference/reviews.md §5.2: `commented_at` may not lie more than an hour in the future. */
const FUTURE_TOLERANCE_SECONDS = 3600;

/**
 * The checks of a new review that a schema cannot express: times that parse and do not lie in the
 * future, and hosted media of this shop. Appends problems to `errors`; answers the resolved times.
 */
export function checkNewReview(input: NewReview, shopId: string, mediaUrls: MediaUrls, now: number, errors: FieldError[]): { commentedAt: number; replyAt: number } {
  const commentedAt = input.commentedAt === undefined ? now : parseTimeInput(input.commentedAt);
  if (commentedAt === null) errors.push({ field: 'commented_at', reason: 'must be a valid time' });
  else if (commentedAt > now + FUTURE_TOLERANCE_SECONDS) errors.push({ field: 'commented_at', reason: 'must not be more than one hour in the future' });
  const replyAt = input.reply && input.reply.replyAt !== undefined ? parseTimeInput(input.reply.replyAt) : now;
  if (replyAt === null) errors.push({ field: 'reply.reply_at', reason: 'must be a valid time' });
  checkHostedMedia(input.media, shopId, mediaUrls, errors);
  return { commentedAt: commentedAt ?? now, replyAt: replyAt ?? now };
}

/** Hosted files know their pixel size (docs/reference/reviews.md §4 Media `width`, `height`); external ones are 0. */
function pixelSize(file: { width: number; height: number } | undefined): { width: number; height: number } {
  return { width: file?.width ?? 0, height: file?.height ?? 0 };
}

export interface CreateReviewDeps {
  mediaUrls: MediaUrls;
  storage: MediaStorage;
  nowMs: number;
  /** Whether a verified review matches an order, when the caller has already looked (once is enough). */
  orderMatch?: boolean;
  /** The storefront session that sent a shopper's review: the near-duplicate rule compares with its earlier ones. */
  sessionId?: string;
}

export interface CreatedReview {
  id: number;
  isPublished: 0 | 1;
}

/**
 * Creates a review with every effect of docs/reference/reviews.md §5.5 in the caller's transaction: the row, the
 * product record, the rating statistics, the outbox event and the media items.
 */
export async function createReview(db: Kysely<Database>, actor: Actor, input: NewReview, deps: CreateReviewDeps, preErrors: FieldError[] = []): Promise<CreatedReview> {
  const now = secondsOf(deps.nowMs);
  const errors = [...preErrors];
  const { commentedAt, replyAt } = checkNewReview(input, actor.shopId, deps.mediaUrls, now, errors);
  const files = errors.length > 0 ? new Map() : await checkHostedFiles(db, deps.storage, actor.shopId, input.media, deps.mediaUrls, errors);
  if (errors.length > 0) throw invalidArgument(errors);

  const matching = input.isVerified === 1 && (deps.orderMatch ?? (await hasMatchingOrder(db, actor.shopId, { productId: input.productId, orderId: input.orderId, authorEmail: input.authorEmail })));
  // A caller that states the publication decided it; otherwise the shop's moderation rules decide.
  const moderated =
    input.isPublished !== undefined
      ? { decision: decisionBy(recordedActorOf(actor), input.isPublished, now), title: input.title, content: input.content }
      : await moderateNewReview(
          db,
          actor.shopId,
          { rating: input.rating, author: input.author, title: input.title, content: input.content, verified: input.isVerified === 1, email: input.authorEmail, sessionId: deps.sessionId ?? '' },
          readShopSettings(actor.shop.settings),
          now,
        );
  const isPublished = moderated.decision.status === 'approved' ? 1 : 0;

  const screened = { ...input, title: moderated.title, content: moderated.content };
  const row = await insertWithProduct(db, actor.shopId, input, newReviewRow(actor.shopId, screened, { commentedAt, replyAt, moderation: moderated.decision, hasMatchingOrder: matching, now }), now);
  const id = Number(row.id);
  const media = await insertMedia(
    db,
    input.media.map((item, position) => ({
      shop_id: actor.shopId,
      review_id: id,
      position,
      url: item.url,
      thumbnail_url: defaultThumbnail(item, deps.mediaUrls),
      type: item.type,
      is_published: item.isPublished,
      ...pixelSize(files.get(deps.mediaUrls.keyOf(item.url) ?? '')),
    })),
  );
  await attachHostedFiles(db, actor.shopId, files, id);

  await markOrdersReviewed(db, actor.shopId, { productId: input.productId, orderId: input.orderId, authorEmail: input.authorEmail }, deps.nowMs);

  // The event, the history and the counters depend only on the new row and not on each other: on
  // PostgreSQL they go to the server as one statement (db/write-batch.ts).
  const effects = new WriteBatch(db);
  await appendOutboxEvent(effects, actor.shopId, 'review/created', { list: [presentReview(row, media)] }, deps.nowMs);
  await recordHistory(effects, actor.shopId, recordedActorOf(actor), [{ reviewId: id, action: 'created', changes: creationFacts(row) }], deps.nowMs);
  await recordActivity(effects, actor.shopId, row.commented_at, activityOf(row, 1));
  // Last: the shop-wide statistics row is every new review's, and on PostgreSQL the update holds
  // its lock until the commit; taken at the end, concurrent writers wait for a commit, not for
  // each other's whole transaction.
  await adjustStats(effects, actor.shopId, input.productId, input.rating, isPublished === 1 ? 'published' : 'hidden', 1);
  await effects.send();
  return { id, isPublished };
}
