import type { Kysely, Selectable } from 'kysely';
import type { Database, QuestionInvitationsTable } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { findLiveQuestion, type QuestionRow } from './question-repository.js';

export type InvitationRow = Selectable<QuestionInvitationsTable>;

/** An answer link works for 30 days: long enough for a buyer who reads mail weekly, short enough that a stale question is not answered. */
export const INVITATION_LINK_SECONDS = 30 * 24 * 3600;

/** A buyer is asked about at most one question a week, whichever shop product it is about. */
export const INVITATION_INTERVAL_SECONDS = 7 * 24 * 3600;

/** Addresses this shop asked to answer a question in the last week: they are not asked again. */
export async function recentlyInvited(db: Kysely<Database>, shopId: string, now: number): Promise<Set<string>> {
  const rows = await db.selectFrom('question_invitations').select('email').where('shop_id', '=', shopId).where('created_at', '>', now - INVITATION_INTERVAL_SECONDS).execute();
  return new Set(rows.map((row) => row.email));
}

/** Records the invitations of one question; the e-mails go out from them (sent_at marks each). */
export async function recordInvitations(db: Kysely<Database>, shopId: string, questionId: number, buyers: ReadonlyArray<{ email: string; name: string; orderId: string }>, now: number): Promise<InvitationRow[]> {
  if (buyers.length === 0) return [];
  return db
    .insertInto('question_invitations')
    .values(buyers.map((buyer) => ({ shop_id: shopId, question_id: questionId, email: buyer.email, buyer_name: buyer.name, order_id: buyer.orderId, created_at: now })))
    .onConflict((oc) => oc.columns(['shop_id', 'question_id', 'email']).doNothing())
    .returningAll()
    .execute();
}

export async function markInvitationSent(db: Kysely<Database>, id: number, now: number): Promise<void> {
  await db.updateTable('question_invitations').set({ sent_at: now }).where('id', '=', id).execute();
}

/**
 * The invitation a link names, with its question, while both can still be used: the link is bound
 * to its question and its buyer, works once and for 30 days, and ends with the question.
 */
export async function openInvitation(db: Kysely<Database>, shopId: string, link: { invitationId: number; questionId: number }, now: number): Promise<{ invitation: InvitationRow; question: QuestionRow } | undefined> {
  const invitation = await db.selectFrom('question_invitations').selectAll().where('shop_id', '=', shopId).where('id', '=', link.invitationId).executeTakeFirst();
  if (!invitation || Number(invitation.question_id) !== link.questionId || invitation.used_at !== null) return undefined;
  if (Number(invitation.created_at) + INVITATION_LINK_SECONDS <= now) return undefined;
  const question = await findLiveQuestion(db, shopId, link.questionId);
  if (!question || question.status === 'hidden') return undefined;
  return { invitation, question };
}

/** Spends the link in the answer's transaction: a second use, even a concurrent one, finds it spent. */
export async function spendInvitation(db: Kysely<Database>, invitation: InvitationRow, now: number): Promise<void> {
  const result = await db.updateTable('question_invitations').set({ used_at: now }).where('id', '=', invitation.id).where('used_at', 'is', null).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('invitation', Number(invitation.id));
}
