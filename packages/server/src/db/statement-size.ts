/**
 * SQLite binds at most 32,766 values in one statement (PostgreSQL 65,535): a multi-row insert of a
 * large batch must be cut into statements that stay under the smaller of the two.
 */
const BOUND_VALUES_LIMIT = 32_766;

/** The rows of a table with `columns` columns that fit in one statement. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(BOUND_VALUES_LIMIT / columns));
}

/** `rows` cut into consecutive pieces of at most `size`. */
export function piecesOf<T>(rows: readonly T[], size: number): T[][] {
  const pieces: T[][] = [];
  for (let start = 0; start < rows.length; start += size) pieces.push(rows.slice(start, start + size));
  return pieces;
}
