import { describe, expect, it } from 'vitest';
import { SESSION_DEFAULTS } from '../../src/config/security-defaults.js';
import { describeEachDatabase } from '../support/databases.js';
import { type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, MerchantBrowser, MERCHANT_PASSWORD } from '../support/merchant-agent.js';

/**
 * Sign-in forms loaded one by one, posted later all at once: each answers its post's status. The
 * posts run concurrently, which is what the throttle must survive.
 */
async function preparedSignIns(h: Harness, count: number, email: string): Promise<Array<(password: string) => Promise<number>>> {
  const posts: Array<(password: string) => Promise<number>> = [];
  for (let i = 0; i < count; i += 1) {
    const browser = new MerchantBrowser(h);
    const csrf = hiddenField((await browser.get('/console/login')).body, 'csrf_token')!;
    posts.push(async (password) => (await browser.post('/console/login', { email, password, csrf_token: csrf })).statusCode);
  }
  return posts;
}

/**
 * return_to values an attacker would try: tabs, CR/LF, backslashes, encoded slashes, `/\`, `//`,
 * schemes, userinfo and unicode dots. Each must leave the merchant on this server.
 */
const OPEN_REDIRECT_PAYLOADS = [
  'https://evil.example/',
  'http://evil.example',
  '//evil.example/',
  '///evil.example/',
  '////evil.example',
  '/\\evil.example/',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\t\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\r/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/%09/evil.example',
  '/%2F/evil.example',
  '/%2f%2fevil.example',
  '/%5C/evil.example',
  '/%5c%5cevil.example',
  '/.//evil.example',
  '/./\\evil.example',
  '/console/..//evil.example',
  '/console/../..//evil.example',
  '/\\/evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '/\u0000/evil.example',
  'https:evil.example',
  'https:/evil.example',
  '//user:pass@evil.example',
  '/@evil.example',
  'https://reviews.example.com@evil.example/',
  '//evil\u3002example',
  '//evil%E3%80%82example',
  '/\uFF0F/evil.example',
  '//\u2025evil.example',
  '//[::1]/',
  '/\\\t\\evil.example',
  '',
];

