import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface ProductFields {
  title?: string | undefined;
  handle?: string | undefined;
  url?: string | undefined;
  image?: string | undefined;
  /** Product identifiers (orders and imports know them; the Google feed publishes them). */
  sku?: string | undefined;
  gtin?: string | undefined;
  mpn?: string | undefined;
  brand?: string | undefined;
}

/**
 * Creates the product record the first time an id is used, and fills the given fields
 * (reviews.md §1). Fields not given keep their stored value.
 */
export async function upsertProduct(db: Kysely<Database>, shopId: string, productId: string, fields: ProductFields, now: number): Promise<void> {
  // Empty values never overwrite what is known (collection.md §4: non-empty values update the record).
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string>;
  await db
    .insertInto('products')
    .values({ shop_id: shopId, product_id: productId, title: '', handle: '', url: '', image: '', sku: '', gtin: '', mpn: '', brand: '', ...given, created_at: now, updated_at: now })
    .onConflict((oc) =>
      Object.keys(given).length === 0
        ? oc.columns(['shop_id', 'product_id']).doNothing()
        : oc.columns(['shop_id', 'product_id']).doUpdateSet({ ...given, updated_at: now }),
    )
    .execute();
}

export async function findProductIdsByHandle(db: Kysely<Database>, shopId: string, handle: string): Promise<string[]> {
  const rows = await db.selectFrom('products').select('product_id').where('shop_id', '=', shopId).where('handle', '=', handle).orderBy('product_id').execute();
  return rows.map((row) => row.product_id);
}
