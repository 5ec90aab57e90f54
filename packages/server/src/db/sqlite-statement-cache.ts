import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely prepares every query again; preparing costs more than running the small indexed queries
 * Plaudit makes. Statements are cached by SQL text (bounded: queries are built from a fixed set of
 * shapes, though IN-lists of varying length add a few). Safe because Kysely's SQLite driver runs
 * one statement at a time on its single connection and never iterates two at once.
 */
export function withStatementCache(database: SQLite.Database, maxEntries = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}
