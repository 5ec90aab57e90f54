import type { Kysely, Selectable } from 'kysely';
import type { Database, ProductsTable } from '../db/schema.js';
import { deleteShopRows } from '../db/shop-rows.js';

export type ProductRow = Selectable<ProductsTable>;

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
 * (docs/reference/reviews.md §1). Fields not given keep their stored value.
 */
export async function upsertProduct(db: Kysely<Database>, shopId: string, productId: string, fields: ProductFields, now: number): Promise<void> {
  await upsertStatement(db, shopId, productId, givenFields(fields), now).execute();
}

/**
 * upsertProduct, and the record as it is afterwards, in one statement: a new review that names
 * only a product id reads the record with its own insert (insertReviewWithProduct) and comes here
 * when there is none yet; one that gives fields writes them here before its insert.
 */
export async function upsertAndReadProduct(db: Kysely<Database>, shopId: string, productId: string, fields: ProductFields, now: number): Promise<ProductRow | undefined> {
  // Nothing given and a record there (a concurrent first review wrote it), or another transaction
  // created the product in between: nothing comes back. The conflict waited for that transaction to
  // commit, so a new read finds the record.
  return (await upsertStatement(db, shopId, productId, givenFields(fields), now).returningAll().executeTakeFirst()) ?? (await findProduct(db, shopId, productId));
}

/** Whether `fields` would change a product's record: the usual new review gives none. */
export function hasProductFields(fields: ProductFields): boolean {
  return Object.keys(givenFields(fields)).length > 0;
}

/** Empty values never overwrite what is known (docs/reference/collection.md §4: non-empty values update the record). */
function givenFields(fields: ProductFields): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string>;
}

function upsertStatement(db: Kysely<Database>, shopId: string, productId: string, given: Record<string, string>, now: number) {
  return db
    .insertInto('products')
    .values({ shop_id: shopId, product_id: productId, title: '', handle: '', url: '', image: '', sku: '', gtin: '', mpn: '', brand: '', ...given, created_at: now, updated_at: now })
    .onConflict((oc) =>
      Object.keys(given).length === 0
        ? oc.columns(['shop_id', 'product_id']).doNothing()
        : oc.columns(['shop_id', 'product_id']).doUpdateSet({ ...given, updated_at: now }),
    );
}

export async function findProductIdsByHandle(db: Kysely<Database>, shopId: string, handle: string): Promise<string[]> {
  const rows = await db.selectFrom('products').select('product_id').where('shop_id', '=', shopId).where('handle', '=', handle).orderBy('product_id').execute();
  return rows.map((row) => row.product_id);
}

export async function findProduct(db: Kysely<Database>, shopId: string, productId: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('shop_id', '=', shopId).where('product_id', '=', productId).executeTakeFirst();
}

/** The shop's products among `values`, matched on their id or on their handle. */
export async function findProductsBy(db: Kysely<Database>, shopId: string, key: 'product_id' | 'handle', values: readonly string[]): Promise<Array<Pick<ProductRow, 'product_id' | 'handle'>>> {
  if (values.length === 0) return [];
  return db.selectFrom('products').select(['product_id', 'handle']).where('shop_id', '=', shopId).where(key, 'in', [...values]).execute();
}

/** The image of each of the shop's products among `ids` that has one. */
export async function productImages(db: Kysely<Database>, shopId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(['product_id', 'image']).where('shop_id', '=', shopId).where('product_id', 'in', [...ids]).execute();
  return new Map(rows.filter((row) => row.image !== '').map((row) => [row.product_id, row.image]));
}

/** The title of each of the shop's products among `ids` (ids without a product record are absent). */
export async function productTitles(db: Kysely<Database>, shopId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(['product_id', 'title']).where('shop_id', '=', shopId).where('product_id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.product_id, row.title]));
}

/** A whole shop's product records (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopProducts(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['products']);
}
