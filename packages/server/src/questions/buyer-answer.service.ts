import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import type { ShopSettings } from '../shops/shop-settings.js';
import { secondsOf } from '../time/clock.js';
import { type AnswerLink, buyerFingerprint } from './answer-link.js';
import { createAnswer } from './answer.service.js';
import { type InvitationRow, openInvitation, spendInvitation } from './invitations.js';
import type { Question } from './question-object.js';
import type { QuestionRow } from './question-repository.js';

/** The invitation and question of a link, if the link can still be used by its buyer; else "not found". */
export async function invitationOfLink(db: Kysely<Database>, link: AnswerLink, now: number): Promise<{ invitation: InvitationRow; question: QuestionRow }> {
  const opened = await openInvitation(db, link.shopId, link, now);
  if (!opened || buyerFingerprint(opened.invitation.email) !== link.buyer) throw notFound('invitation', link.invitationId);
  return opened;
}

/**
 * A past buyer's answer through their link (docs/reference/questions.md §9): the link is spent in
 * the same transaction as the answer is stored, so it answers once. The answer passes the shop's
 * moderation rules and is a verified buyer's when the buyer's order holds the product.
 */
export async function answerAsInvitedBuyer(db: Kysely<Database>, settings: ShopSettings, link: AnswerLink, words: { content: string; name: string }, nowMs: number): Promise<Question> {
  return db.transaction().execute(async (trx) => {
    const { invitation, question } = await invitationOfLink(trx, link, secondsOf(nowMs));
    await spendInvitation(trx, invitation, secondsOf(nowMs));
    return createAnswer(
      trx,
      link.shopId,
      settings,
      { questionId: Number(question.id), content: words.content, authorName: words.name || invitation.buyer_name || 'Buyer', authorEmail: invitation.email, authorKind: 'buyer' },
      nowMs,
    );
  });
}
