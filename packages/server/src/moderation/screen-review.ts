import type { ShopSettings } from '../shops/shop-settings.js';
import type { ModerationReason, ModerationStatus } from './moderation-decision.js';
import { hasLink } from './links.js';
import { hasPersonalData, maskPersonalData } from './personal-data.js';
import { hasProfanity, profanityRules } from './profanity.js';
import { isNearDuplicate } from './text-similarity.js';

/** The parts of a new review the rules read. */
export interface ScreenedReview {
  rating: number;
  author: string;
  title: string;
  content: string;
  /** An order verifies the review. */
  verified: boolean;
}

/** What the rules need from the database, looked up only when the rule is on. */
export interface ScreeningFacts {
  /** Recent reviews by the same address or device. */
  earlierTexts: readonly string[];
}

export interface Screening {
  status: Extract<ModerationStatus, 'approved' | 'held'>;
  reasons: ModerationReason[];
  /** The title and text to store: personal data masked when the shop asks for it. */
  title: string;
  content: string;
}

/** The shop's publication settings' reasons to hold a review: the only rules that read the rating. */
export function publicationHolds(rating: number, settings: ShopSettings): ModerationReason[] {
  if (!settings.auto_publish) return ['manual_review'];
  return rating < settings.auto_publish_min_rating ? ['below_min_rating'] : [];
}

/** A shopper's words of any kind (a review, a question, an answer) as the content rules read them. */
export interface ScreenedWords {
  author: string;
  title: string;
  content: string;
}

/** The content rules' holds and the words to store; what reviews, questions and answers share. */
export interface WordScreening {
  holds: ModerationReason[];
  masked: boolean;
  title: string;
  content: string;
}

/** The reasons a decision records: the holds, and the note that personal data was masked. */
export function reasonsOf(holds: readonly ModerationReason[], masked: boolean): ModerationReason[] {
  return masked ? [...holds, 'personal_data_masked'] : [...holds];
}

/**
 * The shop's content rules applied to new words: profanity, links, personal data and near
 * duplicates. They read the words only, never a rating or who wrote them.
 */
export function screenWords(words: ScreenedWords, settings: ShopSettings, facts: ScreeningFacts): WordScreening {
  const rules = settings.moderation;
  const text = `${words.title}\n${words.content}`;
  const holds: ModerationReason[] = [];
  if (rules.profanity === 'hold' && hasProfanity(`${words.author}\n${text}`, profanityRules(settings.language, rules.blocked_words, rules.allowed_words))) holds.push('profanity');
  if (rules.links === 'hold' && hasLink(`${words.author}\n${text}`)) holds.push('link');
  const personal = rules.personal_data !== 'off' && hasPersonalData(text);
  if (personal && rules.personal_data === 'hold') holds.push('personal_data');
  if (rules.near_duplicates === 'hold' && facts.earlierTexts.some((earlier) => isNearDuplicate(earlier, text))) holds.push('near_duplicate');
  const masked = personal && rules.personal_data === 'mask';
  return {
    holds,
    masked,
    title: masked ? maskPersonalData(words.title) : words.title,
    content: masked ? maskPersonalData(words.content) : words.content,
  };
}

/**
 * The shop's rules applied to a new review whose publication they decide. The content rules read
 * the words and never the rating; only the shop's own publication settings look at the rating,
 * and each says so in the reasons.
 */
export function screenReview(review: ScreenedReview, settings: ShopSettings, facts: ScreeningFacts): Screening {
  const words = screenWords(review, settings, facts);
  const holds = [...words.holds];
  if (settings.moderation.no_order === 'hold' && !review.verified) holds.push('no_order');
  holds.push(...publicationHolds(review.rating, settings));
  return {
    status: holds.length > 0 ? 'held' : 'approved',
    reasons: reasonsOf(holds, words.masked),
    title: words.title,
    content: words.content,
  };
}
