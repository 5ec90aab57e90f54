import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEMO_SHOP } from '../../src/demo/demo-shop.js';
import { seedDemoReviews } from '../../src/demo/demo-reviews.js';
import { seedDemoQuestions } from '../../src/demo/demo-questions.js';
import { DEMO_PRODUCT } from '../../src/demo/demo-shop.js';
import { applyDemoSettings } from '../../src/demo/demo-settings.js';
import { MediaUrls } from '../../src/media/media-urls.js';
import { createShop, type ShopCredentials } from '../../src/shops/shop-service.js';
import { WIDGET_DIST } from '../../src/storefront/widget-assets.routes.js';
import { beforeAll, beforeEach } from 'vitest';
import type { Dialect } from '../../src/db/connect.js';
import type { Harness } from './harness.js';
import { type ListeningHarness, useListeningHarness } from './listening-harness.js';

/** The widget bundle the server serves; built here when a checkout has not run `npm run build` yet. */
export async function ensureWidgetBuilt(): Promise<void> {
  if (existsSync(path.join(WIDGET_DIST, 'manifest.json'))) return;
  const { buildWidget } = (await import(path.resolve(import.meta.dirname, '../../../widget/build.mjs'))) as { buildWidget(dir: string): Promise<unknown> };
  await buildWidget(WIDGET_DIST);
}

/** The demo shop of a first `npm start` (its reviews and photos), in a harness's database. */
export async function seedDemoStorefront(h: Harness): Promise<ShopCredentials> {
  const shop = await createShop(h.deps.db.kysely, { secretKey: h.deps.secretKey, clock: h.clock }, DEMO_SHOP);
  await seedDemoReviews(h.deps.db, h.clock, shop.shop_id, MediaUrls.of(h.deps.config), h.deps.storage);
  await seedDemoQuestions(h.deps.db, h.clock, shop.shop_id, DEMO_PRODUCT.id);
  await applyDemoSettings(h.deps.db, h.clock, shop.shop_id, h.deps.config.publicUrl);
  return shop;
}

/**
 * A listening harness with the demo shop seeded once, for the storefront's browser suites. Every
 * page load reads the storefront a dozen times from one address: a new minute for each test keeps
 * the per-IP limit (§1.6) out of the way. Review dates are absolute, so pictures do not move.
 */
export function useDemoStorefront(dialect: Dialect): { harness: () => ListeningHarness; demo: () => ShopCredentials } {
  const harness = useListeningHarness(dialect);
  let demo: ShopCredentials | undefined;
  beforeAll(async () => {
    await ensureWidgetBuilt();
    demo = await seedDemoStorefront(harness());
  });
  beforeEach(() => harness().clock.advanceSeconds(60));
  return {
    harness,
    demo: () => {
      if (!demo) throw new Error('demo shop not seeded yet');
      return demo;
    },
  };
}
