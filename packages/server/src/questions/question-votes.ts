import { shownQuestionsOfShop } from './question-repository.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { secondsOf } from '../time/clock.js';

export type VoteTarget = 'question' | 'answer';

/**
 * One current vote per device on a shown question or answer (docs/reference/questions.md §7), like
 * reviews' helpful votes: the count is recounted from the votes in the same transaction, and
 * neither `updated_at` nor a webhook moves. Answers the count after the vote.
 */
export async function castQuestionVote(db: Kysely<Database>, shopId: string, vote: { target: VoteTarget; id: number; deviceId: string; value: 1 | -1 }, nowMs: number): Promise<number> {
  const now = secondsOf(nowMs);
  return db.transaction().execute(async (trx) => {
    const table = vote.target === 'question' ? 'questions' : 'answers';
    if (!(await isShown(trx, shopId, vote.target, vote.id))) throw notFound(vote.target, vote.id);
    const previous = await trx.selectFrom('question_votes').select('vote').where('target', '=', vote.target).where('target_id', '=', vote.id).where('device_id', '=', vote.deviceId).executeTakeFirst();
    if (previous?.vote !== vote.value) {
      await trx
        .insertInto('question_votes')
        .values({ shop_id: shopId, target: vote.target, target_id: vote.id, device_id: vote.deviceId, vote: vote.value, updated_at: now })
        .onConflict((oc) => oc.columns(['target', 'target_id', 'device_id']).doUpdateSet({ vote: vote.value, updated_at: now }))
        .execute();
      const counted = await trx.selectFrom('question_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('target', '=', vote.target).where('target_id', '=', vote.id).where('vote', '=', 1).executeTakeFirstOrThrow();
      await trx.updateTable(table).set({ helpful_count: Number(counted.n) }).where('shop_id', '=', shopId).where('id', '=', vote.id).execute();
    }
    const row = await trx.selectFrom(table).select('helpful_count').where('shop_id', '=', shopId).where('id', '=', vote.id).executeTakeFirstOrThrow();
    return Number(row.helpful_count);
  });
}

/** Only what the storefront shows can be voted on: a published, answered question, or a published answer of one. */
async function isShown(db: Kysely<Database>, shopId: string, target: VoteTarget, id: number): Promise<boolean> {
  const questionId =
    target === 'question' ? id : (await db.selectFrom('answers').select('question_id').where('shop_id', '=', shopId).where('id', '=', id).where('status', '=', 'published').executeTakeFirst())?.question_id;
  if (questionId === undefined) return false;
  return (await shownQuestionsOfShop(db, shopId).where('id', '=', Number(questionId)).executeTakeFirst()) !== undefined;
}
