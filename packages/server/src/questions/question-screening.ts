import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ModerationReason } from '../moderation/moderation-decision.js';
import { reasonsOf, screenWords } from '../moderation/screen-review.js';
import { NEAR_DUPLICATE_CANDIDATES, NEAR_DUPLICATE_WINDOW_SECONDS } from '../moderation/text-similarity.js';
import type { ShopSettings } from '../shops/shop-settings.js';
import type { QuestionStatus } from './question-object.js';

export interface ScreenedText {
  status: Extract<QuestionStatus, 'pending' | 'published'>;
  reasons: ModerationReason[];
  content: string;
}

/**
 * The shop's content rules (docs/reference/moderation.md) applied to a new question or answer
 * whose publication they decide: the same profanity, link, personal-data and near-duplicate rules
 * as reviews. Questions have no rating and no order, so the rating and order rules do not apply.
 */
export async function screenQuestionText(
  db: Kysely<Database>,
  shopId: string,
  words: { author: string; content: string; email: string },
  settings: ShopSettings,
  now: number,
): Promise<ScreenedText> {
  const earlierTexts = settings.moderation.near_duplicates === 'hold' && words.email !== '' ? await earlierQuestionsOf(db, shopId, words.email, now) : [];
  const screening = screenWords({ author: words.author, title: '', content: words.content }, settings, { earlierTexts });
  return {
    status: screening.holds.length > 0 ? 'pending' : 'published',
    reasons: reasonsOf(screening.holds, screening.masked),
    content: screening.content,
  };
}

/** The same person's recent questions, compared as the near-duplicate rule compares reviews. */
async function earlierQuestionsOf(db: Kysely<Database>, shopId: string, email: string, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom('questions')
    .select('content')
    .where('shop_id', '=', shopId)
    .where('asker_email', '=', email)
    .where('deleted_at', 'is', null)
    .where('created_at', '>=', now - NEAR_DUPLICATE_WINDOW_SECONDS)
    .orderBy('id', 'desc')
    .limit(NEAR_DUPLICATE_CANDIDATES)
    .execute();
  return rows.map((row) => row.content);
}
