import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { findProduct, findProductIdsByHandle, findProductsBy, productImages, upsertAndReadProduct, upsertProduct } from '../../src/products/product-repository.js';
import { createShop } from '../../src/shops/shop-service.js';
import { systemClock } from '../../src/time/clock.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

describeEachDatabase('products', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let shopId: string;
  let otherShopId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.db.kysely;
    const deps = { secretKey: randomBytes(32), clock: systemClock };
    shopId = (await createShop(db, deps, { domain: `products-${dialect}.example.com`, name: 'Products' })).shop_id;
    otherShopId = (await createShop(db, deps, { domain: `products-other-${dialect}.example.com`, name: 'Other' })).shop_id;
  });
  afterAll(() => database.destroy());

  it('creates a product on first use and fills only the fields given, never with empty values', async () => {
    await upsertProduct(db, shopId, 'mug', {}, 100);
    expect(await findProduct(db, shopId, 'mug')).toMatchObject({ title: '', handle: '', url: '', image: '', sku: '', gtin: '', mpn: '', brand: '', created_at: 100, updated_at: 100 });
    await upsertProduct(db, shopId, 'mug', { title: 'Stoneware Mug', handle: 'stoneware-mug', sku: 'MUG-1' }, 200);
    await upsertProduct(db, shopId, 'mug', { title: '', sku: undefined, brand: 'Acme' }, 300);
    expect(await findProduct(db, shopId, 'mug')).toMatchObject({ title: 'Stoneware Mug', handle: 'stoneware-mug', sku: 'MUG-1', brand: 'Acme', created_at: 100, updated_at: 300 });
  });

  it('upserts and gives back the record as it now is: created, left as it was, or filled', async () => {
    expect(await upsertAndReadProduct(db, shopId, 'bowl', {}, 100)).toMatchObject({ shop_id: shopId, product_id: 'bowl', title: '', created_at: 100, updated_at: 100 });
    await upsertProduct(db, shopId, 'bowl', { title: 'Soup Bowl', handle: 'soup-bowl' }, 200);
    // Nothing given: the stored record, untouched.
    expect(await upsertAndReadProduct(db, shopId, 'bowl', { title: '', handle: undefined }, 300)).toMatchObject({ title: 'Soup Bowl', handle: 'soup-bowl', updated_at: 200 });
    expect(await upsertAndReadProduct(db, shopId, 'bowl', { brand: 'Acme' }, 400)).toMatchObject({ title: 'Soup Bowl', brand: 'Acme', created_at: 100, updated_at: 400 });
    expect(await findProduct(db, shopId, 'bowl')).toMatchObject({ title: 'Soup Bowl', brand: 'Acme', updated_at: 400 });
    // Another shop's product of the same id is neither read nor changed.
    expect(await upsertAndReadProduct(db, otherShopId, 'bowl', {}, 500)).toMatchObject({ shop_id: otherShopId, title: '', created_at: 500 });
    expect((await findProduct(db, shopId, 'bowl'))?.updated_at).toBe(400);
  });

  it('finds products by id or by handle, within one shop only', async () => {
    await upsertProduct(db, shopId, 'cup', { handle: 'tea-cup' }, 100);
    await upsertProduct(db, otherShopId, 'mug', { title: 'Not yours', handle: 'stoneware-mug' }, 100);
    expect((await findProductsBy(db, shopId, 'product_id', ['mug', 'cup', 'none'])).map((p) => p.product_id).sort()).toEqual(['cup', 'mug']);
    expect(await findProductsBy(db, shopId, 'handle', ['tea-cup'])).toEqual([{ product_id: 'cup', handle: 'tea-cup' }]);
    expect(await findProductsBy(db, shopId, 'handle', [])).toEqual([]);
    expect(await findProductIdsByHandle(db, shopId, 'stoneware-mug')).toEqual(['mug']);
    expect((await findProduct(db, otherShopId, 'mug'))?.title).toBe('Not yours');
    expect(await findProduct(db, shopId, 'none')).toBeUndefined();
  });

  it("gives the images of the shop's own products that have one, never another shop's", async () => {
    await upsertProduct(db, shopId, 'lamp', { image: 'https://cdn.example/lamp.jpg' }, 100);
    await upsertProduct(db, shopId, 'rug', {}, 100);
    await upsertProduct(db, otherShopId, 'vase', { image: 'https://cdn.example/vase.jpg' }, 100);
    await upsertProduct(db, otherShopId, 'rug', { image: 'https://cdn.example/other-rug.jpg' }, 100);
    expect(await productImages(db, shopId, ['lamp', 'rug', 'vase', 'missing'])).toEqual(new Map([['lamp', 'https://cdn.example/lamp.jpg']]));
    expect(await productImages(db, otherShopId, ['lamp', 'rug', 'vase'])).toEqual(new Map([['vase', 'https://cdn.example/vase.jpg'], ['rug', 'https://cdn.example/other-rug.jpg']]));
    expect(await productImages(db, shopId, [])).toEqual(new Map());
  });
});
