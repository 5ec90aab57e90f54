import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/** Tables whose rows show in the storefront's question list: a write moves the shop's content version (migration 014). */
const VERSIONED_TABLES = ['questions', 'answers', 'question_counts'] as const;

async function versionTriggers(dialect: Dialect, db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    if (dialect === 'postgres') {
      // The function migration 014 defined moves the version once per shop, at commit.
      await sql
        .raw(`create constraint trigger ${table}_content_version after insert or update or delete on ${table}
          deferrable initially deferred for each row execute function plaudit_bump_content_version()`)
        .execute(db);
      continue;
    }
    for (const [event, row] of [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const) {
      await sql
        .raw(`create trigger ${table}_${event}_content_version after ${event} on ${table} for each row begin
          update content_versions set version = version + 1 where shop_id = ${row}.shop_id;
        end`)
        .execute(db);
    }
  }
}

/**
 * Questions and answers (docs/reference/questions.md): shoppers ask about a product, the merchant
 * and past buyers answer. A question keeps the count of its published answers, so the storefront
 * lists answered questions from one index range. Votes are one per device and target, like
 * reviews' helpful votes; invitations are the e-mails that ask past buyers to answer, one row per
 * link, so a link works once and a buyer is asked at most once a week.
 */
export const questionsMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withIdColumn(dialect, db.schema.createTable('questions'))
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('asker_name', 'text', (c) => c.notNull())
      .addColumn('asker_email', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('moderation_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('is_pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('answer_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('answered_at', 'bigint')
      .addColumn('deleted_at', 'bigint')
      // Set once the worker has told the merchant and invited past buyers; null while that is due.
      .addColumn('announced_at', 'bigint')
      // Set once the asker was told of the first answer (or had no address to tell).
      .addColumn('asker_notified_at', 'bigint')
      .execute();
    await db.schema.createIndex('questions_answered_untold').on('questions').columns(['answered_at']).where(sql<boolean>`answered_at is not null and asker_notified_at is null`).execute();
    await db.schema.createIndex('questions_unannounced').on('questions').columns(['created_at']).where(sql<boolean>`announced_at is null`).execute();
    await db.schema.createIndex('questions_shop_updated').on('questions').columns(['shop_id', 'updated_at', 'id']).execute();
    // The storefront's list: a product's answered, published questions, pinned first, newest first.
    await db.schema
      .createIndex('questions_storefront_product')
      .on('questions')
      .columns(['shop_id', 'product_id', 'is_pinned', 'created_at', 'id'])
      .where(sql<boolean>`status = 'published' and answer_count > 0 and deleted_at is null`)
      .execute();
    // The console's inbox: what waits for an answer or a decision.
    await db.schema.createIndex('questions_shop_open').on('questions').columns(['shop_id', 'created_at']).where(sql<boolean>`answer_count = 0 and deleted_at is null`).execute();

    await withIdColumn(dialect, db.schema.createTable('answers'))
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('question_id', 'bigint', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_email', 'text', (c) => c.notNull())
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('is_verified_buyer', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('moderation_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('answers_question').on('answers').columns(['shop_id', 'question_id', 'id']).execute();

    await db.schema
      .createTable('question_votes')
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('target_id', 'bigint', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('vote', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('question_votes_pk', ['target', 'target_id', 'device_id'])
      .execute();

    await withIdColumn(dialect, db.schema.createTable('question_invitations'))
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('question_id', 'bigint', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('buyer_name', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .addColumn('used_at', 'bigint')
      .addUniqueConstraint('question_invitations_once', ['shop_id', 'question_id', 'email'])
      .execute();
    await db.schema.createIndex('question_invitations_email').on('question_invitations').columns(['shop_id', 'email', 'created_at']).execute();
    await db.schema.createIndex('question_invitations_unsent').on('question_invitations').columns(['created_at']).where(sql<boolean>`sent_at is null`).execute();

    // Per product: questions shoppers see (published and answered) and all live questions, kept by
    // the questions module in the writer's transaction, so no list counts rows to say "6 questions".
    await db.schema
      .createTable('question_counts')
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('shown', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('question_counts_pk', ['shop_id', 'product_id'])
      .execute();

    await versionTriggers(dialect, db);
  },
});
