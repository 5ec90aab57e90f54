/** The maintained storefront order of a review (see migration 013): pinned, featured, with photos. */
export function storefrontRank(flags: { isTop: number; isFeatured: number; hasPublishedMedia: boolean }): number {
  return 4 * flags.isTop + 2 * flags.isFeatured + (flags.hasPublishedMedia ? 1 : 0);
}

/** Whether a stored rank says the review has a published photo or video. */
export const PUBLISHED_MEDIA_BIT = 1;

/** The highest rank there is: pinned, featured, with a photo. */
const HIGHEST_RANK = storefrontRank({ isTop: 1, isFeatured: 1, hasPublishedMedia: true });

/** Every rank whose media bit is set, highest first: what the photo filter asks the index for. */
export const RANKS_WITH_MEDIA: readonly number[] = Array.from({ length: HIGHEST_RANK + 1 }, (_, i) => HIGHEST_RANK - i).filter((rank) => (rank & PUBLISHED_MEDIA_BIT) !== 0);
