/// <reference lib="dom" />
import { expect, it } from 'vitest';
import { linkShopifyStore } from '../../src/store-links/connector-links.js';
import { markReconnect } from '../../src/store-links/rating-pushes.js';
import { artifactPath, describeInBrowser } from '../support/browser.js';
import { describeEachDatabase } from '../support/databases.js';
import { useListeningHarness } from '../support/listening-harness.js';
import { createTestMerchant, MERCHANT_PASSWORD } from '../support/merchant-agent.js';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from '../support/page-checks.js';

describeEachDatabase('the console\'s store connection', (dialect) => {
  const harness = useListeningHarness(dialect);

  describeInBrowser('Chromium', (browser) => {
    it('shows a store that needs reconnecting at the top of Settings, accessible and within the screen', async () => {
      const h = harness();
      const domain = `settings-${dialect}.myshopify.com`;
      const shop = await h.newShop(domain);
      await linkShopifyStore(h.deps.db.kysely, h.deps.secretKey!, { shopId: shop.shop_id, domain, accessToken: 'shpat_x', scopes: 'write_products' }, Math.floor(h.clock.now() / 1000));
      const link = await h.deps.db.kysely.selectFrom('connector_links').select('id').where('shop_id', '=', shop.shop_id).executeTakeFirstOrThrow();
      await markReconnect(h.deps.db.kysely, Number(link.id), Math.floor(h.clock.now() / 1000));
      const email = await createTestMerchant(h, [shop.shop_id]);
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/console/login`);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(MERCHANT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Home' }).waitFor();
      await page.goto(`${h.baseUrl}/console/settings`);
      const notice = page.getByRole('note').filter({ hasText: domain });
      await expect.poll(() => notice.innerText()).toContain("the store refused Plaudit's access");
      expect(await notice.getByRole('link', { name: 'Reconnect' }).getAttribute('href')).toBe(`${h.deps.config.publicUrl}/connectors/shopify/install?shop=${domain}`);
      expect(await page.locator('#store-connection + ul').innerText()).toContain('Reconnect needed');
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await expectNoAxeViolations(page, `settings with a store to reconnect at ${width}`);
        await expectNoHorizontalOverflow(page, `settings with a store to reconnect at ${width}`);
        await page.screenshot({ path: artifactPath(`console-store-connection-${width}-${dialect}.png`) });
      }
      await context.close();
    });
  });
});
