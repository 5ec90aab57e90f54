import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from './free-port.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a PostgreSQL server where each test file creates its own database; '' when none. */
    postgresAdminUrl: string;
    /** A Redis server for the shared rate-limit store; '' when none. */
    redisUrl: string;
  }
}

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

/** initdb + pg_ctl in a temp dir, as the machine's (non-root) postgres user when run as root. */
async function startThrowawayCluster(bin: string): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plaudit-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (args: string[]) => {
    const command = asRoot ? ['runuser', '-u', 'postgres', '--', ...args] : args;
    const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  };
  if (asRoot) spawnSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  run([path.join(bin, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  run([path.join(bin, 'pg_ctl'), '-D', data, '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Finds PostgreSQL for the suite: TEST_DATABASE_URL, else the server on 127.0.0.1:5432, else a
 * throwaway cluster from the machine's binaries. Under CI a missing PostgreSQL fails the run.
 */
async function redisAnswers(url: string): Promise<boolean> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** TEST_REDIS_URL, else the server on 127.0.0.1:6379; under CI a missing Redis fails the run. */
async function findRedis(project: TestProject): Promise<void> {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await redisAnswers(url)) {
    project.provide('redisUrl', url);
    return;
  }
  if (process.env.CI === 'true') throw new Error(`Redis is required under CI=true: ${url} does not answer`);
  process.stderr.write('\n[plaudit tests] Redis not found: the Redis store tests are SKIPPED (set TEST_REDIS_URL)\n\n');
  project.provide('redisUrl', '');
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  await findRedis(project);
  // The sqlite tier needs no PostgreSQL: do not look for one, let alone start a cluster.
  if (project.config.env?.PLAUDIT_TEST_DIALECT === 'sqlite') {
    project.provide('postgresAdminUrl', '');
    return undefined;
  }
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    if (!(await answers(given))) throw new Error(`TEST_DATABASE_URL does not answer: ${given}`);
    project.provide('postgresAdminUrl', given);
    return undefined;
  }
  if (await answers(LOCAL_SERVER)) {
    project.provide('postgresAdminUrl', LOCAL_SERVER);
    return undefined;
  }
  const bin = postgresBinaries();
  if (bin) {
    const cluster = await startThrowawayCluster(bin);
    project.provide('postgresAdminUrl', cluster.url);
    return cluster.stop;
  }
  if (process.env.CI === 'true') throw new Error('PostgreSQL is required under CI=true: none answered and no binaries were found');
  process.stderr.write('\n[plaudit tests] PostgreSQL not found: PostgreSQL variants are SKIPPED (set TEST_DATABASE_URL)\n\n');
  project.provide('postgresAdminUrl', '');
  return undefined;
}
