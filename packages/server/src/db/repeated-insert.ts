import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';

type Row = Record<string, unknown>;

/**
 * A multi-row INSERT run many times with the same shape (a bulk import's batches). Kysely builds
 * and compiles a syntax tree per call, a cost per value; here the SQL is compiled once per row
 * count, from placeholder rows, and each call only binds the new values. The SQL still comes from
 * Kysely, so placeholders and quoting follow the dialect. Every row must have exactly the columns
 * of the first row the statement saw, in any order; one instance serves one database's dialect.
 */
export class RepeatedInsert<R extends Row, Result> {
  readonly #sqlByRowCount = new Map<number, string>();
  #columns: string[] | undefined;

  constructor(private readonly build: (db: Kysely<Database>, rows: R[]) => Compilable<Result>) {}

  async execute(db: Kysely<Database>, rows: readonly R[]): Promise<Result[]> {
    if (rows.length === 0) return [];
    const columns = (this.#columns ??= Object.keys(rows[0]!));
    const parameters: unknown[] = [];
    for (const row of rows) {
      if (Object.keys(row).length !== columns.length) throw new Error("RepeatedInsert: a row's columns differ from the first row's");
      for (const column of columns) {
        const value = row[column];
        if (value === undefined) throw new Error(`RepeatedInsert: a row has no value for ${column}`);
        parameters.push(value);
      }
    }
    const sql = this.#sqlByRowCount.get(rows.length) ?? this.#compile(db, columns, rows.length);
    const result = await db.executeQuery<Result>(CompiledQuery.raw(sql, parameters));
    return result.rows;
  }

  #compile(db: Kysely<Database>, columns: string[], rowCount: number): string {
    const placeholder = Object.fromEntries(columns.map((column) => [column, null])) as R;
    const compiled = this.build(db, Array.from({ length: rowCount }, () => placeholder)).compile();
    // Anything else bound in the statement would shift the values: refuse rather than misplace them.
    if (compiled.parameters.length !== rowCount * columns.length) throw new Error('RepeatedInsert: the statement binds values besides the rows');
    this.#sqlByRowCount.set(rowCount, compiled.sql);
    return compiled.sql;
  }
}
