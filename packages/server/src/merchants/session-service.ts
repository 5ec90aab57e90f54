import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { sha256Hex } from '../crypto/tokens.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { SESSION_DEFAULTS } from '../config/security-defaults.js';
import { findMerchantById, type MerchantRow, shopsOfMerchant } from './merchant-repository.js';

export interface MerchantSession {
  merchant: MerchantRow;
  shops: ShopRow[];
  csrfToken: string;
}

/** 256-bit id, base64url so the cookie needs no escaping; only its hash is stored. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A new session (docs/reference/auth.md §9). Sign-in always creates one, so a planted session id is worthless. */
export async function startSession(db: Kysely<Database>, merchantId: number, now: number): Promise<string> {
  const sessionId = newSecret();
  await db
    .insertInto('merchant_sessions')
    .values({ session_hash: sha256Hex(sessionId), merchant_id: merchantId, csrf_token: newSecret(), created_at: now, last_seen_at: now })
    .execute();
  return sessionId;
}

/** The live session of a cookie value, sliding its idle expiry; undefined when unknown or idle too long. */
export async function resumeSession(db: Kysely<Database>, sessionId: string | undefined, now: number): Promise<MerchantSession | undefined> {
  if (!sessionId) return undefined;
  const sessionHash = sha256Hex(sessionId);
  const row = await db.selectFrom('merchant_sessions').selectAll().where('session_hash', '=', sessionHash).executeTakeFirst();
  if (!row) return undefined;
  if (row.last_seen_at + SESSION_DEFAULTS.idleSeconds <= now) {
    await db.deleteFrom('merchant_sessions').where('session_hash', '=', sessionHash).execute();
    return undefined;
  }
  const merchant = await findMerchantById(db, row.merchant_id);
  if (!merchant) return undefined;
  // Written at most once a minute: every page view need not be a write.
  if (now - row.last_seen_at >= 60) await db.updateTable('merchant_sessions').set({ last_seen_at: now }).where('session_hash', '=', sessionHash).execute();
  return { merchant, shops: await shopsOfMerchant(db, merchant.id), csrfToken: row.csrf_token };
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('merchant_sessions').where('session_hash', '=', sha256Hex(sessionId)).execute();
}

/** "Sign out everywhere", and what a password change does to every other session. */
export async function endAllSessions(db: Kysely<Database>, merchantId: number, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('merchant_sessions').where('merchant_id', '=', merchantId);
  if (exceptSessionId !== undefined) query = query.where('session_hash', '!=', sha256Hex(exceptSessionId));
  await query.execute();
}
