import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RepeatedInsert } from '../../src/db/repeated-insert.js';
import type { Database, ProductsTable } from '../../src/db/schema.js';
import { systemClock } from '../../src/time/clock.js';
import { createShop } from '../../src/shops/shop-service.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

type ProductRow = Insertable<ProductsTable>;

describeEachDatabase('RepeatedInsert', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let shopId: string;
  let compiles = 0;
  const insertProducts = new RepeatedInsert((trx, rows: ProductRow[]) => {
    compiles += 1;
    return trx.insertInto('products').values(rows).onConflict((oc) => oc.columns(['shop_id', 'product_id']).doNothing()).returning(['product_id', 'title']);
  });
  const product = (id: number, title = `Product ${id}`): ProductRow => ({
    shop_id: shopId, product_id: String(id), title, handle: `product-${id}`, url: '', image: '', sku: `SKU-${id}`, gtin: '', mpn: '', brand: 'Acme', created_at: 1_700_000_000 + id, updated_at: 1_700_000_000,
  });
  const stored = () => db.selectFrom('products').selectAll().where('shop_id', '=', shopId).orderBy('created_at').execute();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.db.kysely;
    shopId = (await createShop(db, { secretKey: randomBytes(32), clock: systemClock }, { domain: 'repeated.example.com', name: 'Repeated' })).shop_id;
  });
  afterAll(() => database.destroy());

  it('writes every value in its column and answers the RETURNING rows, compiling once per row count', async () => {
    // Columns listed in a different order than the first row, and a value with quotes in it.
    const reordered = ({ brand, shop_id, ...rest }: ProductRow): ProductRow => ({ ...rest, shop_id, brand });
    expect(await insertProducts.execute(db, [product(1), product(2, `It's "quoted"`), product(3)])).toEqual([
      { product_id: '1', title: 'Product 1' }, { product_id: '2', title: `It's "quoted"` }, { product_id: '3', title: 'Product 3' },
    ]);
    await insertProducts.execute(db, [product(4), reordered(product(5))]);
    await insertProducts.execute(db, [product(6), product(7), product(8)]);
    expect(compiles).toBe(2);
    const rows = await stored();
    expect(rows.map((row) => row.product_id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(rows[4]).toEqual({ ...product(5), created_at: 1_700_000_005 });
    expect(rows.every((row) => row.brand === 'Acme' && row.sku === `SKU-${row.product_id}`)).toBe(true);
  });

  it('keeps the statement\'s own clauses: conflicting rows are skipped and not returned', async () => {
    const returned = await insertProducts.execute(db, [product(1, 'Changed'), product(9)]);
    expect(returned).toEqual([{ product_id: '9', title: 'Product 9' }]);
    expect((await stored()).find((row) => row.product_id === '1')!.title).toBe('Product 1');
  });

  it('leaves out a column whose value is undefined, as Kysely does, with a statement of that shape', async () => {
    const before = compiles;
    const { mpn: _mpn, ...withoutMpn } = product(20);
    await insertProducts.execute(db, [{ ...product(20), mpn: undefined } as unknown as ProductRow]);
    await insertProducts.execute(db, [withoutMpn as ProductRow]);
    await insertProducts.execute(db, [product(21)]);
    // Two shapes of one row: without mpn (both calls), and with every column.
    expect(compiles - before).toBe(2);
    const rows = await stored();
    expect(rows.find((row) => row.product_id === '20')).toMatchObject({ mpn: '', brand: 'Acme' });
    expect(rows.find((row) => row.product_id === '21')).toMatchObject({ mpn: '', title: 'Product 21' });
  });

  it('compiles per database: a second database of the same dialect gets its own statement, its transactions share it', async () => {
    const other = await createTestDatabase(dialect);
    try {
      const otherShop = (await createShop(other.db.kysely, { secretKey: randomBytes(32), clock: systemClock }, { domain: 'repeated-other.example.com', name: 'Other' })).shop_id;
      const before = compiles;
      await insertProducts.execute(other.db.kysely, [{ ...product(30), shop_id: otherShop }]);
      await other.db.kysely.transaction().execute((trx) => insertProducts.execute(trx, [{ ...product(31), shop_id: otherShop }]));
      await db.transaction().execute((trx) => insertProducts.execute(trx, [product(32)]));
      expect(compiles - before).toBe(1);
      expect((await other.db.kysely.selectFrom('products').select('product_id').where('shop_id', '=', otherShop).orderBy('product_id').execute()).map((row) => row.product_id)).toEqual(['30', '31']);
    } finally {
      await other.destroy();
    }
  });

  it('refuses rows of another shape and statements binding other values, writing nothing', async () => {
    const before = await stored();
    const { brand: _brand, ...lacking } = product(10);
    await expect(insertProducts.execute(db, [product(11), lacking as ProductRow])).rejects.toThrow(/columns differ/);
    await expect(insertProducts.execute(db, [product(16), { ...product(12), extra: 1 } as ProductRow])).rejects.toThrow(/columns differ/);
    await expect(insertProducts.execute(db, [product(14), { ...product(15), brand: undefined } as unknown as ProductRow])).rejects.toThrow(/columns differ/);
    const bindsMore = new RepeatedInsert((trx, rows: ProductRow[]) => trx.insertInto('products').values(rows).onConflict((oc) => oc.columns(['shop_id', 'product_id']).doUpdateSet({ title: 'overwritten' })));
    await expect(bindsMore.execute(db, [product(13)])).rejects.toThrow(/binds values besides the rows/);
    expect(await stored()).toEqual(before);
  });
});
