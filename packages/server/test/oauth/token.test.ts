import { describe, expect, it } from 'vitest';
import { OAUTH_DEFAULTS } from '../../src/config/security-defaults.js';
import { sha256Hex } from '../../src/crypto/tokens.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { mintCode, pkcePair, platformDeps, postForm, postJson, registerPlatform, TEST_REDIRECT_URI, TOKEN_PATH } from '../support/oauth.js';

interface TokenData {
  access_token: string;
  token_type: string;
  expires_in: string;
  refresh_token: string;
  scope: string;
}

async function newPlatformAndShop(h: Harness, label: string) {
  const platform = await registerPlatform(platformDeps(h), { name: `Token ${label}` });
  const shop = await h.newShop(`${label}-${h.dialect}.example.com`);
  return { platform, shop };
}

/** A bearer call that answers the business code only. */
async function apiCode(h: Harness, accessToken: string): Promise<number> {
  const response = await h.app.inject({ method: 'GET', url: '/api/v1/openapi/get_reviews', headers: { authorization: `Bearer ${accessToken}` } });
  return envelope(response).code;
}

describeEachDatabase('OAuth token endpoint', (dialect) => {
  const harness = useHarness(dialect);

  describe('authorization_code grant', () => {
    /** The envelope of a refused redemption: the RFC description as message, naming the parameter at fault. */
    const refusedAt = (field: string, description: string) => ({ code: 3, message: description, data: { errors: [{ field, reason: description }] } });

    it('exchanges a code Trustoo-style: JSON in, envelope out, expires_in a string, scopes comma-separated', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'json-exchange');
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id, { redirectUri: TEST_REDIRECT_URI, scopes: ['read_reviews', 'write_orders'] });
      const response = await postJson(h, TOKEN_PATH, {
        grant_type: 'authorization_code',
        client_id: platform.client_id,
        client_secret: platform.client_secret,
        code,
        redirect_uri: TEST_REDIRECT_URI,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const body = envelope<TokenData>(response);
      expect(body.code).toBe(0);
      expect(body.data).toEqual({ access_token: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), token_type: 'Bearer', expires_in: '3600', refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), scope: 'read_reviews,write_orders' });
      expect(await apiCode(h, body.data!.access_token)).toBe(0);
    });

    it('exchanges a code RFC-style with HTTP Basic: plain RFC 6749 object, expires_in a number, scopes space-separated', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'rfc-exchange');
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id, { scopes: ['read_reviews', 'read_orders'] });
      const response = await postForm(h, TOKEN_PATH, { grant_type: 'authorization_code', code }, { clientId: platform.client_id, clientSecret: platform.client_secret });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.pragma).toBe('no-cache');
      const body = response.json();
      expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, refresh_token: expect.any(String), scope: 'read_reviews read_orders' });
    });

    it('accepts client credentials in the form body, and refuses them sent both ways at once', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'post-auth');
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      const both = await postForm(h, TOKEN_PATH, { grant_type: 'authorization_code', code, client_secret: platform.client_secret }, { clientId: platform.client_id, clientSecret: platform.client_secret });
      expect(both.statusCode).toBe(400);
      expect(both.json()).toMatchObject({ error: 'invalid_request' });
      const post = await postForm(h, TOKEN_PATH, { grant_type: 'authorization_code', code, client_id: platform.client_id, client_secret: platform.client_secret });
      expect(post.statusCode).toBe(200);
    });

    it('refuses bad client credentials: code 16 in the envelope, 401 invalid_client with WWW-Authenticate for Basic', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'bad-client');
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      const json = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: 'wrong', code });
      expect(json.statusCode).toBe(401);
      expect(envelope(json).code).toBe(16);
      const unknown = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: 'nobody', client_secret: platform.client_secret, code });
      expect(envelope(unknown).code).toBe(16);
      const basic = await postForm(h, TOKEN_PATH, { grant_type: 'authorization_code', code }, { clientId: platform.client_id, clientSecret: 'wrong' });
      expect(basic.statusCode).toBe(401);
      expect(basic.json()).toEqual({ error: 'invalid_client', error_description: 'client authentication failed' });
      expect(basic.headers['www-authenticate']).toMatch(/^Basic realm=/);
      // The refused attempts did not spend the code.
      const good = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code });
      expect(envelope(good).code).toBe(0);
    });

    it('ignores a bearer Authorization header on Trustoo-style calls', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'ignored-header');
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      const response = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code }, { authorization: 'Bearer stale-token' });
      expect(envelope(response).code).toBe(0);
    });

    it('refuses a code redeemed twice, and the tokens of the first redemption die', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'code-reuse');
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      const request = { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code };
      const first = envelope<TokenData>(await postJson(h, TOKEN_PATH, request));
      expect(first.code).toBe(0);
      expect(await apiCode(h, first.data!.access_token)).toBe(0);
      const second = await postJson(h, TOKEN_PATH, request);
      expect(second.statusCode).toBe(400);
      expect(envelope(second)).toMatchObject(refusedAt('code', 'authorization code was already used; the tokens issued for it are revoked'));
      expect(await apiCode(h, first.data!.access_token)).toBe(16);
      const reasons = await h.deps.db.kysely.selectFrom('token_families').select('revoked_reason').where('revoked_reason', 'is not', null).execute();
      expect(reasons.map((row) => row.revoked_reason)).toContain('authorization code reused');
      const refresh = await postJson(h, TOKEN_PATH, { grant_type: 'refresh_token', client_id: platform.client_id, client_secret: platform.client_secret, refresh_token: first.data!.refresh_token });
      expect(envelope(refresh).code).toBe(3);
    });

    it('lets exactly one of 50 parallel redemptions of a code succeed', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'code-race');
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      const request = { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code };
      const answers = await Promise.all(Array.from({ length: 50 }, () => postJson(h, TOKEN_PATH, request)));
      const codes = answers.map((answer) => envelope(answer).code);
      expect(codes.filter((c) => c === 0)).toHaveLength(1);
      expect(codes.filter((c) => c === 3)).toHaveLength(49);
      const families = await h.deps.db.kysely.selectFrom('token_families').innerJoin('grants', 'grants.id', 'token_families.grant_id').select('token_families.id').where('grants.shop_id', '=', shop.shop_id).execute();
      expect(families).toHaveLength(1);
    });

    it("refuses client B redeeming client A's code, which stays usable by A", async () => {
      const h = harness();
      const { platform: a, shop } = await newPlatformAndShop(h, 'code-a');
      const b = await registerPlatform(platformDeps(h), { name: 'Other Client' });
      const code = await mintCode(platformDeps(h), a.client_id, shop.shop_id);
      const stolen = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: b.client_id, client_secret: b.client_secret, code });
      expect(envelope(stolen)).toMatchObject(refusedAt('code', 'authorization code is unknown'));
      const own = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: a.client_id, client_secret: a.client_secret, code });
      expect(envelope(own).code).toBe(0);
    });

    it('refuses an expired code (five minutes)', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'code-expiry');
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      const lastSecond = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      const expiredToo = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      h.clock.advanceSeconds(OAUTH_DEFAULTS.authorizationCodeSeconds - 1);
      expect(envelope(await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', code: lastSecond, client_id: platform.client_id, client_secret: platform.client_secret })).code).toBe(0);
      h.clock.advanceSeconds(1);
      try {
        const response = await postForm(h, TOKEN_PATH, { grant_type: 'authorization_code', code, client_id: platform.client_id, client_secret: platform.client_secret });
        expect(response.json()).toEqual({ error: 'invalid_grant', error_description: 'authorization code has expired' });
        // The Trustoo-style answer names the parameter at fault.
        const jsonStyle = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', code: expiredToo, client_id: platform.client_id, client_secret: platform.client_secret });
        expect(envelope(jsonStyle)).toMatchObject(refusedAt('code', 'authorization code has expired'));
      } finally {
        h.clock.advanceSeconds(-OAUTH_DEFAULTS.authorizationCodeSeconds);
      }
    });

    it('binds the code to its redirect_uri', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'code-redirect');
      const sent = await mintCode(platformDeps(h), platform.client_id, shop.shop_id, { redirectUri: TEST_REDIRECT_URI });
      const credentials = { client_id: platform.client_id, client_secret: platform.client_secret };
      const missing = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', ...credentials, code: sent });
      expect(envelope(missing)).toMatchObject(refusedAt('redirect_uri', 'redirect_uri does not match the authorization request'));
      const wrong = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', ...credentials, code: await mintCode(platformDeps(h), platform.client_id, shop.shop_id, { redirectUri: TEST_REDIRECT_URI }), redirect_uri: `${TEST_REDIRECT_URI}?x=1` });
      expect(envelope(wrong)).toMatchObject(refusedAt('redirect_uri', 'redirect_uri does not match the authorization request'));
      const repeated = await mintCode(platformDeps(h), platform.client_id, shop.shop_id, { redirectUri: TEST_REDIRECT_URI });
      expect(envelope(await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', ...credentials, code: repeated, redirect_uri: TEST_REDIRECT_URI })).code).toBe(0);
      const bothOmitted = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      expect(envelope(await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', ...credentials, code: bothOmitted })).code).toBe(0);
      const omitted = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      const other = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', ...credentials, code: omitted, redirect_uri: `${TEST_REDIRECT_URI}/` });
      expect(envelope(other).code).toBe(3);
      const same = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      expect(envelope(await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', ...credentials, code: same, redirect_uri: TEST_REDIRECT_URI })).code).toBe(0);
    });

    it('enforces PKCE: a missing or wrong verifier fails, a verifier without a challenge fails, the right one passes', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'pkce');
      const credentials = { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret };
      const pkce = pkcePair();
      const withChallenge = () => mintCode(platformDeps(h), platform.client_id, shop.shop_id, { codeChallenge: pkce.challenge });
      const cases: Array<[Record<string, string>, string]> = [
        [{ code: '' }, 'code_verifier is required: the authorization request sent a code_challenge'],
        [{ code: '', code_verifier: pkcePair().verifier }, 'code_verifier does not match the code_challenge'],
        [{ code: '', code_verifier: 'short' }, 'code_verifier does not match the code_challenge'],
      ];
      for (const [extra, message] of cases) {
        const response = await postJson(h, TOKEN_PATH, { ...credentials, ...extra, code: await withChallenge() });
        expect(envelope(response)).toMatchObject(refusedAt('code_verifier', message));
      }
      const plain = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      const stray = await postJson(h, TOKEN_PATH, { ...credentials, code: plain, code_verifier: pkce.verifier });
      expect(envelope(stray)).toMatchObject(refusedAt('code_verifier', 'code_verifier was sent but the authorization request had no code_challenge'));
      const right = await postJson(h, TOKEN_PATH, { ...credentials, code: await withChallenge(), code_verifier: pkce.verifier });
      expect(envelope(right).code).toBe(0);
    });

    it('refuses a code whose grant the merchant cancelled before it was redeemed', async () => {
      const h = harness();
      const { platform, shop } = await newPlatformAndShop(h, 'code-cancelled');
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
      expect(envelope(await h.call('POST', 'oauth/cancel', { body: { client_id: platform.client_id } }, shop)).code).toBe(0);
      const response = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code });
      expect(envelope(response)).toMatchObject(refusedAt('code', 'the merchant withdrew this authorization'));
    });
  });

  describe('grant types and malformed requests', () => {
    for (const grantType of ['password', 'implicit', 'client_credentials']) {
      it(`refuses grant_type=${grantType} as unsupported_grant_type`, async () => {
        const h = harness();
        const { platform } = await newPlatformAndShop(h, `unsupported-${grantType.replace('_', '-')}`);
        const json = await postJson(h, TOKEN_PATH, { grant_type: grantType, client_id: platform.client_id, client_secret: platform.client_secret, username: 'a', password: 'b' });
        expect(envelope(json)).toMatchObject({ code: 3, data: { errors: [{ field: 'grant_type' }] } });
        const form = await postForm(h, TOKEN_PATH, { grant_type: grantType }, { clientId: platform.client_id, clientSecret: platform.client_secret });
        expect(form.statusCode).toBe(400);
        expect(form.json().error).toBe('unsupported_grant_type');
      });
    }

    it('refuses a missing grant_type, a non-string code and a body that is not JSON or a form', async () => {
      const h = harness();
      const { platform } = await newPlatformAndShop(h, 'malformed');
      expect(envelope(await postJson(h, TOKEN_PATH, { client_id: platform.client_id })).code).toBe(3);
      const numeric = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code: 42 });
      expect(envelope(numeric)).toMatchObject({ code: 3, data: { errors: [{ field: 'code', reason: 'code must be a string' }] } });
      const missing = await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret });
      expect(envelope(missing)).toMatchObject({ code: 3, message: 'code is required', data: { errors: [{ field: 'code', reason: 'code is required' }] } });
      const text = await h.app.inject({ method: 'POST', url: TOKEN_PATH, headers: { 'content-type': 'text/plain' }, payload: 'grant_type=authorization_code' });
      expect(text.statusCode).toBe(415);
    });

    it('answers 405 with Allow to a GET', async () => {
      const h = harness();
      const response = await h.app.inject({ method: 'GET', url: TOKEN_PATH });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe('POST');
    });
  });

  describe('refresh_token grant', () => {
    /** The envelope of a refused refresh: the RFC description as message, naming the parameter at fault. */
    const refusedFor = (description: string) => ({ code: 3, message: description, data: { errors: [{ field: 'refresh_token', reason: description }] } });

    async function tokensFor(h: Harness, label: string) {
      const { platform, shop } = await newPlatformAndShop(h, label);
      const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id, { scopes: ['read_reviews', 'write_reviews'] });
      const first = envelope<TokenData>(await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code }));
      const refresh = (refreshToken: string, client = platform) =>
        postJson(h, TOKEN_PATH, { grant_type: 'refresh_token', client_id: client.client_id, client_secret: client.client_secret, refresh_token: refreshToken });
      return { platform, shop, tokens: first.data!, refresh };
    }

    it('rotates: a new refresh token every time, the old one spent, scopes kept', async () => {
      const h = harness();
      const { tokens, refresh } = await tokensFor(h, 'rotate');
      const next = envelope<TokenData>(await refresh(tokens.refresh_token));
      expect(next.code).toBe(0);
      expect(next.data!.refresh_token).not.toBe(tokens.refresh_token);
      expect(next.data!.access_token).not.toBe(tokens.access_token);
      expect(next.data!.scope).toBe('read_reviews,write_reviews');
      expect(await apiCode(h, next.data!.access_token)).toBe(0);
      // The earlier access token lives on until it expires: rotation is about refresh tokens.
      expect(await apiCode(h, tokens.access_token)).toBe(0);
      const third = envelope<TokenData>(await refresh(next.data!.refresh_token));
      expect(third.code).toBe(0);
    });

    it('revokes the whole family when a rotated refresh token is presented again', async () => {
      const h = harness();
      const { tokens, refresh } = await tokensFor(h, 'reuse');
      const next = envelope<TokenData>(await refresh(tokens.refresh_token));
      const replay = await refresh(tokens.refresh_token);
      expect(envelope(replay)).toMatchObject(refusedFor('refresh token was already used; every token of this authorization is revoked'));
      // The family records why it ended, for the operator reading the grant's history.
      const family = await h.deps.db.kysely.selectFrom('token_families').select(['revoked_at', 'revoked_reason']).execute();
      expect(family.filter((row) => row.revoked_reason === 'refresh token reused').map((row) => row.revoked_at)).toEqual([h.clock.now() / 1000]);
      expect(await apiCode(h, next.data!.access_token)).toBe(16);
      expect(await apiCode(h, tokens.access_token)).toBe(16);
      expect(envelope(await refresh(next.data!.refresh_token)).code).toBe(3);
    });

    it('lets one of two concurrent refreshes win; the other counts as reuse and ends the family', async () => {
      const h = harness();
      const { tokens, refresh } = await tokensFor(h, 'concurrent');
      const answers = await Promise.all([refresh(tokens.refresh_token), refresh(tokens.refresh_token)]);
      const bodies = answers.map((answer) => envelope<TokenData>(answer));
      expect(bodies.map((b) => b.code).sort()).toEqual([0, 3]);
      const winner = bodies.find((b) => b.code === 0)!;
      expect(await apiCode(h, winner.data!.access_token)).toBe(16);
    });

    it("refuses another client's refresh token and leaves it working for its owner", async () => {
      const h = harness();
      const { tokens, refresh } = await tokensFor(h, 'foreign-refresh');
      const other = await registerPlatform(platformDeps(h), { name: 'Thief' });
      expect(envelope(await refresh(tokens.refresh_token, other))).toMatchObject(refusedFor('refresh token is unknown'));
      expect(envelope(await refresh(tokens.refresh_token)).code).toBe(0);
    });

    it('names why a refresh token is refused: missing, revoked itself, its family revoked, or its grant ended', async () => {
      const h = harness();
      const db = h.deps.db.kysely;
      const { tokens, refresh, platform } = await tokensFor(h, 'refusals');
      const missing = await postJson(h, TOKEN_PATH, { grant_type: 'refresh_token', client_id: platform.client_id, client_secret: platform.client_secret });
      expect(envelope(missing)).toMatchObject(refusedFor('refresh_token is required'));
      const tokenRow = db.selectFrom('refresh_tokens').select(['token_hash', 'family_id']).where('token_hash', '=', sha256Hex(tokens.refresh_token));
      const { family_id: familyId } = await tokenRow.executeTakeFirstOrThrow();
      const grantId = (await db.selectFrom('token_families').select('grant_id').where('id', '=', familyId).executeTakeFirstOrThrow()).grant_id;
      const revoked = refusedFor('refresh token has been revoked');
      // Each condition alone refuses the token, and undoing it makes the token work again.
      await db.updateTable('refresh_tokens').set({ revoked_at: 1 }).where('token_hash', '=', sha256Hex(tokens.refresh_token)).execute();
      expect(envelope(await refresh(tokens.refresh_token))).toMatchObject(revoked);
      await db.updateTable('refresh_tokens').set({ revoked_at: null }).where('token_hash', '=', sha256Hex(tokens.refresh_token)).execute();
      await db.updateTable('token_families').set({ revoked_at: 1 }).where('id', '=', familyId).execute();
      expect(envelope(await refresh(tokens.refresh_token))).toMatchObject(revoked);
      await db.updateTable('token_families').set({ revoked_at: null }).where('id', '=', familyId).execute();
      await db.updateTable('grants').set({ status: 'disconnected' }).where('id', '=', grantId).execute();
      expect(envelope(await refresh(tokens.refresh_token))).toMatchObject(revoked);
      await db.updateTable('grants').set({ status: 'active' }).where('id', '=', grantId).execute();
      expect(envelope(await refresh(tokens.refresh_token)).code).toBe(0);
    });

    it('honours a refresh token until the second it expires, then says it expired', async () => {
      const h = harness();
      const { tokens, refresh } = await tokensFor(h, 'expiry');
      const { tokens: other, refresh: refreshOther } = await tokensFor(h, 'expiry-other');
      try {
        h.clock.advanceSeconds(OAUTH_DEFAULTS.refreshTokenSeconds - 1);
        expect(envelope(await refresh(tokens.refresh_token)).code).toBe(0);
        h.clock.advanceSeconds(1);
        expect(envelope(await refreshOther(other.refresh_token))).toMatchObject(refusedFor('refresh token has expired'));
      } finally {
        h.clock.advanceSeconds(-OAUTH_DEFAULTS.refreshTokenSeconds);
      }
    });

    it('refuses an unknown refresh token', async () => {
      const h = harness();
      const { refresh } = await tokensFor(h, 'unknown-refresh');
      expect(envelope(await refresh('AAAAAAAAAAAAAAAAAAAAAA==')).code).toBe(3);
    });

    it('ends the chain a year after consent, even for a fresh refresh token', async () => {
      const h = harness();
      const { tokens, refresh } = await tokensFor(h, 'chain');
      let current = tokens.refresh_token;
      const step = OAUTH_DEFAULTS.refreshTokenSeconds - 60;
      let travelled = 0;
      try {
        while (travelled + step < OAUTH_DEFAULTS.grantChainSeconds) {
          h.clock.advanceSeconds(step);
          travelled += step;
          const next = envelope<TokenData>(await refresh(current));
          expect(next.code).toBe(0);
          current = next.data!.refresh_token;
        }
        h.clock.advanceSeconds(OAUTH_DEFAULTS.grantChainSeconds - travelled);
        travelled = OAUTH_DEFAULTS.grantChainSeconds;
        expect(envelope(await refresh(current))).toMatchObject(refusedFor('this authorization is a year old: the merchant must approve it again'));
      } finally {
        h.clock.advanceSeconds(-travelled);
      }
    });

    it('expires an access token after an hour', async () => {
      const h = harness();
      const { tokens } = await tokensFor(h, 'access-expiry');
      h.clock.advanceSeconds(OAUTH_DEFAULTS.accessTokenSeconds - 1);
      try {
        expect(await apiCode(h, tokens.access_token)).toBe(0);
        h.clock.advanceSeconds(1);
        expect(await apiCode(h, tokens.access_token)).toBe(16);
      } finally {
        h.clock.advanceSeconds(-OAUTH_DEFAULTS.accessTokenSeconds);
      }
    });
  });

  it('stores only hashes of codes and tokens', async () => {
    const h = harness();
    const { platform, shop } = await newPlatformAndShop(h, 'hashes');
    const code = await mintCode(platformDeps(h), platform.client_id, shop.shop_id);
    const tokens = envelope<TokenData>(await postJson(h, TOKEN_PATH, { grant_type: 'authorization_code', client_id: platform.client_id, client_secret: platform.client_secret, code })).data!;
    const db = h.deps.db.kysely;
    const stored = JSON.stringify([
      await db.selectFrom('authorization_codes').selectAll().execute(),
      await db.selectFrom('access_tokens').selectAll().execute(),
      await db.selectFrom('refresh_tokens').selectAll().execute(),
      await db.selectFrom('platforms').selectAll().execute(),
    ]);
    for (const secret of [code, tokens.access_token, tokens.refresh_token, platform.client_secret, platform.webhook_secret]) expect(stored).not.toContain(secret);
  });
});

describeEachDatabase('OAuth endpoints and the per-IP failure budget', (dialect) => {
  const harness = useHarness(dialect, { env: { RATE_LIMIT_AUTH_FAILURES: '3/60' } });

  it('counts failed client authentication and then refuses even good credentials (code 8) until the window resets', async () => {
    const h = harness();
    const platform = await registerPlatform(platformDeps(h), { name: 'Budget' });
    const request = (secret: string) => postJson(h, TOKEN_PATH, { grant_type: 'refresh_token', client_id: platform.client_id, client_secret: secret, refresh_token: 'x' });
    for (let attempt = 0; attempt < 3; attempt += 1) expect(envelope(await request('guess')).code).toBe(16);
    const refused = await request(platform.client_secret);
    expect(refused.statusCode).toBe(429);
    expect(envelope(refused).code).toBe(8);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(envelope(await h.app.inject({ method: 'GET', url: '/api/v1/openapi/get_reviews' })).code).toBe(8);
    h.clock.advanceSeconds(60);
    expect(envelope(await request(platform.client_secret)).code).toBe(3);
  });
});
