import type { Kysely } from 'kysely';
import type { Database, GrantStatus } from '../db/schema.js';
import type { Scope } from '../http/actor.js';
import { formatRecordTime } from '../time/time-format.js';
import { randomToken, sha256Hex } from '../crypto/tokens.js';
import { setShopStatus, type ShopRow } from '../shops/shop-repository.js';
import { appendSystemEvent } from '../outbox/outbox.js';
import { insertAuthorizationCode } from './authorization-code-repository.js';
import { OAUTH_DEFAULTS } from '../config/security-defaults.js';
import type { PlatformRow } from './platform-repository.js';
import { commaSeparated, spaceSeparated, storedScopes } from './scopes.js';
import { activateGrant, endGrantRow, findGrantById, type GrantRow, grantsOfShop, liveFamilyIdsOfGrant, revokeFamilies } from './token-repository.js';
import { secondsOf } from '../time/clock.js';

export type Initiator = 'platform' | 'merchant' | 'operator';

function systemPayload(shop: ShopRow, platformId: string, status: GrantStatus, scopes: string, now: number, initiator?: Initiator) {
  return {
    shop_id: shop.id,
    shop_domain: shop.domain,
    client_id: platformId,
    status,
    scopes: commaSeparated(storedScopes(scopes)),
    occurred_at: formatRecordTime(now),
    ...(initiator ? { initiator } : {}),
  };
}

export interface Approval {
  platform: PlatformRow;
  shop: ShopRow;
  merchantId: number;
  /** The redirect_uri as the authorization request sent it; '' when it was omitted. */
  redirectUri: string;
  scopes: Scope[];
  codeChallenge: string | null;
}

/**
 * The merchant approved (docs/reference/auth.md §5): the grant becomes active with the approved scopes, the
 * platform is told (`shop/authorized`), and a single-use code bound to all of it is returned.
 * Call inside a transaction.
 */
export async function approveAuthorization(db: Kysely<Database>, approval: Approval, nowMs: number): Promise<string> {
  const now = secondsOf(nowMs);
  const scopes = spaceSeparated(approval.scopes);
  await activateGrant(db, approval.platform.client_id, approval.shop.id, scopes, now);
  const code = randomToken(OAUTH_DEFAULTS.tokenBytes);
  await insertAuthorizationCode(db, {
    code_hash: sha256Hex(code),
    platform_id: approval.platform.client_id,
    shop_id: approval.shop.id,
    merchant_id: approval.merchantId,
    redirect_uri: approval.redirectUri,
    scopes,
    code_challenge: approval.codeChallenge,
    expires_at: now + OAUTH_DEFAULTS.authorizationCodeSeconds,
  });
  await appendSystemEvent(db, approval.platform.client_id, approval.shop.id, 'shop/authorized', systemPayload(approval.shop, approval.platform.client_id, 'active', scopes, now), nowMs);
  return code;
}

/**
 * Disconnect (by the platform) or cancel (by the merchant): the grant ends, every token of it dies
 * at once, and the platform is told (`shop/deauthorized`). Ending an already ended grant changes
 * nothing and sends nothing. Call inside a transaction.
 */
export async function endGrant(
  db: Kysely<Database>,
  grant: GrantRow,
  shop: ShopRow,
  status: Exclude<GrantStatus, 'active'>,
  initiator: Initiator,
  nowMs: number,
): Promise<GrantStatus> {
  const now = secondsOf(nowMs);
  if (!(await endGrantRow(db, grant.id, status, now))) return (await findGrantById(db, grant.id))?.status ?? grant.status;
  await revokeFamilies(db, await liveFamilyIdsOfGrant(db, grant.id), status, now);
  await appendSystemEvent(db, grant.platform_id, grant.shop_id, 'shop/deauthorized', systemPayload(shop, grant.platform_id, status, grant.scopes, now, initiator), nowMs);
  return status;
}

/**
 * The shop was deactivated in Plaudit (its store removed the app, docs/reference/auth.md §8): the
 * shop goes inactive and every platform it has authorized receives `shop/uninstalled`. Grants stay
 * as they are, so a reinstall that reactivates the shop needs no new consent. Call inside a transaction.
 */
export async function uninstallShop(db: Kysely<Database>, shop: ShopRow, nowMs: number): Promise<void> {
  const now = secondsOf(nowMs);
  if (shop.status !== 'active') return;
  await setShopStatus(db, shop.id, 'inactive', now);
  for (const grant of await grantsOfShop(db, shop.id)) {
    if (grant.status !== 'active') continue;
    await appendSystemEvent(db, grant.platform_id, shop.id, 'shop/uninstalled', systemPayload({ ...shop, status: 'inactive' }, grant.platform_id, grant.status, grant.scopes, now), nowMs);
  }
}
