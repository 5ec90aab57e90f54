import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { preparingPool } from './pg-prepared-statements.js';
import type { DatabaseTarget, SqliteSynchronous } from '../config/config.js';
import { readOncePerTurn } from './change-mark.js';
import { BackgroundCheckpoints, type CheckpointOptions } from './sqlite-checkpoints.js';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.js';
import type { Database } from './schema.js';
import { withStatementCache } from './sqlite-statement-cache.js';

export type Dialect = DatabaseTarget['dialect'];

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /**
   * A number that changes whenever any connection, of this process or another, commits; the same
   * number means nothing was committed in between. Always read at or after the call, so a commit
   * acknowledged before it is seen. SQLite reads it from the file's WAL header (`pragma
   * data_version`), once per event-loop turn for every caller of that turn (change-mark.ts);
   * PostgreSQL has no such thing, so it is absent there.
   */
  readonly changeMark?: () => Promise<number>;
  close(): Promise<void>;
}

/** pg returns int8 (COUNT, bigint columns) as strings by default; our int8 values fit in 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface ConnectOptions {
  /** PostgreSQL: connections in the pool. */
  poolSize?: number;
  /**
   * SQLite: the writer's page cache, when better-sqlite3's 16 MB is too small for the work (a bulk
   * import). An upper bound, taken only as pages are read.
   */
  sqlitePageCacheMiB?: number;
  /**
   * SQLite: checkpoint the WAL from a thread of its own instead of inside the writer's commits
   * (sqlite-checkpoints.ts). For the long-running processes, whose event loop serves requests or
   * deliveries; a one-shot command gains nothing from a thread.
   */
  sqliteBackgroundCheckpoints?: boolean | CheckpointOptions;
}

function openSqliteWriter(file: string, synchronous: SqliteSynchronous, pageCacheMiB: number | undefined): SQLite.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers proceed during a write; the busy timeout makes a second process wait for the
  // write lock instead of failing with SQLITE_BUSY at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  // FULL syncs the WAL at every commit, so an acknowledged write survives a power cut; group
  // commit (sqlite-group-commit.ts) pays that once for many requests. NORMAL is the operator's
  // explicit opt-out (SQLITE_SYNCHRONOUS=normal).
  sqlite.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  // Group commit gives each transaction after a group's first a savepoint, and SQLite copies each
  // page a savepoint changes into a statement journal first. Past 64 KiB that journal spills to a temporary
  // file, created and unlinked per group and written twice per page: of 3,000 creates' 247,000
  // pwrite calls, 165,000 were the journal's. In memory it is a copy in RAM. The cost: the writer's
  // temporary sorts (an index a migration builds) are held in memory too.
  sqlite.pragma('temp_store = MEMORY');
  // A negative size is in KiB.
  if (pageCacheMiB !== undefined) sqlite.pragma(`cache_size = ${-Math.round(pageCacheMiB * 1024)}`);
  return sqlite;
}

/** The second connection, for reads outside transactions; read-only, so it cannot write by mistake. */
function openSqliteReader(file: string): SQLite.Database {
  const sqlite = new SQLite(file, { readonly: true });
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export function connectDatabase(target: DatabaseTarget, options: ConnectOptions = {}): Db {
  if (target.dialect === 'sqlite') {
    const writer = openSqliteWriter(target.file, target.synchronous ?? 'full', options.sqlitePageCacheMiB);
    // An in-memory database exists only on its one connection: there, reads share the writer.
    const reader = target.file === ':memory:' ? undefined : openSqliteReader(target.file);
    const dialect = new GroupCommitSqliteDialect(withStatementCache(writer), reader && withStatementCache(reader));
    const kysely = new Kysely<Database>({ dialect });
    const checkpoints = options.sqliteBackgroundCheckpoints && target.file !== ':memory:' ? BackgroundCheckpoints.start(writer, target.file, dialect.writerHooks, options.sqliteBackgroundCheckpoints === true ? {} : options.sqliteBackgroundCheckpoints) : undefined;
    // Asked of the reader, which never writes: every commit, of this process's writer or of another
    // process (`plaudit import`), changes it. Exact: a cached read after an acknowledged write
    // always sees the write.
    const dataVersion = reader?.prepare('pragma data_version').pluck();
    const changeMark = dataVersion && readOncePerTurn(() => dataVersion.get() as number);
    const close = async () => {
      await checkpoints?.close();
      await kysely.destroy();
    };
    return { kysely, dialect: 'sqlite', ...(changeMark ? { changeMark } : {}), close };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10, types: pgTypes });
  // An idle connection the server ends (a restart, a failover, an administrator) is dropped from the
  // pool and replaced on the next query. pg reports it as an 'error' event, which without a listener
  // would crash the whole process over a connection nobody was using.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: target.preparedStatements === false ? pool : preparingPool(pool) }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}
