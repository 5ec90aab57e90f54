import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  RawNode,
  SelectQueryNode,
  SqliteDialect,
  type SqliteDatabase,
} from 'kysely';
import type { WriterHooks } from './sqlite-checkpoints.js';

/** A group commits after this many transactions even while more are waiting, to bound latency. */
const MAX_GROUP_SIZE = 200;

/** A first-come, first-served lock: whoever asked first writes first. */
class Turn {
  #held = false;
  readonly #waiting: Array<() => void> = [];

  async take(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  give(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#held = false;
    else next();
  }

  get contended(): boolean {
    return this.#waiting.length > 0;
  }
}

/** One SQLite transaction shared by the writes of concurrent requests. */
class Group {
  members = 0;
  commitScheduled = false;
  readonly committed: Promise<void>;
  resolve!: () => void;
  reject!: (error: unknown) => void;

  constructor() {
    this.committed = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // A member that failed does not wait for the commit; nobody else may be listening either.
    this.committed.catch(() => {});
  }
}

const MEMBER_SAVEPOINT = 'plaudit_member';

/**
 * Group commit for SQLite (docs/architecture.md, "Writes without waiting"). With
 * `synchronous = FULL` every COMMIT waits for the disk, and one request's transaction costs a
 * fraction of that wait. So the transactions of concurrent requests run one after another inside
 * one SQLite transaction, each in a savepoint of its own (a failing one rolls back alone), and one
 * COMMIT makes the whole group durable. Each transaction is reported committed only after that
 * COMMIT: nobody is told "done" before the disk has it.
 *
 * Reads outside a transaction run on a second connection (WAL lets it read while the writer
 * writes), so they never wait for a group and never see a write that is not yet committed.
 */
class GroupCommitDriver implements Driver, WriterHooks {
  readonly #turn = new Turn();
  #group: Group | undefined;
  #onCommit: (() => void) | undefined;

