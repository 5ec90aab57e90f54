import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, ReviewActivityTable } from '../db/schema.js';
import { RepeatedInsert } from '../db/repeated-insert.js';
import type { WriteTarget } from '../db/write-batch.js';

/** Counters of one hour's live reviews (migration 015); every one is a sum over the hour's slots. */
export type ActivityCounts = Pick<ReviewActivityTable, 'reviews' | 'star_1' | 'star_2' | 'star_3' | 'star_4' | 'star_5' | 'with_media' | 'verified'>;

const COUNTERS = ['reviews', 'star_1', 'star_2', 'star_3', 'star_4', 'star_5', 'with_media', 'verified'] as const satisfies ReadonlyArray<keyof ActivityCounts>;
/** As review_stats: a new review takes one of these rows of its hour at random (see the migration). */
const SLOTS = 8;

export const HOUR = 3600;

export function noActivity(): ActivityCounts {
  return { reviews: 0, star_1: 0, star_2: 0, star_3: 0, star_4: 0, star_5: 0, with_media: 0, verified: 0 };
}

/** What one review adds to its hour (sign 1) or takes away from it (sign -1). */
export function activityOf(review: { rating: number; media_count: number; is_verified: number }, sign: 1 | -1): ActivityCounts {
  const counts = noActivity();
  counts.reviews = sign;
  counts[`star_${review.rating}` as 'star_1'] = sign;
  if (review.media_count > 0) counts.with_media = sign;
  if (review.is_verified === 1) counts.verified = sign;
  return counts;
}

export function addActivity(into: ActivityCounts, more: ActivityCounts): void {
  for (const counter of COUNTERS) into[counter] += more[counter];
}

/**
 * Moves the counters of the hour a review is dated in, in the caller's transaction: on creation,
 * deletion and a change of its verified mark. Called last by writers, like adjustStats.
 */
export async function recordActivity(db: WriteTarget, shopId: string, commentedAt: number, counts: ActivityCounts): Promise<void> {
  await upsertHours(db, shopId, new Map([[Math.floor(commentedAt / HOUR), counts]]), Math.floor(Math.random() * SLOTS));
}

/** Bulk form for imports: one statement for every hour a batch of reviews is dated in. */
export async function recordActivityByHour(db: Kysely<Database>, shopId: string, byHour: ReadonlyMap<number, ActivityCounts>): Promise<void> {
  await upsertHours(db, shopId, byHour, 0);
}

/** Every new review moves an hour's counters: the statement is compiled once per row count (RepeatedInsert). */
const hoursUpsert = new RepeatedInsert((db, rows: Array<Insertable<ReviewActivityTable>>) =>
  db
    .insertInto('review_activity')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['shop_id', 'hour', 'slot']).doUpdateSet(Object.fromEntries(COUNTERS.map((counter) => [counter, sql`review_activity.${sql.ref(counter)} + excluded.${sql.ref(counter)}`]))),
    ),
);

async function upsertHours(db: WriteTarget, shopId: string, byHour: ReadonlyMap<number, ActivityCounts>, slot: number): Promise<void> {
  if (byHour.size === 0) return;
  await hoursUpsert.write(db, [...byHour].map(([hour, counts]) => ({ shop_id: shopId, hour, slot, ...counts })));
}

/** The summed counters of every hour in [fromHour, toHour), hour by hour, in order. */
export async function readActivity(db: Kysely<Database>, shopId: string, fromHour: number, toHour: number): Promise<Array<ActivityCounts & { hour: number }>> {
  const rows = await db
    .selectFrom('review_activity')
    .select((eb) => ['hour', ...COUNTERS.map((counter) => eb.fn.sum<number>(counter).as(counter))])
    .where('shop_id', '=', shopId)
    .where('hour', '>=', fromHour)
    .where('hour', '<', toHour)
    .groupBy('hour')
    .orderBy('hour')
    .execute();
  return rows.map((row) => ({ hour: Number(row.hour), ...Object.fromEntries(COUNTERS.map((counter) => [counter, Number((row as Record<string, unknown>)[counter])])) }) as ActivityCounts & { hour: number });
}

/**
 * One product's published reviews in [from, to), counted per `bucketSeconds` from `from` with the
 * sum of their ratings. Read from the product's storefront index (published, live), whose entries
 * hold the rating and the date: no review row is read.
 */
export async function productTrend(db: Kysely<Database>, shopId: string, productId: string, from: number, to: number, bucketSeconds: number): Promise<Array<{ bucket: number; reviews: number; ratingSum: number }>> {
  // Cast: SQLite may bind the numbers as reals, and a real quotient would be a group per review.
  const bucket = sql<number>`cast((commented_at - ${from}) / ${bucketSeconds} as integer)`;
  const rows = await db
    .selectFrom('reviews')
    .select((eb) => [bucket.as('bucket'), eb.fn.countAll<number>().as('reviews'), eb.fn.sum<number>('rating').as('rating_sum')])
    .where('shop_id', '=', shopId)
    .where('product_id', '=', productId)
    .where('is_published', '=', 1)
    .where('deleted_at', 'is', null)
    .where('commented_at', '>=', from)
    .where('commented_at', '<', to)
    // By position: PostgreSQL would see the bucket expression of the group-by as a different one (its own parameters).
    .groupBy(sql`1`)
    .execute();
  return rows.map((row) => ({ bucket: Number(row.bucket), reviews: Number(row.reviews), ratingSum: Number(row.rating_sum) }));
}
