import type { StarCounts } from '../reviews/rating-value.js';
import type { ShopSettings } from '../shops/shop-settings.js';

/** Reviews the shop's auto-publish minimum keeps hidden for their rating alone. */
export interface RatingHold {
  minimum: number;
  held: number;
}

/**
 * Holding reviews back because of their rating is what the US FTC rule on consumer reviews
 * (16 CFR 465.7) and the UK DMCC Act forbid, so a shop that publishes automatically only from
 * some number of stars is told, wherever it sees its reviews' state, how many that threshold holds
 * and why it matters. Undefined when no rating threshold applies (every rating published, or
 * every review read first, which treats all ratings alike).
 */
export function ratingHoldOf(settings: ShopSettings, hiddenByStar: StarCounts): RatingHold | undefined {
  if (!settings.auto_publish || settings.auto_publish_min_rating <= 1) return undefined;
  const minimum = settings.auto_publish_min_rating;
  return { minimum, held: hiddenByStar.slice(0, minimum - 1).reduce((sum, count) => sum + count, 0) };
}
