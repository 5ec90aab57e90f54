import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ApiError, Code, conflict, invalidArgument, type FieldError } from '../http/errors.js';
import { type Clock, unixSeconds } from '../time/clock.js';
import { open, seal } from '../crypto/secret-box.js';
import { randomToken } from '../crypto/tokens.js';
import { findShopById, insertShop, listShops, type ShopRow, updatePrivateToken, updateShopSettingsJson } from './shop-repository.js';
import { changeSettings, readShopSettings, type SettingProblem, type ShopSettings } from './shop-settings.js';
import { HMAC_DEFAULTS } from '../config/security-defaults.js';

export interface ShopCredentials {
  shop_id: string;
  domain: string;
  name: string;
  public_token: string;
  private_token: string;
}

export interface ShopSummary {
  shop_id: string;
  domain: string;
  name: string;
  public_token: string;
  status: string;
  created_at: number;
}

const STORE_ID = /^[\x21-\x7e]{1,64}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Store-platform shop ids are numeric on the platforms we mimic; a generated one looks alike. */
function generateShopId(): string {
  return String(randomInt(10_000_000_000, 99_999_999_999));
}

export async function createShop(
  db: Kysely<Database>,
  deps: { secretKey: Buffer; clock: Clock },
  input: { domain: string; name: string; id?: string | undefined },
): Promise<ShopCredentials> {
  const domain = input.domain.trim().toLowerCase();
  const name = input.name.trim().normalize('NFC');
  const id = input.id?.trim() ?? generateShopId();
  const errors: FieldError[] = [];
  if (!HOSTNAME.test(domain)) errors.push({ field: 'domain', reason: 'must be a host name such as maple-and-co.myshopify.com' });
  if (name.length < 1 || name.length > 255) errors.push({ field: 'name', reason: 'must be 1 to 255 characters' });
  if (!STORE_ID.test(id) || id.includes(',')) errors.push({ field: 'id', reason: 'must be 1 to 64 printable ASCII characters without spaces or commas' });
  if (errors.length > 0) throw invalidArgument(errors);

  const existing = await db.selectFrom('shops').select(['id', 'domain']).where((eb) => eb.or([eb('id', '=', id), eb('domain', '=', domain)])).executeTakeFirst();
  if (existing) throw conflict(existing.id === id ? `shop ${id} already exists` : `a shop with domain ${domain} already exists`);

  const publicToken = randomToken(HMAC_DEFAULTS.publicTokenBytes);
  const privateToken = randomToken(HMAC_DEFAULTS.privateTokenBytes);
  const now = unixSeconds(deps.clock);
  await insertShop(db, {
    id,
    domain,
    name,
    public_token: publicToken,
    private_token_sealed: seal(deps.secretKey, privateToken),
    settings: '{}',
    status: 'active',
    created_at: now,
    updated_at: now,
  });
  return { shop_id: id, domain, name, public_token: publicToken, private_token: privateToken };
}

/** Replaces the signing key; the old one stops verifying at once because nothing caches it. */
export async function rotatePrivateToken(
  db: Kysely<Database>,
  deps: { secretKey: Buffer; clock: Clock },
  shopId: string,
): Promise<ShopCredentials> {
  const shop = await findShopById(db, shopId);
  if (!shop) throw new ApiError(Code.notFound, `shop ${shopId} not found`);
  const privateToken = randomToken(HMAC_DEFAULTS.privateTokenBytes);
  await updatePrivateToken(db, shopId, seal(deps.secretKey, privateToken), unixSeconds(deps.clock));
  return { shop_id: shop.id, domain: shop.domain, name: shop.name, public_token: shop.public_token, private_token: privateToken };
}

export function revealPrivateToken(secretKey: Buffer, shop: ShopRow): string {
  return open(secretKey, shop.private_token_sealed);
}

export async function summarizeShops(db: Kysely<Database>): Promise<ShopSummary[]> {
  return (await listShops(db)).map((shop) => ({
    shop_id: shop.id,
    domain: shop.domain,
    name: shop.name,
    public_token: shop.public_token,
    status: shop.status,
    created_at: shop.created_at,
  }));
}

/**
 * Applies a merchant's change to a shop's settings, from the console or the Open API alike: the
 * same rules judge both (shop-settings.ts). Answers the settings now in force, or the problems.
 */
export async function updateShopSettings(db: Kysely<Database>, shop: ShopRow, change: Partial<Record<keyof ShopSettings, unknown>>, now: number): Promise<ShopSettings | SettingProblem[]> {
  const next = changeSettings(readShopSettings(shop.settings), change);
  if (!Array.isArray(next)) await updateShopSettingsJson(db, shop.id, JSON.stringify(next), now);
  return next;
}