describeEachDatabase('merchant sign-in', (dialect) => {
  const harness = useHarness(dialect);

  it('signs in with a fresh httpOnly, SameSite=Lax, Secure session cookie and lands on return_to', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    const response = await browser.signIn(email.toUpperCase(), MERCHANT_PASSWORD, '/console?tab=reviews');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/console?tab=reviews');
    const cookie = response.cookies.find((c) => c.name === SESSION_DEFAULTS.cookieName)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const home = await browser.get('/console/reviews');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(email);
    expect(home.body).toContain(h.shop.domain);
  });

  it('stores only a hash of the session id', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    await browser.signIn(email);
    const sessionId = browser.cookies.get(SESSION_DEFAULTS.cookieName)!;
    const rows = JSON.stringify(await h.deps.db.kysely.selectFrom('merchant_sessions').selectAll().execute());
    expect(rows).not.toContain(sessionId);
  });

  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const wrong = await new MerchantBrowser(h).signIn(email, 'not the password');
    const unknown = await new MerchantBrowser(h).signIn('nobody@example.com', 'not the password');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('E-mail or password is incorrect.');
      expect(response.cookies.find((c) => c.name === SESSION_DEFAULTS.cookieName)).toBeUndefined();
    }
  });

  it('refuses a sign-in post without the form’s CSRF token', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    await browser.get('/console/login');
    const response = await browser.post('/console/login', { email, password: MERCHANT_PASSWORD, csrf_token: 'forged' });
    expect(response.statusCode).toBe(403);
    expect(browser.cookies.has(SESSION_DEFAULTS.cookieName)).toBe(false);
  });

  it('locks an account after repeated failures, even for the right password, until the window ends', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    for (let attempt = 0; attempt < SESSION_DEFAULTS.signInFailuresPerAccount; attempt += 1) {
      expect((await new MerchantBrowser(h).signIn(email, `guess-${attempt}`)).statusCode).toBe(401);
    }
    const locked = await new MerchantBrowser(h).signIn(email);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advanceSeconds(SESSION_DEFAULTS.signInWindowSeconds);
    try {
      expect((await new MerchantBrowser(h).signIn(email)).statusCode).toBe(303);
    } finally {
      h.clock.advanceSeconds(-SESSION_DEFAULTS.signInWindowSeconds);
    }
  });

  it('counts concurrent wrong passwords before checking them: 100 at once verify at most the budget', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const attempts = await preparedSignIns(h, 100, email);
    const statuses = await Promise.all(attempts.map((post) => post(`wrong-${Math.random()}`)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(SESSION_DEFAULTS.signInFailuresPerAccount);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - SESSION_DEFAULTS.signInFailuresPerAccount);
    expect((await new MerchantBrowser(h).signIn(email)).statusCode).toBe(429);
  });

  it('does not count a right password against the budget, even when sent concurrently', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const attempts = await preparedSignIns(h, SESSION_DEFAULTS.signInFailuresPerAccount + 3, email);
    const statuses = await Promise.all(attempts.map((post) => post(MERCHANT_PASSWORD)));
    expect(statuses.filter((s) => s === 303).length).toBeGreaterThanOrEqual(1);
    // Every attempt has ended and none failed: the account is free to sign in again.
    expect((await new MerchantBrowser(h).signIn(email)).statusCode).toBe(303);
  });

  describe('per client IP', () => {
    // A harness of its own: the IP budget this spends would lock every other test out.
    const own = useHarness(dialect);

    it('limits failures across accounts', async () => {
      const h = own();
      const victim = await createTestMerchant(h, [h.shop.shop_id]);
      for (let attempt = 0; attempt < SESSION_DEFAULTS.signInFailuresPerIp; attempt += 1) {
        expect((await new MerchantBrowser(h).signIn(`spray-${attempt}@example.com`, 'password123')).statusCode).toBe(401);
      }
      expect((await new MerchantBrowser(h).signIn(victim)).statusCode).toBe(429);
    });
  });

  describe('per client IP, concurrently', () => {
    const own = useHarness(dialect);

    it('verifies at most the IP budget when many accounts are sprayed at once', async () => {
      const h = own();
      const attempts = await Promise.all(Array.from({ length: 60 }, (_, i) => preparedSignIns(h, 1, `spray-${i}@example.com`)));
      const statuses = await Promise.all(attempts.map(([post]) => post!('password123')));
      expect(statuses.filter((s) => s === 401)).toHaveLength(SESSION_DEFAULTS.signInFailuresPerIp);
      expect(statuses.filter((s) => s === 429)).toHaveLength(60 - SESSION_DEFAULTS.signInFailuresPerIp);
    });
  });

  it('issues a new session id on sign-in: a planted one never becomes a signed-in session', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    const planted = 'P'.repeat(43);
    browser.cookies.set(SESSION_DEFAULTS.cookieName, planted);
    expect((await browser.signIn(email)).statusCode).toBe(303);
    expect(browser.cookies.get(SESSION_DEFAULTS.cookieName)).not.toBe(planted);
    expect((await browser.get('/console/reviews')).statusCode).toBe(200);
    const attacker = await h.app.inject({ method: 'GET', url: '/console/reviews', headers: { cookie: `${SESSION_DEFAULTS.cookieName}=${planted}` } });
    expect(attacker.statusCode).toBe(303);
  });

  it('ends a session after 12 idle hours, and keeps it alive while it is used', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    await browser.signIn(email);
    let travelled = 0;
    try {
      for (const step of [SESSION_DEFAULTS.idleSeconds - 60, SESSION_DEFAULTS.idleSeconds - 60]) {
        h.clock.advanceSeconds(step);
        travelled += step;
        expect((await browser.get('/console/reviews')).statusCode).toBe(200);
      }
      h.clock.advanceSeconds(SESSION_DEFAULTS.idleSeconds);
      travelled += SESSION_DEFAULTS.idleSeconds;
      const expired = await browser.get('/console/reviews');
      expect(expired.statusCode).toBe(303);
      expect(expired.headers.location).toBe('/console/login?return_to=%2Fconsole%2Freviews');
    } finally {
      h.clock.advanceSeconds(-travelled);
    }
  });

  it('signs out with the session’s CSRF token, and refuses a sign-out without it', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    await browser.signIn(email);
    const home = await browser.get('/console/reviews');
    expect((await browser.post('/console/logout', { csrf_token: 'forged' })).statusCode).toBe(403);
    expect((await browser.get('/console/reviews')).statusCode).toBe(200);
    const out = await browser.post('/console/logout', { csrf_token: hiddenField(home.body, 'csrf_token')! });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/console/login');
    expect((await browser.get('/console/reviews')).statusCode).toBe(303);
  });

  describe('return_to', () => {
    const origin = new URL(PUBLIC_URL).origin;
    /** Where a browser goes for this Location header, read as browsers read it. */
    const landsOnOwnOrigin = (location: string) => new URL(location, `${origin}/console/login`).origin === origin;

    it('accepts a plain path on this server and keeps its query and fragment', async () => {
      const h = harness();
      const email = await createTestMerchant(h, [h.shop.shop_id]);
      const response = await new MerchantBrowser(h).signIn(email, MERCHANT_PASSWORD, '/console/reviews?status=hidden#list');
      expect(response.headers.location).toBe('/console/reviews?status=hidden#list');
    });

    it(`never sends the merchant off-site, by the query or by the form (${OPEN_REDIRECT_PAYLOADS.length} payloads)`, async () => {
      const h = harness();
      const email = await createTestMerchant(h, [h.shop.shop_id]);
      const browser = new MerchantBrowser(h);
      expect((await browser.signIn(email)).statusCode).toBe(303);
      for (const payload of OPEN_REDIRECT_PAYLOADS) {
        // Already signed in: the login page redirects at once.
        const byQuery = await browser.get(`/console/login?return_to=${encodeURIComponent(payload)}`);
        // The form field, posted by a fresh browser signing in.
        const byForm = await new MerchantBrowser(h).signIn(email, MERCHANT_PASSWORD, payload);
        for (const response of [byQuery, byForm]) {
          const location = String(response.headers.location);
          expect([payload, response.statusCode, landsOnOwnOrigin(location), /[\x00-\x20\\]/.test(location), location.startsWith('//')]).toEqual([payload, 303, true, false, false]);
        }
      }
    });
  });
});
