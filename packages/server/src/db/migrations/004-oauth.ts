import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { withIdColumn } from './id-column.js';

/**
 * The authorization server (docs/reference/auth.md §4–9): platforms (OAuth clients), grants (platform × shop),
 * token families (one per redeemed code: the unit that reuse detection revokes), codes and tokens
 * stored as SHA-256 hashes only, merchants with their shops and browser sessions. Outbox events
 * gain an optional platform, for the system webhooks sent to one platform (docs/reference/auth.md §8).
 */
export function oauthMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('platforms')
        .addColumn('client_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('client_secret_sealed', 'text', (c) => c.notNull())
        .addColumn('webhook_secret_sealed', 'text', (c) => c.notNull())
        .addColumn('redirect_uris', 'text', (c) => c.notNull())
        .addColumn('webhook_url', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('allowed_scopes', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await withIdColumn(dialect, db.schema.createTable('grants'))
        .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.client_id'))
        .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('authorized_at', 'bigint', (c) => c.notNull())
        .addColumn('status_changed_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('grants_platform_shop', ['platform_id', 'shop_id'])
        .execute();

      await withIdColumn(dialect, db.schema.createTable('token_families'))
        .addColumn('grant_id', 'bigint', (c) => c.notNull().references('grants.id'))
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('chain_expires_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .addColumn('revoked_reason', 'text')
        .execute();
      await db.schema.createIndex('token_families_grant').on('token_families').column('grant_id').execute();

      await db.schema
        .createTable('authorization_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('platform_id', 'text', (c) => c.notNull())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('merchant_id', 'bigint', (c) => c.notNull())
        .addColumn('redirect_uri', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('code_challenge', 'text')
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .addColumn('family_id', 'bigint')
        .execute();
      await db.schema.createIndex('authorization_codes_expiry').on('authorization_codes').column('expires_at').execute();

      for (const table of ['access_tokens', 'refresh_tokens'] as const) {
        await db.schema
          .createTable(table)
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('family_id', 'bigint', (c) => c.notNull().references('token_families.id'))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('revoked_at', 'bigint')
          .$call((t) => (table === 'refresh_tokens' ? t.addColumn('rotated_at', 'bigint') : t))
          .execute();
        await db.schema.createIndex(`${table}_family`).on(table).column('family_id').execute();
      }

      await withIdColumn(dialect, db.schema.createTable('merchants'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('merchant_shops')
        .addColumn('merchant_id', 'bigint', (c) => c.notNull().references('merchants.id'))
        .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
        .addPrimaryKeyConstraint('merchant_shops_pk', ['merchant_id', 'shop_id'])
        .execute();

      await db.schema
        .createTable('merchant_sessions')
        .addColumn('session_hash', 'text', (c) => c.primaryKey())
        .addColumn('merchant_id', 'bigint', (c) => c.notNull().references('merchants.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('merchant_sessions_merchant').on('merchant_sessions').column('merchant_id').execute();

      await db.schema.alterTable('outbox_events').addColumn('platform_id', 'text').execute();
    },
  };
}
