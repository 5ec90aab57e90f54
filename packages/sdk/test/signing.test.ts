import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest as serverSign } from '../../server/src/http/hmac-signature.js';
import { encodeQuery, signRequest } from '../src/index.js';

describe('SDK signing', () => {
  it('reproduces the contract test vectors', async () => {
    expect(await signRequest('secret-token', 'product_id=123&is_store_rating=0', '1700465771', '')).toBe('cff184b699c4e1552f84269894a05576701d1612071437651daf93b24fc93462');
    expect(await signRequest('secret-token', '', '1700465771', '{"id":42}')).toBe('0e657a658b6c5128e9c90d3a7bd3f17e2b12da436f056b7b574d8cc31e6dc2a6');
  });

  it('agrees with the server for any query and body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.oneof(fc.string(), fc.array(fc.integer(), { maxLength: 3 }))), fc.string(), fc.string({ minLength: 1 }), async (params, body, key) => {
        const query = encodeQuery(params);
        return (await signRequest(key, query, '1781682900', body)) === serverSign(key, query, '1781682900', body);
      }),
    );
  });

  it('is the HMAC-SHA256 of the documented string', async () => {
    const expected = createHmac('sha256', 'k').update('a=1,2&b=x y&timestamp=9|{}').digest('hex');
    expect(await signRequest('k', encodeQuery({ b: 'x y', a: [1, 2], skipped: undefined }), '9', '{}')).toBe(expected);
  });
});
