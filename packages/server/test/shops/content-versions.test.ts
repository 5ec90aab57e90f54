import { expect, it } from 'vitest';
import { contentVersionOf } from '../../src/shops/content-version-repository.js';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';

/**
 * The content version keys every cached answer (migration 014): it must move with every write that
 * changes what a shop publishes, in the write's own transaction, and with nothing else.
 */
describeEachDatabase('shop content versions', (dialect) => {
  const harness = useHarness(dialect);
  const versionOf = async (shopId: string) => (await contentVersionOf(harness().deps.db.kysely, shopId))?.version;
  const shopVersionOf = async (shopId: string) => (await contentVersionOf(harness().deps.db.kysely, shopId))!.shopVersion;

  it('gives every new shop a version and an unknown shop none', async () => {
    const h = harness();
    const shop = await h.newShop('versioned.example.com');
    expect(await versionOf(shop.shop_id)).toBeTypeOf('number');
    expect(await versionOf('no-such-shop')).toBeUndefined();
  });

  it('moves on when a review is created, answered, hidden, deleted, and when settings change', async () => {
    const h = harness();
    const steps: Array<[string, () => Promise<unknown>]> = [];
    let id = 0;
    steps.push(['create_review', async () => (id = await createReviewVia(h, { product_id: 'versioned-1' }))]);
    steps.push(['reply', () => h.call('POST', 'update_review', { body: { id: String(id), reply: { content: 'Thank you!' } } })]);
    steps.push(['hide', () => h.call('POST', 'update_review', { body: { id: String(id), is_published: 0 } })]);
    steps.push(['delete_review', () => h.call('POST', 'delete_review', { body: { id: String(id) } })]);
    steps.push(['update_shop_settings', () => h.call('POST', 'update_shop_settings', { body: { show_country: false } })]);
    for (const [name, step] of steps) {
      const before = (await versionOf(h.shop.shop_id))!;
      const response = await step();
      if (typeof response === 'object' && response !== null && 'body' in response) expect(envelope(response as never).code, name).toBe(0);
      expect(await versionOf(h.shop.shop_id), name).toBeGreaterThan(before);
    }
  });

  it('moves the shop-row version only with the shop row, so a new review does not make it read again', async () => {
    const h = harness();
    const before = await shopVersionOf(h.shop.shop_id);
    await createReviewVia(h, { product_id: 'versioned-3' });
    expect(await shopVersionOf(h.shop.shop_id)).toBe(before);
    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { show_country: true } })).code).toBe(0);
    expect(await shopVersionOf(h.shop.shop_id)).toBeGreaterThan(before);
  });

  it('leaves other shops, and writes that publish nothing, alone', async () => {
    const h = harness();
    const other = (await versionOf(h.otherShop.shop_id))!;
    await createReviewVia(h, { product_id: 'versioned-2' });
    expect(await versionOf(h.otherShop.shop_id)).toBe(other);

    const mine = (await versionOf(h.shop.shop_id))!;
    const created = await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: 'https://hooks.example.com/plaudit' } });
    expect(envelope(created).code).toBe(0);
    expect(await versionOf(h.shop.shop_id)).toBe(mine);
  });

  it('does not move when the write that would have moved it rolls back', async () => {
    const h = harness();
    const before = (await versionOf(h.shop.shop_id))!;
    await expect(
      h.deps.db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('shops').set({ name: 'Renamed' }).where('id', '=', h.shop.shop_id).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await versionOf(h.shop.shop_id)).toBe(before);
  });
});
