import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../http/actor.js';
import { formatRecordTime } from '../time/time-format.js';
import { type EmailType, normalizeEmailAddress } from './email-types.js';
import { containing } from '../db/like.js';

/** `erasure`: kept, hashed, from the addresses of an excluded person whose data was erased (customer-data.ts). */
export type UnsubscribeSource = 'api' | 'email_link' | 'console' | 'erasure';

/**
 * Email Unsubscribe (docs/reference/collection.md §7): idempotent, the first record (and its created_at) stays.
 * The orders module cancels the address's requests not yet sent (orders/buyer-suppression.ts).
 */
export async function unsubscribe(db: Kysely<Database>, actor: Actor, input: { email: string; emailType: EmailType; source: UnsubscribeSource }, now: number) {
  const email = normalizeEmailAddress(input.email);
  await db
    .insertInto('email_unsubscribes')
    .values({ shop_id: actor.shopId, email, email_type: input.emailType, source: input.source, created_at: now })
    .onConflict((oc) => oc.columns(['shop_id', 'email', 'email_type']).doNothing())
    .execute();
  return { email, email_type: input.emailType };
}

export async function listUnsubscribes(db: Kysely<Database>, actor: Actor, filter: { email?: string | undefined; emailType?: string | undefined; ascending: boolean; page: number; pageSize: number }) {
  let query = db.selectFrom('email_unsubscribes').where('shop_id', '=', actor.shopId);
  if (filter.email) query = query.where('email', 'like', containing(normalizeEmailAddress(filter.email)));
  if (filter.emailType) query = query.where('email_type', '=', filter.emailType);
  const { n } = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const direction = filter.ascending ? 'asc' : 'desc';
  const rows = await query
    .select(['email', 'email_type', 'source', 'created_at'])
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { count: Number(n), list: rows.map((row) => ({ email: row.email, email_type: row.email_type, source: row.source, created_at: formatRecordTime(row.created_at) })) };
}

/** Removes one unsubscribe (a console-only action: the API can only add them). */
export async function removeUnsubscribe(db: Kysely<Database>, shopId: string, email: string, emailType: string): Promise<void> {
  await db.deleteFrom('email_unsubscribes').where('shop_id', '=', shopId).where('email', '=', normalizeEmailAddress(email)).where('email_type', '=', emailType).execute();
}
