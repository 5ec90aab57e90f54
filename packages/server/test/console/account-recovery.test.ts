import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { type Harness, useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, MERCHANT_PASSWORD, MerchantBrowser, setCookies } from '../support/merchant-agent.js';
import { SmtpPeer } from '../support/smtp-peer.js';

const NEW_PASSWORD = 'a brand new passphrase';

/** The link in the latest message to `to`, once the peer has received it (mail is sent after the answer). */
async function linkMailedTo(smtp: SmtpPeer, to: string, path: string): Promise<string> {
  await expect.poll(() => smtp.messages.some((message) => message.to && JSON.stringify(message.to).includes(to)), { timeout: 5000 }).toBe(true);
  const message = [...smtp.messages].reverse().find((candidate) => JSON.stringify(candidate.to).includes(to))!;
  const link = new RegExp(`https://reviews\\.example\\.com(${path}/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)`).exec(message.text ?? '')?.[1];
  expect(link, message.text).toBeDefined();
  return link!;
}

async function askForReset(h: Harness, email: string, remoteAddress = '198.51.100.7') {
  const form = await h.app.inject({ url: '/console/forgot', remoteAddress });
  const csrf = hiddenField(form.body, 'csrf_token')!;
  const cookie = Object.entries(setCookies(form)).map(([name, value]) => `${name}=${value}`).join('; ');
  return h.app.inject({ method: 'POST', url: '/console/forgot', remoteAddress, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ email, csrf_token: csrf }).toString() });
}

