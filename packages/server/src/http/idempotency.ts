import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { mentionsAny } from '../db/like.js';
import type { Actor } from './actor.js';
import { ApiError, Code, conflict, invalidField } from './errors.js';
import { deleteShopRows } from '../db/shop-rows.js';

/** docs/reference/conventions.md §9: stored answers live 24 hours; a claim older than the request deadline is abandoned. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const CLAIM_SECONDS = 60;
const KEY_SYNTAX = /^[\x21-\x7e]{1,255}$/;

/** Answers kept for replay: success and the deterministic refusals of steps 7–8 (docs/reference/conventions.md §9). */
export const STORED_CODES: ReadonlySet<number> = new Set([Code.ok, Code.invalidArgument, Code.notFound, Code.alreadyExists]);

export interface IdempotencyClaim {
  shopId: string;
  caller: string;
  key: string;
}

export type IdempotencyOutcome =
  | { kind: 'proceed'; claim: IdempotencyClaim }
  | { kind: 'replay'; status: number; body: string };

export function fingerprintOf(method: string, path: string, rawBody: string): string {
  const bodyHash = createHash('sha256').update(rawBody, 'utf8').digest('hex');
  return createHash('sha256').update(`${method} ${path}\n${bodyHash}`).digest('hex');
}

export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!KEY_SYNTAX.test(value)) throw invalidField('Idempotency-Key', 'must be 1 to 255 printable ASCII characters without spaces');
  return value;
}

/**
 * Claims the key for this request, or answers from a completed one. The claim is a committed
 * row in state `running`, so a concurrent retry on any process sees it and gets 409.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  actor: Actor,
  key: string,
  fingerprint: string,
  now: number,
): Promise<IdempotencyOutcome> {
  const claim = { shopId: actor.shopId, caller: actor.caller, key };
  const where = { shop_id: claim.shopId, caller: claim.caller, idempotency_key: key };
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ ...where, fingerprint, state: 'running', response_status: null, response_body: null, locked_until: now + CLAIM_SECONDS, expires_at: now + IDEMPOTENCY_TTL_SECONDS })
      .onConflict((oc) => oc.columns(['shop_id', 'caller', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return { kind: 'proceed', claim };

    const row = await db.selectFrom('idempotency_keys').selectAll().where('shop_id', '=', claim.shopId).where('caller', '=', claim.caller).where('idempotency_key', '=', key).executeTakeFirst();
    if (!row) continue;
    if (row.expires_at <= now) {
      await db.deleteFrom('idempotency_keys').where('shop_id', '=', claim.shopId).where('caller', '=', claim.caller).where('idempotency_key', '=', key).where('expires_at', '<=', now).execute();
      continue;
    }
    if (row.fingerprint !== fingerprint) {
      throw new ApiError(Code.invalidArgument, 'Idempotency-Key was already used for a different request', {
        httpStatus: 422,
        errors: [{ field: 'Idempotency-Key', reason: 'was already used for a different request' }],
      });
    }
    if (row.state === 'done' && row.response_status !== null && row.response_body !== null) {
      return { kind: 'replay', status: row.response_status, body: row.response_body };
    }
    if (row.locked_until > now) throw conflict('a request with this Idempotency-Key is still in progress', { 'retry-after': '1' });
    // The first attempt died without finishing (its process went away): take the claim over.
    const taken = await db
      .updateTable('idempotency_keys')
      .set({ locked_until: now + CLAIM_SECONDS })
      .where('shop_id', '=', claim.shopId).where('caller', '=', claim.caller).where('idempotency_key', '=', key)
      .where('state', '=', 'running').where('locked_until', '=', row.locked_until)
      .executeTakeFirst();
    if (taken.numUpdatedRows > 0n) return { kind: 'proceed', claim };
  }
  throw conflict('a request with this Idempotency-Key is still in progress', { 'retry-after': '1' });
}

export async function completeIdempotencyKey(db: Kysely<Database>, claim: IdempotencyClaim, status: number, body: string, now: number): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'done', response_status: status, response_body: body, expires_at: now + IDEMPOTENCY_TTL_SECONDS })
    .where('shop_id', '=', claim.shopId).where('caller', '=', claim.caller).where('idempotency_key', '=', claim.key)
    .execute();
}

/** Frees the key after an answer that must not be replayed (auth, scope, rate limit, internal). */
export async function releaseIdempotencyKey(db: Kysely<Database>, claim: IdempotencyClaim): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('shop_id', '=', claim.shopId).where('caller', '=', claim.caller).where('idempotency_key', '=', claim.key)
    .where('state', '=', 'running')
    .execute();
}

/**
 * Forgets stored answers that mention any of the values (an erased person's address or name,
 * docs/privacy.md): a replay within the key's lifetime would otherwise hand them out again. The
 * caller's own key is safe to lose: without its answer a retry runs the erasure again, which is
 * idempotent.
 */
export async function forgetAnswersMentioning(db: Kysely<Database>, shopId: string, values: readonly string[]): Promise<number> {
  const needles = [...new Set(values.filter((value) => value !== ''))];
  if (needles.length === 0) return 0;
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('shop_id', '=', shopId)
    .where('state', '=', 'done')
    .where((eb) => mentionsAny(eb, 'idempotency_keys.response_body', needles))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A whole shop's stored answers (docs/privacy.md §5), in the caller's transaction. */
export async function forgetShopAnswers(db: Kysely<Database>, shopId: string): Promise<void> {
  await deleteShopRows(db, shopId, ['idempotency_keys']);
}
