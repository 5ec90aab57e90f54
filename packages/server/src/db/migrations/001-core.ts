import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

const text = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo('');
const flag = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(0);
const count = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(0);

export function coreMigration(dialect: Dialect) {
  const id = <TB extends string>(table: CreateTableBuilder<TB, never>) => withIdColumn(dialect, table);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('shops')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('domain', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', text)
        .addColumn('public_token', 'text', (c) => c.notNull().unique())
        .addColumn('private_token_sealed', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('products')
        .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', text)
        .addColumn('handle', 'text', text)
        .addColumn('url', 'text', text)
        .addColumn('image', 'text', text)
        .addColumn('sku', 'text', text)
        .addColumn('gtin', 'text', text)
        .addColumn('mpn', 'text', text)
        .addColumn('brand', 'text', text)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('products_pk', ['shop_id', 'product_id'])
        .execute();
      await db.schema.createIndex('products_shop_handle').on('products').columns(['shop_id', 'handle']).execute();

      await id(db.schema.createTable('reviews'))
        .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('rating', 'integer', (c) => c.notNull())
        .addColumn('author', 'text', text)
        .addColumn('author_email', 'text', text)
        .addColumn('author_phone', 'text', text)
        .addColumn('author_country', 'text', text)
        .addColumn('title', 'text', text)
        .addColumn('content', 'text', text)
        .addColumn('commented_at', 'bigint', (c) => c.notNull())
        .addColumn('item_type', 'text', text)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('tag', 'text', text)
        .addColumn('order_id', 'text', text)
        .addColumn('is_verified', 'integer', flag)
        .addColumn('verification_method', 'text', (c) => c.notNull().defaultTo('none'))
        .addColumn('is_featured', 'integer', flag)
        .addColumn('is_published', 'integer', flag)
        .addColumn('is_top', 'integer', flag)
        .addColumn('reply_content', 'text')
        .addColumn('reply_at', 'bigint')
        .addColumn('helpful_count', 'integer', count)
        .addColumn('media_count', 'integer', count)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('deleted_at', 'bigint')
        .execute();
      // get_reviews serves a page from an index (shop first, then the sort columns) so latency
      // stays flat as a shop grows (docs/reference/reviews.md §4). One index per order and per product filter.
      await db.schema.createIndex('reviews_shop_created').on('reviews').columns(['shop_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('reviews_shop_product_created').on('reviews').columns(['shop_id', 'product_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('reviews_shop_rating_created').on('reviews').columns(['shop_id', 'rating', 'created_at', 'id']).execute();
      // rating-ascending breaks ties newest first, a mixed direction only its own index can serve.
      await db.schema.createIndex('reviews_shop_rating_asc_created_desc').on('reviews').columns(['shop_id', 'rating asc', 'created_at desc', 'id desc']).execute();
      await db.schema.createIndex('reviews_shop_updated').on('reviews').columns(['shop_id', 'updated_at', 'id']).execute();
      await db.schema.createIndex('reviews_shop_email').on('reviews').columns(['shop_id', 'author_email']).execute();

      await id(db.schema.createTable('review_media'))
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('review_id', 'bigint', (c) => c.notNull().references('reviews.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('thumbnail_url', 'text', text)
        .addColumn('type', 'integer', (c) => c.notNull())
        .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('width', 'integer', count)
        .addColumn('height', 'integer', count)
        .execute();
      await db.schema.createIndex('review_media_review').on('review_media').columns(['review_id', 'position']).execute();

      const stats = db.schema
        .createTable('review_stats')
        .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull());
      let withCounts = stats;
      for (const kind of ['published', 'hidden']) {
        for (const star of [1, 2, 3, 4, 5]) withCounts = withCounts.addColumn(`${kind}_${star}`, 'bigint', count);
      }
      await withCounts.addPrimaryKeyConstraint('review_stats_pk', ['shop_id', 'scope', 'product_id']).execute();

      await id(db.schema.createTable('outbox_events'))
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull().unique())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_events_shop').on('outbox_events').columns(['shop_id', 'id']).execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('caller', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('response_status', 'integer')
        .addColumn('response_body', 'text')
        .addColumn('locked_until', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['shop_id', 'caller', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_expiry').on('idempotency_keys').column('expires_at').execute();
    },
  };
}
