import { CompiledQuery, type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from './schema.js';

/**
 * Writes of one transaction that nobody reads the result of (the events, history and counters a
 * new review moves), collected and sent together. On PostgreSQL each statement is a round trip to
 * the server, and a signed create_review made ten of them; `send` joins the collected writes
 * into one statement of data-modifying WITH clauses, which PostgreSQL runs in full, in one
 * snapshot, whether or not the statement reads them. SQLite runs in this process, where a
 * statement costs no round trip, and it has no data-modifying WITH: there they run one by one.
 *
 * Writes must be independent of each other: in one PostgreSQL statement they run in no set order,
 * none sees another's rows, and two that change the same row are refused or race. SQLite runs them
 * in the order they were added.
 */
export class WriteBatch {
  readonly #queries: CompiledQuery[] = [];

  constructor(readonly db: Kysely<Database>) {}

  add(query: CompiledQuery): void {
    this.#queries.push(query);
  }

  /** Sends what was added, in the caller's transaction, and empties the batch. */
  async send(): Promise<void> {
    const queries = this.#queries.splice(0);
    if (queries.length === 0) return;
    if (queries.length === 1 || !(this.db.getExecutor().adapter instanceof PostgresAdapter)) {
      for (const query of queries) await this.db.executeQuery(query);
      return;
    }
    await this.db.executeQuery(joinedStatement(queries));
  }
}

/** Where a write goes: run now, or added to a batch that is sent later. */
export type WriteTarget = Kysely<Database> | WriteBatch;

/** Runs `query` now, or adds it to the batch. */
export async function write(target: WriteTarget, query: CompiledQuery): Promise<void> {
  if (target instanceof WriteBatch) target.add(query);
  else await target.executeQuery(query);
}

/** The database a target writes to, for compiling its statements. */
export function databaseOf(target: WriteTarget): Kysely<Database> {
  return target instanceof WriteBatch ? target.db : target;
}

const PLACEHOLDER = /\$(\d+)/g;

/**
 * `with w0 as (first), w1 as (second) last`, each statement's `$n` moved past the values of the
 * statements before it. Kysely binds every value as a placeholder of its own, `$1` to `$n` in
 * order, and quotes no value into the text; a statement that does not look like that is refused
 * rather than given another statement's values.
 */
export function joinedStatement(queries: readonly CompiledQuery[]): CompiledQuery {
  const parts: string[] = [];
  const parameters: unknown[] = [];
  for (const query of queries) {
    const offset = parameters.length;
    let seen = 0;
    const text = query.sql.replace(PLACEHOLDER, (_, index: string) => {
      seen += 1;
      if (Number(index) !== seen) throw new Error(`WriteBatch: placeholder $${index} out of order in: ${query.sql}`);
      return `$${seen + offset}`;
    });
    if (seen !== query.parameters.length) throw new Error(`WriteBatch: ${query.parameters.length} values for ${seen} placeholders in: ${query.sql}`);
    parts.push(text);
    parameters.push(...query.parameters);
  }
  const last = parts.pop()!;
  return CompiledQuery.raw(`with ${parts.map((text, index) => `w${index} as (${text})`).join(', ')} ${last}`, parameters);
}
