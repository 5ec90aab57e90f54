import { type RawBuilder, sql } from 'kysely';

/**
 * A LIKE pattern matching `text` anywhere, lower-cased, in which `%` and `_` are ordinary
 * characters (escaped with `\`), for use as `where(column, 'like', containing(text))` on both
 * dialects.
 */
export function containing(text: string): RawBuilder<string> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<string>`${pattern} escape '\\'`;
}
