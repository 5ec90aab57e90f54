import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../src/config/config.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  image?: string;
}

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?message}` against an .env file's values. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_whole, name: string, kind: string | undefined, rest: string) => {
    const set = env[name];
    if (set !== undefined && set !== '') return set;
    if (kind === '?') throw new Error(`${name} is required: ${rest}`);
    return kind === '-' ? rest : '';
  });
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const services = compose.services;
  const dotEnv = { SECRET_KEY: 'b'.repeat(64), POSTGRES_PASSWORD: 'pg-secret', MINIO_PASSWORD: 'minio-secret-123' };

  it('runs the scaled topology: PostgreSQL, S3-compatible storage, migrations first, two API processes and one worker', () => {
    expect(services.postgres?.image).toMatch(/^postgres:/);
    expect(services.minio?.image).toMatch(/^minio\/minio/);
    expect(services.migrate?.command).toEqual(['migrate']);
    const apis = Object.entries(services).filter(([, s]) => s.command?.join(' ') === 'serve --no-worker');
    expect(apis.map(([name]) => name)).toEqual(['api-1', 'api-2']);
    expect(Object.values(services).filter((s) => s.command?.[0] === 'worker')).toHaveLength(1);
    for (const [, api] of apis) expect((api.depends_on as Record<string, { condition: string }>).migrate).toEqual({ condition: 'service_completed_successfully' });
  });

  it('gives every Plaudit service a configuration Plaudit accepts, with S3 storage and shared rate limits', () => {
    for (const name of ['migrate', 'api-1', 'api-2', 'worker']) {
      const env = Object.fromEntries(Object.entries(services[name]!.environment!).map(([key, value]) => [key, interpolate(String(value), dotEnv)]));
      const config = parseConfig({ ...env, HOST: '0.0.0.0' });
      expect(config.database.dialect).toBe('postgres');
      expect(config.storage).toMatchObject({ kind: 's3', bucket: 'plaudit-media', endpoint: 'http://minio:9000', forcePathStyle: true, credentials: { accessKeyId: 'plaudit', secretAccessKey: 'minio-secret-123' } });
      expect(config.redisUrl).toBe('redis://redis:6379');
      expect(config.trustProxy).toBe(true);
    }
  });

  it('refuses to start without the secrets of .env', () => {
    expect(() => interpolate(String(services['api-1']!.environment!.SECRET_KEY), {})).toThrow(/SECRET_KEY is required/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

  it('copies the manifest of every workspace before installing, so none is missing from the image', () => {
    for (const workspace of readdirSync(path.join(ROOT, 'packages'))) expect(dockerfile).toContain(`COPY packages/${workspace}/package.json packages/${workspace}/`);
  });

  it('copies every script the root build runs, so npm run build works inside the image', () => {
    const build = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
    const scripts = [...build.matchAll(/\bnode (\S+\.m?js)/g)].map((match) => match[1]!);
    expect(scripts).toContain('scripts/build-if-stale.mjs');
    for (const script of scripts) {
      const folder = script.split('/')[0]!;
      expect(dockerfile).toContain(`COPY ${folder} ${folder}`);
    }
  });

  it('runs the CLI as an unprivileged user, listening on all interfaces', () => {
    expect(dockerfile).toContain('USER node');
    expect(dockerfile).toContain('HOST=0.0.0.0');
    expect(dockerfile).toContain('ENTRYPOINT ["node", "packages/server/bin/plaudit.js"]');
  });
});
