import { storageFor } from '../storage/storage-for-config.js';
import { MediaUrls } from '../media/media-urls.js';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config.js';
import { createMerchant } from '../merchants/merchant-service.js';
import { seedDemoReviews } from './demo-reviews.js';
import { seedDemoQuestions } from './demo-questions.js';
import { applyDemoSettings } from './demo-settings.js';
import type { Db } from '../db/connect.js';
import type { Clock } from '../time/clock.js';
import { listShops } from '../shops/shop-repository.js';
import { createShop } from '../shops/shop-service.js';

export const DEMO_SHOP = { id: '10000000001', domain: 'demo-shop.plaudit.test', name: 'Plaudit Demo Shop' } as const;
export const DEMO_MERCHANT_EMAIL = 'demo@plaudit.test';
/** The product the demo storefront page (/demo) shows. */
export const DEMO_PRODUCT = { id: 'demo-mug', title: 'Stoneware Mug' } as const;

/**
 * A brand-new embedded install gets one shop so the README's first signed request works at once,
 * with a merchant who can sign in to it and a few reviews to moderate. Its private token and the merchant's password exist in
 * clear only in this start's output; later starts say how to reveal the token.
 */
export async function announceDemoShop(config: Config, db: Db, clock: Clock, print: (line: string) => void): Promise<void> {
  if (config.database.dialect !== 'sqlite') return;
  const shops = await listShops(db.kysely);
  const base = `${config.publicUrl}/api/v1/openapi`;
  if (shops.length === 0) {
    const shop = await createShop(db.kysely, { secretKey: config.secretKey!, clock }, DEMO_SHOP);
    const password = randomBytes(16).toString('base64url');
    await createMerchant(db.kysely, clock, { email: DEMO_MERCHANT_EMAIL, password, shopIds: [shop.shop_id] });
    await seedDemoReviews(db, clock, shop.shop_id, MediaUrls.of(config), storageFor(config.storage));
    await seedDemoQuestions(db, clock, shop.shop_id, DEMO_PRODUCT.id);
    await applyDemoSettings(db, clock, shop.shop_id, config.publicUrl);
    print('');
    print('  Demo shop created (shown once; keep the private token secret):');
    print(`    shop_id        ${shop.shop_id}`);
    print(`    public_token   ${shop.public_token}`);
    print(`    private_token  ${shop.private_token}`);
    print('');
    print(`  Demo merchant (console and consent page, ${config.publicUrl}/console/login):`);
    print(`    e-mail         ${DEMO_MERCHANT_EMAIL}`);
    print(`    password       ${password}`);
    print('');
    print(`  Try it:  npx plaudit sign --shop ${shop.shop_id} GET '${base}/get_rating?is_all_rating=1'`);
    print(`  Demo storefront with the widgets: ${config.publicUrl}/demo`);
    print(`  API reference: ${config.publicUrl}/docs`);
    print('');
    return;
  }
  const demo = shops.find((s) => s.id === DEMO_SHOP.id);
  if (demo) {
    print(`  Demo shop ${demo.id}, public token ${demo.public_token}`);
    print(`  (private token: npx plaudit shop show ${demo.id} --reveal-private-token)`);
    print(`  Demo storefront with the widgets: ${config.publicUrl}/demo`);
  }
  print(`  API reference: ${config.publicUrl}/docs`);
}
