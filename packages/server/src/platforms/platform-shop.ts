import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { invalidField } from '../http/errors.js';
import type { ShopRow } from '../shops/shop-repository.js';

/** A shop named by id or by its domain (`myshopify_domain` in the Trustoo requests, auth.md §7). */
export async function findShopByIdOrDomain(db: Kysely<Database>, params: Record<string, unknown>): Promise<{ shop: ShopRow | undefined; named: string }> {
  const id = typeof params.shop_id === 'string' || typeof params.shop_id === 'number' ? String(params.shop_id).trim() : '';
  const domain = typeof params.myshopify_domain === 'string' ? params.myshopify_domain.trim().toLowerCase() : '';
  if (id === '' && domain === '') throw invalidField('shop_id', 'shop_id or myshopify_domain is required');
  let query = db.selectFrom('shops').selectAll();
  if (id !== '') query = query.where('id', '=', id);
  if (domain !== '') query = query.where('domain', '=', domain);
  return { shop: await query.executeTakeFirst(), named: id !== '' ? id : domain };
}
