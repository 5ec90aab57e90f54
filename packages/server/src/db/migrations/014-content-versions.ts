import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Tables whose rows show in a published answer (storefront lists, the fragment, JSON-LD, the Open
 * API's review reads). A write to any of them moves its shop's content version on.
 */
const VERSIONED_TABLES = ['reviews', 'review_media', 'review_stats', 'products'] as const;

/**
 * Storefront order by page, for one product (docs/reference/storefront.md §2), so that no request
 * sorts a product's reviews. Partial indexes hold only what a shopper can see, which keeps them a
 * tenth smaller than the table they index and lets a page of a 100,000-review product be read as
 * fifteen index entries. The second serves the star filters; the photo filter reads the first by
 * the odd ranks (the rank's lowest bit, see migration 013).
 */
const STOREFRONT_INDEXES = [
  { name: 'reviews_storefront_product', columns: ['shop_id', 'product_id', 'storefront_rank', 'commented_at', 'id'] },
  { name: 'reviews_storefront_product_star', columns: ['shop_id', 'product_id', 'rating', 'storefront_rank', 'commented_at', 'id'] },
] as const;

/**
 * SQLite has row triggers only. One on inserts into `reviews` would cost each insert 40 µs (a
 * review row is wide; measured with 200,000 reviews), twice what the insert costs without it, and a
 * million-row import 40 seconds. It is not needed: every new review moves its shop's statistics in
 * the same transaction (docs/reference/reviews.md §8), and the `review_stats` triggers move the
 * version. Updates and deletes of reviews, which may leave the statistics alone (a reply, an
 * edit), keep their triggers.
 */
async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    for (const [event, row] of [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const) {
      if (table === 'reviews' && event === 'insert') continue;
      await sql
        .raw(`create trigger ${table}_${event}_content_version after ${event} on ${table} for each row begin
          update content_versions set version = version + 1 where shop_id = ${row}.shop_id;
        end`)
        .execute(db);
    }
  }
  await sql.raw(`create trigger shops_update_content_version after update on shops for each row begin
      update content_versions set version = version + 1, shop_version = shop_version + 1 where shop_id = new.id;
    end`).execute(db);
  await sql.raw(`create trigger shops_insert_content_version after insert on shops for each row begin
      insert into content_versions (shop_id, version, shop_version) values (new.id, 1, 1);
    end`).execute(db);
}

/**
 * PostgreSQL moves the version at commit, once per shop and transaction: deferred constraint
 * triggers run when the transaction commits, and a transaction-local setting remembers the shops
 * already moved. A version row is locked only for the commit itself, so concurrent writers of one
 * shop (two API processes taking new reviews) do not queue behind each other's whole transaction,
 * and a batch of 500 imported reviews updates the row once.
 */
async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function plaudit_bump_content_version() returns trigger language plpgsql as $$
    declare
      shop text;
      marker text;
    begin
      if tg_table_name = 'shops' then
        shop := new.id;
        marker := 'plaudit.shop_moved_' || shop;
      elsif tg_op = 'DELETE' then
        shop := old.shop_id;
        marker := 'plaudit.content_moved_' || shop;
      else
        shop := new.shop_id;
        marker := 'plaudit.content_moved_' || shop;
      end if;
      if current_setting(marker, true) is distinct from 'yes' then
        if tg_table_name = 'shops' then
          update content_versions set version = version + 1, shop_version = shop_version + 1 where shop_id = shop;
        else
          update content_versions set version = version + 1 where shop_id = shop;
        end if;
        perform set_config(marker, 'yes', true);
      end if;
      return null;
    end $$`.execute(db);
  for (const table of VERSIONED_TABLES) {
    await sql
      .raw(`create constraint trigger ${table}_content_version after insert or update or delete on ${table}
        deferrable initially deferred for each row execute function plaudit_bump_content_version()`)
      .execute(db);
  }
  await sql`create constraint trigger shops_content_version after update on shops
    deferrable initially deferred for each row execute function plaudit_bump_content_version()`.execute(db);
  await sql`create function plaudit_first_content_version() returns trigger language plpgsql as $$
    begin
      insert into content_versions (shop_id, version, shop_version) values (new.id, 1, 1);
      return null;
    end $$`.execute(db);
  await sql`create trigger shops_insert_content_version after insert on shops for each row execute function plaudit_first_content_version()`.execute(db);
}

/**
 * Every shop's content version (docs/architecture.md, "Reads at memory speed"): a number that moves
 * on in the same transaction as any change to what the shop publishes. Cached answers are keyed by
 * it, so an answer is reused only while the version it was built from is still current. Triggers
 * keep it, so no write path can forget to.
 */
export function contentVersionsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('content_versions')
        .addColumn('shop_id', 'text', (c) => c.primaryKey().notNull().references('shops.id'))
        .addColumn('version', 'bigint', (c) => c.notNull())
        // Moves only when the shop's own row changes: a new review does not make the shop row stale.
        .addColumn('shop_version', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into content_versions (shop_id, version, shop_version) select id, 1, 1 from shops`.execute(db);
      if (dialect === 'sqlite') await sqliteTriggers(db);
      else await postgresTriggers(db);
      for (const index of STOREFRONT_INDEXES) {
        await db.schema
          .createIndex(index.name)
          .on('reviews')
          .columns([...index.columns])
          .where(sql<boolean>`is_published = 1 and deleted_at is null`)
          .execute();
      }
    },
  };
}
