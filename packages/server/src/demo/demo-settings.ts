import type { Db } from '../db/connect.js';
import { findShopById } from '../shops/shop-repository.js';
import { updateShopSettings } from '../shops/shop-service.js';
import { type Clock, unixSeconds } from '../time/clock.js';

/**
 * The demo shop's storefront is /demo on this server (where its hosted pages and e-mails link
 * back), and its widget follows the shopper's light or dark mode, as the demo page does.
 */
export async function applyDemoSettings(db: Db, clock: Clock, shopId: string, publicUrl: string): Promise<void> {
  const shop = await findShopById(db.kysely, shopId);
  if (shop === undefined) throw new Error(`demo shop ${shopId} is missing`);
  await updateShopSettings(db.kysely, shop, { widget_theme: 'auto', storefront_url: `${publicUrl}/demo` }, unixSeconds(clock));
}
