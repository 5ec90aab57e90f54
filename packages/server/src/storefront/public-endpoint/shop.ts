import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ApiError, Code, invalidField } from '../../http/errors.js';
import { findShopByDomain, findShopById, type ShopRow } from '../../shops/shop-repository.js';

/** docs/reference/storefront.md §1.1: `shop_id`, else `shop` (a domain; case, a leading https:// and a trailing / ignored). */
export async function resolvePublicShop(db: Kysely<Database>, selector: { shop_id?: unknown; shop?: unknown }): Promise<ShopRow> {
  const id = typeof selector.shop_id === 'number' ? String(selector.shop_id) : typeof selector.shop_id === 'string' ? selector.shop_id.trim() : '';
  const domain = typeof selector.shop === 'string' ? selector.shop.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '') : '';
  if (id === '' && domain === '') throw invalidField('shop_id', 'is required (or shop, the shop\'s domain)');
  const shop = id !== '' ? await findShopById(db, id) : await findShopByDomain(db, domain);
  if (shop === undefined || shop.status !== 'active') throw new ApiError(Code.notFound, `shop ${id || domain} not found`);
  return shop;
}
