import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { conflict, type FieldError, invalidArgument, notFound } from '../http/errors.js';
import { isEmailAddress } from '../http/validation-formats.js';
import { type Clock, unixSeconds } from '../time/clock.js';
import { findShopById } from '../shops/shop-repository.js';
import { findMerchantByEmail, insertMerchant, linkMerchantToShop, type MerchantRow, setPasswordHash } from './merchant-repository.js';
import { endAllSessions } from './session-service.js';
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

function passwordProblem(password: string): FieldError | undefined {
  if (password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH) return undefined;
  return { field: 'password', reason: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters` };
}

async function merchantByEmail(db: Kysely<Database>, email: string): Promise<MerchantRow> {
  const merchant = await findMerchantByEmail(db, normalizeEmail(email));
  if (!merchant) throw notFound('merchant', normalizeEmail(email));
  return merchant;
}

export async function createMerchant(db: Kysely<Database>, clock: Clock, input: NewMerchant): Promise<{ merchant_id: number; email: string; shop_ids: string[] }> {
  const email = normalizeEmail(input.email);
  const errors: FieldError[] = [];
  if (!isEmailAddress(email)) errors.push({ field: 'email', reason: 'must be an e-mail address' });
  const weak = passwordProblem(input.password);
  if (weak) errors.push(weak);
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

/**
 * An operator's reset of a forgotten password: the new one replaces the old, and every session of
 * the merchant ends, so whoever held the old password is signed out too.
 */
export async function resetMerchantPassword(db: Kysely<Database>, clock: Clock, email: string, password: string): Promise<{ merchant_id: number; email: string }> {
  const weak = passwordProblem(password);
  if (weak) throw invalidArgument([weak]);
  const merchant = await merchantByEmail(db, email);
  const passwordHash = await hashPassword(password);
  await setPasswordHash(db, merchant.id, passwordHash, unixSeconds(clock));
  await endAllSessions(db, merchant.id);
  return { merchant_id: merchant.id, email: merchant.email };
}

/** Lets an existing merchant act for more shops (already linked shops stay as they are). */
export async function addShopsToMerchant(db: Kysely<Database>, email: string, shopIds: string[]): Promise<{ merchant_id: number; email: string; shop_ids: string[] }> {
  if (shopIds.length === 0) throw invalidArgument([{ field: 'shop', reason: 'at least one shop is required' }]);
  const merchant = await merchantByEmail(db, email);
  for (const shopId of shopIds) if (!(await findShopById(db, shopId))) throw notFound('shop', shopId);
  for (const shopId of shopIds) await linkMerchantToShop(db, merchant.id, shopId);
  return { merchant_id: merchant.id, email: merchant.email, shop_ids: shopIds };
}
