import type { CreateTableBuilder } from 'kysely';
import type { Dialect } from '../connect.js';

/** Surrogate integer keys: AUTOINCREMENT on SQLite (ids never reused), identity on PostgreSQL. */
export function withIdColumn<TB extends string>(dialect: Dialect, table: CreateTableBuilder<TB, never>): CreateTableBuilder<TB, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}
