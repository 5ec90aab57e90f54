import { describe, expect, it } from 'vitest';
import { SESSION_DEFAULTS } from '../../src/security-defaults.js';
import { describeEachDatabase } from '../support/databases.js';
import { useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, MerchantBrowser, MERCHANT_PASSWORD } from '../support/merchant-agent.js';

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
    for (const hostile of ['https://evil.example/', '//evil.example/', '/\\evil.example/', 'javascript:alert(1)']) {
      it(`never sends the merchant off-site for ${hostile}`, async () => {
        const h = harness();
        const email = await createTestMerchant(h, [h.shop.shop_id]);
        const response = await new MerchantBrowser(h).signIn(email, MERCHANT_PASSWORD, hostile);
        expect(response.headers.location).toBe('/console');
      });
    }
  });
});
