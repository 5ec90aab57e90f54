import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface CommitPolicy {
  /** Commit once this many rows are written in the open transaction… */
  rows: number;
  /** …or once it has been open this long, whichever comes first. */
  ms: number;
}

/**
 * A bulk import commits every 50,000 rows or every 2 seconds. Each commit writes every page the
 * transaction touched, and a review's e-mail and original-id index entries land on random pages,
 * so committing rarely saves most of that work: a million-row SQLite import runs 35 % faster than
 * with a commit per 5,000-row batch (`npm run bench:import`). Two seconds keeps a concurrent
 * writer — the server, while an operator imports — well inside SQLite's 5 s busy timeout.
 */
export const BULK_COMMIT_POLICY: CommitPolicy = { rows: 50_000, ms: 2_000 };

/**
 * One write transaction kept open across several batches and committed by the policy. What a
 * failure leaves is whole committed windows; the open one rolls back. Reads made while it is open
 * must go through `reader`: SQLite has a single connection, held by the open transaction.
 */
export class CommitWindow {
  #open: ControlledTransaction<Database> | undefined;
  #rows = 0;
  #openedAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly policy: CommitPolicy,
    /** Runs in the transaction just before each commit: what it writes commits with the window. */
    private readonly beforeCommit: (trx: Kysely<Database>) => Promise<void> = async () => {},
  ) {}

  get reader(): Kysely<Database> {
    return this.#open ?? this.db;
  }

  /** Runs `work` inside the open transaction (opening one if needed), then commits if due. */
  async write<T>(rows: number, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.#open === undefined) {
      this.#open = await this.db.startTransaction().execute();
      this.#rows = 0;
      this.#openedAt = performance.now();
    }
    let result: T;
    try {
      result = await work(this.#open);
    } catch (error) {
      await this.rollback();
      throw error;
    }
    this.#rows += rows;
    if (this.#rows >= this.policy.rows || performance.now() - this.#openedAt >= this.policy.ms) await this.commit();
    return result;
  }

  async commit(): Promise<void> {
    const open = this.#open;
    if (open === undefined) return;
    try {
      await this.beforeCommit(open);
    } catch (error) {
      await this.rollback();
      throw error;
    }
    this.#open = undefined;
    await open.commit().execute();
  }

  async rollback(): Promise<void> {
    const open = this.#open;
    this.#open = undefined;
    await open?.rollback().execute();
  }
}
