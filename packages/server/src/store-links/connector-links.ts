import type { Kysely, Selectable } from 'kysely';
import { open, seal } from '../crypto/secret-box.js';
import { randomToken } from '../crypto/tokens.js';
import type { ConnectorLinksTable, Database } from '../db/schema.js';
import { deleteShopRows } from '../db/shop-rows.js';

export type ConnectorPlatform = 'woocommerce' | 'shopify';
export type ConnectorLinkRow = Selectable<ConnectorLinksTable>;

export async function findLink(db: Kysely<Database>, platform: ConnectorPlatform, shopId: string): Promise<ConnectorLinkRow | undefined> {
  return db.selectFrom('connector_links').selectAll().where('platform', '=', platform).where('shop_id', '=', shopId).executeTakeFirst();
}

/**
 * Creates the shop's WooCommerce link, or gives it a new secret: 256 random bits, sealed at rest
 * because every webhook is verified with it. Answers the secret in clear, once.
 */
export async function issueWooCommerceSecret(db: Kysely<Database>, secretKey: Buffer, shopId: string, now: number): Promise<string> {
  const secret = randomToken(32);
  const sealed = seal(secretKey, secret);
  await db
    .insertInto('connector_links')
    .values({ shop_id: shopId, platform: 'woocommerce', external_shop: '', secret_sealed: sealed, status: 'active', created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['platform', 'shop_id']).doUpdateSet({ secret_sealed: sealed, status: 'active', updated_at: now }))
    .execute();
  return secret;
}

/** Every store link of a shop, for the console's view of its connections. */
export async function linksOfShop(db: Kysely<Database>, shopId: string): Promise<Array<Pick<ConnectorLinkRow, 'platform' | 'external_shop' | 'status' | 'updated_at'>>> {
  return db.selectFrom('connector_links').select(['platform', 'external_shop', 'status', 'updated_at']).where('shop_id', '=', shopId).orderBy('platform').execute();
}

/** The link of a store as its platform names it (a myshopify domain). */
export async function findLinkByStore(db: Kysely<Database>, platform: ConnectorPlatform, externalShop: string): Promise<ConnectorLinkRow | undefined> {
  return db.selectFrom('connector_links').selectAll().where('platform', '=', platform).where('external_shop', '=', externalShop).orderBy('id', 'desc').executeTakeFirst();
}

/**
 * Links a Shopify store to a Plaudit shop after the merchant installed the app, or re-links it on a
 * new install: the offline token is sealed at rest (Plaudit needs it back to call the Admin API).
 * Shopify verifies its webhooks with the app's secret, so the link keeps no secret of its own.
 */
export async function linkShopifyStore(db: Kysely<Database>, secretKey: Buffer, link: { shopId: string; domain: string; accessToken: string; scopes: string }, now: number): Promise<void> {
  const values = { external_shop: link.domain, secret_sealed: '', token_sealed: seal(secretKey, link.accessToken), scopes: link.scopes, status: 'active', updated_at: now };
  await db
    .insertInto('connector_links')
    .values({ shop_id: link.shopId, platform: 'shopify', ...values, created_at: now })
    .onConflict((oc) => oc.columns(['platform', 'shop_id']).doUpdateSet(values))
    .execute();
}

/** The store removed the app: the token is dropped and the store's webhooks are refused from now on. */
export async function markUninstalled(db: Kysely<Database>, link: ConnectorLinkRow, now: number): Promise<void> {
  await db.updateTable('connector_links').set({ status: 'uninstalled', token_sealed: '', updated_at: now }).where('id', '=', link.id).execute();
}

/** The link's webhook secret in clear, to check one signature with. */
export function secretOf(secretKey: Buffer, link: ConnectorLinkRow): string {
  return open(secretKey, link.secret_sealed);
}

/** A whole shop's links and versions (docs/privacy.md §5), in the caller's transaction. */
export async function eraseShopConnectors(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['connector_rating_pushes', 'connector_versions', 'connector_links']);
}
