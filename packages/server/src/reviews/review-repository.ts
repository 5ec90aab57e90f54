import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, ReviewMediaTable, ReviewsTable } from '../db/schema.js';
import { RepeatedInsert } from '../db/repeated-insert.js';

export type ReviewRow = Selectable<ReviewsTable>;
export type MediaRow = Selectable<ReviewMediaTable>;

/** A review row with the product record fields the Review object shows. */
export type ReviewWithProduct = ReviewRow & { product_title: string | null; product_handle: string | null };

/** Every query here takes the shop id first: there is no way to reach a review without one. */
export function reviewsOfShop(db: Kysely<Database>, shopId: string) {
  return db
    .selectFrom('reviews')
    .leftJoin('products', (join) => join.onRef('products.shop_id', '=', 'reviews.shop_id').onRef('products.product_id', '=', 'reviews.product_id'))
    .selectAll('reviews')
    .select(['products.title as product_title', 'products.handle as product_handle'])
    .where('reviews.shop_id', '=', shopId);
}

export async function findLiveReview(db: Kysely<Database>, shopId: string, id: number): Promise<ReviewWithProduct | undefined> {
  return reviewsOfShop(db, shopId).where('reviews.id', '=', id).where('reviews.deleted_at', 'is', null).executeTakeFirst();
}

/** Which of these ids are reviews of the shop that shoppers can see (published, not deleted). */
export async function visibleReviewIdsAmong(db: Kysely<Database>, shopId: string, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('reviews')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('id', 'in', [...new Set(ids)])
    .where('is_published', '=', 1)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => Number(row.id)));
}

/** created_at of each of these ids that is a review of the shop, deleted or not. */
export async function creationTimesOf(db: Kysely<Database>, shopId: string, ids: readonly number[]): Promise<Map<number, number>> {
  const times = new Map<number, number>();
  if (ids.length === 0) return times;
  const rows = await db.selectFrom('reviews').select(['id', 'created_at']).where('shop_id', '=', shopId).where('id', 'in', [...new Set(ids)]).execute();
  for (const row of rows) times.set(Number(row.id), Number(row.created_at));
  return times;
}

const reviewInsert = new RepeatedInsert((db, rows: Array<Insertable<ReviewsTable>>) => db.insertInto('reviews').values(rows).returningAll());

/**
 * Inserts a review and answers the row as stored, defaults included, without reading it again.
 * Every new review passes here: the statement is compiled once (RepeatedInsert).
 */
export async function insertReview(db: Kysely<Database>, row: Insertable<ReviewsTable>): Promise<ReviewRow> {
  const [stored] = await reviewInsert.execute(db, [row]);
  if (stored === undefined) throw new Error('the database returned no row for the inserted review');
  return stored;
}

const reviewInsertWithProduct = new RepeatedInsert((db, rows: Array<Insertable<ReviewsTable>>) =>
  db
    .insertInto('reviews')
    .values(rows)
    .returningAll()
    .returning((eb) => [
      eb.selectFrom('products').select('title').whereRef('products.shop_id', '=', 'reviews.shop_id').whereRef('products.product_id', '=', 'reviews.product_id').as('product_title'),
      eb.selectFrom('products').select('handle').whereRef('products.shop_id', '=', 'reviews.shop_id').whereRef('products.product_id', '=', 'reviews.product_id').as('product_handle'),
    ]),
);

/**
 * insertReview, and the title and handle of the review's product as its record stands (null when
 * the product has no record yet), read by the same statement: on PostgreSQL that saves the round
 * trip of reading the product first.
 */
export async function insertReviewWithProduct(db: Kysely<Database>, row: Insertable<ReviewsTable>): Promise<ReviewWithProduct> {
  const [stored] = await reviewInsertWithProduct.execute(db, [row]);
  if (stored === undefined) throw new Error('the database returned no row for the inserted review');
  return stored as ReviewWithProduct;
}

/** Inserts media items and answers them as stored, in their review's order. */
export async function insertMedia(db: Kysely<Database>, rows: Insertable<ReviewMediaTable>[]): Promise<MediaRow[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('review_media').values(rows).returningAll().execute();
  return inserted.sort((a, b) => a.position - b.position);
}

export async function updateReview(db: Kysely<Database>, shopId: string, id: number, changes: Updateable<ReviewsTable>): Promise<void> {
  await db.updateTable('reviews').set(changes).where('shop_id', '=', shopId).where('id', '=', id).execute();
}

export async function mediaOfReviews(db: Kysely<Database>, shopId: string, reviewIds: readonly number[]): Promise<Map<number, MediaRow[]>> {
  const byReview = new Map<number, MediaRow[]>();
  if (reviewIds.length === 0) return byReview;
  const rows = await db
    .selectFrom('review_media')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('review_id', 'in', [...reviewIds])
    .orderBy('review_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const reviewId = Number(row.review_id);
    const list = byReview.get(reviewId) ?? [];
    list.push(row);
    byReview.set(reviewId, list);
  }
  return byReview;
}

/**
 * Whether the shop has a live (not deleted) review of the product matching every criterion given:
 * from an order through a channel (a review link used twice), or by an e-mail address since a time
 * (the storefront's 24-hour duplicate rule).
 */
export async function hasLiveReview(
  db: Kysely<Database>,
  shopId: string,
  match: { productId: string; orderId?: string; source?: string; authorEmail?: string; createdAfter?: number },
): Promise<boolean> {
  let query = db.selectFrom('reviews').select('id').where('shop_id', '=', shopId).where('product_id', '=', match.productId).where('deleted_at', 'is', null);
  if (match.orderId !== undefined) query = query.where('order_id', '=', match.orderId);
  if (match.source !== undefined) query = query.where('source', '=', match.source);
  if (match.authorEmail !== undefined) query = query.where('author_email', '=', match.authorEmail);
  if (match.createdAfter !== undefined) query = query.where('created_at', '>', match.createdAfter);
  return (await query.executeTakeFirst()) !== undefined;
}
