import { CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { joinedStatement, WriteBatch, write } from '../../src/db/write-batch.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

describe('joinedStatement', () => {
  it("moves each statement's placeholders past the values of the ones before it", () => {
    const joined = joinedStatement([
      CompiledQuery.raw('insert into a (x, y) values ($1, $2)', ['x1', 'y1']),
      CompiledQuery.raw('insert into b (z) values ($1)', ['z1']),
      CompiledQuery.raw('update c set n = n + $1 where k = $2', [1, 'k1']),
    ]);
    expect(joined.sql).toBe('with w0 as (insert into a (x, y) values ($1, $2)), w1 as (insert into b (z) values ($3)) update c set n = n + $4 where k = $5');
    expect(joined.parameters).toEqual(['x1', 'y1', 'z1', 1, 'k1']);
  });

  it('refuses a statement whose placeholders are not $1 to $n in order, rather than bind another statement\'s values', () => {
    expect(() => joinedStatement([CompiledQuery.raw('select $2, $1', [1, 2]), CompiledQuery.raw('select 1', [])])).toThrow(/out of order/);
    expect(() => joinedStatement([CompiledQuery.raw('select $1', [1, 2]), CompiledQuery.raw('select 1', [])])).toThrow(/2 values for 1 placeholders/);
  });
});

describeEachDatabase('WriteBatch', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    db = database.db.kysely as unknown as Kysely<Database>;
    await sql`create table batch_notes (label text primary key, body text not null, size integer not null)`.execute(db);
    await sql`create table batch_counts (label text primary key, seen integer not null)`.execute(db);
  });
  afterAll(() => database.destroy());

  const note = (label: string, body: string, size: number) => sql`insert into batch_notes (label, body, size) values (${label}, ${body}, ${size})`.compile(db);
  const notes = (prefix: string) => sql<{ label: string; body: string; size: number }>`select label, body, size from batch_notes where label like ${`${prefix}%`} order by label`.execute(db);

  it('writes nothing until sent, then every value into its own column', async () => {
    await db.transaction().execute(async (trx) => {
      const batch = new WriteBatch(trx);
      await write(batch, note('one-a', "it's one", 1));
      await write(batch, note('one-b', 'two', 2));
      await write(batch, sql`insert into batch_counts (label, seen) values (${'one'}, ${3}) on conflict (label) do update set seen = batch_counts.seen + excluded.seen`.compile(trx));
      expect(Number((await sql<{ n: number | string }>`select count(*) as n from batch_notes where label like 'one%'`.execute(trx)).rows[0]!.n)).toBe(0);
      await batch.send();
    });
    expect((await notes('one')).rows.map((row) => ({ ...row, size: Number(row.size) }))).toEqual([
      { label: 'one-a', body: "it's one", size: 1 },
      { label: 'one-b', body: 'two', size: 2 },
    ]);
    expect((await sql<{ seen: number }>`select seen from batch_counts where label = 'one'`.execute(db)).rows.map((row) => Number(row.seen))).toEqual([3]);
  });

  it('leaves nothing of the batch when one of its writes fails, and the transaction with it', async () => {
    await write(db, note('two-taken', 'first', 1));
    const attempt = db.transaction().execute(async (trx) => {
      await write(trx, note('two-before', 'before the batch', 1));
      const batch = new WriteBatch(trx);
      await write(batch, note('two-new', 'would be new', 2));
      await write(batch, note('two-taken', 'a duplicate', 3));
      await batch.send();
    });
    await expect(attempt).rejects.toThrow();
    expect((await notes('two')).rows.map((row) => row.label)).toEqual(['two-taken']);
  });

  it('sends the writes as one statement on PostgreSQL, where none sees the others\' rows, and one by one on SQLite', async () => {
    await db.transaction().execute(async (trx) => {
      const batch = new WriteBatch(trx);
      await write(batch, note('three-a', 'seen?', 1));
      await write(batch, sql`insert into batch_counts (label, seen) select ${'three'}, count(*) from batch_notes where label = ${'three-a'}`.compile(trx));
      await batch.send();
    });
    const seen = (await sql<{ seen: number }>`select seen from batch_counts where label = 'three'`.execute(db)).rows.map((row) => Number(row.seen));
    expect(seen).toEqual([dialect === 'postgres' ? 0 : 1]);
  });
});
