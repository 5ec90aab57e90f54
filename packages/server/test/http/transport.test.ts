import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, useHarness } from '../support/harness.js';

describeEachDatabase('Open API transport rules', (dialect) => {
  const harness = useHarness(dialect);

  it('answers every response with the envelope, X-Request-Id, no-store and rate-limit headers', async () => {
    const h = harness();
    // get_customer_excludes is not one of the conditional reads of §4.7, which say private, no-cache.
    const response = await h.call('GET', 'get_customer_excludes');
    const answer = envelope(response);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers['x-request-id']).toBe(answer.request_id);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['ratelimit-policy']).toBe('"openapi";q=1200;w=60');
    expect(response.headers.ratelimit).toMatch(/^"openapi";r=\d+;t=\d+$/);
    expect(answer.time).toBe(Math.floor(h.clock.now() / 1000));
    expect(Object.keys(answer).sort()).toEqual(['code', 'data', 'message', 'request_id', 'time']);
  });

  it('compresses a large answer when the client accepts gzip or brotli', async () => {
    const h = harness();
    for (let i = 0; i < 5; i++) await h.call('POST', 'create_review', { body: { rating: 4, author: 'Zip', content: 'compressible '.repeat(40) } });
    for (const encoding of ['gzip', 'br']) {
      const response = await h.call('GET', 'get_reviews', { query: 'page_size=5', headers: { 'accept-encoding': encoding } });
      expect(response.headers['content-encoding']).toBe(encoding);
      const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
      const text = (encoding === 'gzip' ? gunzipSync : brotliDecompressSync)(response.rawPayload).toString();
      expect(JSON.parse(text).data.list).toHaveLength(5);
    }
    expect((await h.call('GET', 'get_reviews', { query: 'page_size=5' })).headers['content-encoding']).toBeUndefined();
  });

  it('ignores a client-supplied X-Request-Id', async () => {
    const h = harness();
    const response = await h.call('GET', 'get_rating', { query: 'is_all_rating=1', headers: { 'x-request-id': 'client-chosen' } });
    expect(response.headers['x-request-id']).not.toBe('client-chosen');
    expect(envelope(response).request_id).toBe(response.headers['x-request-id']);
  });

  it('tolerates one trailing slash', async () => {
    const h = harness();
    const response = await h.call('GET', '/api/v1/openapi/get_rating/', { query: 'is_all_rating=1' });
    expect(envelope(response).code).toBe(0);
  });

  it('answers an unknown path with code 5 and HTTP 404', async () => {
    const h = harness();
    const response = await h.app.inject({ method: 'GET', url: '/api/v1/openapi/get_everything' });
    expect([response.statusCode, envelope(response).code]).toEqual([404, 5]);
  });

  it('answers a known path with another method with 405 and Allow, before checking credentials', async () => {
    const h = harness();
    for (const [method, url, allow] of [
      ['POST', '/api/v1/openapi/get_reviews', 'GET'],
      ['GET', '/api/v1/openapi/create_review', 'POST'],
      ['DELETE', '/api/v1/openapi/delete_review', 'POST'],
      ['HEAD', '/api/v1/openapi/get_review', 'GET'],
    ] as const) {
      const response = await h.app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(405);
      expect(response.headers.allow).toBe(allow);
      if (method !== 'HEAD') expect(envelope(response).code).toBe(3);
    }
  });

  it('refuses a path and query longer than 8 KiB with HTTP 414', async () => {
    const h = harness();
    const response = await h.app.inject({ method: 'GET', url: `/api/v1/openapi/get_reviews?keyword=${'x'.repeat(8200)}` });
    expect([response.statusCode, envelope(response).code]).toEqual([414, 3]);
  });

  it('hides internal details of unexpected errors behind code 13', async () => {
    const h = harness();
    const shop = await h.newShop(`broken-${dialect}.example.com`);
    // A sealed token the server cannot open is an operator fault, not a client one.
    await h.deps.db.kysely.updateTable('shops').set({ private_token_sealed: 'v1.broken.broken.broken' }).where('id', '=', shop.shop_id).execute();
    const response = await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop);
    const answer = envelope(response);
    expect([response.statusCode, answer.code]).toEqual([500, 13]);
    expect(answer.message).toContain(answer.request_id);
    expect(response.body).not.toMatch(/stack|sealed|decipher|Error:/i);
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    const h = harness();
    expect((await h.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject('/readyz')).json()).toEqual({ status: 'ok', database: dialect });
    await h.call('GET', 'get_rating', { query: 'is_all_rating=1' });
    const metrics = (await h.app.inject('/metrics')).body;
    expect(metrics).toMatch(/plaudit_http_requests_total\{method="GET",route="\/api\/v1\/openapi\/get_rating",status="200",code="0"\} \d+/);
    expect(metrics).toContain('plaudit_http_request_duration_seconds_bucket');
    await h.app.inject({ method: 'GET', url: '/api/v1/openapi/get_rating' });
    expect((await h.app.inject('/metrics')).body).toMatch(/plaudit_http_requests_total\{method="GET",route="\/api\/v1\/openapi\/get_rating",status="401",code="16"\} \d+/);
  });

  it('readiness fails with 503 when the database is gone', async () => {
    const { startHarness } = await import('../support/harness.js');
    const other = await startHarness(dialect);
    await other.database.db.close();
    const response = await other.app.inject('/readyz');
    expect(response.statusCode).toBe(503);
    await other.destroy().catch(() => undefined);
  });
});
