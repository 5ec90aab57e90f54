import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Harness } from './harness.js';

/**
 * Tables a refused request may legitimately change. `request_signatures` is the replay memory: a
 * request refused for any reason may sweep expired signatures out of it, and what it holds is
 * asserted by the replay tests themselves.
 */
const BOOKKEEPING_TABLES = new Set(['request_signatures']);

export async function tableNames(h: Harness): Promise<string[]> {
  const db = h.deps.db.kysely;
  const rows =
    h.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.rows.map((row) => row.name).filter((name) => !BOOKKEEPING_TABLES.has(name)).sort();
}

/**
 * One SHA-256 per table over every row and every column, in an order that does not depend on how
 * the database happens to return them. Any change a refused request made to any row shows up,
 * whether it inserted, deleted or only updated a column no count or timestamp would reveal.
 */
export async function databaseChecksum(h: Harness): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of await tableNames(h)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(h.deps.db.kysely);
    const lines = rows.rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).sort();
    sums[table] = `${lines.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return sums;
}

/** Every row of every table whose columns, read as text, contain `text` in any letter case: "table: row". */
export async function rowsMentioning(h: Harness, text: string): Promise<string[]> {
  const found: string[] = [];
  const needle = text.toLowerCase();
  for (const table of await tableNames(h)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(h.deps.db.kysely);
    for (const row of rows.rows) {
      const line = JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
      if (line.toLowerCase().includes(needle)) found.push(`${table}: ${line}`);
    }
  }
  return found;
}
