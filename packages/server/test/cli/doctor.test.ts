import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor-command.js';
import { createShop } from '../../src/shops/shop-service.js';
import { systemClock } from '../../src/lib/clock.js';
import { createTestDatabase, describeEachDatabase } from '../support/databases.js';

const KEY = 'd'.repeat(64);

describeEachDatabase('plaudit doctor', (dialect) => {
  const envFor = (url: string, key = KEY) => ({ DATABASE_URL: url, SECRET_KEY: key, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-doctor-')) });

  it('passes on a migrated database whose tokens the key opens', async () => {
    const database = await createTestDatabase(dialect);
    try {
      await createShop(database.db.kysely, { secretKey: Buffer.from(KEY, 'hex'), clock: systemClock }, { domain: 'doc.example.com', name: 'Doc' });
      const checks = await runDoctor(envFor(database.url));
      expect(checks.map((c) => [c.name, c.ok])).toEqual([['configuration', true], ['data directory', true], ['database', true], ['schema', true], ['secret key', true]]);
      const wrongKey = await runDoctor(envFor(database.url, 'e'.repeat(64)));
      expect(wrongKey.find((c) => c.name === 'secret key')).toMatchObject({ ok: false, detail: expect.stringContaining('SECRET_KEY is not the key') });
    } finally {
      await database.destroy();
    }
  });

  it('reports pending migrations', async () => {
    const database = await createTestDatabase(dialect, { migrate: false });
    try {
      expect((await runDoctor(envFor(database.url))).find((c) => c.name === 'schema')).toMatchObject({ ok: false, detail: expect.stringContaining('plaudit migrate') });
    } finally {
      await database.destroy();
    }
  });
});

it('reports a bad setting by name without touching anything else', async () => {
  expect(await runDoctor({ PORT: 'x' })).toEqual([{ name: 'configuration', ok: false, detail: expect.stringContaining('PORT') }]);
});

it('reports an unreachable Redis', async () => {
  const checks = await runDoctor({ DATABASE_URL: ':memory:', SECRET_KEY: KEY, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-doctor-')), REDIS_URL: 'redis://127.0.0.1:9' });
  expect(checks.find((c) => c.name === 'redis')).toMatchObject({ ok: false, detail: expect.stringContaining('REDIS_URL does not answer') });
});
