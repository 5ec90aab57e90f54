import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, ReviewStatsTable } from '../db/schema.js';
import { RepeatedInsert } from '../db/repeated-insert.js';
import type { WriteTarget } from '../db/write-batch.js';
import type { StarCounts } from './rating-value.js';

/** Whether a live review counts towards ratings (published) or only towards listings (hidden). */
export type StatsBucket = 'published' | 'hidden';
type CountColumn = `${StatsBucket}_${1 | 2 | 3 | 4 | 5}`;

export const STORE_PRODUCT_ID = '0';

interface StatsKey {
  scope: ReviewStatsTable['scope'];
  product_id: string;
}

/**
 * The all-products count is every product review's, so on PostgreSQL its row lock would make
 * concurrent writers of one shop wait for each other's commit. It is kept in this many rows
 * instead, one picked at random per write, and read as their sum (`readStatsRows`); bulk writes use
 * the first, whose product_id is "".
 */
const SHOP_WIDE_SLOTS = 8;

function shopWideSlot(): string {
  const slot = Math.floor(Math.random() * SHOP_WIDE_SLOTS);
  return slot === 0 ? '' : `#${slot}`;
}

/** A review counts in its product's row and, unless it is a store review, in an all-products row. */
function rowsFor(productId: string): StatsKey[] {
  const own: StatsKey = { scope: 'product', product_id: productId };
  return productId === STORE_PRODUCT_ID ? [own] : [own, { scope: 'all_products', product_id: shopWideSlot() }];
}

const zeroCounts = {
  published_1: 0, published_2: 0, published_3: 0, published_4: 0, published_5: 0,
  hidden_1: 0, hidden_2: 0, hidden_3: 0, hidden_4: 0, hidden_5: 0,
};

/**
 * Moves one review in or out of a bucket, in the caller's transaction (docs/reference/reviews.md §8: maintained
 * incrementally, never recomputed by scanning). The increment is done by the database, so two
 * concurrent writers on PostgreSQL cannot lose an update.
 */
export async function adjustStats(db: WriteTarget, shopId: string, productId: string, rating: number, bucket: StatsBucket, delta: number): Promise<void> {
  const column = `${bucket}_${rating}` as CountColumn;
  // Both rows in one statement: each moves by the same delta in the same column. A new row starts
  // at the delta, even a negative one: an all-products slot may first be picked by a decrement,
  // and only the sum of the slots is a count.
  await statsUpserts.get(column)!.write(db, rowsFor(productId).map((key) => ({ shop_id: shopId, ...key, ...zeroCounts, [column]: delta })));
}

export type StatsRow = Pick<ReviewStatsTable, CountColumn>;

export interface StatsSelector {
  scope: ReviewStatsTable['scope'];
  productIds: readonly string[];
}

/**
 * Reads the rows of a selector (at most as many rows as product ids), missing rows as zeros. The
 * all-products scope answers under product id "" the sum of its rows (see SHOP_WIDE_SLOTS).
 */
export async function readStatsRows(db: Kysely<Database>, shopId: string, selector: StatsSelector): Promise<Map<string, StatsRow>> {
  if (selector.productIds.length === 0) return new Map();
  let query = db.selectFrom('review_stats').selectAll().where('shop_id', '=', shopId).where('scope', '=', selector.scope);
  if (selector.scope === 'all_products') {
    const total: StatsRow = emptyStatsDelta();
    for (const row of await query.execute()) for (const column of COUNT_COLUMNS) total[column] += Number(row[column]);
    return new Map([['', total]]);
  }
  query = query.where('product_id', 'in', [...selector.productIds]);
  return new Map((await query.execute()).map((row) => [row.product_id, row]));
}

export function starsOf(row: StatsRow | undefined, bucket: StatsBucket): StarCounts {
  if (row === undefined) return [0, 0, 0, 0, 0];
  return [row[`${bucket}_1`], row[`${bucket}_2`], row[`${bucket}_3`], row[`${bucket}_4`], row[`${bucket}_5`]].map(Number) as unknown as StarCounts;
}

export function addStars(a: StarCounts, b: StarCounts): StarCounts {
  return a.map((n, i) => n + (b[i] as number)) as unknown as StarCounts;
}

const COUNT_COLUMNS: readonly CountColumn[] = (['published', 'hidden'] as const).flatMap((bucket) => ([1, 2, 3, 4, 5] as const).map((star) => `${bucket}_${star}` as CountColumn));

/**
 * adjustStats' statement for each column, compiled once (RepeatedInsert): every new review runs
 * one. The inserted row carries the delta in that column, so a row already there adds `excluded`'s.
 */
const statsUpserts = new Map(
  COUNT_COLUMNS.map((column) => [
    column,
    new RepeatedInsert((db, rows: Array<Insertable<ReviewStatsTable>>) =>
      db.insertInto('review_stats').values(rows).onConflict((oc) => oc.columns(['shop_id', 'scope', 'product_id']).doUpdateSet({ [column]: sql`review_stats.${sql.ref(column)} + excluded.${sql.ref(column)}` })),
    ),
  ]),
);

