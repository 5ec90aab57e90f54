import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { conflict, type FieldError, invalidArgument, notFound } from '../http/errors.js';
import { isEmailAddress } from '../http/validation-formats.js';
import { type Clock, unixSeconds } from '../time/clock.js';
import { findShopById } from '../shops/shop-repository.js';
import { findMerchantByEmail, insertMerchant, linkMerchantToShop } from './merchant-repository.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.js';

export interface NewMerchant {
  email: string;
  password: string;
  shopIds: string[];
}

/** E-mail addresses are matched case-insensitively: people type them either way. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createMerchant(db: Kysely<Database>, clock: Clock, input: NewMerchant): Promise<{ merchant_id: number; email: string; shop_ids: string[] }> {
  const email = normalizeEmail(input.email);
  const errors: FieldError[] = [];
  if (!isEmailAddress(email)) errors.push({ field: 'email', reason: 'must be an e-mail address' });
  if (input.password.length < PASSWORD_MIN_LENGTH || input.password.length > PASSWORD_MAX_LENGTH) {
    errors.push({ field: 'password', reason: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters` });
  }
  if (input.shopIds.length === 0) errors.push({ field: 'shop', reason: 'at least one shop is required' });
  if (errors.length > 0) throw invalidArgument(errors);
  for (const shopId of input.shopIds) if (!(await findShopById(db, shopId))) throw notFound('shop', shopId);
  if (await findMerchantByEmail(db, email)) throw conflict(`a merchant with e-mail ${email} already exists`);

  const passwordHash = await hashPassword(input.password);
  const merchantId = await db.transaction().execute(async (trx) => {
    const id = await insertMerchant(trx, email, passwordHash, unixSeconds(clock));
    for (const shopId of input.shopIds) await linkMerchantToShop(trx, id, shopId);
    return id;
  });
  return { merchant_id: merchantId, email, shop_ids: input.shopIds };
}
