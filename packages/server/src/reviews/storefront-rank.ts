/** The maintained storefront order of a review (see migration 013): pinned, featured, with photos. */
export function storefrontRank(flags: { isTop: number; isFeatured: number; hasPublishedMedia: boolean }): number {
  return 4 * flags.isTop + 2 * flags.isFeatured + (flags.hasPublishedMedia ? 1 : 0);
}

/** Whether a stored rank says the review has a published photo or video. */
export const PUBLISHED_MEDIA_BIT = 1;

/** Every rank whose media bit is set, highest first: what the photo filter asks the index for. */
export const RANKS_WITH_MEDIA = [7, 5, 3, 1] as const;
