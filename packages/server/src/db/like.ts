import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';

/**
 * A LIKE pattern matching `text` anywhere, lower-cased, in which `%` and `_` are ordinary
 * characters (escaped with `\`), for use as `where(column, 'like', containing(text))` on both
 * dialects.
 */
export function containing(text: string): RawBuilder<string> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<string>`${pattern} escape '\\'`;
}

/** A row whose text column contains any of the texts, case-insensitively (callers pass at least one). */
export function mentionsAny<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, texts: readonly string[]) {
  return eb.or(texts.map((text) => eb(sql<string>`lower(${sql.ref(column)})`, 'like', containing(text))));
}
