import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type Db } from '../../src/db/connect.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

/**
 * PostgreSQL connections keep each statement prepared (db/pg-prepared-statements.ts); SQLite keeps
 * its own statement cache. What callers rely on holds on both: a statement whose table another
 * process changed still answers.
 */
describeEachDatabase('statements kept prepared', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<unknown>;
  let other: Db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    db = database.db.kysely as unknown as Kysely<unknown>;
    await sql`create table prepared_probe (id integer primary key, label text not null)`.execute(db);
    await sql`insert into prepared_probe (id, label) values (1, 'one'), (2, 'two')`.execute(db);
    // Another process, as `plaudit migrate` run beside a live server would be.
    other = connectDatabase(dialect === 'sqlite' ? { dialect, file: database.url } : { dialect, url: database.url });
  });
  afterAll(async () => {
    await other.close();
    await database.destroy();
  });

  const everything = (trx: Kysely<unknown>, id: number) => sql<Record<string, unknown>>`select * from prepared_probe where id = ${id}`.execute(trx);

  it('answers a `select *` again after another process added a column to its table', async () => {
    // Every pooled connection runs it before the change, so each holds it prepared.
    await Promise.all(Array.from({ length: 8 }, (_, i) => everything(db, 1 + (i % 2))));
    await sql`alter table prepared_probe add column note text not null default 'none'`.execute(other.kysely);
    for (let i = 0; i < 8; i += 1) expect((await everything(db, 1)).rows[0]).toMatchObject({ id: 1, label: 'one' });
    // A transaction that meets the change may fail once per connection; the next one on it works.
    await db.transaction().execute((trx) => everything(trx, 2)).catch(() => undefined);
    const inTransaction = await db.transaction().execute((trx) => everything(trx, 2));
    expect(inTransaction.rows[0]).toMatchObject({ id: 2, label: 'two' });
    if (dialect === 'postgres') expect(inTransaction.rows[0]).toMatchObject({ note: 'none' });
  });

  it('prepares each statement once per PostgreSQL connection, but not a bulk one, nor with POSTGRES_PREPARED_STATEMENTS=off', async () => {
    const marker = dialect === 'sqlite' ? 'sqlite' : `marker_${Date.now()}`;
    const preparedOn = (trx: Kysely<unknown>, name = marker) =>
      sql<{ n: string }>`select count(*) as n from pg_prepared_statements where statement like ${`%"${name}"%`} and statement not like '%pg_prepared_statements%'`.execute(trx);
    const probe = (trx: Kysely<unknown>, id: number) => sql`select label as ${sql.ref(marker)} from prepared_probe where id = ${id}`.execute(trx);
    if (dialect === 'sqlite') {
      // No prepared-statement view to ask; the same statement answers each time from the cache.
      expect((await probe(db, 1)).rows).toEqual([{ sqlite: 'one' }]);
      expect((await probe(db, 2)).rows).toEqual([{ sqlite: 'two' }]);
      return;
    }
    // One transaction holds one connection: run twice there, then ask that connection.
    const counts = await db.transaction().execute(async (trx) => {
      await probe(trx, 1);
      await probe(trx, 2);
      return Number((await preparedOn(trx)).rows[0]!.n);
    });
    expect(counts).toBe(1);
    // A bulk statement (an import's insert, a long IN-list) is left unprepared.
    const many = Array.from({ length: 101 }, (_, i) => i + 1);
    const bulk = await db.transaction().execute(async (trx) => {
      await sql`select label as ${sql.ref(`${marker}_bulk`)} from prepared_probe where id in (${sql.join(many)})`.execute(trx);
      return Number((await preparedOn(trx, `${marker}_bulk`)).rows[0]!.n);
    });
    expect(bulk).toBe(0);
    const plain = connectDatabase({ dialect: 'postgres', url: database.url, preparedStatements: false });
    try {
      const none = await (plain.kysely as unknown as Kysely<unknown>).transaction().execute(async (trx) => {
        await probe(trx, 1);
        return Number((await preparedOn(trx)).rows[0]!.n);
      });
      expect(none).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
