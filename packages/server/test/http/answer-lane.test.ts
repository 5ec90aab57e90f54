import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { createReviewVia } from '../support/factories.js';
import { signedHeaders } from '../support/harness.js';
import { type ListeningHarness, useListeningHarness } from '../support/listening-harness.js';

/** Requests the lane answered so far, as /metrics says. */
async function laneHits(h: ListeningHarness): Promise<number> {
  const metrics = await (await fetch(`${h.baseUrl}/metrics`)).text();
  return Number(/^plaudit_answer_lane_hits_total (\d+)$/m.exec(metrics)?.[1]);
}

/** A GET over a real socket (the lane sits in front of the app's router, which inject() skips). */
async function get(h: ListeningHarness, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${h.baseUrl}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = response.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  const received: Record<string, string> = {};
  response.headers.forEach((value, name) => (received[name] = value));
  return { status: response.status, headers: received, text, json: () => JSON.parse(text) };
}

/** Headers that must be the same whichever way an answer was made. */
const stable = (headers: Record<string, string>) => {
  const { date: _date, 'x-request-id': _id, ratelimit: _limit, ...rest } = headers;
  return rest;
};

describeEachDatabase('the answer lane', (dialect) => {
  const harness = useListeningHarness(dialect, { env: { RATE_LIMIT_STOREFRONT_READ: '6/60', RATE_LIMIT_OPENAPI: '1000/60' } });

  it('answers a repeated storefront read as the app did, with its own request id, and counts it against the read limit', async () => {
    const h = harness();
    await createReviewVia(h, { product_id: 'lane-mug', content: 'Holds heat all morning, and the handle stays cool to the touch.' });
    const path = `/api/v1/reviews/get_product_reviews?shop_id=${h.shop.shop_id}&product_id=lane-mug`;
    const before = await laneHits(h);
    const first = await get(h, path);
    const second = await get(h, path);
    expect(await laneHits(h)).toBe(before + 1);
    expect(stable(second.headers)).toEqual(stable(first.headers));
    expect(second.json().data).toEqual(first.json().data);
    expect(second.json().request_id).toBe(second.headers['x-request-id']);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    // The limit counts answers from the lane like any other: 6 a minute from one address.
    expect([first.headers.ratelimit, second.headers.ratelimit]).toEqual(['"storefront-read";r=5;t=60', '"storefront-read";r=4;t=60']);
    for (let i = 0; i < 4; i++) expect((await get(h, path)).status).toBe(200);
    const refused = await get(h, path);
    expect([refused.status, refused.json().code]).toEqual([429, 8]);
  });

  it('never answers from before a write: the next read after create_review goes the long way and shows it', async () => {
    const h = harness();
    const fresh = await h.newShop('lane-fresh.example.com');
    await createReviewVia(h, { product_id: 'lane-jug', content: 'The first review of this jug, poured well.' }, fresh);
    const path = `/api/v1/reviews/get_product_reviews?shop=lane-fresh.example.com&product_id=lane-jug`;
    // Every request here comes from 127.0.0.1: a new minute gives this test a read limit of its own.
    h.clock.advanceSeconds(61);
    const read = () => get(h, path);
    expect((await read()).json().data.page.count).toBe(1);
    expect((await read()).json().data.page.count).toBe(1);
    const hits = await laneHits(h);
    await createReviewVia(h, { product_id: 'lane-jug', content: 'A second review, written after the first read.' }, fresh);
    expect((await read()).json().data.page.count).toBe(2);
    expect(await laneHits(h)).toBe(hits);
    expect((await read()).json().data.page.count).toBe(2);
    expect(await laneHits(h)).toBe(hits + 1);
  });

  it('checks each signed read\'s own signature: new timestamps are answered, a forged or expired one is refused as always', async () => {
    const h = harness();
    await createReviewVia(h, { product_id: 'lane-cup', content: 'A signed read of a cup of tea, five stars.' });
    const query = 'is_all_rating=1';
    const path = `/api/v1/openapi/get_rating?${query}`;
    const signedAt = (offset: number, key?: string) => signedHeaders(h.shop, query, '', Math.floor(h.clock.now() / 1000) + offset, key);
    const first = await get(h, path, signedAt(0));
    const hits = await laneHits(h);
    const second = await get(h, path, signedAt(1));
    expect(await laneHits(h)).toBe(hits + 1);
    expect([second.status, second.json().data]).toEqual([200, first.json().data]);
    expect(stable(second.headers)).toEqual(stable(first.headers));
    expect(second.headers.ratelimit).toMatch(/^"openapi";r=99\d;t=\d+$/);

    const forged = await get(h, path, signedAt(2, 'not-the-private-token'));
    const expired = await get(h, path, signedAt(-3600));
    for (const refused of [forged, expired]) expect([refused.status, refused.json().code]).toEqual([401, 16]);
    expect(await laneHits(h)).toBe(hits + 1);
  });

  it('leaves conditional requests to the app, and records another encoding on its own', async () => {
    const h = harness();
    h.clock.advanceSeconds(61);
    const other = await h.newShop('lane-etag.example.com');
    await createReviewVia(h, { product_id: 'lane-pot', content: 'A teapot that pours without a drip, every time.' }, other);
    const path = `/api/v1/reviews/get_product_reviews?shop_id=${other.shop_id}&product_id=lane-pot`;
    const first = await get(h, path);
    const hits = await laneHits(h);
    const conditional = await get(h, path, { 'if-none-match': first.headers.etag! });
    expect(conditional.status).toBe(304);
    expect(await laneHits(h)).toBe(hits);
    // A new Accept-Encoding is a new recording: the first such request goes the long way.
    const gzip = await get(h, path, { 'accept-encoding': 'gzip' });
    expect([gzip.headers['content-encoding'], await laneHits(h)]).toEqual([undefined, hits]);
  });
});