/** Ten counters (published 1–5, hidden 1–5) to add to one statistics row. */
export type StatsDelta = Record<CountColumn, number>;

export function emptyStatsDelta(): StatsDelta {
  return Object.fromEntries(COUNT_COLUMNS.map((column) => [column, 0])) as StatsDelta;
}

export function countInto(delta: StatsDelta, bucket: StatsBucket, rating: number, count = 1): void {
  delta[`${bucket}_${rating}` as CountColumn] += count;
}

/**
 * Bulk form of adjustStats for many reviews at once (imports): every statistics row the batch
 * touches, the all-products row included, moves in one statement (`excluded` holds each row's delta).
 */
export async function applyStatsDeltas(db: Kysely<Database>, shopId: string, byProduct: ReadonlyMap<string, StatsDelta>): Promise<void> {
  const allProducts = emptyStatsDelta();
  const rows: Array<StatsKey & StatsDelta & { shop_id: string }> = [];
  for (const [productId, delta] of byProduct) {
    rows.push({ shop_id: shopId, scope: 'product', product_id: productId, ...delta });
    if (productId !== STORE_PRODUCT_ID) for (const column of COUNT_COLUMNS) allProducts[column] += delta[column];
  }
  if (COUNT_COLUMNS.some((column) => allProducts[column] !== 0)) rows.push({ shop_id: shopId, scope: 'all_products', product_id: '', ...allProducts });
  if (rows.length === 0) return;
  await db
    .insertInto('review_stats')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['shop_id', 'scope', 'product_id']).doUpdateSet(Object.fromEntries(COUNT_COLUMNS.map((column) => [column, sql`review_stats.${sql.ref(column)} + excluded.${sql.ref(column)}`]))),
    )
    .execute();
}

/** A product's published reviews in the maintained statistics: how many, and their average. */
export interface ProductStanding {
  productId: string;
  count: number;
  average: number;
}

const publishedCount = sql<number>`(published_1 + published_2 + published_3 + published_4 + published_5)`;
const publishedAverage = sql<number>`(1.0 * (published_1 + 2 * published_2 + 3 * published_3 + 4 * published_4 + 5 * published_5) / (published_1 + published_2 + published_3 + published_4 + published_5))`;

/**
 * Products ranked from the maintained statistics (one row per product, never the reviews):
 * best or worst average among products with at least `minimum` published reviews, or most reviewed.
 */
export async function rankedProducts(db: Kysely<Database>, shopId: string, order: 'best' | 'worst' | 'most', limit: number, minimum = 1, offset = 0): Promise<ProductStanding[]> {
  let query = db
    .selectFrom('review_stats')
    .select(['product_id', publishedCount.as('count'), publishedAverage.as('average')])
    .where('shop_id', '=', shopId)
    .where('scope', '=', 'product')
    .where('product_id', '!=', STORE_PRODUCT_ID)
    .where(publishedCount, '>=', Math.max(1, minimum));
  query = order === 'most' ? query.orderBy(publishedCount, 'desc').orderBy(publishedAverage, 'desc') : query.orderBy(publishedAverage, order === 'best' ? 'desc' : 'asc').orderBy(publishedCount, 'desc');
  const rows = await query.orderBy('product_id').limit(limit).offset(offset).execute();
  return rows.map((row) => ({ productId: row.product_id, count: Number(row.count), average: Number(row.average) }));
}

/** The shop's hidden reviews (live, unpublished), by star, from the per-product statistics: the moderation queue. */
export async function hiddenStarCounts(db: Kysely<Database>, shopId: string): Promise<StarCounts> {
  const sumOf = (column: `hidden_${1 | 2 | 3 | 4 | 5}`) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)`.as(column);
  const sums = await db
    .selectFrom('review_stats')
    .select([sumOf('hidden_1'), sumOf('hidden_2'), sumOf('hidden_3'), sumOf('hidden_4'), sumOf('hidden_5')])
    .where('shop_id', '=', shopId)
    .where('scope', '=', 'product')
    .executeTakeFirstOrThrow();
  return starsOf({ ...emptyStatsDelta(), ...sums }, 'hidden');
}

/** One product's statistics row, published and hidden stars (zeros for a product without reviews). */
export async function productStats(db: Kysely<Database>, shopId: string, productId: string): Promise<{ published: StarCounts; hidden: StarCounts }> {
  const row = (await readStatsRows(db, shopId, { scope: 'product', productIds: [productId] })).get(productId);
  return { published: starsOf(row, 'published'), hidden: starsOf(row, 'hidden') };
}

/** How many products have at least one published review. */
export async function countReviewedProducts(db: Kysely<Database>, shopId: string): Promise<number> {
  const row = await db
    .selectFrom('review_stats')
    .select((eb) => eb.fn.countAll<number>().as('products'))
    .where('shop_id', '=', shopId)
    .where('scope', '=', 'product')
    .where('product_id', '!=', STORE_PRODUCT_ID)
    .where(publishedCount, '>', 0)
    .executeTakeFirstOrThrow();
  return Number(row.products);
}