describeEachDatabase('forgotten passwords and invitations, over real SMTP', (dialect) => {
  const smtp = new SmtpPeer();
  beforeAll(() => smtp.start().then(() => undefined));
  afterAll(() => smtp.stop());
  const harness = useHarness(dialect, {
    env: {
      get SMTP_URL() {
        return smtp.url;
      },
      MAIL_FROM: 'plaudit@reviews.example.com',
    },
  });

  it('mails a reset link that works once, within 30 minutes, and ends every session', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const other = new MerchantBrowser(h);
    expect((await other.signIn(email)).statusCode).toBe(303);

    const answer = await askForReset(h, email.toUpperCase());
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('If a merchant account has that address');
    const link = await linkMailedTo(smtp, email, '/console/reset');
    const message = smtp.messages.at(-1)!;
    expect(message.subject).toBe('Choose a new Plaudit password');
    expect(message.from?.value).toEqual([{ name: 'Plaudit', address: 'plaudit@reviews.example.com' }]);
    expect(message.text).toContain('works for 30 minutes and only once');

    const page = await h.app.inject({ url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Choose a new password');
    const differ = await h.app.inject({ method: 'POST', url: link, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ new_password: NEW_PASSWORD, confirm_password: 'something else entirely' }).toString() });
    expect(differ.statusCode).toBe(400);
    const done = await h.app.inject({ method: 'POST', url: link, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD }).toString() });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/console/login');

    // The old password and the other browser's session are gone; the new password signs in.
    expect((await other.get('/console')).headers.location).toMatch(/^\/console\/login/);
    expect((await new MerchantBrowser(h).signIn(email, MERCHANT_PASSWORD)).statusCode).toBe(401);
    expect((await new MerchantBrowser(h).signIn(email, NEW_PASSWORD)).statusCode).toBe(303);
    // Used once: the same link is spent.
    expect((await h.app.inject({ url: link })).statusCode).toBe(410);
    const again = await h.app.inject({ method: 'POST', url: link, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ new_password: 'yet another passphrase', confirm_password: 'yet another passphrase' }).toString() });
    expect(again.statusCode).toBe(410);
    expect((await new MerchantBrowser(h).signIn(email, NEW_PASSWORD)).statusCode).toBe(303);
  });

  it('expires a link after 30 minutes and refuses an altered one', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    await askForReset(h, email, '198.51.100.8');
    const link = await linkMailedTo(smtp, email, '/console/reset');
    const [payload, mac] = link.slice('/console/reset/'.length).split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), expires: 9_999_999_999 })).toString('base64url');
    expect((await h.app.inject({ url: `/console/reset/${altered}.${mac}` })).statusCode).toBe(410);
    h.clock.advanceSeconds(30 * 60 + 1);
    expect((await h.app.inject({ url: link })).statusCode).toBe(410);
  });

  it('answers an unknown address exactly like a known one, sends nothing, and throttles', async () => {
    const h = harness();
    const email = await createTestMerchant(h, [h.shop.shop_id]);
    const before = smtp.messages.length;
    const unknown = await askForReset(h, 'nobody-here@example.com', '198.51.100.9');
    const known = await askForReset(h, email, '198.51.100.9');
    const comparable = (body: string) => body.replace(/value="[^"]+"/g, '').replace(/nonce="[^"]+"/g, '');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(comparable(unknown.body)).toBe(comparable(known.body));
    await linkMailedTo(smtp, email, '/console/reset');
    expect(smtp.messages.slice(before).filter((message) => JSON.stringify(message.to).includes('nobody-here'))).toEqual([]);

    // A form without its cookie's token (posted from elsewhere) is refused and sends nothing.
    const forged = await h.app.inject({ method: 'POST', url: '/console/forgot', remoteAddress: '198.51.100.10', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ email, csrf_token: 'forged' }).toString() });
    expect(forged.statusCode).toBe(403);

    // Three e-mails an hour per address; past that the page says the same and nothing is sent.
    for (let i = 0; i < 3; i++) await askForReset(h, email, `198.51.100.${20 + i}`);
    await expect.poll(() => smtp.messages.slice(before).length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.slice(before)).toHaveLength(3);
    // Ten forms an hour per client address, then 429.
    for (let i = 0; i < 10; i++) expect((await askForReset(h, `someone-${i}@example.com`, '198.51.100.30')).statusCode).toBe(200);
    const refused = await askForReset(h, 'one-more@example.com', '198.51.100.30');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('invites a new merchant by e-mail: the link creates the account for that shop and signs in', async () => {
    const h = harness();
    const owner = await createTestMerchant(h, [h.shop.shop_id]);
    const browser = new MerchantBrowser(h);
    await browser.signIn(owner);
    const team = await browser.get('/console/team');
    expect(team.statusCode).toBe(200);
    const csrf = hiddenField(team.body, 'csrf_token')!;
    expect((await browser.post('/console/team/invite', { csrf_token: csrf, email: 'not-an-address' })).statusCode).toBe(400);
    const invited = await browser.post('/console/team/invite', { csrf_token: csrf, email: 'New.Colleague@Example.com' });
    expect(invited.statusCode).toBe(303);
    const link = await linkMailedTo(smtp, 'new.colleague@example.com', '/console/invite');
    const shopName = (await h.deps.db.kysely.selectFrom('shops').select('name').where('id', '=', h.shop.shop_id).executeTakeFirstOrThrow()).name;
    expect(smtp.messages.at(-1)!.subject).toBe(`${owner} invited you to ${shopName} on Plaudit`);

    const page = await h.app.inject({ url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="new.colleague@example.com"');
    const accepted = await h.app.inject({ method: 'POST', url: link, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD }).toString() });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/console');
    expect(setCookies(accepted)).toHaveProperty('plaudit_session');
    expect((await browser.get('/console/team')).body).toContain('new.colleague@example.com');
    // The account exists now: the link is spent.
    expect((await h.app.inject({ url: link })).statusCode).toBe(410);
  });

  it('gives an existing merchant access at once, says so by e-mail, and never invites across shops', async () => {
    const h = harness();
    const owner = await createTestMerchant(h, [h.shop.shop_id]);
    const colleague = await createTestMerchant(h, [h.otherShop.shop_id]);
    const browser = new MerchantBrowser(h);
    await browser.signIn(owner);
    const csrf = hiddenField((await browser.get('/console/team')).body, 'csrf_token')!;
    expect((await browser.post('/console/team/invite', { csrf_token: csrf, email: colleague })).statusCode).toBe(303);
    await expect.poll(() => smtp.messages.some((message) => message.subject?.startsWith('You can now manage') && JSON.stringify(message.to).includes(colleague))).toBe(true);
    const links = await h.deps.db.kysely.selectFrom('merchant_shops').innerJoin('merchants', 'merchants.id', 'merchant_shops.merchant_id').select('merchant_shops.shop_id').where('merchants.email', '=', colleague).orderBy('shop_id').execute();
    expect(links.map((link) => link.shop_id).sort()).toEqual([h.shop.shop_id, h.otherShop.shop_id].sort());
    expect((await browser.post('/console/team/invite', { csrf_token: csrf, email: colleague })).statusCode).toBe(400);
    // Without the session's CSRF token nothing happens.
    expect((await browser.post('/console/team/invite', { csrf_token: 'forged', email: 'x@example.com' })).statusCode).toBe(403);
  });
});
