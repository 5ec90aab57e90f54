import type { Insertable, Kysely } from 'kysely';
import { RepeatedInsert } from '../db/repeated-insert.js';
import { piecesOf, rowsPerStatement } from '../db/statement-size.js';
import type { Database, ReviewsTable } from '../db/schema.js';
import type { NewReview } from '../reviews/create-review.service.js';
import { upsertProduct } from '../products/product-repository.js';
import type { MediaUrls } from '../media/media-urls.js';
import { defaultThumbnail } from '../media/review-media-input.js';
import { presentReview } from '../reviews/review-presenter.js';
import { creationTimesOf, type MediaRow, type ReviewWithProduct } from '../reviews/review-repository.js';
import { type ActivityCounts, activityOf, addActivity, HOUR, noActivity, recordActivityByHour } from '../reviews/review-activity.js';
import { applyStatsDeltas, countInto, emptyStatsDelta, STORE_PRODUCT_ID, type StatsDelta } from '../reviews/review-stats.js';
import { newReviewRow } from '../reviews/new-review-row.js';
import { importedReviewDecision } from '../reviews/review-moderation.js';
import { creationFacts, recordHistory } from '../reviews/review-history.js';
import type { RecordedActor } from '../http/actor.js';
import type { ShopRow } from '../shops/shop-repository.js';
import type { PlauditProvenance } from './csv-formats.js';
import { readShopSettings, type ShopSettings } from '../shops/shop-settings.js';
import { hasActiveSubscription } from '../webhooks/active-subscriptions.js';
import { appendOutboxEventJson } from '../outbox/outbox.js';
import { secondsOf } from '../time/clock.js';

/** Imported reviews were created by the import, on the merchant's or operator's behalf. */
const IMPORT: RecordedActor = { kind: 'import', id: 'csv', name: 'CSV import' };

export interface PreparedReview {
  input: NewReview;
  commentedAt: number;
  replyAt: number;
  externalId: string;
  /** Where a row of Plaudit's own export came from (csv-formats.ts). */
  provenance?: PlauditProvenance;
}

/** A webhook body stays under 256 KB (docs/reference/webhooks.md §3): events carry at most this much review JSON. */
const MAX_EVENT_PAYLOAD_BYTES = 200_000;

function reviewRow(shop: ShopRow, item: PreparedReview, source: string, now: number, settings: ShopSettings): Insertable<ReviewsTable> {
  const moderation = importedReviewDecision(item.input.isPublished, item.input.rating, settings, IMPORT, now);
  // Orders arrive with the collection module; until then no imported review matches one.
  const row = newReviewRow(shop.id, item.input, { commentedAt: item.commentedAt, replyAt: item.replyAt, moderation, hasMatchingOrder: false, now });
  // Set on the row rather than spread into a copy: this runs once per imported review.
  row.external_source = source;
  row.external_id = item.externalId;
  // A review moved between Plaudit shops keeps the moment it was first written.
  if (item.provenance) row.created_at = item.provenance.createdAt;
  return row;
}

type ReviewInsertRow = Insertable<ReviewsTable>;

/** A batch's reviews that were new, with the ids the database gave them. */
interface WrittenReview {
  id: number;
  item: PreparedReview;
  row: ReviewInsertRow;
}

/**
 * Writes an import's batches of reviews, each in the caller's transaction: rows already imported
 * (same source and original id) are skipped by the unique index, statistics move once per batch,
 * and, when someone subscribes to them, review/created events carry the new reviews in lists of
 * bounded size. One writer serves one import: it remembers the products it has written.
 */
