import type { Kysely } from 'kysely';

/**
 * Reviews say whether the reviewer received something for writing them (docs/reference/reviews.md
 * §2): the US FTC rule on consumer reviews (16 CFR 465) and Google's review policies require an
 * incentive to be disclosed wherever the review is shown. A flag and a short description of the
 * incentive; existing reviews are not incentivized.
 */
export const reviewDisclosuresMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('reviews').addColumn('is_incentivized', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('reviews').addColumn('incentive', 'text', (c) => c.notNull().defaultTo('')).execute();
  },
};
