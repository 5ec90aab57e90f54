import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { connectDatabase, type Db, type Dialect } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDatabase {
  db: Db;
  /** What DATABASE_URL would say for this database (a file path for SQLite). */
  url: string;
  /** Drops the database (PostgreSQL) or deletes the file (SQLite). */
  destroy(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Run the migrations (default true). */
  migrate?: boolean;
  /** Keep PostgreSQL's commit waiting for the disk, for the tests about durability itself. */
  durable?: boolean;
}

async function sqliteDatabase(migrate: boolean): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plaudit-sqlite-'));
  const file = path.join(dir, 'test.sqlite');
  const db = connectDatabase({ dialect: 'sqlite', file });
  if (migrate) await migrateToLatest(db);
  return {
    db,
    url: file,
    destroy: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Each test file gets a database of its own, so files run in parallel without seeing each other. */
async function postgresDatabase(adminUrl: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const name = `plaudit_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  // A test database need not survive a crash: commits that do not wait for the WAL flush keep the
  // shared server's disk from pacing the whole suite (the server's own setting is untouched).
  if (options.durable !== true) await adminQuery(adminUrl, `alter database ${name} set synchronous_commit = off`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = connectDatabase({ dialect: 'postgres', url: url.href }, { poolSize: 5 });
  if (options.migrate ?? true) await migrateToLatest(db);
  return {
    db,
    url: url.href,
    destroy: async () => {
      await db.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

export function createTestDatabase(dialect: Dialect, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  return dialect === 'sqlite' ? sqliteDatabase(options.migrate ?? true) : postgresDatabase(inject('postgresAdminUrl'), options);
}

/**
 * The dialects a data-touching suite runs on: the one its Vitest project names
 * (`PLAUDIT_TEST_DIALECT`, vitest.config.ts), else both. PostgreSQL is skipped only outside CI when
 * no server was found (the global setup fails the run under CI).
 */
export function dialects(): Dialect[] {
  const named = process.env.PLAUDIT_TEST_DIALECT;
  const wanted: Dialect[] = named === 'sqlite' || named === 'postgres' ? [named] : ['sqlite', 'postgres'];
  return wanted.filter((dialect) => dialect === 'sqlite' || inject('postgresAdminUrl') !== '');
}

/** Kysely's pattern: one suite, looped over every dialect. */
export function describeEachDatabase(title: string, body: (dialect: Dialect) => void): void {
  const chosen = dialects();
  if (chosen.length === 0) describe.skip(`${title} [postgres: no server found]`, () => undefined);
  for (const dialect of chosen) describe(`${title} [${dialect}]`, () => body(dialect));
}
