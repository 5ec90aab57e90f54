import type { Kysely } from 'kysely';
import { countOf, pageOf } from '../db/paging.js';
import type { Database } from '../db/schema.js';
import type { Question } from './question-object.js';
import { presentQuestions } from './question-presenter.js';
import { questionsOfShop, shownQuestionsOfShop } from './question-repository.js';

/** The console's views of the questions (docs/console.md): what waits for an answer first. */
export const INBOX_VIEWS = ['open', 'held', 'answered', 'hidden'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

function inView(db: Kysely<Database>, shopId: string, view: InboxView) {
  const live = questionsOfShop(db, shopId).where('deleted_at', 'is', null);
  switch (view) {
    // Waiting for an answer: not hidden, no published answer yet (held ones too, so nothing is missed).
    case 'open':
      return live.where('answer_count', '=', 0).where('status', '!=', 'hidden');
    case 'held':
      return live.where('status', '=', 'pending');
    case 'answered':
      return shownQuestionsOfShop(db, shopId);
    case 'hidden':
      return live.where('status', '=', 'hidden');
  }
}

/**
 * One page of a view: the open questions oldest first (the one waiting longest is answered first),
 * the others newest first.
 */
export async function inboxPage(db: Kysely<Database>, shopId: string, view: InboxView, page: { page: number; pageSize: number }): Promise<{ count: number; questions: Question[] }> {
  const query = inView(db, shopId, view);
  const direction = view === 'open' ? 'asc' : 'desc';
  const [count, rows] = await Promise.all([countOf(query), pageOf(query.orderBy('created_at', direction).orderBy('id', direction), page).execute()]);
  return { count, questions: await presentQuestions(db, shopId, rows) };
}

/** How many questions one view holds: the dashboard's count of questions waiting for an answer. */
export function countInView(db: Kysely<Database>, shopId: string, view: InboxView): Promise<number> {
  return countOf(inView(db, shopId, view));
}

/** How many questions each view holds, for the tabs. */
export async function inboxCounts(db: Kysely<Database>, shopId: string): Promise<Record<InboxView, number>> {
  const counts = await Promise.all(INBOX_VIEWS.map((view) => countInView(db, shopId, view)));
  return Object.fromEntries(INBOX_VIEWS.map((view, index) => [view, counts[index]!])) as Record<InboxView, number>;
}