  constructor(
    private readonly writer: SqliteDatabase & { readonly inTransaction: boolean },
    private readonly reader: SqliteDatabase | undefined,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GroupConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as GroupConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as GroupConnection).end(true);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as GroupConnection).end(false);
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.reader?.close();
    this.writer.close();
  }

  /**
   * Waits for the writer, then joins the open group, or opens one. A member after the first works
   * in a savepoint, so that it can fail alone; the first needs none: members take turns, so while
   * it works the transaction holds its work only, and its failure rolls the transaction back. A
   * savepoint costs a copy of every page it changes, which for a bulk import's batch, always alone
   * in its process, is most of the pages of the file.
   */
  async beginMember(): Promise<Group> {
    await this.#turn.take();
    try {
      if (this.#group === undefined) {
        // IMMEDIATE takes the write lock now: a second process (an import) waits in busy_timeout
        // instead of failing half-way through the group.
        run(this.writer, 'begin immediate');
        this.#group = new Group();
      } else {
        run(this.writer, `savepoint ${MEMBER_SAVEPOINT}`);
      }
      this.#group.members += 1;
      return this.#group;
    } catch (error) {
      // Members waiting behind this one count on the last of them to schedule the commit.
      if (this.#group !== undefined) this.#scheduleCommit(this.#group);
      this.#turn.give();
      throw error;
    }
  }

  /**
   * Ends the member's work: keeps or undoes it (its savepoint, or for the group's first member the
   * transaction itself); the caller then waits for `group.committed` if it kept its work.
   */
  endMember(group: Group, keep: boolean): void {
    try {
      if (!this.writer.inTransaction) {
        // SQLite rolled the whole transaction back itself (a full disk, an I/O error): the work of
        // every member of the group is gone, and each of them must hear so.
        this.#abandon(group, new Error('the write transaction was rolled back by SQLite'));
      } else if (group.members === 1) {
        // The group's first member, without a savepoint: the transaction is its work alone, and
        // nobody else waits for its commit.
        if (!keep) {
          this.#group = undefined;
          run(this.writer, 'rollback');
        }
      } else {
        if (!keep) run(this.writer, `rollback to ${MEMBER_SAVEPOINT}`);
        run(this.writer, `release ${MEMBER_SAVEPOINT}`);
      }
    } finally {
      this.#scheduleCommit(group);
      this.#turn.give();
    }
  }

  #scheduleCommit(group: Group): void {
    if (group !== this.#group || group.commitScheduled) return;
    if (this.#turn.contended && group.members < MAX_GROUP_SIZE) {
      // Those already waiting join this group; the last of them schedules the commit.
      return;
    }
    group.commitScheduled = true;
    // setImmediate lets requests that arrived meanwhile reach their transaction first: they queue
    // for the writer before the commit does, and join the group.
    setImmediate(() => void this.#commit(group));
  }

  async #commit(group: Group): Promise<void> {
    await this.#turn.take();
    try {
      if (group === this.#group) this.#commitHeld(group);
    } finally {
      this.#turn.give();
    }
  }

  /** Commits the open group; the caller holds the turn. */
  #commitHeld(group: Group): void {
    this.#group = undefined;
    try {
      run(this.writer, 'commit');
    } catch (error) {
      if (this.writer.inTransaction) run(this.writer, 'rollback');
      group.reject(error);
      return;
    }
    group.resolve();
    this.#onCommit?.();
  }

  onCommit(listener: () => void): void {
    this.#onCommit = listener;
  }

  /**
   * Runs `work` while no write transaction is open: takes the writer's turn, commits the group it
   * finds open (its members have all ended; the commit they scheduled will find nothing to do), and
   * lets writers wait until `work` is done. The event loop goes on meanwhile.
   */
  async whileIdle<T>(work: () => Promise<T>): Promise<T> {
    await this.#turn.take();
    try {
      if (this.#group !== undefined) this.#commitHeld(this.#group);
      return await work();
    } finally {
      this.#turn.give();
    }
  }

  #abandon(group: Group, error: Error): void {
    if (group === this.#group) this.#group = undefined;
    group.reject(error);
  }

  /** Runs one statement outside any transaction: reads on the reader, writes as a group of their own. */
  async execute(query: CompiledQuery): Promise<QueryResult<unknown>> {
    // An in-memory database has no reader: there the writer reads too.
    if (isRead(query)) return executeOn(this.reader ?? this.writer, query);
    const group = await this.beginMember();
    let result: QueryResult<unknown>;
    try {
      result = executeOn(this.writer, query);
    } catch (error) {
      this.endMember(group, false);
      throw error;
    }
    this.endMember(group, true);
    await group.committed;
    return result;
  }

  executeInMember(query: CompiledQuery): QueryResult<unknown> {
    return executeOn(this.writer, query);
  }
}

/** One use of the driver: outside a transaction it routes each statement; inside, it is a member. */
class GroupConnection implements DatabaseConnection {
  #group: Group | undefined;

  constructor(private readonly driver: GroupCommitDriver) {}

  async begin(): Promise<void> {
    this.#group = await this.driver.beginMember();
  }

  async end(keep: boolean): Promise<void> {
    const group = this.#group;
    if (group === undefined) throw new Error('no transaction is open on this connection');
    this.#group = undefined;
    this.driver.endMember(group, keep);
    if (keep) await group.committed;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#group !== undefined) return this.driver.executeInMember(query) as QueryResult<R>;
    return (await this.driver.execute(query)) as QueryResult<R>;
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on SQLite; page with keyset queries instead');
  }
}

/** A select (built or raw) only reads; anything else may write and goes to the writer. */
function isRead(query: CompiledQuery): boolean {
  if (SelectQueryNode.is(query.query)) return true;
  return RawNode.is(query.query) && /^\s*select\b/i.test(query.sql);
}

function run(database: SqliteDatabase, statement: string): void {
  database.prepare(statement).run([]);
}

function executeOn(database: SqliteDatabase, query: CompiledQuery): QueryResult<unknown> {
  const statement = database.prepare(query.sql);
  if (statement.reader) return { rows: statement.all(query.parameters) };
  const { changes, lastInsertRowid } = statement.run(query.parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** Kysely's SQLite dialect (compiler, adapter, introspection) with the group-commit driver. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  /** The driver's commits and idle moments, for the background checkpoints (sqlite-checkpoints.ts). */
  readonly writerHooks: WriterHooks;
  readonly #driver: GroupCommitDriver;

  constructor(writer: SqliteDatabase & { readonly inTransaction: boolean }, reader: SqliteDatabase | undefined) {
    super({ database: writer });
    this.#driver = new GroupCommitDriver(writer, reader);
    this.writerHooks = this.#driver;
  }

  override createDriver(): Driver {
    return this.#driver;
  }
}
