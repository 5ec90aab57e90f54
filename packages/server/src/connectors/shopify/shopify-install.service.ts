import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findShopById, findShopByDomain, setShopStatus } from '../../shops/shop-repository.js';
import { createShop } from '../../shops/shop-service.js';
import { findLinkByStore, linkShopifyStore } from '../../store-links/connector-links.js';
import type { Clock } from '../../time/clock.js';
import { secondsOf } from '../../time/clock.js';

/**
 * A completed install (docs/connectors.md): the store's Plaudit shop is the one linked before, or
 * the one with the store's myshopify domain, or a new one; the offline token is kept sealed and
 * the shop is active again (a reinstall after an uninstall). Answers the shop's id.
 */
export async function installShopifyStore(db: Kysely<Database>, deps: { secretKey: Buffer; clock: Clock }, install: { domain: string; accessToken: string; scopes: string }): Promise<string> {
  const now = secondsOf(deps.clock.now());
  const domain = install.domain.toLowerCase();
  return db.transaction().execute(async (trx) => {
    const linked = await findLinkByStore(trx, 'shopify', domain);
    const existing = (linked && (await findShopById(trx, linked.shop_id))) ?? (await findShopByDomain(trx, domain));
    const shopId = existing?.id ?? (await createShop(trx, deps, { domain, name: domain.replace(/\.myshopify\.com$/, '') })).shop_id;
    await linkShopifyStore(trx, deps.secretKey, { shopId, domain, accessToken: install.accessToken, scopes: install.scopes }, now);
    if (existing && existing.status !== 'active') await setShopStatus(trx, shopId, 'active', now);
    return shopId;
  });
}
