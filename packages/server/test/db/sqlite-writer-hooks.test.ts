import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundCheckpoints } from '../../src/db/sqlite-checkpoints.js';
import { GroupCommitSqliteDialect } from '../../src/db/sqlite-group-commit.js';
import { withStatementCache } from '../../src/db/sqlite-statement-cache.js';

// SQLite's group-commit driver and the checkpoint schedule, on a file of their own; what
// connectDatabase makes of them, on both databases, is in background-checkpoints.test.ts.

const turns = (count: number) => Array.from({ length: count }).reduce<Promise<void>>((previous) => previous.then(() => new Promise((resolve) => setImmediate(resolve))), Promise.resolve());

describe('the SQLite writer lent to a checkpoint', () => {
  let dir: string;
  let writer: SQLite.Database;
  let dialectUnderTest: GroupCommitSqliteDialect;
  let kysely: Kysely<{ probe: { label: string } }>;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plaudit-checkpoint-'));
    const file = path.join(dir, 'lent.sqlite');
    writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.exec('create table probe (label text not null)');
    dialectUnderTest = new GroupCommitSqliteDialect(withStatementCache(writer), withStatementCache(new SQLite(file, { readonly: true })));
    kysely = new Kysely({ dialect: dialectUnderTest });
  });
  afterAll(async () => {
    await kysely.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds writes back while it is lent, never the reads, and commits the group it finds open first', async () => {
    const labels = async () => (await kysely.selectFrom('probe').select('label').orderBy('label').execute()).map((row) => row.label);
    const committed: string[] = [];
    // A group is open (its member has ended, its commit is scheduled) when the checkpoint asks.
    const before = kysely.insertInto('probe').values({ label: 'before' }).execute().then(() => committed.push('before'));
    // Microtasks only: the member writes and ends, while its commit waits for setImmediate.
    for (let step = 0; step < 100 && !writer.inTransaction; step += 1) await Promise.resolve();
    expect(writer.inTransaction).toBe(true);
    let during: Promise<unknown> | undefined;
    await dialectUnderTest.writerHooks.whileIdle(async () => {
      // The open group was committed before the work began.
      expect(writer.inTransaction).toBe(false);
      expect(await labels()).toEqual(['before']);
      during = kysely.insertInto('probe').values({ label: 'during' }).execute().then(() => committed.push('during'));
      await turns(5);
      expect(committed).toEqual(['before']);
      expect(await labels()).toEqual(['before']);
    });
    await Promise.all([before, during]);
    expect(committed).toEqual(['before', 'during']);
    expect(await labels()).toEqual(['before', 'during']);
  });

  it('gives checkpoints back to the writer, with a warning, when the thread cannot work', async () => {
    const connection = new SQLite(path.join(dir, 'fallback.sqlite'));
    connection.pragma('journal_mode = WAL');
    let commit: () => void = () => undefined;
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    // A file the thread cannot open: it fails as soon as it starts.
    const checkpoints = BackgroundCheckpoints.start(connection, path.join(dir, 'missing', 'nowhere.sqlite'), {
      onCommit: (listener) => (commit = listener),
      whileIdle: (work) => work(),
    });
    try {
      expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      commit();
      const warning = await warned;
      expect(warning.name).toBe('PlauditCheckpointWarning');
      expect(warning.message).toMatch(/SQLite checkpoints are back on the event loop/);
      expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      await checkpoints.close();
      connection.close();
    }
  });
});
