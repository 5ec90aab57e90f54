import fc from 'fast-check';
import { expect, it } from 'vitest';
import { stringToSign } from '../../src/crypto/hmac-signature.js';
import { rotatePrivateToken } from '../../src/shops/shop-service.js';
import { AnswerCache } from '../../src/http/answer-cache.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, openApiPath, signedHeaders, useHarness } from '../support/harness.js';

describeEachDatabase('HMAC authentication', (dialect) => {
  // Hundreds of deliberate failures from one address would trip the auth-failures budget, which
  // has its own tests (rate-limits.test.ts).
  const harness = useHarness(dialect, { env: { RATE_LIMIT_AUTH_FAILURES: 'off' } });
  const now = () => Math.floor(harness().clock.now() / 1000);

  it('accepts any query and body signed with the private token (round trip)', async () => {
    const h = harness();
    await fc.assert(
      fc.asyncProperty(
        // Full Unicode, characters outside the Basic Multilingual Plane included: byte order and
        // UTF-16 order differ exactly there.
        fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), fc.string({ maxLength: 20, unit: 'binary' })), { maxLength: 6 }),
        fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.oneof(fc.string({ unit: 'binary' }), fc.integer())),
        async (pairs, extra) => {
          // page_size, ids and flags carry no meaning here: the names are outside every schema.
          const query = pairs.map(([n, v]) => `x_${n}=${encodeURIComponent(v)}`).join('&');
          const body = JSON.stringify({ id: 999_999_999, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`x_${k}`, v])) });
          const get = await h.call('GET', 'get_rating', { query: query ? `${query}&is_all_rating=1` : 'is_all_rating=1' });
          const post = await h.call('POST', 'delete_review', { rawBody: body, ...(query ? { query } : {}) });
          return envelope(get).code === 0 && envelope(post).code === 5;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects a signed request when any single byte of query, body or signature changes', async () => {
    const h = harness();
    const query = 'product_ids=1,2&sort_by=created-ascending&keyword=caf%C3%A9';
    const body = '{"id":123456,"note":"ünïcode"}';
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('query', 'body', 'sign', 'timestamp'), fc.nat(), fc.integer({ min: 1, max: 25 }), async (part, position, shift) => {
        // A fresh signature per run, so an accepted run never makes a later one a replay.
        const timestamp = now() - 10 - (run++ % 800);
        const headers = signedHeaders(h.shop, query, body, timestamp);
        const mutate = (text: string, alphabet: string) => {
          const i = position % text.length;
          const next = alphabet[(alphabet.indexOf(text[i]!) + shift) % alphabet.length] ?? alphabet[0]!;
          return text.slice(0, i) + (next === text[i] ? alphabet[(alphabet.indexOf(next) + 1) % alphabet.length] : next) + text.slice(i + 1);
        };
        const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
        const changed = {
          query: part === 'query' ? mutate(query, letters) : query,
          body: part === 'body' ? mutate(body, letters) : body,
          sign: part === 'sign' ? mutate(headers.sign!, '0123456789abcdef') : headers.sign!,
          timestamp: part === 'timestamp' ? String(timestamp - 1 - (shift % 5)) : String(timestamp),
        };
        const response = await h.app.inject({
          method: 'POST',
          url: `${openApiPath('delete_review')}?${changed.query}`,
          headers: { 'content-type': 'application/json', 'public-token': h.shop.public_token, timestamp: changed.timestamp, sign: changed.sign },
          payload: changed.body,
        });
        // A byte that breaks the JSON is refused one step earlier, as malformed (docs/reference/conventions.md §4.5).
        const stillJson = (() => {
          try {
            JSON.parse(changed.body);
            return true;
          } catch {
            return false;
          }
        })();
        // %A9 and %a9 are the same byte: a change that leaves the signed (decoded) string as it was
        // is no change, and the request stays valid (then it fails later only as the unknown review).
        const unchangedMeaning = stringToSign(changed.query, changed.timestamp, changed.body) === stringToSign(query, String(timestamp), body) && changed.sign === headers.sign;
        const expected = !stillJson ? [400, 3] : unchangedMeaning ? [404, 5] : [401, 16];
        return response.statusCode === expected[0] && envelope(response).code === expected[1];
      }),
      { numRuns: 80 },
    );
  });

  it('signs the decoded query, so the case of percent-encoding does not matter', async () => {
    const h = harness();
    const headers = signedHeaders(h.shop, 'keyword=caf%C3%A9&is_all_rating=1', '', now());
    const response = await h.app.inject({ method: 'GET', url: `${openApiPath('get_rating')}?keyword=caf%c3%a9&is_all_rating=1`, headers });
    expect(envelope(response).code).toBe(0);
  });

  it('refuses a POST replayed to another API process sharing the database', async () => {
    const h = harness();
    const { buildApp } = await import('../../src/app.js');
    const { DatabaseReplayCache } = await import('../../src/http/replay-cache.js');
    const { MemoryRateLimitStore } = await import('../../src/http/rate-limiter.js');
    const second = await buildApp({ ...h.deps, replayCache: new DatabaseReplayCache(h.deps.db.kysely), answers: new AnswerCache(h.deps.config.answerCacheBytes), rateLimitStore: new MemoryRateLimitStore() }, { logger: false });
    try {
      const body = JSON.stringify({ rating: 5, author: 'Once' });
      const request = { method: 'POST' as const, url: openApiPath('create_review'), headers: { 'content-type': 'application/json', ...signedHeaders(h.shop, '', body, now()) }, payload: body };
      expect(envelope(await h.app.inject(request)).code).toBe(0);
      const replayed = await second.inject(request);
      expect([replayed.statusCode, envelope(replayed).message]).toEqual([401, 'request replayed']);
      // After the window the signature is forgotten, but the timestamp is then stale as well.
      h.clock.advanceSeconds(16 * 60);
      expect(envelope(await second.inject(request)).message).toMatch(/Timestamp is outside/);
    } finally {
      await second.close();
    }
  });

  it('remembers a future-dated signature until its own timestamp leaves the window', async () => {
    const h = harness();
    const body = JSON.stringify({ rating: 4, author: 'Future' });
    const timestamp = now() + 880;
    const request = { method: 'POST' as const, url: openApiPath('create_review'), headers: { 'content-type': 'application/json', ...signedHeaders(h.shop, '', body, timestamp) }, payload: body };
    const countReviews = async () => Number((await h.deps.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).where('shop_id', '=', h.shop.shop_id).executeTakeFirstOrThrow()).n);
    expect(envelope(await h.app.inject(request)).code).toBe(0);
    const reviewsAfterFirst = await countReviews();
    expect(envelope(await h.app.inject(request)).message).toBe('request replayed');
    // 910 s later the timestamp is still inside its window (880 - 910 = -30 s): still a replay.
    h.clock.advanceSeconds(910);
    const replayed = await h.app.inject(request);
    expect([replayed.statusCode, envelope(replayed).message]).toEqual([401, 'request replayed']);
    // The last second the signature verifies (timestamp + 900 s), it is still remembered.
    h.clock.advanceSeconds(timestamp + 900 - now());
    expect(envelope(await h.app.inject(request)).message).toBe('request replayed');
    h.clock.advanceSeconds(1);
    expect(envelope(await h.app.inject(request)).message).toMatch(/Timestamp is outside/);
    expect(await countReviews()).toBe(reviewsAfterFirst);
  });

  it('accepts a timestamp exactly 900 s away in either direction and refuses 901 s', async () => {
    const h = harness();
    for (const [offset, code] of [[900, 0], [-900, 0], [901, 16], [-901, 16]] as const) {
      const response = await h.call('GET', 'get_rating', { query: 'is_all_rating=1', timestamp: now() + offset });
      expect([offset, envelope(response).code]).toEqual([offset, code]);
    }
  });

  it('says what was wrong with a refused request, without revealing whether a token exists', async () => {
    const h = harness();
    const url = `${openApiPath('get_rating')}?is_all_rating=1`;
    const good = signedHeaders(h.shop, 'is_all_rating=1', '', now());
    const refusal = async (headers: Record<string, string>, target = url) => {
      const response = await h.app.inject({ method: 'GET', url: target, headers });
      expect(response.statusCode).toBe(401);
      return envelope(response).message;
    };
    expect(await refusal({})).toBe('missing credentials: Public-Token, Timestamp, Sign header required');
    expect(await refusal({ timestamp: good.timestamp!, sign: good.sign! })).toBe('missing credentials: Public-Token header required');
    expect(await refusal({ 'public-token': good['public-token']!, sign: good.sign! })).toBe('missing credentials: Timestamp header required');
    expect(await refusal({ 'public-token': good['public-token']!, timestamp: good.timestamp! })).toBe('missing credentials: Sign header required');
    expect(await refusal({ ...good, 'sign-version': '3' })).toBe('Sign-Version must be 1 or 2');
    for (const timestamp of ['abc', `x${good.timestamp}`, `${good.timestamp}x`, '12345678901']) expect(await refusal({ ...good, timestamp })).toBe('Timestamp must be Unix seconds');
    for (const sign of [good.sign!.toUpperCase(), `g${good.sign!.slice(1)}`, `${good.sign}0`, good.sign!.slice(1), `x${good.sign}`]) {
      expect([sign, await refusal({ ...good, sign })]).toEqual([sign, 'Sign must be 64 lowercase hexadecimal characters']);
    }
    expect(await refusal({ ...good, 'public-token': 'no-such-token' })).toBe('invalid signature or unknown Public-Token');
    expect(await refusal({ ...good, sign: '0'.repeat(64) })).toBe('invalid signature or unknown Public-Token');
    // The Trustoo recipe named explicitly is the same as no version header.
    expect(envelope(await h.app.inject({ method: 'GET', url, headers: { ...good, 'sign-version': '1' } })).code).toBe(0);
  });

  it('signs a query timestamp equal to the header once, and refuses one that differs', async () => {
    const h = harness();
    const timestamp = String(now());
    const same = signedHeaders(h.shop, `is_all_rating=1&timestamp=${timestamp}`, '', Number(timestamp));
    expect(envelope(await h.app.inject({ method: 'GET', url: `${openApiPath('get_rating')}?is_all_rating=1&timestamp=${timestamp}`, headers: same })).code).toBe(0);
    const other = String(Number(timestamp) - 1);
    const differing = signedHeaders(h.shop, `is_all_rating=1&timestamp=${other}`, '', Number(timestamp));
    const refused = await h.app.inject({ method: 'GET', url: `${openApiPath('get_rating')}?is_all_rating=1&timestamp=${other}`, headers: differing });
    expect([refused.statusCode, envelope(refused).message]).toEqual([401, "the query string's timestamp differs from the Timestamp header; send one value, or only the header"]);
  });

  it('refuses a correctly signed request of a shop that is not active, in the same words as a wrong signature', async () => {
    const h = harness();
    const shop = await h.newShop(`suspended-${dialect}.example.com`);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop)).code).toBe(0);
    await h.deps.db.kysely.updateTable('shops').set({ status: 'uninstalled' }).where('id', '=', shop.shop_id).execute();
    const refused = await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop);
    expect([refused.statusCode, envelope(refused).message]).toEqual([401, 'invalid signature or unknown Public-Token']);
  });

  it('lets the same signed GET be sent twice: only writes are remembered against replay', async () => {
    const h = harness();
    const headers = signedHeaders(h.shop, 'is_all_rating=1', '', now());
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await h.app.inject({ method: 'GET', url: `${openApiPath('get_rating')}?is_all_rating=1`, headers });
      expect([attempt, envelope(response).code]).toEqual([attempt, 0]);
    }
  });

  it('reads header names case-insensitively', async () => {
    const h = harness();
    const headers = signedHeaders(h.shop, 'is_all_rating=1', '', now());
    const response = await h.app.inject({ method: 'GET', url: `${openApiPath('get_rating')}?is_all_rating=1`, headers: { 'PUBLIC-TOKEN': headers['public-token']!, TimeStamp: headers.timestamp!, SIGN: headers.sign! } });
    expect(envelope(response).code).toBe(0);
  });

  it('stops accepting the old private token as soon as it is rotated', async () => {
    const h = harness();
    const shop = await h.newShop(`rotate-${dialect}.example.com`);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop)).code).toBe(0);
    const rotated = await rotatePrivateToken(h.deps.db.kysely, { secretKey: h.deps.secretKey, clock: h.clock }, shop.shop_id);
    expect(rotated.private_token).not.toBe(shop.private_token);
    const old = await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop);
    expect([old.statusCode, envelope(old).code]).toEqual([401, 16]);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, rotated)).code).toBe(0);
  });

  it('stores the private token encrypted, never in clear', async () => {
    const h = harness();
    const row = await h.deps.db.kysely.selectFrom('shops').selectAll().where('id', '=', h.shop.shop_id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(h.shop.private_token);
    expect(row.private_token_sealed).toMatch(/^v1\./);
  });

  it('prefers a bearer token over HMAC headers when Authorization is present', async () => {
    const h = harness();
    const headers = signedHeaders(h.shop, 'is_all_rating=1', '', now());
    const response = await h.app.inject({ method: 'GET', url: `${openApiPath('get_rating')}?is_all_rating=1`, headers: { ...headers, authorization: 'Bearer unknown-token' } });
    expect([response.statusCode, envelope(response).code]).toEqual([401, 16]);
  });
});
