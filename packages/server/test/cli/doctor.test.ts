import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useS3Peer } from '../support/s3-server.js';
import { SmtpPeer } from '../support/smtp-peer.js';
import { runDoctor } from '../../src/cli/doctor-command.js';
import { createShop } from '../../src/shops/shop-service.js';
import { systemClock } from '../../src/time/clock.js';
import { createTestDatabase, describeEachDatabase } from '../support/databases.js';

const KEY = 'd'.repeat(64);

describeEachDatabase('plaudit doctor', (dialect) => {
  const envFor = (url: string, key = KEY) => ({ DATABASE_URL: url, SECRET_KEY: key, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-doctor-')) });

  it('passes on a migrated database whose tokens the key opens', async () => {
    const database = await createTestDatabase(dialect);
    try {
      await createShop(database.db.kysely, { secretKey: Buffer.from(KEY, 'hex'), clock: systemClock }, { domain: 'doc.example.com', name: 'Doc' });
      const checks = await runDoctor(envFor(database.url));
      expect(checks.map((c) => [c.name, c.ok])).toEqual([['configuration', true], ['data directory', true], ['database', true], ['schema', true], ['secret key', true], ['media storage', true], ['smtp', true], ['redis', true]]);
      // Optional services that are not set up are named, not left out.
      expect(checks.find((c) => c.name === 'smtp')!.detail).toBe('not configured (SMTP_URL): review-request e-mails are not sent');
      expect(checks.find((c) => c.name === 'redis')!.detail).toBe('not configured (REDIS_URL): rate limits are kept per process');
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

describe('storage and mail', () => {
  const s3 = useS3Peer();
  const peer = new SmtpPeer();
  beforeAll(() => peer.start().then(() => undefined));
  afterAll(() => peer.stop());
  const smtp = () => peer;
  const base = () => ({ DATABASE_URL: ':memory:', SECRET_KEY: KEY, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'plaudit-doctor-')) });

  it('checks an S3 bucket and an SMTP server that answer', async () => {
    const checks = await runDoctor({ ...base(), ...s3().env, SMTP_URL: smtp().url });
    expect(checks.find((c) => c.name === 'media storage')).toMatchObject({ ok: true, detail: expect.stringContaining('s3://plaudit-media') });
    expect(checks.find((c) => c.name === 'smtp')).toMatchObject({ ok: true });
  });

  it('names a missing bucket and a closed SMTP port', async () => {
    const env = { ...base(), ...s3().env, STORAGE_URL: s3().env.STORAGE_URL!.replace('plaudit-media', 'no-such-bucket'), SMTP_URL: 'smtp://127.0.0.1:9' };
    const checks = await runDoctor(env);
    expect(checks.find((c) => c.name === 'media storage')).toMatchObject({ ok: false, detail: expect.stringContaining('s3://no-such-bucket') });
    expect(checks.find((c) => c.name === 'smtp')).toMatchObject({ ok: false, detail: expect.stringContaining('does not answer') });
  });
});
