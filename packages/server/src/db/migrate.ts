import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import type { Db, Dialect } from './connect.js';
import { coreMigration } from './migrations/001-core.js';
import { reviewProvenanceMigration } from './migrations/002-review-provenance.js';
import { requestSignaturesMigration } from './migrations/003-request-signatures.js';
import { oauthMigration } from './migrations/004-oauth.js';
import { webhooksMigration } from './migrations/005-webhooks.js';
import { customersMigration } from './migrations/006-customers.js';
import { ordersMigration } from './migrations/007-orders.js';
import { customerEventsMigration } from './migrations/008-customer-events.js';
import { requestSendingMigration } from './migrations/009-request-sending.js';
import { mediaMigration } from './migrations/010-media.js';
import { storefrontMigration } from './migrations/011-storefront.js';
import { reviewImportsMigration } from './migrations/012-review-imports.js';
import { storefrontRankMigration } from './migrations/013-storefront-rank.js';
import { contentVersionsMigration } from './migrations/014-content-versions.js';
import { reviewActivityMigration } from './migrations/015-review-activity.js';
import { reviewDisclosuresMigration } from './migrations/016-review-disclosures.js';
import { reviewHistoryMigration } from './migrations/017-review-history.js';
import { reviewReportsMigration } from './migrations/018-review-reports.js';
import { reviewModerationMigration } from './migrations/019-review-moderation.js';
import { questionsMigration } from './migrations/020-questions.js';
import { connectorsMigration } from './migrations/021-connectors.js';

/** Migrations in order. Names are permanent: they are recorded in the database. */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '001-core': coreMigration(dialect),
    '002-review-provenance': reviewProvenanceMigration,
    '003-request-signatures': requestSignaturesMigration,
    '004-oauth': oauthMigration(dialect),
    '005-webhooks': webhooksMigration(dialect),
    '006-customers': customersMigration(dialect),
    '007-orders': ordersMigration(dialect),
    '008-customer-events': customerEventsMigration(dialect),
    '009-request-sending': requestSendingMigration,
    '010-media': mediaMigration,
    '011-storefront': storefrontMigration,
    '012-review-imports': reviewImportsMigration(dialect),
    '013-storefront-rank': storefrontRankMigration,
    '014-content-versions': contentVersionsMigration(dialect),
    '015-review-activity': reviewActivityMigration,
    '016-review-disclosures': reviewDisclosuresMigration,
    '017-review-history': reviewHistoryMigration(dialect),
    '018-review-reports': reviewReportsMigration(dialect),
    '019-review-moderation': reviewModerationMigration,
    '020-questions': questionsMigration(dialect),
    '021-connectors': connectorsMigration(dialect),
  };
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.dialect);
  }
}

export class MigrationError extends Error {
  constructor(readonly migration: string | undefined, cause: unknown) {
    super(`migration ${migration ?? '(unknown)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Brings the schema to the latest version; returns the names of the migrations it applied. */
export function migrateToLatest(db: Db): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema up to the named migration (tests of a migration's data changes). */
export function migrateUpTo(db: Db, name: string): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(db: Db, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely as Kysely<unknown>, provider: new StaticMigrationProvider(db.dialect) });
  const { error, results } = await run(migrator);
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new MigrationError(failed, error);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely as Kysely<unknown>, provider: new StaticMigrationProvider(db.dialect) });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