export class ImportedBatchWriter {
  /** Product id → the product fields last written, so a product is written once, or when it changes. */
  readonly #knownProducts = new Map<string, string>();
  readonly #insertReviews = new RepeatedInsert((db, rows: ReviewInsertRow[]) =>
    db.insertInto('reviews').values(rows).onConflict((oc) => oc.columns(['shop_id', 'external_source', 'external_id']).doNothing()).returning(['id', 'external_id']),
  );

  constructor(
    private readonly shop: ShopRow,
    private readonly source: string,
    private readonly mediaUrls: MediaUrls,
  ) {}

  async write(db: Kysely<Database>, items: readonly PreparedReview[], nowMs: number): Promise<{ inserted: number; skipped: number }> {
    const now = secondsOf(nowMs);
    const others = await this.#withoutOwnReviews(db, items);
    await this.#writeProducts(db, others, now);
    const written = await this.#insertNew(db, others, now);
    const mediaByReview = await this.#insertMedia(db, written);
    await recordHistory(db, this.shop.id, IMPORT, written.map(({ id, row }) => ({ reviewId: id, action: 'created' as const, changes: creationFacts(row, this.source) })), nowMs);
    await applyStatsDeltas(db, this.shop.id, statsDeltas(written));
    await recordActivityByHour(db, this.shop.id, activityByHour(written));
    // Events nobody is subscribed to are not built: a million-row import would otherwise write its
    // whole content a second time into the outbox. Asked per batch, so a subscription made during
    // the import receives the rest.
    if (await hasActiveSubscription(db, this.shop.id, 'review/created')) await this.#announce(db, written, mediaByReview, nowMs);
    return { inserted: written.length, skipped: items.length - written.length };
  }

  /**
   * Drops rows of Plaudit's own export that are already reviews of this shop: the same id, and
   * either the export names this shop or (an export made before it named one) the same created_at.
   * Re-importing a shop's own export is then a no-op, however its rows were first written.
   */
  async #withoutOwnReviews(db: Kysely<Database>, items: readonly PreparedReview[]): Promise<readonly PreparedReview[]> {
    const claims = items.filter((item) => item.provenance !== undefined && (item.provenance.shopId === undefined || item.provenance.shopId === this.shop.id));
    if (claims.length === 0) return items;
    const existing = await creationTimesOf(db, this.shop.id, claims.map((item) => item.provenance!.reviewId));
    const isOwn = ({ provenance }: PreparedReview) =>
      provenance !== undefined && existing.has(provenance.reviewId) && (provenance.shopId === this.shop.id || existing.get(provenance.reviewId) === provenance.createdAt);
    return items.filter((item) => !isOwn(item));
  }

  async #writeProducts(db: Kysely<Database>, items: readonly PreparedReview[], now: number): Promise<void> {
    for (const { input } of items) {
      if (input.productId === STORE_PRODUCT_ID) continue;
      const signature = JSON.stringify(input.product);
      if (this.#knownProducts.get(input.productId) === signature) continue;
      await upsertProduct(db, this.shop.id, input.productId, input.product, now);
      this.#knownProducts.set(input.productId, signature);
    }
  }

  async #insertNew(db: Kysely<Database>, items: readonly PreparedReview[], now: number): Promise<WrittenReview[]> {
    const settings = readShopSettings(this.shop.settings);
    const pending = inStorefrontOrder(items.map((item) => ({ item, row: reviewRow(this.shop, item, this.source, now, settings) })));
    const rows = pending.map(({ row }) => row);
    const idByExternal = new Map<string, number>();
    for (const piece of piecesOf(rows, rowsPerStatement(Object.keys(rows[0] ?? {}).length))) {
      for (const inserted of await this.#insertReviews.execute(db, piece)) idByExternal.set(inserted.external_id as string, Number(inserted.id));
    }
    return pending.flatMap(({ item, row }) => {
      const id = idByExternal.get(item.externalId);
      return id === undefined ? [] : [{ id, item, row }];
    });
  }

  async #insertMedia(db: Kysely<Database>, written: readonly WrittenReview[]): Promise<Map<number, MediaRow[]>> {
    const media = written.flatMap(({ id, item }) =>
      item.input.media.map((m, position) => ({
        shop_id: this.shop.id, review_id: id, position, url: m.url, thumbnail_url: defaultThumbnail(m, this.mediaUrls), type: m.type, is_published: m.isPublished, width: 0, height: 0,
      })),
    );
    const byReview = new Map<number, MediaRow[]>();
    if (media.length === 0) return byReview;
    for (const piece of piecesOf(media, rowsPerStatement(Object.keys(media[0]!).length))) {
      for (const row of await db.insertInto('review_media').values(piece).returningAll().execute()) {
        const id = Number(row.review_id);
        byReview.set(id, [...(byReview.get(id) ?? []), row]);
      }
    }
    return byReview;
  }

  async #announce(db: Kysely<Database>, written: readonly WrittenReview[], mediaByReview: Map<number, MediaRow[]>, nowMs: number): Promise<void> {
    let list: string[] = [];
    let size = 0;
    const emit = () => appendOutboxEventJson(db, this.shop.id, 'review/created', `{"list":[${list.join(',')}]}`, nowMs);
    for (const { id, item, row } of written) {
      const stored = { ...row, id, helpful_count: 0, product_title: item.input.product.title ?? '', product_handle: item.input.product.handle ?? '' } as ReviewWithProduct;
      const review = JSON.stringify(presentReview(stored, (mediaByReview.get(id) ?? []).sort((a, b) => a.position - b.position)));
      if (list.length > 0 && size + review.length > MAX_EVENT_PAYLOAD_BYTES) {
        await emit();
        list = [];
        size = 0;
      }
      list.push(review);
      size += review.length;
    }
    if (list.length > 0) await emit();
  }
}

/**
 * A batch's reviews in the order of the storefront's per-product indexes (product, rank, date;
 * migration 014), stable, so reviews of one product and moment keep the file's order. An export lists
 * reviews by date or at random, so in file order each new entry lands on another page of those
 * indexes, which grow with the shop and no longer fit SQLite's page cache: each insert then reads
 * a page and evicts one. In this order a batch walks each product's pages once. A million-row
 * import ran about 1.5× faster (`npm run bench:import`).
 */
function inStorefrontOrder<T extends { row: ReviewInsertRow }>(pending: T[]): T[] {
  return pending.sort(({ row: a }, { row: b }) =>
    a.product_id < b.product_id ? -1 : a.product_id > b.product_id ? 1 : a.storefront_rank - b.storefront_rank || a.commented_at - b.commented_at,
  );
}

function activityByHour(written: readonly WrittenReview[]): Map<number, ActivityCounts> {
  const byHour = new Map<number, ActivityCounts>();
  for (const { row } of written) {
    const hour = Math.floor(row.commented_at / HOUR);
    const counts = byHour.get(hour) ?? noActivity();
    addActivity(counts, activityOf(row, 1));
    byHour.set(hour, counts);
  }
  return byHour;
}

function statsDeltas(written: readonly WrittenReview[]): Map<string, StatsDelta> {
  const deltas = new Map<string, StatsDelta>();
  for (const { row } of written) {
    const delta = deltas.get(row.product_id) ?? emptyStatsDelta();
    countInto(delta, row.is_published === 1 ? 'published' : 'hidden', row.rating);
    deltas.set(row.product_id, delta);
  }
  return deltas;
}
