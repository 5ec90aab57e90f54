import type { Db } from '../../db/connect.js';
import { ApiError, Code, invalidField } from '../../http/errors.js';
import { type CurrentShop, ShopDirectory } from '../../shops/shop-directory.js';

/**
 * docs/reference/storefront.md §1.1: `shop_id`, else `shop` (a domain; case, a leading https:// and a
 * trailing / ignored). Answers the shop with the content version it was read at, which keys the
 * answer cache.
 */
export async function resolvePublicShop(db: Db, selector: { shop_id?: unknown; shop?: unknown }): Promise<CurrentShop> {
  const id = typeof selector.shop_id === 'number' ? String(selector.shop_id) : typeof selector.shop_id === 'string' ? selector.shop_id.trim() : '';
  const domain = typeof selector.shop === 'string' ? selector.shop.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '') : '';
  if (id === '' && domain === '') throw invalidField('shop_id', 'is required (or shop, the shop\'s domain)');
  const directory = ShopDirectory.of(db);
  const current = id !== '' ? await directory.byId(id) : await directory.byDomain(domain);
  if (current === undefined || current.shop.status !== 'active') throw new ApiError(Code.notFound, `shop ${id || domain} not found`);
  return current;
}
