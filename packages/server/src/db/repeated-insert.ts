import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { databaseOf, write, type WriteTarget } from './write-batch.js';

type Row = Record<string, unknown>;

/**
 * Shapes kept per database. A bulk writer's last piece of each batch has a row count of its own,
 * and a statement for thousands of rows is a long string: the oldest shape goes first.
 */
const KEPT_SHAPES = 32;

/** The columns a row sets: Kysely leaves a column whose value is undefined out of the INSERT. */
function setColumns(row: Row): string[] {
  return Object.keys(row).filter((column) => row[column] !== undefined);
}

/** How many columns a row sets, without a list per row (an import checks 20,000 rows a batch). */
function countSetColumns(row: Row): number {
  let count = 0;
  for (const column in row) if (row[column] !== undefined) count += 1;
  return count;
}

/**
 * An INSERT run many times with the same shape: a bulk import's batches, or the one row of every
 * new review. Kysely builds and compiles a syntax tree per call, a cost per value; here the SQL is
 * compiled once per shape (the columns the first row sets, in its order, and the row count), from
 * placeholder rows, and each call only binds the new values. The SQL still comes from Kysely, so
 * placeholders and quoting follow the dialect, and it is kept per database: a Kysely instance and
 * its transactions share one adapter. Every row of a call must set exactly the first row's columns.
 */
export class RepeatedInsert<R extends Row, Result> {
  readonly #sqlByDatabase = new WeakMap<object, Map<string, string>>();

  constructor(private readonly build: (db: Kysely<Database>, rows: R[]) => Compilable<Result>) {}

  async execute(db: Kysely<Database>, rows: readonly R[]): Promise<Result[]> {
    if (rows.length === 0) return [];
    return (await db.executeQuery<Result>(this.query(db, rows))).rows;
  }

  /** Runs the insert now, or adds it to a batch (its result is not read). */
  async write(target: WriteTarget, rows: readonly R[]): Promise<void> {
    if (rows.length > 0) await write(target, this.query(databaseOf(target), rows));
  }

  /** The statement for `rows` (at least one) with their values bound. */
  query(db: Kysely<Database>, rows: readonly R[]): CompiledQuery<Result> {
    const columns = setColumns(rows[0]!);
    const parameters: unknown[] = [];
    const differ = () => new Error("RepeatedInsert: a row's columns differ from the first row's");
    for (const row of rows) {
      for (const column of columns) {
        const value = row[column];
        if (value === undefined) throw differ();
        parameters.push(value);
      }
      if (countSetColumns(row) !== columns.length) throw differ();
    }
    const adapter = db.getExecutor().adapter;
    let compiled = this.#sqlByDatabase.get(adapter);
    if (compiled === undefined) this.#sqlByDatabase.set(adapter, (compiled = new Map()));
    const shape = `${rows.length}:${columns.join(',')}`;
    let sql = compiled.get(shape);
    if (sql === undefined) {
      sql = this.#compile(db, columns, rows.length);
      if (compiled.size >= KEPT_SHAPES) compiled.delete(compiled.keys().next().value!);
      compiled.set(shape, sql);
    }
    return CompiledQuery.raw(sql, parameters) as CompiledQuery<Result>;
  }

  #compile(db: Kysely<Database>, columns: string[], rowCount: number): string {
    const placeholder = Object.fromEntries(columns.map((column) => [column, null])) as R;
    const compiled = this.build(db, Array.from({ length: rowCount }, () => placeholder)).compile();
    // Anything else bound in the statement would shift the values: refuse rather than misplace them.
    if (compiled.parameters.length !== rowCount * columns.length) throw new Error('RepeatedInsert: the statement binds values besides the rows');
    return compiled.sql;
  }
}
