import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { invalidField } from '../http/errors.js';
import { findShopByDomain, findShopById, type ShopRow } from '../shops/shop-repository.js';

/** A shop named by id or by its domain (`myshopify_domain` in the Trustoo requests, docs/reference/auth.md §7). */
export async function findShopByIdOrDomain(db: Kysely<Database>, params: Record<string, unknown>): Promise<{ shop: ShopRow | undefined; named: string }> {
  const id = typeof params.shop_id === 'string' || typeof params.shop_id === 'number' ? String(params.shop_id).trim() : '';
  const domain = typeof params.myshopify_domain === 'string' ? params.myshopify_domain.trim().toLowerCase() : '';
  if (id === '' && domain === '') throw invalidField('shop_id', 'shop_id or myshopify_domain is required');
  const shop = id !== '' ? await findShopById(db, id) : await findShopByDomain(db, domain);
  // Both given: they must name the same shop.
  const matches = shop !== undefined && (domain === '' || shop.domain === domain);
  return { shop: matches ? shop : undefined, named: id !== '' ? id : domain };
}
