import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useHarness } from '../support/harness.js';
import { seedDemoStorefront } from '../support/demo-storefront.js';

describeEachDatabase('demo page', (dialect) => {
  const harness = useHarness(dialect, { env: { RATE_LIMIT_STOREFRONT_READ: '3/60' } });
  beforeAll(async () => {
    await seedDemoStorefront(harness());
  });

  it('serves the demo product page within the storefront read limit, then answers 429 with Retry-After', async () => {
    const h = harness();
    const visit = () => h.app.inject({ url: '/demo', remoteAddress: '203.0.113.9' });
    for (let remaining = 2; remaining >= 0; remaining--) {
      const page = await visit();
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<plaudit-reviews');
      expect(page.headers.ratelimit).toMatch(new RegExp(`^"storefront-read";r=${remaining};t=\\d+$`));
    }
    const refused = await visit();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(refused.body).toContain('Too many requests');
    // Another address is not affected.
    expect((await h.app.inject({ url: '/demo', remoteAddress: '203.0.113.10' })).statusCode).toBe(200);
  });
});
