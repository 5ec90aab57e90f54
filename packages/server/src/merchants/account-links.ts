import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { signToken, verifyToken } from '../crypto/signed-token.js';
import { findMerchantByEmail, findMerchantById, type MerchantRow } from './merchant-repository.js';
import { normalizeEmail } from './merchant-service.js';

/** How long a password-reset link works. */
export const RESET_LINK_SECONDS = 30 * 60;
/** How long an invitation to a shop waits for its answer. */
export const INVITE_LINK_SECONDS = 7 * 86_400;

const RESET_PURPOSE = 'merchant-password-reset';
const INVITE_PURPOSE = 'merchant-invite';

/**
 * A short fingerprint of the password hash the link was issued against. Setting a new password
 * changes the hash, so the link stops working the moment it has been used (single use) and
 * whenever the password changed some other way, without a table of issued links.
 */
function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 22);
}

interface ResetPayload {
  merchant: number;
  expires: number;
  password: string;
}

/** The secret part of a password-reset link: signed, for one merchant, 30 minutes, one use. */
export function passwordResetToken(secretKey: Buffer, merchant: MerchantRow, now: number): string {
  return signToken(secretKey, RESET_PURPOSE, { merchant: merchant.id, expires: now + RESET_LINK_SECONDS, password: passwordFingerprint(merchant.password_hash) } satisfies ResetPayload);
}

/** The merchant a reset link is for, while it is genuine, unexpired and unused; else undefined. */
export async function merchantOfResetToken(db: Kysely<Database>, secretKey: Buffer, token: string, now: number): Promise<MerchantRow | undefined> {
  const payload = verifyToken<Partial<ResetPayload>>(secretKey, RESET_PURPOSE, token);
  if (typeof payload?.merchant !== 'number' || typeof payload.expires !== 'number' || payload.expires < now) return undefined;
  const merchant = await findMerchantById(db, payload.merchant);
  return merchant && payload.password === passwordFingerprint(merchant.password_hash) ? merchant : undefined;
}

export interface Invitation {
  shop: string;
  email: string;
  /** The merchant who invited, named in the e-mail and on the page. */
  by: string;
  expires: number;
}

/** The secret part of an invitation link: signed, for one address and one shop, seven days. */
export function invitationToken(secretKey: Buffer, invitation: Omit<Invitation, 'expires'>, now: number): string {
  return signToken(secretKey, INVITE_PURPOSE, { ...invitation, email: normalizeEmail(invitation.email), expires: now + INVITE_LINK_SECONDS } satisfies Invitation);
}

/**
 * A genuine, unexpired invitation whose address has no account yet. Once the account exists (the
 * invitation was accepted, or the person signed up another way) the link has done its job.
 */
export async function openInvitation(db: Kysely<Database>, secretKey: Buffer, token: string, now: number): Promise<Invitation | undefined> {
  const payload = verifyToken<Partial<Invitation>>(secretKey, INVITE_PURPOSE, token);
  if (typeof payload?.shop !== 'string' || typeof payload.email !== 'string' || typeof payload.by !== 'string' || typeof payload.expires !== 'number' || payload.expires < now) return undefined;
  if (await findMerchantByEmail(db, payload.email)) return undefined;
  return payload as Invitation;
}
