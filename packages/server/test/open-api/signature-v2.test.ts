import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signRequestV2, stringToSignV2 } from '../../src/crypto/hmac-signature.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, openApiPath, signedHeaders, useHarness } from '../support/harness.js';

const DOCS = readFileSync(new URL('../../../../docs/signing-requests.md', import.meta.url), 'utf8');

/** Version 2 computed here from the documented recipe, independently of the server's code. */
function oracleV2(key: string, method: string, path: string, query: string, timestamp: string, body: string): string {
  const pairs = query.split('&').filter((pair) => pair !== '').sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const text = `PLAUDIT-HMAC-SHA256-V2\n${method}\n${path}\n${pairs.join('&')}\n${timestamp}\n${createHash('sha256').update(body).digest('hex')}`;
  return createHmac('sha256', key).update(text).digest('hex');
}

describe('signature version 2 recipe', () => {
  it('reproduces the test vectors of docs/signing-requests.md', () => {
    const get = { method: 'GET', rawPath: '/api/v1/openapi/get_reviews', rawQuery: 'product_ids=123%2C456&page=1&keyword=caf%C3%A9', timestamp: '1781682900', rawBody: '' };
    expect(stringToSignV2(get)).toBe('PLAUDIT-HMAC-SHA256-V2\nGET\n/api/v1/openapi/get_reviews\nkeyword=caf%C3%A9&page=1&product_ids=123%2C456\n1781682900\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(signRequestV2('secret-token', get)).toBe('6de8bb0da20ad628264147403204e3edb4c667fecc5b88d9a57ff291c023598f');
    const body = '{"rating":5,"author":"Zoë 😀","product_id":"123"}';
    const post = { method: 'POST', rawPath: '/api/v1/openapi/create_review', rawQuery: '', timestamp: '1781682900', rawBody: body };
    expect(signRequestV2('secret-token', post)).toBe('3b8e2df5dfcd3f72722f791c2d17f664d305bcaf4c96fda20304346e5bc822e1');
    // The vectors are the ones the documentation prints.
    for (const sign of ['6de8bb0da20ad628264147403204e3edb4c667fecc5b88d9a57ff291c023598f', '3b8e2df5dfcd3f72722f791c2d17f664d305bcaf4c96fda20304346e5bc822e1']) expect(DOCS).toContain(`Sign: ${sign}`);
    expect(DOCS).toContain(`(${Buffer.byteLength(body)} bytes, UTF-8`);
  });

  it('drops empty pieces of the query, as the recipe says', () => {
    const base = { method: 'get', rawPath: '/p', timestamp: '1', rawBody: '' };
    expect(stringToSignV2({ ...base, rawQuery: '&b=2&&a=1&' }).split('\n').slice(1, 4)).toEqual(['GET', '/p', 'a=1&b=2']);
  });

  it('agrees with an independent implementation, characters outside the BMP included', () => {
    const cases: Array<[string, string, string, string]> = [
      ['GET', '/api/v1/openapi/get_reviews', 'b=2&a=1&a=%F0%9F%98%80&%E2%82%AC=1&z', ''],
      ['POST', '/api/v1/openapi/create_review', 'x=%ff', '{"author":"😀 \\u0000 é"}'],
      ['GET', '/api/v1/openapi/get_rating/', '', ''],
    ];
    for (const [method, path, query, body] of cases) {
      expect(signRequestV2('k😀y', { method, rawPath: path, rawQuery: query, timestamp: '1', rawBody: body })).toBe(oracleV2('k😀y', method, path, query, '1', body));
    }
  });
});

describeEachDatabase('signature version 2', (dialect) => {
  const harness = useHarness(dialect, { env: { RATE_LIMIT_AUTH_FAILURES: 'off' } });
  let tick = 0;
  const now = (h: Harness) => Math.floor(h.clock.now() / 1000) - 100 + (tick++ % 90);

  /** Sends a request signed with version 2 for (signedMethod, signedPath, signedQuery, signedBody), but as (method, path, query, body). */
  function send(h: Harness, request: { method: 'GET' | 'POST'; operation: string; query?: string; body?: string }, signedAs: Partial<{ method: string; operation: string; query: string; body: string }> = {}, shop = h.shop) {
    const timestamp = String(now(h));
    const query = request.query ?? '';
    const body = request.body ?? '';
    const sign = oracleV2(shop.private_token, signedAs.method ?? request.method, openApiPath(signedAs.operation ?? request.operation), signedAs.query ?? query, timestamp, signedAs.body ?? body);
    return h.app.inject({
      method: request.method,
      url: `${openApiPath(request.operation)}${query ? `?${query}` : ''}`,
      headers: { 'public-token': shop.public_token, timestamp, sign, 'sign-version': '2', ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: body } : {}),
    });
  }

  it('accepts GET and POST requests signed with version 2', async () => {
    const h = harness();
    expect(envelope(await send(h, { method: 'GET', operation: 'get_rating', query: 'is_all_rating=1' })).code).toBe(0);
    const created = await send(h, { method: 'POST', operation: 'create_review', body: JSON.stringify({ rating: 5, author: 'Vee Two' }) });
    expect(envelope(created).code).toBe(0);
    expect(envelope(await send(h, { method: 'GET', operation: 'get_reviews', query: 'keyword=Vee%20Two&page_size=5' })).code).toBe(0);
  });

  it('refuses a version-2 signature sent to another path, with another method, query or body', async () => {
    const h = harness();
    const before = await databaseChecksum(h);
    const refused = [
      await send(h, { method: 'GET', operation: 'get_unsubscribes', query: 'is_all_rating=1' }, { operation: 'get_rating' }),
      await send(h, { method: 'POST', operation: 'delete_customer_exclude', body: '{"email":"x@example.com"}' }, { operation: 'create_customer_exclude' }),
      await send(h, { method: 'GET', operation: 'get_reviews', query: 'keyword=a&page_size=1' }, { query: 'keyword=a%26page_size%3D1' }),
      await send(h, { method: 'GET', operation: 'get_reviews', query: 'keyword=caf%c3%a9' }, { query: 'keyword=caf%C3%A9' }),
      await send(h, { method: 'POST', operation: 'create_review', body: '{"rating":1,"author":"X"}' }, { body: '{"rating":5,"author":"X"}' }),
      await send(h, { method: 'POST', operation: 'create_review', body: '{"rating":5,"author":"X"}' }, { method: 'GET' }),
    ];
    for (const response of refused) expect([response.statusCode, envelope(response).code, envelope(response).message]).toEqual([401, 16, 'invalid signature or unknown Public-Token']);
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('refuses an unknown Sign-Version and a version-1 signature announced as version 2', async () => {
    const h = harness();
    const timestamp = now(h);
    const v1 = signedHeaders(h.shop, 'is_all_rating=1', '', timestamp);
    for (const [version, message] of [['3', 'Sign-Version must be 1 or 2'], ['2', 'invalid signature or unknown Public-Token'], ['02', 'Sign-Version must be 1 or 2']]) {
      const response = await h.app.inject({ method: 'GET', url: `${openApiPath('get_rating')}?is_all_rating=1`, headers: { ...v1, 'sign-version': version! } });
      expect([version, response.statusCode, envelope(response).message]).toEqual([version, 401, message]);
    }
  });

  it('refuses a replayed version-2 POST', async () => {
    const h = harness();
    const body = JSON.stringify({ rating: 4, author: 'Once Only' });
    const timestamp = String(now(h));
    const headers = { 'public-token': h.shop.public_token, timestamp, sign: oracleV2(h.shop.private_token, 'POST', openApiPath('create_review'), '', timestamp, body), 'sign-version': '2', 'content-type': 'application/json' };
    expect(envelope(await h.app.inject({ method: 'POST', url: openApiPath('create_review'), headers, payload: body })).code).toBe(0);
    const again = await h.app.inject({ method: 'POST', url: openApiPath('create_review'), headers, payload: body });
    expect([again.statusCode, envelope(again).message]).toEqual([401, 'request replayed']);
  });

  it('turns version 1 off for a shop that requires version 2, with a message naming the setting', async () => {
    const h = harness();
    const shop = await h.newShop(`v2-only-${dialect}.example.com`);
    // Version 1's portability, as documented: a get_rating signature opens get_unsubscribes.
    const portable = signedHeaders(shop, 'is_all_rating=1', '', now(h));
    expect(envelope(await h.app.inject({ method: 'GET', url: `${openApiPath('get_unsubscribes')}?is_all_rating=1`, headers: portable })).code).toBe(0);

    expect(envelope(await h.call('POST', 'update_shop_settings', { body: { require_signature_v2: true } }, shop)).code).toBe(0);
    const before = await databaseChecksum(h);
    for (const [method, operation, options] of [['GET', 'get_rating', { query: 'is_all_rating=1' }], ['POST', 'create_review', { body: { rating: 5, author: 'Old Client' } }], ['GET', 'get_shop_settings', {}]] as const) {
      const response = await h.call(method, operation, options, shop);
      expect([operation, response.statusCode, envelope(response).code, envelope(response).message]).toEqual([operation, 401, 16, 'this shop accepts only Sign-Version: 2 (its require_signature_v2 setting is on); sign with version 2 or use OAuth']);
    }
    expect(await databaseChecksum(h)).toEqual(before);
    // A wrong version-1 signature learns nothing about the setting.
    const wrong = await h.call('GET', 'get_rating', { query: 'is_all_rating=1', signingKey: 'not-the-key' }, shop);
    expect(envelope(wrong).message).toBe('invalid signature or unknown Public-Token');
    // Version 2 and OAuth still work, and version 2 can turn the switch back off.
    expect(envelope(await send(h, { method: 'GET', operation: 'get_rating', query: 'is_all_rating=1' }, {}, shop)).code).toBe(0);
    const token = await h.bearerToken(shop, ['read_reviews']);
    expect(envelope(await h.app.inject({ method: 'GET', url: `${openApiPath('get_rating')}?is_all_rating=1`, headers: { authorization: `Bearer ${token}` } })).code).toBe(0);
    expect(envelope(await send(h, { method: 'POST', operation: 'update_shop_settings', body: '{"require_signature_v2":false}' }, {}, shop)).code).toBe(0);
    expect(envelope(await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop)).code).toBe(0);
  });
});
