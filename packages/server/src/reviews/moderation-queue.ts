import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ReviewWithProduct } from './review-repository.js';
import { reviewsOfShop } from './review-repository.js';

/**
 * The held half of the console's moderation queue (docs/console.md): reviews the rules held. The
 * reported half is review-reports.ts's.
 */
export async function heldReviews(db: Kysely<Database>, shopId: string, page: { limit: number; offset: number }): Promise<{ rows: ReviewWithProduct[]; count: number }> {
  const held = reviewsOfShop(db, shopId).where('reviews.moderation_status', '=', 'held').where('reviews.deleted_at', 'is', null);
  const rows = await held.orderBy('reviews.id', 'desc').limit(page.limit).offset(page.offset).execute();
  return { rows: rows as ReviewWithProduct[], count: await countHeldReviews(db, shopId) };
}

/** How many reviews wait for the merchant: the console's home shows it. */
export async function countHeldReviews(db: Kysely<Database>, shopId: string): Promise<number> {
  const counted = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('shop_id', '=', shopId)
    .where('moderation_status', '=', 'held')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}
