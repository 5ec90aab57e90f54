import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Tables that belong to no single shop, each with the reason (docs/architecture.md, "Beyond one
 * PostgreSQL"). Every other table is a tenant table: a shard key must be on every row.
 */
const NOT_TENANT_TABLES: Record<string, string> = {
  shops: 'the tenants themselves: `id` is the shop id',
  platforms: 'partner platforms serve many shops',
  merchants: 'a merchant account may run several shops (merchant_shops joins them)',
  merchant_sessions: 'a session belongs to a merchant, who picks a shop inside it',
  request_signatures: 'the replay cache is keyed by signature, before the shop is known',
  token_families: 'reached by token hash before the shop is known; the grant holds the shop',
  access_tokens: 'reached by token hash before the shop is known; the grant holds the shop',
  refresh_tokens: 'reached by token hash before the shop is known; the grant holds the shop',
};

/** Kysely's own bookkeeping, not Plaudit's data. */
const isMigrationTable = (name: string) => name.startsWith('kysely_migration');

describeEachDatabase('tenant tables', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('every tenant table has a non-null shop_id column', async () => {
    const tables = (await database.db.kysely.introspection.getTables()).filter((table) => !isMigrationTable(table.name));
    expect(tables.length).toBeGreaterThan(Object.keys(NOT_TENANT_TABLES).length);
    const withoutShopId = tables
      .filter((table) => !(table.name in NOT_TENANT_TABLES))
      .filter((table) => !table.columns.some((column) => column.name === 'shop_id' && !column.isNullable))
      .map((table) => table.name);
    expect(withoutShopId).toEqual([]);
  });

  it('lists only tables that exist as the exceptions', async () => {
    const names = new Set((await database.db.kysely.introspection.getTables()).map((table) => table.name));
    expect(Object.keys(NOT_TENANT_TABLES).filter((name) => !names.has(name))).toEqual([]);
  });
});
