import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { invalidField } from '../http/errors.js';
import { findShopByDomain, findShopById, type ShopRow } from '../shops/shop-repository.js';
import { deleteShopRows } from '../db/shop-rows.js';

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

/**
 * A whole shop's grants, with their token families, tokens and codes (docs/privacy.md §5), in the
 * caller's transaction: every token a platform held for the shop stops working with the commit.
 */
export async function eraseShopGrants(db: Kysely<Database>, shopId: string): Promise<void> {
  const families = db.selectFrom('token_families').select('token_families.id').innerJoin('grants', 'grants.id', 'token_families.grant_id').where('grants.shop_id', '=', shopId);
  await db.deleteFrom('access_tokens').where('family_id', 'in', families).execute();
  await db.deleteFrom('refresh_tokens').where('family_id', 'in', families).execute();
  await db.deleteFrom('authorization_codes').where('shop_id', '=', shopId).execute();
  await db.deleteFrom('token_families').where('grant_id', 'in', db.selectFrom('grants').select('id').where('shop_id', '=', shopId)).execute();
  await deleteShopRows(db, shopId, ['grants']);
}
