import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { answersOf, type AnswerRow, type QuestionRow } from './question-repository.js';

/**
 * Takes up to `limit` new questions nobody has announced yet (told the merchant, invited buyers),
 * each by an update that only one worker can win, so a question is announced once however many
 * workers run. The claim commits before any e-mail leaves: a crash loses an e-mail, never doubles one.
 */
export async function claimUnannounced(db: Kysely<Database>, now: number, limit: number): Promise<QuestionRow[]> {
  const due = await db.selectFrom('questions').selectAll().where('announced_at', 'is', null).orderBy('created_at').limit(limit).execute();
  const claimed: QuestionRow[] = [];
  for (const row of due) {
    const won = await db.updateTable('questions').set({ announced_at: now }).where('id', '=', row.id).where('announced_at', 'is', null).executeTakeFirst();
    if (won.numUpdatedRows === 1n) claimed.push(row);
  }
  return claimed;
}

/** The same for answered questions whose asker has not been told, with each question's published answers. */
export async function claimAnsweredUntold(db: Kysely<Database>, now: number, limit: number): Promise<Array<{ question: QuestionRow; answers: AnswerRow[] }>> {
  const due = await db.selectFrom('questions').selectAll().where('answered_at', 'is not', null).where('asker_notified_at', 'is', null).orderBy('answered_at').limit(limit).execute();
  const claimed: Array<{ question: QuestionRow; answers: AnswerRow[] }> = [];
  for (const row of due) {
    const won = await db.updateTable('questions').set({ asker_notified_at: now }).where('id', '=', row.id).where('asker_notified_at', 'is', null).executeTakeFirst();
    if (won.numUpdatedRows !== 1n) continue;
    const answers = await answersOf(db, row.shop_id, [Number(row.id)], true);
    claimed.push({ question: row, answers: answers.get(Number(row.id)) ?? [] });
  }
  return claimed;
}
