import { type Kysely, sql } from 'kysely';

/**
 * What the console's dashboard reads instead of the reviews themselves (docs/architecture.md,
 * "The dashboard"): live reviews counted per shop and hour of their review date, by star, with
 * photos and verified. A year of one shop is at most 8,760 rows whatever its volume, so a chart of
 * a million reviews sums a few thousand small rows. Hours, not days, so that a day can start at
 * the shop's own midnight (the time zone is a setting and may change). Like review_stats, writers
 * spread over a few slots per hour, so two PostgreSQL transactions taking reviews in the same hour
 * do not wait for each other's commit.
 *
 * Customer events are counted the same way, per shop, hour and type (event_activity): a year of a
 * busy widget is a few thousand rows instead of millions of events. Orders learn when their review
 * request was first clicked, and one index holds the send time with every later step, so the
 * dashboard's request funnel (sent, opened, clicked, reviewed) is counted from the index alone.
 */
export const reviewActivityMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('review_activity')
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('hour', 'bigint', (c) => c.notNull())
      .addColumn('slot', 'integer', (c) => c.notNull())
      .addColumn('reviews', 'integer', (c) => c.notNull())
      .addColumn('star_1', 'integer', (c) => c.notNull())
      .addColumn('star_2', 'integer', (c) => c.notNull())
      .addColumn('star_3', 'integer', (c) => c.notNull())
      .addColumn('star_4', 'integer', (c) => c.notNull())
      .addColumn('star_5', 'integer', (c) => c.notNull())
      .addColumn('with_media', 'integer', (c) => c.notNull())
      .addColumn('verified', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_activity_pk', ['shop_id', 'hour', 'slot'])
      .execute();
    await sql`insert into review_activity (shop_id, hour, slot, reviews, star_1, star_2, star_3, star_4, star_5, with_media, verified)
      select shop_id, commented_at / 3600, 0, count(*),
        sum(case when rating = 1 then 1 else 0 end), sum(case when rating = 2 then 1 else 0 end), sum(case when rating = 3 then 1 else 0 end),
        sum(case when rating = 4 then 1 else 0 end), sum(case when rating = 5 then 1 else 0 end),
        sum(case when media_count > 0 then 1 else 0 end), sum(case when is_verified = 1 then 1 else 0 end)
      from reviews where deleted_at is null group by shop_id, commented_at / 3600`.execute(db);
    await db.schema
      .createTable('event_activity')
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('hour', 'bigint', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('slot', 'integer', (c) => c.notNull())
      .addColumn('events', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('event_activity_pk', ['shop_id', 'hour', 'event_type', 'slot'])
      .execute();
    await sql`insert into event_activity (shop_id, hour, event_type, slot, events)
      select shop_id, created_at / 3600, event_type, 0, count(*) from customer_events group by shop_id, created_at / 3600, event_type`.execute(db);
    await db.schema.alterTable('orders').addColumn('clicked_at', 'bigint').execute();
    await db.schema.createIndex('orders_shop_sent').on('orders').columns(['shop_id', 'sent_at', 'opened_at', 'clicked_at', 'reviewed_at']).execute();
  },
};
