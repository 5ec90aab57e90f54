import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ReviewRequestJob } from '../../src/collection/request-job.js';
import { FileOutboxTransport, SmtpTransport } from '../../src/mail/mail-transport.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { outboxTopics } from '../support/factories.js';
import { envelope, type Harness, PUBLIC_URL, useHarness } from '../support/harness.js';
import { SmtpPeer } from '../support/smtp-peer.js';

const DAY = 86_400;

describeEachDatabase('review-request e-mails', (dialect) => {
  const harness = useHarness(dialect);
  const smtp = new SmtpPeer();
  beforeAll(() => smtp.start().then(() => undefined));
  afterAll(() => smtp.stop());

  function job(h: Harness) {
    return new ReviewRequestJob({ db: h.deps.db, secretKey: h.deps.secretKey, clock: h.clock, transport: new SmtpTransport(smtp.url), publicUrl: PUBLIC_URL, mailFrom: 'reviews@reviews.example.com' });
  }

  async function order(h: Harness, shop: ShopCredentials, email: string, fulfilledDaysAgo: number, products = [{ product_id: '42', title: 'Stoneware Mug', image: 'https://cdn.example.com/mug.jpg' }]) {
    const fulfilledAt = Math.floor(h.clock.now() / 1000) - fulfilledDaysAgo * DAY;
    const answer = envelope<{ id: number; status: number }>(
      await h.call('POST', 'create_order', { body: { order_id: String(Math.floor(Math.random() * 1e9)), order_name: '#5020', email, first_name: 'Eva', products, fulfilled_at: fulfilledAt } }, shop),
    );
    expect(answer.code).toBe(0);
    return answer.data!.id;
  }

  const state = (h: Harness, id: number) => h.deps.db.kysely.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends a due request over SMTP with star links, the pixel and RFC 8058 unsubscribe headers, once', async () => {
    const h = harness();
    const shop = await h.newShop(`requests-send-${dialect}.example.com`);
    const id = await order(h, shop, 'eva@example.org', 8);
    await order(h, shop, 'later@example.org', 2);
    await job(h).runOnce();
    await job(h).runOnce();
    const [mail, ...more] = smtp.to('eva@example.org');
    expect(more).toEqual([]);
    expect(smtp.to('later@example.org')).toEqual([]);
    expect(mail!.from!.value[0]).toEqual({ name: shop.name, address: 'reviews@reviews.example.com' });
    expect(mail!.subject).toBe(`How was your order from ${shop.name}?`);
    const header = (name: string) => mail!.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toMatch(new RegExp(`^List-Unsubscribe: <${PUBLIC_URL}/u/[^>]+>$`));
    const html = String(mail!.html);
    expect(html).toMatch(new RegExp(`<img src="${PUBLIC_URL}/t/o/[^"]+\\.gif" width="1" height="1" alt="">`));
    expect(html).toContain('https://cdn.example.com/mug.jpg');
    const stars = [...html.matchAll(/href="([^"]+\/t\/c\/[^"]+)"/g)].map((m) => m[1]!);
    expect(stars).toHaveLength(5);
    expect(mail!.text).toContain('Stoneware Mug');
    expect(await state(h, id)).toMatchObject({ status: 3, sent_at: Math.floor(h.clock.now() / 1000), send_started_at: null });

    // The fourth star, followed: the tracker records the click and leads to the hosted page with rating 4.
    const followed = await h.app.inject({ method: 'GET', url: new URL(stars[3]!).pathname });
    expect(followed.statusCode).toBe(302);
    expect(followed.headers.location).toMatch(new RegExp(`^${PUBLIC_URL}/r/t/[^?]+\\?rating=4$`));
    expect((await state(h, id)).status).toBe(4);
    expect((await outboxTopics(h, shop.shop_id)).filter((t) => t === 'order/updated').length).toBeGreaterThanOrEqual(3);
  });

  it('writes the e-mail in the shop\'s language', async () => {
    const h = harness();
    const shop = await h.newShop(`requests-german-${dialect}.example.com`);
    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ language: 'de' }) }).where('id', '=', shop.shop_id).execute();
    await order(h, shop, 'greta@example.org', 8);
    await job(h).runOnce();
    const [mail] = smtp.to('greta@example.org');
    expect(mail!.subject).toBe(`Wie war Ihre Bestellung bei ${shop.name}?`);
    const html = String(mail!.html);
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain(`Danke für Ihre Bestellung #5020 bei ${shop.name}.`);
    expect(html).toContain('title="4 von 5 Sternen"');
    expect(html).toContain('>Abmelden</a>');
    // It speaks as the shop: its name leads to its storefront, its colours frame the stars.
    expect(html).toContain(`<a href="https://requests-german-${dialect}.example.com" style="font-size:18px;font-weight:700;color:#1f2937;text-decoration:none">${shop.name}</a>`);
    expect(html).toContain('border-top:4px solid #1f2937');
    expect(html).toContain('style="color:#c27803;text-decoration:none" title="4 von 5 Sternen"');
    expect(mail!.text).toMatch(/^Abmelden: https:\/\//m);
  });

  it('honours an exclusion made after scheduling, at send time', async () => {
    const h = harness();
    const shop = await h.newShop(`requests-suppressed-${dialect}.example.com`);
    const id = await order(h, shop, 'quiet@example.org', 8);
    const row = await state(h, id);
    // Recorded behind the API's back, so only the send-time check can catch it.
    await h.deps.db.kysely.insertInto('customer_exclusions').values({ shop_id: shop.shop_id, customer_id: row.customer_id, created_at: 0, updated_at: 0 }).execute();
    await job(h).runOnce();
    expect(smtp.to('quiet@example.org')).toEqual([]);
    expect(await state(h, id)).toMatchObject({ status: 6, cancel_reason: 'excluded' });
  });

  it('retries a temporary SMTP failure 1, 5, 15 and 60 minutes later, and gives up after the fifth', async () => {
    const h = harness();
    const shop = await h.newShop(`requests-retry-${dialect}.example.com`);
    smtp.refuse.set('flaky@example.org', 451);
    const id = await order(h, shop, 'flaky@example.org', 8);
    const start = h.clock.now();
    try {
      for (const minutes of [1, 5, 15, 60]) {
        await job(h).runOnce();
        const row = await state(h, id);
        expect(row.status).toBe(2);
        expect(row.scheduled_at! - Math.floor(h.clock.now() / 1000)).toBe(minutes * 60);
        h.clock.advanceSeconds(minutes * 60);
      }
      await job(h).runOnce();
      expect(await state(h, id)).toMatchObject({ status: 6, cancel_reason: 'send_failed', send_attempts: 5 });
    } finally {
      h.clock.set(start);
      smtp.refuse.delete('flaky@example.org');
    }
  });

  it('cancels at once on a permanent refusal', async () => {
    const h = harness();
    const shop = await h.newShop(`requests-permanent-${dialect}.example.com`);
    smtp.refuse.set('nobody@example.org', 550);
    const id = await order(h, shop, 'nobody@example.org', 8);
    await job(h).runOnce();
    expect(await state(h, id)).toMatchObject({ status: 6, cancel_reason: 'send_failed', send_attempts: 1 });
    smtp.refuse.delete('nobody@example.org');
  });

  it('never sends twice: a hand-over begun by a worker that died is recorded as sent', async () => {
    const h = harness();
    const shop = await h.newShop(`requests-once-${dialect}.example.com`);
    const id = await order(h, shop, 'once@example.org', 8);
    const now = Math.floor(h.clock.now() / 1000);
    await h.deps.db.kysely.updateTable('orders').set({ send_started_at: now - 300, send_claimed_until: now - 60 }).where('id', '=', id).execute();
    await job(h).runOnce();
    expect(smtp.to('once@example.org')).toEqual([]);
    expect(await state(h, id)).toMatchObject({ status: 3, sent_at: now - 300, send_started_at: null });
  });

  it('sends one reminder reminder_delay_days after the request, while it is unanswered', async () => {
    const h = harness();
    const shop = await h.newShop(`requests-reminder-${dialect}.example.com`);
    const id = await order(h, shop, 'remind@example.org', 8);
    await job(h).runOnce();
    h.clock.advanceSeconds(5 * DAY);
    try {
      await job(h).runOnce();
      await job(h).runOnce();
    } finally {
      h.clock.advanceSeconds(-5 * DAY);
    }
    const mails = smtp.to('remind@example.org');
    expect(mails.map((m) => m.subject)).toEqual([`How was your order from ${shop.name}?`, `Reminder: how was your order from ${shop.name}?`]);
    expect((await state(h, id)).reminder_sent_at).toBe(Math.floor(h.clock.now() / 1000) + 5 * DAY);
  });

  it('sends no reminder for a shop that switched reminders off, without holding up other shops', async () => {
    const h = harness();
    const quiet = await h.newShop(`requests-no-reminder-${dialect}.example.com`);
    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ reminder_enabled: false }) }).where('id', '=', quiet.shop_id).execute();
    const loud = await h.newShop(`requests-reminder-other-${dialect}.example.com`);
    const quietOrders = [];
    for (let i = 0; i < 3; i += 1) quietOrders.push(await order(h, quiet, `quiet-${i}@example.org`, 9));
    await order(h, loud, 'loud@example.org', 8);
    // A batch of one: orders of the quiet shop must not occupy it.
    const single = new ReviewRequestJob({ db: h.deps.db, secretKey: h.deps.secretKey, clock: h.clock, transport: new SmtpTransport(smtp.url), publicUrl: PUBLIC_URL, mailFrom: 'reviews@reviews.example.com' }, 1);
    for (let i = 0; i < 4; i += 1) await single.runOnce();
    h.clock.advanceSeconds(6 * DAY);
    try {
      for (let i = 0; i < 4; i += 1) await single.runOnce();
    } finally {
      h.clock.advanceSeconds(-6 * DAY);
    }
    expect(smtp.to('loud@example.org').map((m) => m.subject)).toEqual([`How was your order from ${loud.name}?`, `Reminder: how was your order from ${loud.name}?`]);
    expect(smtp.to('quiet-0@example.org')).toHaveLength(1);
    for (const id of quietOrders) expect(await state(h, id)).toMatchObject({ status: 3, reminder_due_at: null, reminder_sent_at: null });
  });

  it('writes .eml files to the outbox folder when no SMTP server is configured', async () => {
    const h = harness();
    const shop = await h.newShop(`requests-eml-${dialect}.example.com`);
    await order(h, shop, 'file@example.org', 8);
    const dir = mkdtempSync(path.join(tmpdir(), 'plaudit-outbox-'));
    await new ReviewRequestJob({ db: h.deps.db, secretKey: h.deps.secretKey, clock: h.clock, transport: new FileOutboxTransport(dir), publicUrl: PUBLIC_URL, mailFrom: 'reviews@reviews.example.com' }).runOnce();
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files.map((f) => readFileSync(path.join(dir, f), 'utf8')).some((eml) => eml.includes('To: file@example.org') && eml.includes('List-Unsubscribe-Post: List-Unsubscribe=One-Click'))).toBe(true);
  });
});

