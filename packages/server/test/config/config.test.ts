import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { ensureSecretKey } from '../../src/config/secret-key-file.js';

describe('config', () => {
  it('has embedded defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 8080, publicUrl: 'http://localhost:8080', logLevel: 'info', logFormat: 'auto', secretKey: null });
    // Durable by default: every acknowledged write is synced to disk; 64 MB of cached answers.
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.resolve('data/plaudit.sqlite'), synchronous: 'full' });
    expect(config.answerCacheBytes).toBe(64 * 1024 * 1024);
    expect(Object.isFrozen(config)).toBe(true);
    expect(config.storage).toEqual({ kind: 'local', directory: path.resolve('data/media') });
    expect(config.mediaBaseUrl).toBe('http://localhost:8080/media');
  });

  it('reads S3 storage from STORAGE_URL and the AWS variables, and a CDN origin for media', () => {
    const config = parseConfig({
      STORAGE_URL: 's3://plaudit-media?endpoint=http://minio:9000&region=eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI',
      MEDIA_BASE_URL: 'https://cdn.example.com/media/',
    });
    expect(config.storage).toEqual({
      kind: 's3',
      bucket: 'plaudit-media',
      endpoint: 'http://minio:9000',
      region: 'eu-west-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI' },
    });
    expect(config.mediaBaseUrl).toBe('https://cdn.example.com/media');
    // AWS itself: virtual-hosted buckets, credentials from the SDK's chain.
    expect(parseConfig({ STORAGE_URL: 's3://reviews-bucket' }).storage).toMatchObject({ endpoint: undefined, forcePathStyle: false, credentials: undefined, region: 'us-east-1' });
  });

  it('takes the operator\'s durability opt-out, prepared-statement opt-out and cache size', () => {
    expect(parseConfig({ SQLITE_SYNCHRONOUS: 'NORMAL' }).database).toMatchObject({ synchronous: 'normal' });
    expect(parseConfig({ DATABASE_URL: './x.sqlite', SQLITE_SYNCHRONOUS: 'full' }).database).toMatchObject({ synchronous: 'full' });
    const postgres = { DATABASE_URL: 'postgres://localhost/plaudit', SECRET_KEY: 'a'.repeat(64) };
    expect(parseConfig(postgres).database).toMatchObject({ preparedStatements: true });
    expect(parseConfig({ ...postgres, POSTGRES_PREPARED_STATEMENTS: 'OFF' }).database).toMatchObject({ preparedStatements: false });
    expect(parseConfig({ ANSWER_CACHE_MB: '0' }).answerCacheBytes).toBe(0);
    expect(parseConfig({ ANSWER_CACHE_MB: '256' }).answerCacheBytes).toBe(256 * 1024 * 1024);
  });

  it.each([
    ['SQLITE_SYNCHRONOUS', { SQLITE_SYNCHRONOUS: 'off' }],
    ['POSTGRES_PREPARED_STATEMENTS', { DATABASE_URL: 'postgres://localhost/plaudit', SECRET_KEY: 'a'.repeat(64), POSTGRES_PREPARED_STATEMENTS: 'maybe' }],
    ['ANSWER_CACHE_MB', { ANSWER_CACHE_MB: '-1' }],
    ['ANSWER_CACHE_MB', { ANSWER_CACHE_MB: '1.5' }],
    ['PORT', { PORT: '80a' }],
    ['PORT', { PORT: '70000' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://x' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'not a url' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/x' }],
    ['SECRET_KEY', { SECRET_KEY: 'short' }],
    ['SECRET_KEY', { DATABASE_URL: 'postgres://localhost/plaudit' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['LOG_FORMAT', { LOG_FORMAT: 'colourful' }],
    ['RATE_LIMIT_OPENAPI', { RATE_LIMIT_OPENAPI: 'lots' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'maybe' }],
    ['STORAGE_URL', { STORAGE_URL: 'gs://bucket' }],
    ['STORAGE_URL', { STORAGE_URL: 's3://bucket?endpoint=minio:9000' }],
    ['AWS_SECRET_ACCESS_KEY', { STORAGE_URL: 's3://bucket', AWS_ACCESS_KEY_ID: 'AKIA' }],
    ['MEDIA_BASE_URL', { MEDIA_BASE_URL: 'cdn.example.com' }],
  ])('stops with a message naming %s', (variable, env) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    try {
      parseConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message.startsWith(variable)).toBe(true);
    }
  });

  it('reads PostgreSQL URLs and a hex or base64 SECRET_KEY', () => {
    const hex = parseConfig({ DATABASE_URL: 'postgres://u@db:5432/plaudit', SECRET_KEY: 'ab'.repeat(32) });
    expect(hex.database).toEqual({ dialect: 'postgres', url: 'postgres://u@db:5432/plaudit', preparedStatements: true });
    expect(hex.secretKey?.length).toBe(32);
    expect(parseConfig({ SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey).toEqual(Buffer.alloc(32, 7));
    expect(parseConfig({ RATE_LIMIT_OPENAPI: 'off' }).rateLimits.openapi).toBeNull();
  });

  it('generates a SECRET_KEY into DATA_DIR once and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plaudit-config-'));
    const first = ensureSecretKey(parseConfig({ DATA_DIR: dir }));
    const second = ensureSecretKey(parseConfig({ DATA_DIR: dir }));
    expect(first.secretKey?.length).toBe(32);
    expect(second.secretKey).toEqual(first.secretKey);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o077).toBe(0);
  });
});
