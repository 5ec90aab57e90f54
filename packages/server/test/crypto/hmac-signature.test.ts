import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawQueryPairs, signRequest, signRequestV2, stringToSign } from '../../src/crypto/hmac-signature.js';

describe('HMAC request signing (docs/reference/auth.md §2)', () => {
  it('reproduces the contract test vectors', () => {
    expect(stringToSign('product_id=123&is_store_rating=0', '1700465771', '')).toBe('is_store_rating=0&product_id=123&timestamp=1700465771');
    expect(signRequest('secret-token', 'product_id=123&is_store_rating=0', '1700465771', '')).toBe('cff184b699c4e1552f84269894a05576701d1612071437651daf93b24fc93462');
    expect(stringToSign('', '1700465771', '{"id":42}')).toBe('timestamp=1700465771|{"id":42}');
    expect(signRequest('secret-token', '', '1700465771', '{"id":42}')).toBe('0e657a658b6c5128e9c90d3a7bd3f17e2b12da436f056b7b574d8cc31e6dc2a6');
  });

  it('reproduces the signed examples of docs/reference/reviews.md', () => {
    expect(signRequest('secret-token', 'id=1842', '1781682900', '')).toBe('5d5b7a1352473bd47d7a52237f1349bf1dd4037c0032a8f3085522d2f26b6711');
    expect(signRequest('secret-token', 'product_ids=9200305176832&ratings=4,5&sort_by=created-descending&page=1&page_size=2', '1781682900', '')).toBe(
      '96322ec00ba7ee2c9a203f6d7d4e39060725e9962c79b9936fa885a3d169246b',
    );
    expect(signRequest('secret-token', 'updated_since=2026-06-16%2009:05:00&after_id=1842&include_deleted=1&page_size=100', '1781682900', '')).toBe(
      'd3d1cd0d4443b45832bfe0a0c9869e3a6c736ad8a3f7ffa5cbc44fe5fe379f1e',
    );
    expect(signRequest('secret-token', '', '1781682903', '{"id":1843}')).toBe('6f410334d6ef480bc9cb50de9dec7905df7867b65c331951809c2dbda6720396');
    expect(signRequest('secret-token', 'product_ids=9200305176832,9200305176833,0', '1781682900', '')).toBe('9c8783a2c0007a16ed5816703aeda4360f52b55c612078eb3ca67fb3044aaa62');
  });

  it('signs names as sent, keeps empty values and leaves out a sign parameter', () => {
    expect(stringToSign('ratings[0]=4&ratings[1]=5&empty=&sign=abc', '1', '')).toBe('empty=&ratings[0]=4&ratings[1]=5&timestamp=1');
    expect(stringToSign('a=b&a=a&q=one+two', '1', '')).toBe('a=a&a=b&q=one two&timestamp=1');
  });

  it('splits a query into the pairs URLSearchParams gives, with or without escapes, plus signs or surrogates', () => {
    const piece = fc.constantFrom('a', 'b', 'é', '=', '&', '?', '+', '%', '%2', '%41', '%C3%A9', '%FF', '😀', '\uD83D', '\uDE00', ' ', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const query = pieces.join('');
        expect(rawQueryPairs(query)).toEqual([...new URLSearchParams(query)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts characters of the Basic Multilingual Plane by code point, as their UTF-8 bytes do', () => {
    // é (C3 A9) after z (7A), 中 (E4 B8 AD) after é, U+FFFF (EF BF BF) after 中.
    expect(stringToSign('x=\uFFFF&x=中&x=é&x=z', '1', '')).toBe('timestamp=1&x=z&x=é&x=中&x=\uFFFF');
    const request = { method: 'GET', rawPath: '/p', timestamp: '1', rawBody: '' };
    expect(signRequestV2('k', { ...request, rawQuery: 'b=1&a=é&a=z' })).toBe(signRequestV2('k', { ...request, rawQuery: 'a=z&a=é&b=1' }));
  });

  it('signs the timestamp once when an older client also puts it in the query', () => {
    expect(stringToSign('a=1&timestamp=1781682900', '1781682900', '')).toBe('a=1&timestamp=1781682900');
    expect(stringToSign('timestamp=1781682900', '1781682900', '{"id":1}')).toBe('timestamp=1781682900|{"id":1}');
  });

  it('does not depend on the order of query parameters', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string()), { selector: ([name]) => name, maxLength: 8 }), fc.string(), (pairs, body) => {
        const query = pairs.map(([n, v]) => `${n}=${encodeURIComponent(v)}`);
        const shuffled = [...query].reverse();
        return signRequest('k', query.join('&'), '1700000000', body) === signRequest('k', shuffled.join('&'), '1700000000', body);
      }),
    );
  });

  it('sorts in UTF-8 byte order, not UTF-16 order: a fixed vector with an emoji and U+FFFF', () => {
    // U+FFFF is EF BF BF in UTF-8 and 😀 is F0 9F 98 80: U+FFFF sorts first by bytes, last by UTF-16 units.
    const query = `b=caf%C3%A9&a=${encodeURIComponent('😀')}&a=${encodeURIComponent('\uFFFF')}`;
    const body = '{"author":"Zoë 😀"}';
    expect(stringToSign(query, '1781682900', body)).toBe('a=\uFFFF&a=😀&b=café&timestamp=1781682900|{"author":"Zoë 😀"}');
    expect(signRequest('secret-token', query, '1781682900', body)).toBe('966a44687fe147a745f8647ff2a1d319f59941c3c7a05b5b32dd60dfee6a9188');
  });

  /**
   * Version 1 written again here from the recipe, sharing nothing with the server's code: decode with
   * decodeURIComponent after turning + into spaces, compare names and values as UTF-8 bytes.
   */
  function oracleV1(key: string, query: string, timestamp: string, body: string): string {
    const pairs = query
      .split('&')
      .filter((piece) => piece !== '')
      .map((piece) => {
        const at = piece.indexOf('=');
        const [name, value] = at === -1 ? [piece, ''] : [piece.slice(0, at), piece.slice(at + 1)];
        return [decodeURIComponent(name.replaceAll('+', ' ')), decodeURIComponent(value.replaceAll('+', ' '))] as [string, string];
      })
      .filter(([name]) => name !== 'sign');
    pairs.push(['timestamp', timestamp]);
    const bytes = (text: string) => Buffer.from(text, 'utf8');
    pairs.sort(([an, av], [bn, bv]) => Buffer.compare(bytes(an), bytes(bn)) || Buffer.compare(bytes(av), bytes(bv)));
    const text = pairs.map(([name, value]) => `${name}=${value}`).join('&') + (body === '' ? '' : `|${body}`);
    return createHmac('sha256', key).update(text, 'utf8').digest('hex');
  }

  it('agrees with an independent implementation for any names, values, bodies and keys in full Unicode', () => {
    const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
    fc.assert(
      fc.property(fc.array(fc.tuple(text(8).filter((name) => name !== '' && name !== 'sign'), text(12)), { maxLength: 8 }), text(40), text(20).filter((key) => key !== ''), (pairs, body, key) => {
        const query = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
        return signRequest(key, query, '1781682900', body) === oracleV1(key, query, '1781682900', body);
      }),
      { numRuns: 300 },
    );
  });
});