describeEachDatabase('the review page of a review-request e-mail', (dialect) => {
  const harness = useHarness(dialect);
  const smtp = new SmtpPeer();
  beforeAll(() => smtp.start().then(() => undefined));
  afterAll(() => smtp.stop());

  /** The whole flow up to the star link a buyer taps: order, request e-mail, tracked link. */
  async function starLink(h: Harness, shop: ShopCredentials, email: string, stars: number) {
    const fulfilledAt = Math.floor(h.clock.now() / 1000) - 8 * DAY;
    const created = envelope<{ id: number }>(
      await h.call('POST', 'create_order', { body: { order_id: String(Math.floor(Math.random() * 1e9)), order_name: '#1', email, first_name: 'Eva', last_name: 'Lind', products: [{ product_id: '42', title: 'Stoneware Mug' }], fulfilled_at: fulfilledAt } }, shop),
    ).data!;
    await new ReviewRequestJob({ db: h.deps.db, secretKey: h.deps.secretKey, clock: h.clock, transport: new SmtpTransport(smtp.url), publicUrl: PUBLIC_URL, mailFrom: 'reviews@reviews.example.com' }).runOnce();
    const [mail] = smtp.to(email);
    const link = [...String(mail!.html).matchAll(/href="([^"]+\/t\/c\/[^"]+)"/g)].map((m) => m[1]!)[stars - 1]!;
    const tracked = await h.app.inject({ method: 'GET', url: new URL(link).pathname });
    return { orderId: created.id, page: new URL(tracked.headers.location as string) };
  }

  it('opens the form with the rating and name filled in; the review is verified and the order evaluated', async () => {
    const h = harness();
    const shop = await h.newShop(`review-link-${dialect}.example.com`);
    const { orderId, page } = await starLink(h, shop, 'eva@example.org', 4);
    const form = await h.app.inject({ method: 'GET', url: `${page.pathname}${page.search}` });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('How was Stoneware Mug?');
    expect(form.body).toContain('<input type="radio" name="rating" value="4" id="rating-4" checked required>');
    expect(form.body).toContain('value="Eva Lind"');
    expect(form.body).not.toContain('eva@example.org');

    const post = (fields: Record<string, string>) => h.app.inject({ method: 'POST', url: page.pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    const invalid = await post({ rating: '9', author: 'Eva', content: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('aria-describedby="content-error"');
    const sent = await post({ rating: '4', author: 'Eva L.', title: 'Solid mug', content: 'Keeps coffee hot.' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${page.pathname}?submitted=published`);
    const reviews = envelope<{ list: Array<{ rating: number; source: string; verification_method: string; author_email: string; order_id: string }> }>(await h.call('GET', 'get_reviews', {}, shop)).data!.list;
    expect(reviews).toEqual([expect.objectContaining({ rating: 4, source: 'Email request', verification_method: 'order', author_email: 'eva@example.org' })]);
    const order = await h.deps.db.kysely.selectFrom('orders').select(['status', 'reviewed_at']).where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(order.status).toBe(5);
    // One review per link.
    expect((await post({ rating: '5', author: 'Eva', content: 'Again' })).statusCode).toBe(409);
    const events = envelope<{ list: Array<{ event_type: string }> }>(await h.call('GET', 'get_customer_events', { query: 'sort_by=created-ascending' }, shop)).data!.list.map((e) => e.event_type);
    expect(events).toEqual(['CLICK_EMAIL', 'SUBMIT_REVIEW']);
  });

  it('stores nothing for a filled honeypot, refuses a forged link (404) and an expired one (410)', async () => {
    const h = harness();
    const shop = await h.newShop(`review-link-bad-${dialect}.example.com`);
    const { page } = await starLink(h, shop, 'bot@example.org', 5);
    const bot = await h.app.inject({ method: 'POST', url: page.pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'rating=5&author=Bot&content=spam&website=http%3A%2F%2Fspam.example' });
    expect(bot.statusCode).toBe(303);
    expect(envelope<{ list: unknown[] }>(await h.call('GET', 'get_reviews', {}, shop)).data!.list).toEqual([]);
    const token = page.pathname.split('/').pop()!;
    const [payload, mac] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), email: 'other@example.org' })).toString('base64url')}.${mac}`;
    expect((await h.app.inject({ method: 'GET', url: `/r/t/${forged}` })).statusCode).toBe(404);
    h.clock.advanceSeconds(91 * DAY);
    try {
      const expired = await h.app.inject({ method: 'GET', url: page.pathname });
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain(`/r/${shop.shop_id}/42`);
    } finally {
      h.clock.advanceSeconds(-91 * DAY);
    }
  });
});
