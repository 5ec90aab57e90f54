import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

type Row = Record<string, unknown>;

/**
 * Builds rows as object literals of one fixed shape per statement. better-sqlite3 adds each column
 * to a fresh object one by one, which costs more than the query itself on a page of reviews;
 * reading arrays and building literals through a generated function gives V8 one hidden class.
 * Column names are embedded with JSON.stringify, so no name can break out of the literal.
 */
function rowBuilder(statement: SQLite.Statement): (values: unknown[]) => Row {
  const names = statement.columns().map((column) => column.name);
  const body = `return {${names.map((name, index) => `${JSON.stringify(name)}: values[${index}]`).join(', ')}};`;
  return new Function('values', body) as (values: unknown[]) => Row;
}

function cachedStatement(statement: SQLite.Statement): SqliteStatement {
  if (!statement.reader) return statement as unknown as SqliteStatement;
  const raw = statement.raw(true);
  const build = rowBuilder(raw);
  return {
    reader: true,
    all: (parameters: ReadonlyArray<unknown>) => (raw.all(...parameters) as unknown[][]).map(build),
    run: (parameters: ReadonlyArray<unknown>) => raw.run(...parameters),
    *iterate(parameters: ReadonlyArray<unknown>) {
      for (const values of raw.iterate(...parameters) as IterableIterator<unknown[]>) yield build(values);
    },
  } as SqliteStatement;
}

/**
 * Kysely prepares every query again, and preparing costs more than running the small indexed
 * queries Plaudit makes. Statements are cached by SQL text (bounded: queries come from a fixed set
 * of shapes, though IN-lists of varying length add some). Safe because a connection runs one statement at
 * a time, to its end, before the next (sqlite-group-commit.ts never streams).
 */
export function withStatementCache(database: SQLite.Database, maxEntries = 500): SqliteDatabase & { readonly inTransaction: boolean } {
  const cache = new Map<string, SqliteStatement>();
  return {
    get inTransaction() {
      return database.inTransaction;
    },
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = cachedStatement(database.prepare(sql));
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
