import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { RedisRateLimitStore } from '../../src/http/redis-rate-limit-store.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, openApiPath, signedHeaders, useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, setCookies } from '../support/merchant-agent.js';
import { SESSION_DEFAULTS } from '../../src/config/security-defaults.js';

const url = inject('redisUrl');

describe.skipIf(url === '')('Redis rate-limit store', () => {
  const clients: Redis[] = [];
  const prefix = `plaudit-test:${randomBytes(6).toString('hex')}:`;
  /** Each store has its own connection, like two API processes. */
  const store = () => {
    const client = new Redis(url);
    clients.push(client);
    return new RedisRateLimitStore(client, prefix);
  };
  afterAll(async () => {
    const keys = await clients[0]!.keys(`${prefix}*`);
    if (keys.length > 0) await clients[0]!.del(...keys);
    await Promise.all(clients.map((client) => client.quit()));
  });

  it('counts one window across processes, and starts over in the next window', async () => {
    const [a, b] = [store(), store()];
    const start = 1_781_683_200_000;
    expect(await a.increment('shop-1', start, 60_000)).toEqual({ count: 1, resetAt: start + 60_000 });
    expect(await b.increment('shop-1', start + 1_000, 60_000)).toEqual({ count: 2, resetAt: start + 60_000 });
    expect(await a.peek('shop-1', start + 2_000, 60_000)).toEqual({ count: 2, resetAt: start + 60_000 });
    expect(await b.increment('shop-2', start + 2_000, 60_000)).toMatchObject({ count: 1 });
    expect(await a.increment('shop-1', start + 60_000, 60_000)).toEqual({ count: 1, resetAt: start + 120_000 });
    expect(await b.peek('nobody', start, 60_000)).toBeUndefined();
  });

  it('takes back a counted attempt in its own window only, and never below zero', async () => {
    const [a, b] = [store(), store()];
    const start = 1_781_683_260_000;
    const first = await a.increment('release', start, 60_000);
    await b.increment('release', start + 1_000, 60_000);
    await b.release('release', first, 60_000);
    expect(await a.peek('release', start + 2_000, 60_000)).toEqual({ count: 1, resetAt: start + 60_000 });
    await a.release('release', first, 60_000);
    await a.release('release', first, 60_000);
    expect(await a.peek('release', start + 2_000, 60_000)).toBeUndefined();
    // A release after its window has ended touches neither that window nor the next one.
    const next = await a.increment('release', start + 60_000, 60_000);
    await a.release('release', first, 60_000);
    expect(await a.peek('release', start + 61_000, 60_000)).toEqual(next);
  });

  it('lets keys expire after their window', async () => {
    const s = store();
    const now = Date.now();
    await s.increment('short', now, 1_000);
    const ttl = await clients[clients.length - 1]!.pttl(`${prefix}1000:short:${Math.floor(now / 1000)}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2_000);
  });
});

if (url !== '') {
  describeEachDatabase('sign-in attempts counted across processes through Redis', (dialect) => {
    const harness = useHarness(dialect);

    it('verifies at most the account budget when two processes take 40 concurrent guesses', async () => {
      const h = harness();
      const email = await createTestMerchant(h, [h.shop.shop_id]);
      const prefix = `plaudit-test:${randomBytes(6).toString('hex')}:`;
      const clients = [new Redis(url), new Redis(url)];
      const apps = await Promise.all(clients.map((client) => buildApp({ ...h.deps, rateLimitStore: new RedisRateLimitStore(client, prefix) }, { logger: false })));
      try {
        const guesses = [];
        for (let i = 0; i < 40; i += 1) {
          const app = apps[i % 2]!;
          const page = await app.inject({ method: 'GET', url: '/console/login' });
          const csrf = hiddenField(page.body, 'csrf_token')!;
          const cookie = Object.entries(setCookies(page)).map(([name, value]) => `${name}=${value}`).join('; ');
          // One address per guess: the per-address budget (20) would otherwise lock some of the
          // first five account guesses when their address count was taken after twenty others.
          guesses.push(() => app.inject({ method: 'POST', url: '/console/login', remoteAddress: `203.0.113.${i + 1}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ email, password: `guess-${i}`, csrf_token: csrf }).toString() }));
        }
        const statuses = (await Promise.all(guesses.map((guess) => guess()))).map((response) => response.statusCode);
        expect(statuses.filter((status) => status === 401)).toHaveLength(SESSION_DEFAULTS.signInFailuresPerAccount);
        expect(statuses.filter((status) => status === 429)).toHaveLength(40 - SESSION_DEFAULTS.signInFailuresPerAccount);
      } finally {
        await Promise.all(apps.map((app) => app.close()));
        const keys = await clients[0]!.keys(`${prefix}*`);
        if (keys.length > 0) await clients[0]!.del(...keys);
        await Promise.all(clients.map((client) => client.quit()));
      }
    });
  });

  describeEachDatabase('rate limits shared through Redis', (dialect) => {
    const harness = useHarness(dialect, { env: { RATE_LIMIT_OPENAPI: '5/60' } });

    it('counts a credential once across two API processes', async () => {
      const h = harness();
      h.clock.set(1_781_683_200_000);
      const prefix = `plaudit-test:${randomBytes(6).toString('hex')}:`;
      const clients = [new Redis(url), new Redis(url)];
      const apps = await Promise.all(clients.map((client) => buildApp({ ...h.deps, rateLimitStore: new RedisRateLimitStore(client, prefix) }, { logger: false })));
      try {
        const codes: number[] = [];
        for (let i = 0; i < 6; i++) {
          const headers = signedHeaders(h.shop, 'is_all_rating=1', '', Math.floor(h.clock.now() / 1000));
          const response = await apps[i % 2]!.inject({ method: 'GET', url: `${openApiPath('get_rating')}?is_all_rating=1`, headers });
          codes.push(envelope(response).code);
        }
        expect(codes).toEqual([0, 0, 0, 0, 0, 8]);
      } finally {
        await Promise.all(apps.map((app) => app.close()));
        const keys = await clients[0]!.keys(`${prefix}*`);
        if (keys.length > 0) await clients[0]!.del(...keys);
        await Promise.all(clients.map((client) => client.quit()));
      }
    });
  });
}
