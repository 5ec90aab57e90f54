import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type Db } from '../../src/db/connect.js';
import type { DatabaseTarget } from '../../src/config/config.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

const ROWS = 2_000;
/** About one 4 KiB page per row, so the rows make some 2,000 WAL frames. */
const PAYLOAD = 'x'.repeat(3_000);

describeEachDatabase('WAL checkpoints off the event loop', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  /** SQLite: a file of this suite's own, so that no other connection keeps its WAL alive. */
  let file: string;
  let target: DatabaseTarget;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    dir = mkdtempSync(path.join(tmpdir(), 'plaudit-checkpoint-'));
    file = path.join(dir, 'wal.sqlite');
    target = dialect === 'sqlite' ? { dialect, file } : { dialect, url: database.url };
    // Small bounds, so that a few thousand rows go through every step of the schedule.
    db = connectDatabase(target, { sqliteBackgroundCheckpoints: { pauseMs: 0, restartFrames: 64 } });
    const id = dialect === 'sqlite' ? 'integer primary key' : 'serial primary key';
    await sql.raw(`create table ballast (id ${id}, payload text not null)`).execute(db.kysely);
  });
  afterAll(async () => {
    await db.close();
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const BATCH = 100;
  const insertBatch = () => Promise.all(Array.from({ length: BATCH }, () => db.kysely.transaction().execute((trx) => sql`insert into ballast (payload) values (${PAYLOAD})`.execute(trx))));

  it('copies the WAL into the database from a thread, never inside a commit, and starts the WAL over once it is long', async () => {
    await insertBatch();
    // The thread takes a moment to start; what is measured below is what it does once it runs.
    if (dialect === 'sqlite') await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(BATCH * PAYLOAD.length);
    // Paced a little, so that a machine too busy to schedule the thread cannot make the WAL's size
    // a race between the two; the claim is that the WAL starts over, not how fast.
    for (let written = BATCH; written < ROWS; written += BATCH) {
      await insertBatch();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (dialect === 'postgres') {
      // PostgreSQL checkpoints by itself; the option is SQLite's and changes nothing there.
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from ballast`.execute(db.kysely);
      expect(rows[0]!.count).toBe(ROWS);
      return;
    }
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db.kysely);
    expect(rows[0]!.wal_autocheckpoint).toBe(0);
    const written = ROWS * PAYLOAD.length;
    // The database file holds the rows although its connection never checkpointed: the thread copied them.
    await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(written);
    // And the WAL was started over from its top: it never held all of them at once.
    expect(statSync(`${file}-wal`).size).toBeLessThan(written / 2);
  });

  it('ends its thread on close, after which the last connection leaves the rows in the file and no WAL', async () => {
    const other = connectDatabase(target, { sqliteBackgroundCheckpoints: true });
    await sql`insert into ballast (payload) values ('one more')`.execute(other.kysely);
    await other.close();
    if (dialect === 'postgres') {
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from ballast`.execute(db.kysely);
      expect(rows[0]!.count).toBe(ROWS + 1);
      return;
    }
    await db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new SQLite(file, { readonly: true });
    try {
      expect(reopened.prepare('select count(*) from ballast').pluck().get()).toBe(ROWS + 1);
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
    // For afterAll, which closes what it finds open.
    db = connectDatabase(target);
  });
});
