import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** Statements kept prepared per connection: Plaudit's queries come from a fixed set of shapes, and IN-lists of varying length add some. */
const PREPARED_PER_CONNECTION = 300;

/**
 * A statement with more values than this goes unprepared: a bulk insert of an import or a long
 * IN-list runs a few times at most, its rows cost more than its parsing, and its plan would hold
 * server memory on every connection that ran it.
 */
const MOST_VALUES_PREPARED = 100;

/**
 * SQLSTATEs of a prepared statement that no longer fits the server: a migration changed what a
 * `select *` returns (0A000, "cached plan must not change result type"), or the server forgot the
 * statement (26000: a pooler handed the session to another server connection, or DISCARD ALL).
 */
const STALE_STATEMENT = new Set(['0A000', '26000']);

/** Makes the names unique in the process, so a name is never reused for another text on any connection. */
let nextName = 0;

/**
 * A pool whose connections prepare each statement once and then only bind and execute it.
 * PostgreSQL parses and plans an unnamed statement on every run, and node-postgres sends its text
 * every time. Prepared statements live on their server connection, so they are kept per pooled
 * client, by SQL text. PostgreSQL may plan a prepared statement once for any values (its
 * `plan_cache_mode`); an operator who sees a plan suffer from that can set `force_custom_plan` on
 * the database and keep the saved parsing.
 *
 * A statement that no longer fits (STALE_STATEMENT) makes its connection forget every name it
 * holds and prepare afresh. Run outside a transaction, the failed query is sent once more,
 * unprepared; inside one, the transaction has failed anyway and the error goes to its caller.
 * Connection poolers that move sessions between server connections (PgBouncer in transaction mode
 * before 1.21) cannot hold prepared statements: `POSTGRES_PREPARED_STATEMENTS=off`.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const namesByClient = new WeakMap<pg.PoolClient, Map<string, string>>();
  const preparing = (client: pg.PoolClient): PostgresPoolClient => ({
    release: (destroy?: boolean) => client.release(destroy),
    query: ((text: string | object, parameters?: readonly unknown[]) => {
      // Cursors (streamed reads), statements without values and bulk statements go through as they are.
      if (typeof text !== 'string' || parameters === undefined || parameters.length === 0 || parameters.length > MOST_VALUES_PREPARED) {
        return client.query(text as string, parameters as unknown[]);
      }
      let names = namesByClient.get(client);
      if (names === undefined) namesByClient.set(client, (names = new Map()));
      let name = names.get(text);
      if (name === undefined && names.size < PREPARED_PER_CONNECTION) names.set(text, (name = `plaudit_${(nextName += 1)}`));
      if (name === undefined) return client.query(text, parameters as unknown[]);
      return runPrepared(client, name, text, parameters, names);
    }) as PostgresPoolClient['query'],
  });
  return {
    connect: async () => preparing(await pool.connect()),
    end: () => pool.end(),
  };
}

async function runPrepared(client: pg.PoolClient, name: string, text: string, parameters: readonly unknown[], names: Map<string, string>): Promise<PostgresQueryResult<unknown>> {
  try {
    // Kysely hands over a fresh array per query, and pg only reads it: no copy here.
    return (await client.query({ name, text, values: parameters as unknown[] })) as unknown as PostgresQueryResult<unknown>;
  } catch (error) {
    if (!STALE_STATEMENT.has((error as { code?: string }).code ?? '')) throw error;
    names.clear();
    if (client.getTransactionStatus() !== 'I') throw error;
    return (await client.query(text, parameters as unknown[])) as unknown as PostgresQueryResult<unknown>;
  }
}
