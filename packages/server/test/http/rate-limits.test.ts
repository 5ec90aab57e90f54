import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, openApiPath, useHarness } from '../support/harness.js';

describeEachDatabase('rate limits', (dialect) => {
  const harness = useHarness(dialect, { env: { RATE_LIMIT_OPENAPI: '5/60', RATE_LIMIT_AUTH_FAILURES: '3/60' } });

  it('counts per credential, refuses with 429 and Retry-After, and resets with the window', async () => {
    const h = harness();
    h.clock.set(1_781_683_200_000); // the start of a 60-second window
    const shop = await h.newShop(`limited-${dialect}.example.com`);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop));
    expect(answers.slice(0, 5).map((r) => envelope(r).code)).toEqual([0, 0, 0, 0, 0]);
    expect(answers[4]!.headers.ratelimit).toBe('"openapi";r=0;t=60');
    const refused = answers[5]!;
    expect([refused.statusCode, envelope(refused).code]).toEqual([429, 8]);
    expect(refused.headers['retry-after']).toBe('60');
    // Another shop has its own budget.
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, h.otherShop)).code).toBe(0);
    h.clock.advanceSeconds(60);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop)).code).toBe(0);
  });

  it('refuses an address after too many failed authentications, even with valid credentials', async () => {
    const h = harness();
    h.clock.set(1_781_683_500_000);
    for (let i = 0; i < 3; i++) {
      const failed = await h.app.inject({ method: 'GET', url: `${openApiPath('get_rating')}?is_all_rating=1`, headers: { 'public-token': 'nobody', timestamp: '1', sign: 'x' } });
      expect(envelope(failed).code).toBe(16);
      expect(failed.headers['ratelimit-policy']).toBe('"auth-failures";q=3;w=60');
    }
    const blocked = await h.call('GET', 'get_rating', { query: 'is_all_rating=1' });
    expect([blocked.statusCode, envelope(blocked).code]).toEqual([429, 8]);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    h.clock.advanceSeconds(60);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' })).code).toBe(0);
  });
});
