import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type Db } from '../../src/db/connect.js';
import { BULK_IMPORT_CONNECTION } from '../../src/review-csv/review-import.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

/**
 * What every caller of `db.transaction()` relies on, whatever the driver does underneath (on
 * SQLite, concurrent transactions share one COMMIT: sqlite-group-commit.ts).
 */
describeEachDatabase('transactions under concurrency', (dialect) => {
  let database: TestDatabase;
  let second: Db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false, durable: true });
    const id = dialect === 'sqlite' ? 'integer primary key' : 'serial primary key';
    await sql.raw(`create table probe (id ${id}, label text not null unique)`).execute(database.db.kysely);
    // A second connection, as another process would have: it sees only what is committed.
    second = connectDatabase(dialect === 'sqlite' ? { dialect, file: database.url } : { dialect, url: database.url });
  });
  afterAll(async () => {
    await second.close();
    await database.destroy();
  });

  const insert = (db: Db['kysely'], label: string) => sql`insert into probe (label) values (${label})`.execute(db);
  const labelsSeenBy = async (db: Db, prefix: string) =>
    (await sql<{ label: string }>`select label from probe where label like ${`${prefix}%`} order by label`.execute(db.kysely)).rows.map((row) => row.label);

  it('reports each transaction done only once another connection can see its work', async () => {
    const seenAtResolve = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const label = `seen-${String(i).padStart(2, '0')}`;
        await database.db.kysely.transaction().execute((trx) => insert(trx, label));
        return (await labelsSeenBy(second, label)).length;
      }),
    );
    expect(seenAtResolve).toEqual(new Array(40).fill(1));
  });

  it('rolls a failing transaction back alone while the ones around it commit', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        database.db.kysely.transaction().execute(async (trx) => {
          await insert(trx, `alone-${String(i).padStart(2, '0')}`);
          // The tenth writes a second row, then fails on a duplicate: both of its rows must go.
          if (i === 10) {
            await insert(trx, 'alone-extra');
            await insert(trx, 'alone-00');
          }
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    expect(outcomes[10]!.status).toBe('rejected');
    const labels = await labelsSeenBy(second, 'alone-');
    expect(labels).toHaveLength(29);
    expect(labels).not.toContain('alone-10');
    expect(labels).not.toContain('alone-extra');
  });

  it("undoes a failing group's first member, which works without a savepoint, and commits those queued behind it", async () => {
    // Asked in one turn: the first opens the group, the others wait their turn behind it.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        database.db.kysely.transaction().execute(async (trx) => {
          await insert(trx, `first-${i}`);
          if (i === 0) {
            await insert(trx, 'first-extra');
            throw new Error('the first member gives up');
          }
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', ...new Array(7).fill('fulfilled')]);
    // A write alone, failing on a duplicate, then one that succeeds in the group after it.
    await expect(insert(database.db.kysely, 'first-1')).rejects.toThrow();
    await insert(database.db.kysely, 'first-after');
    expect(await labelsSeenBy(second, 'first-')).toEqual(['first-1', 'first-2', 'first-3', 'first-4', 'first-5', 'first-6', 'first-7', 'first-after']);
  });

  it('never shows a read outside a transaction the transaction\'s uncommitted work', async () => {
    let seenInside: string[] = [];
    await database.db.kysely.transaction().execute(async (trx) => {
      await insert(trx, 'pending-1');
      seenInside = await labelsSeenBy(database.db, 'pending-');
    });
    expect(seenInside).toEqual([]);
    expect(await labelsSeenBy(database.db, 'pending-')).toEqual(['pending-1']);
  });

  it('commits a write made outside any transaction before it answers', async () => {
    await insert(database.db.kysely, 'single-1');
    expect(await labelsSeenBy(second, 'single-')).toEqual(['single-1']);
  });

  it('waits for the disk at every commit, unless the operator opted out with SQLITE_SYNCHRONOUS=normal', async () => {
    if (dialect === 'postgres') {
      const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(database.db.kysely);
      expect(rows[0]!.synchronous_commit).toBe('on');
      return;
    }
    const level = async (db: Db) => (await sql<{ synchronous: number }>`pragma synchronous`.execute(db.kysely)).rows[0]!.synchronous;
    expect(await level(database.db)).toBe(2); // FULL
    const normal = connectDatabase({ dialect: 'sqlite', file: database.url, synchronous: 'normal' });
    try {
      expect(await level(normal)).toBe(1);
    } finally {
      await normal.close();
    }
  });

  it("keeps SQLite's default page cache unless the caller asks for more, as `plaudit import` does", async () => {
    if (dialect === 'postgres') return;
    const cacheSize = async (db: Db) => (await sql<{ cache_size: number }>`pragma cache_size`.execute(db.kysely)).rows[0]!.cache_size;
    const plain = new SQLite(':memory:');
    const libraryDefault = plain.pragma('cache_size', { simple: true });
    plain.close();
    expect(await cacheSize(database.db)).toBe(libraryDefault); // better-sqlite3 builds SQLite with 16,000 KiB
    const bulk = connectDatabase({ dialect: 'sqlite', file: database.url }, BULK_IMPORT_CONNECTION);
    try {
      expect(await cacheSize(bulk)).toBe(-256 * 1024);
    } finally {
      await bulk.close();
    }
  });

  it("keeps the writer's statement journals in memory, and a member's rollback still undoes only its own pages", async () => {
    if (dialect === 'postgres') return;
    const tempStore = (await sql<{ temp_store: number }>`pragma temp_store`.execute(database.db.kysely)).rows[0]!.temp_store;
    expect(tempStore).toBe(2); // MEMORY
    // Members that each change far more than the 64 KiB after which a journal would spill to a file.
    const wide = (tag: string, row: number) => `${tag}-${String(row).padStart(4, '0')}-${'x'.repeat(2000)}`;
    const fill = (tag: string) => async (trx: Db['kysely']) => {
      for (let row = 0; row < 60; row += 1) await insert(trx, wide(tag, row));
    };
    const outcomes = await Promise.allSettled([
      database.db.kysely.transaction().execute(fill('journal-kept')),
      database.db.kysely.transaction().execute(async (trx) => {
        await fill('journal-undone')(trx);
        throw new Error('this member gives up');
      }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect(await labelsSeenBy(second, 'journal-kept')).toHaveLength(60);
    expect(await labelsSeenBy(second, 'journal-undone')).toEqual([]);
  });

  it('moves the change mark with every commit of any connection; PostgreSQL has none, so cached reads ask for the version', async () => {
    if (dialect === 'postgres') {
      expect(database.db.changeMark).toBeUndefined();
      return;
    }
    const mark = database.db.changeMark!;
    const before = await mark();
    expect(await mark()).toBe(before);
    await insert(database.db.kysely, 'mark-1');
    const afterOwn = await mark();
    expect(afterOwn).not.toBe(before);
    await insert(second.kysely, 'mark-2');
    expect(await mark()).not.toBe(afterOwn);
  });

  it('shares one reading of the change mark among the callers of a turn, read after all of them asked', async () => {
    if (dialect === 'postgres') return;
    const mark = database.db.changeMark!;
    const before = await mark();
    // Asked in one turn; then, still in that turn, another connection commits (synchronously, on
    // its own better-sqlite3 handle): a mark read at the first call would miss that commit.
    const asked = [mark(), mark(), mark()];
    const other = new SQLite(database.url);
    try {
      other.prepare('insert into probe (label) values (?)').run('mark-shared');
    } finally {
      other.close();
    }
    const [first, ...rest] = await Promise.all(asked);
    expect(first).not.toBe(before);
    expect(rest).toEqual([first, first]);
  });
});
