import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, useHarness } from '../support/harness.js';

/** How the Authorization header is read (docs/reference/auth.md §3), through a real API call. */
describeEachDatabase('bearer authentication header', (dialect) => {
  const harness = useHarness(dialect);
  const read = (authorization: string) => harness().app.inject({ method: 'GET', url: '/api/v1/openapi/get_reviews', headers: { authorization } });

  it('takes the scheme in any case, several spaces and surrounding blanks', async () => {
    const h = harness();
    const token = await h.bearerToken(h.shop, ['read_reviews']);
    for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER   ${token}`, `  Bearer ${token}  `]) {
      const answer = await read(header);
      expect([header, answer.statusCode, envelope(answer).code]).toEqual([header, 200, 0]);
    }
  });

  it('refuses a malformed header with a message saying the form, and an unknown token with another', async () => {
    const h = harness();
    const token = await h.bearerToken(h.shop, ['read_reviews']);
    for (const header of ['Bearer', `Bearer${token}`, `Basic ${token}`, `Bearer ${token} extra`, `Bearer ${token}\u00e9`, `Token ${token}`]) {
      const answer = await read(header);
      expect([header, answer.statusCode]).toEqual([header, 401]);
      expect(envelope(answer)).toMatchObject({ code: 16, message: 'Authorization must be "Bearer <access token>"' });
      expect(answer.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    }
    const unknown = await read('Bearer AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.statusCode).toBe(401);
    expect(envelope(unknown)).toMatchObject({ code: 16, message: 'unknown, expired or revoked access token' });
    expect(unknown.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });
});
