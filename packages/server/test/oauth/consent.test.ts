import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { systemEvents } from '../support/factories.js';
import { envelope, type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, hiddenFields, MerchantBrowser } from '../support/merchant-agent.js';
import { platformDeps, registerPlatform, TEST_REDIRECT_URI } from '../support/oauth.js';

const AUTHORIZE = '/api/v1/openapi/oauth/authorize';

function authorizeUrl(params: Record<string, string>): string {
  return `${AUTHORIZE}?${new URLSearchParams(params).toString()}`;
}

/** A platform, a merchant of the harness shop, and that merchant's signed-in browser. */
async function setup(h: Harness, options: { redirectUris?: string[]; scopes?: string; shops?: string[] } = {}) {
  const platform = await registerPlatform(platformDeps(h), {
    redirectUris: options.redirectUris,
    scopes: options.scopes,
  });
  const email = await createTestMerchant(h, options.shops ?? [h.shop.shop_id]);
  const browser = new MerchantBrowser(h);
  expect((await browser.signIn(email)).statusCode).toBe(303);
  return { platform, email, browser };
}

describeEachDatabase('OAuth consent page', (dialect) => {
  const harness = useHarness(dialect);

  describe('requests that must never redirect', () => {
    const variants: Array<[string, string]> = [
      ['a trailing slash', `${TEST_REDIRECT_URI}/`],
      ['other letter case', TEST_REDIRECT_URI.replace('partner', 'Partner')],
      ['an extra query', `${TEST_REDIRECT_URI}?next=/admin`],
      ['a fragment', `${TEST_REDIRECT_URI}#frag`],
      ['userinfo pointing elsewhere', 'https://partner.example.com@evil.example/oauth/callback'],
      ['percent-encoding', TEST_REDIRECT_URI.replace('/oauth/', '/%6Fauth/')],
      ['another port', 'https://partner.example.com:8443/oauth/callback'],
      ['another scheme', TEST_REDIRECT_URI.replace('https:', 'http:')],
      ['a subdomain', 'https://evil.partner.example.com/oauth/callback'],
      ['a prefix of the registered one', 'https://partner.example.com/oauth'],
    ];
    for (const [label, redirectUri] of variants) {
      it(`shows an error page for a redirect_uri with ${label}`, async () => {
        const h = harness();
        const { platform, browser } = await setup(h);
        const response = await browser.get(authorizeUrl({ client_id: platform.client_id, redirect_uri: redirectUri, state: 'xyz' }));
        expect(response.statusCode).toBe(400);
        expect(response.headers.location).toBeUndefined();
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.body).toContain('redirect_uri is not registered');
      });
    }

    it('shows an error page for an unknown client, a missing client_id and a repeated one', async () => {
      const h = harness();
      const { platform, browser } = await setup(h);
      for (const url of [
        authorizeUrl({ client_id: 'nobody', redirect_uri: TEST_REDIRECT_URI }),
        authorizeUrl({ redirect_uri: TEST_REDIRECT_URI }),
        `${AUTHORIZE}?client_id=${platform.client_id}&client_id=${platform.client_id}`,
      ]) {
        const response = await browser.get(url);
        expect(response.statusCode).toBe(400);
        expect(response.headers.location).toBeUndefined();
      }
    });

    it('requires redirect_uri when the platform registered several', async () => {
      const h = harness();
      const { platform, browser } = await setup(h, { redirectUris: [TEST_REDIRECT_URI, 'https://partner.example.com/other'] });
      const response = await browser.get(authorizeUrl({ client_id: platform.client_id }));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('redirect_uri is required');
    });
  });

  describe('errors after the redirect URI is proven go back to the platform with the state', () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      ['a response_type other than code', { response_type: 'token' }, 'unsupported_response_type'],
      ['an unknown scope', { scope: 'read_reviews,admin' }, 'invalid_scope'],
      ['a plain PKCE method', { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }, 'invalid_request'],
      ['a malformed challenge', { code_challenge: 'short', code_challenge_method: 'S256' }, 'invalid_request'],
      ['a method without a challenge', { code_challenge_method: 'S256' }, 'invalid_request'],
    ];
    for (const [label, extra, error] of cases) {
      it(`redirects ${label} as ${error}`, async () => {
        const h = harness();
        const { platform, browser } = await setup(h);
        const response = await browser.get(authorizeUrl({ client_id: platform.client_id, redirect_uri: TEST_REDIRECT_URI, state: 's-1', ...extra }));
        expect(response.statusCode).toBe(303);
        const location = new URL(response.headers.location as string);
        expect(`${location.origin}${location.pathname}`).toBe(TEST_REDIRECT_URI);
        expect(location.searchParams.get('error')).toBe(error);
        expect(location.searchParams.get('state')).toBe('s-1');
        expect(location.searchParams.get('code')).toBeNull();
      });
    }

    it('refuses a scope the platform may not ask for', async () => {
      const h = harness();
      const { platform, browser } = await setup(h, { scopes: 'read_reviews' });
      const response = await browser.get(authorizeUrl({ client_id: platform.client_id, scope: 'read_reviews write_reviews', state: 's' }));
      expect(new URL(response.headers.location as string).searchParams.get('error')).toBe('invalid_scope');
    });
  });

  it('sends a visitor without a session to sign in, and back to the same request afterwards', async () => {
    const h = harness();
    const platform = await registerPlatform(platformDeps(h));
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    const url = authorizeUrl({ client_id: platform.client_id, scope: 'read_reviews', state: 'abc' });
    const first = await browser.get(url);
    expect(first.statusCode).toBe(303);
    const login = new URL(first.headers.location as string, PUBLIC_URL);
    expect(login.pathname).toBe('/console/login');
    const returnTo = login.searchParams.get('return_to')!;
    const signedIn = await browser.signIn(email, undefined, returnTo);
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe(returnTo);
    const consent = await browser.get(returnTo);
    expect(consent.statusCode).toBe(200);
    expect(consent.body).toContain('Partner App wants access to your shop');
  });

  it('shows the platform, the scopes in plain words and the shop, with headers that forbid framing', async () => {
    const h = harness();
    const { platform, browser } = await setup(h);
    const response = await browser.get(authorizeUrl({ client_id: platform.client_id, scope: 'read_reviews,write_orders', state: 'st' }));
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('See your reviews and ratings');
    expect(response.body).toContain('Add orders and cancel review requests');
    expect(response.body).not.toContain('See your orders');
    expect(response.body).toContain(h.shop.domain);
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' https://partner.example.com");
    expect(csp).not.toContain('script-src');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('escapes what the platform and the request control', async () => {
    const h = harness();
    const platform = await registerPlatform(platformDeps(h), { name: '<script>alert(1)</script>' });
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    await browser.signIn(email);
    const response = await browser.get(authorizeUrl({ client_id: platform.client_id, state: '"><img src=x onerror=alert(1)>' }));
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<script>alert(1)');
    expect(response.body).not.toContain('<img src=x');
    expect(hiddenField(response.body, 'state')).toBe('"><img src=x onerror=alert(1)>');
  });

  it('approves with a 303 to the redirect URI carrying code, state and iss, and records shop/authorized', async () => {
    const h = harness();
    const shop = await h.newShop(`consent-approve-${dialect}.example.com`);
    const { platform, browser } = await setup(h, { shops: [shop.shop_id] });
    const page = await browser.get(authorizeUrl({ client_id: platform.client_id, redirect_uri: TEST_REDIRECT_URI, scope: 'read_reviews', state: 'st-9' }));
    const decision = await browser.post(AUTHORIZE, [...hiddenFields(page.body), ['decision', 'approve']]);
    expect(decision.statusCode).toBe(303);
    const location = new URL(decision.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(TEST_REDIRECT_URI);
    // base64url without padding: what a person copies from the address bar is the code itself.
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(location.search).toContain(`code=${location.searchParams.get('code')}`);
    expect(location.searchParams.get('state')).toBe('st-9');
    expect(location.searchParams.get('iss')).toBe(PUBLIC_URL);
    const events = await systemEvents(h, shop.shop_id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ topic: 'shop/authorized', platform_id: platform.client_id });
    expect(events[0]!.payload).toMatchObject({ shop_id: shop.shop_id, shop_domain: shop.domain, client_id: platform.client_id, status: 'active', scopes: 'read_reviews' });
  });

  it('keeps a query the registered redirect URI already has', async () => {
    const h = harness();
    const registered = 'https://partner.example.com/cb?tenant=7&x=a%20b';
    const { platform, browser } = await setup(h, { redirectUris: [registered] });
    const page = await browser.get(authorizeUrl({ client_id: platform.client_id, redirect_uri: registered, state: 'q' }));
    const decision = await browser.post(AUTHORIZE, [...hiddenFields(page.body), ['decision', 'approve']]);
    expect((decision.headers.location as string).startsWith(`${registered}&code=`)).toBe(true);
  });

  it('denies with access_denied and the state, and grants nothing', async () => {
    const h = harness();
    const shop = await h.newShop(`consent-deny-${dialect}.example.com`);
    const { platform, browser } = await setup(h, { shops: [shop.shop_id] });
    const page = await browser.get(authorizeUrl({ client_id: platform.client_id, state: 'no' }));
    const decision = await browser.post(AUTHORIZE, [...hiddenFields(page.body), ['decision', 'deny']]);
    expect(decision.statusCode).toBe(303);
    const location = new URL(decision.headers.location as string);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('no');
    expect(await systemEvents(h, shop.shop_id)).toEqual([]);
  });

  it('refuses a decision without the CSRF token, or with another session’s, and grants nothing', async () => {
    const h = harness();
    const shop = await h.newShop(`consent-csrf-${dialect}.example.com`);
    const { platform, browser } = await setup(h, { shops: [shop.shop_id] });
    const page = await browser.get(authorizeUrl({ client_id: platform.client_id, state: 'c' }));
    const fields = hiddenFields(page.body).filter(([name]) => name !== 'csrf_token');
    for (const forged of [fields, [...fields, ['csrf_token', 'x'.repeat(43)] as [string, string]]]) {
      const response = await browser.post(AUTHORIZE, [...forged, ['decision', 'approve']]);
      expect(response.statusCode).toBe(403);
      expect(response.headers.location).toBeUndefined();
    }
    expect(await systemEvents(h, shop.shop_id)).toEqual([]);
  });

  it('lets a merchant with several shops choose, and never approves a shop that is not theirs', async () => {
    const h = harness();
    const first = await h.newShop(`consent-multi-a-${dialect}.example.com`);
    const second = await h.newShop(`consent-multi-b-${dialect}.example.com`);
    const { platform, browser } = await setup(h, { shops: [first.shop_id, second.shop_id] });
    const page = await browser.get(authorizeUrl({ client_id: platform.client_id, shop: second.domain }));
    expect(page.body).toContain('<select id="shop_id" name="shop_id">');
    expect(page.body).toContain(`<option value="${second.shop_id}" selected>`);
    const fields = hiddenFields(page.body);
    const foreign = await browser.post(AUTHORIZE, [...fields, ['shop_id', h.otherShop.shop_id], ['decision', 'approve']]);
    expect(foreign.statusCode).toBe(403);
    expect(await systemEvents(h, h.otherShop.shop_id)).toEqual([]);
    const chosen = await browser.post(AUTHORIZE, [...fields, ['shop_id', second.shop_id], ['decision', 'approve']]);
    expect(chosen.statusCode).toBe(303);
    expect((await systemEvents(h, second.shop_id)).map((e) => e.topic)).toEqual(['shop/authorized']);
    expect(await systemEvents(h, first.shop_id)).toEqual([]);
  });

  it('re-validates the posted request: a redirect_uri swapped in the form is refused without redirecting', async () => {
    const h = harness();
    const { platform, browser } = await setup(h);
    const page = await browser.get(authorizeUrl({ client_id: platform.client_id, redirect_uri: TEST_REDIRECT_URI }));
    const fields = hiddenFields(page.body).map(([name, value]): [string, string] => (name === 'redirect_uri' ? [name, 'https://evil.example/cb'] : [name, value]));
    const response = await browser.post(AUTHORIZE, [...fields, ['decision', 'approve']]);
    expect(response.statusCode).toBe(400);
    expect(response.headers.location).toBeUndefined();
  });

  it('answers the programmatic JSON form with the envelope after approve=1', async () => {
    const h = harness();
    const shop = await h.newShop(`consent-json-${dialect}.example.com`);
    const { platform, browser } = await setup(h, { shops: [shop.shop_id] });
    const url = authorizeUrl({ client_id: platform.client_id, state: 'j' });
    const withoutApprove = await browser.get(url, { accept: 'application/json' });
    expect(envelope(withoutApprove).code).toBe(3);
    const crossSite = await browser.get(`${url}&approve=1`, { accept: 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(envelope(crossSite).code).toBe(7);
    expect(await systemEvents(h, shop.shop_id)).toEqual([]);
    const approved = envelope<{ code: string; redirect_url: string; state: string }>(await browser.get(`${url}&approve=1`, { accept: 'application/json' }));
    expect(approved.code).toBe(0);
    expect(approved.data!.state).toBe('j');
    expect(approved.data!.redirect_url).toBe(`${TEST_REDIRECT_URI}?${new URLSearchParams({ code: approved.data!.code, state: 'j', iss: PUBLIC_URL })}`);
    const anonymous = await h.app.inject({ method: 'GET', url: `${url}&approve=1`, headers: { accept: 'application/json' } });
    expect(envelope(anonymous).code).toBe(16);
  });

  it('is also served at /oauth/authorize', async () => {
    const h = harness();
    const { platform, browser } = await setup(h);
    const response = await browser.get(`/oauth/authorize?client_id=${platform.client_id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('action="/oauth/authorize"');
  });
});
