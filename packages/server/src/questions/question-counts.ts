import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface QuestionCounts {
  /** Published questions with a published answer: what the storefront lists. */
  shown: number;
  /** Every live question, whatever its state. */
  total: number;
}

/**
 * Recounts one product's questions after a change, in the writer's transaction: two counts over
 * one product's rows, so the stored numbers are always what a recount says and never drift,
 * whichever path changed a question (docs/reference/questions.md §2).
 */
export async function recountProductQuestions(db: Kysely<Database>, shopId: string, productId: string): Promise<void> {
  const counted = await db
    .selectFrom('questions')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('status', '=', 'published'), eb('answer_count', '>', 0)])).then(1).else(0).end()).as('shown'),
    ])
    .where('shop_id', '=', shopId)
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const counts = { shown: Number(counted.shown ?? 0), total: Number(counted.total) };
  await db
    .insertInto('question_counts')
    .values({ shop_id: shopId, product_id: productId, ...counts })
    .onConflict((oc) => oc.columns(['shop_id', 'product_id']).doUpdateSet(counts))
    .execute();
}

/** The counts of some products, zero for a product without questions. */
export async function questionCountsOf(db: Kysely<Database>, shopId: string, productIds: readonly string[]): Promise<Map<string, QuestionCounts>> {
  const found = new Map<string, QuestionCounts>(productIds.map((id) => [id, { shown: 0, total: 0 }]));
  if (productIds.length === 0) return found;
  const rows = await db.selectFrom('question_counts').select(['product_id', 'shown', 'total']).where('shop_id', '=', shopId).where('product_id', 'in', [...new Set(productIds)]).execute();
  for (const row of rows) found.set(row.product_id, { shown: Number(row.shown), total: Number(row.total) });
  return found;
}
