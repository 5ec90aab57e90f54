import { expect, it } from 'vitest';
import { claimNewerVersion } from '../../src/store-links/source-versions.js';
import { describeEachDatabase } from '../support/databases.js';
import { useHarness } from '../support/harness.js';

describeEachDatabase('platform object versions', (dialect) => {
  const harness = useHarness(dialect);

  it('lets only a newer modification through, per shop, platform, kind and object', async () => {
    const h = harness();
    const db = h.deps.db.kysely;
    const shop = await h.newShop(`versions-${dialect}.example.com`);
    const key = { shopId: shop.shop_id, platform: 'woocommerce' as const, kind: 'order' as const, externalId: '1' };
    expect(await claimNewerVersion(db, key, 100)).toBe(true);
    expect(await claimNewerVersion(db, key, 100)).toBe(false);
    expect(await claimNewerVersion(db, key, 99)).toBe(false);
    expect(await claimNewerVersion(db, key, 101)).toBe(true);
    expect(await claimNewerVersion(db, { ...key, kind: 'product' }, 50)).toBe(true);
    expect(await claimNewerVersion(db, { ...key, platform: 'shopify' }, 50)).toBe(true);
    expect(await claimNewerVersion(db, { ...key, externalId: '2' }, 50)).toBe(true);
    expect(await claimNewerVersion(db, { ...key, shopId: h.otherShop.shop_id }, 50)).toBe(true);
  });
});
