import { expect, it } from 'vitest';
import { clickToken, openToken, unsubscribeToken } from '../../src/collection/email-tokens.js';
import { PIXEL_GIF } from '../../src/email-links/tracking.routes.js';
import { describeEachDatabase } from '../support/databases.js';
import { outboxTopics } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)';

/** An order whose request e-mail was sent (what the sending worker will record). */
async function sentOrder(h: Harness, shop: ShopCredentials, email: string): Promise<number> {
  const answer = envelope<{ id: number }>(
    await h.call('POST', 'create_order', { body: { order_id: String(Math.floor(Math.random() * 1e9)), order_name: '#1', email, products: [{ product_id: '42' }], fulfilled_at: '2026-06-16' } }, shop),
  );
  await h.deps.db.kysely.updateTable('orders').set({ status: 3, sent_at: Math.floor(h.clock.now() / 1000) }).where('id', '=', answer.data!.id).execute();
  return answer.data!.id;
}

async function events(h: Harness, shop: ShopCredentials) {
  return envelope<{ list: Array<{ event_type: string; email: string; customer_id: string; product_id: string; os_type: string; extra: Record<string, unknown> }> }>(
    await h.call('GET', 'get_customer_events', { query: 'event_source=EMAIL&sort_by=created-ascending' }, shop),
  ).data!.list;
}

async function orderStatus(h: Harness, id: number) {
  return h.deps.db.kysely.selectFrom('orders').select(['status', 'opened_at', 'clicked_at', 'cancel_reason']).where('id', '=', id).executeTakeFirstOrThrow();
}

describeEachDatabase('review-request e-mail links', (dialect) => {
  const harness = useHarness(dialect);

  it('the open pixel answers a 43-byte GIF, records OPEN_EMAIL every time and moves sent → opened once', async () => {
    const h = harness();
    const shop = await h.newShop(`pixel-${dialect}.example.com`);
    const order = await sentOrder(h, shop, 'bea@example.com');
    const url = `/t/o/${openToken(h.deps.secretKey, { shop: shop.shop_id, order, message: 'request' })}.gif`;
    for (let i = 0; i < 2; i += 1) {
      const response = await h.app.inject({ method: 'GET', url, headers: { 'user-agent': IPHONE } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/gif');
      expect(response.headers['cache-control']).toBe('no-store, private');
      expect(response.rawPayload.equals(PIXEL_GIF)).toBe(true);
    }
    expect(await events(h, shop)).toEqual([
      expect.objectContaining({ event_type: 'OPEN_EMAIL', email: 'bea@example.com', os_type: 'IOS', extra: { message: 'request' } }),
      expect.objectContaining({ event_type: 'OPEN_EMAIL' }),
    ]);
    expect(await orderStatus(h, order)).toMatchObject({ status: 4, opened_at: Math.floor(h.clock.now() / 1000), clicked_at: null });
    expect((await outboxTopics(h, shop.shop_id)).filter((t) => t === 'order/updated')).toHaveLength(2);
  });

  it('a forged or mistyped pixel token gets the same GIF and records nothing', async () => {
    const h = harness();
    const shop = await h.newShop(`pixel-forged-${dialect}.example.com`);
    const order = await sentOrder(h, shop, 'cy@example.com');
    const genuine = openToken(h.deps.secretKey, { shop: shop.shop_id, order, message: 'request' });
    const forged = `${Buffer.from(JSON.stringify({ shop: shop.shop_id, order, message: 'reminder' })).toString('base64url')}.${genuine.split('.')[1]}`;
    for (const url of [`/t/o/${forged}.gif`, `/t/o/${genuine}`, '/t/o/nonsense.gif', `/t/o/${clickToken(h.deps.secretKey, { shop: shop.shop_id, order, message: 'request', target: 'https://x.example', link: 'review' })}.gif`]) {
      const response = await h.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(PIXEL_GIF)).toBe(true);
    }
    expect(await events(h, shop)).toEqual([]);
    expect((await orderStatus(h, order)).status).toBe(3);
  });

  it('a tracked link redirects only to the target sealed in its token, recording the click', async () => {
    const h = harness();
    const shop = await h.newShop(`click-${dialect}.example.com`);
    const order = await sentOrder(h, shop, 'di@example.com');
    const target = `https://reviews.example.com/r/t/abc?rating=5`;
    const token = clickToken(h.deps.secretKey, { shop: shop.shop_id, order, message: 'reminder', target, link: 'review', product: '42', rating: 5 });
    const response = await h.app.inject({ method: 'GET', url: `/t/c/${token}` });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(target);
    expect(await events(h, shop)).toEqual([expect.objectContaining({ event_type: 'CLICK_EMAIL', product_id: '42', email: 'di@example.com', extra: { message: 'reminder', link: 'review', rating: 5 } })]);
    const firstClick = Math.floor(h.clock.now() / 1000);
    expect(await orderStatus(h, order)).toMatchObject({ status: 4, clicked_at: firstClick });
    // The funnel keeps the first click: a later one moves nothing.
    h.clock.advanceSeconds(60);
    expect((await h.app.inject({ method: 'GET', url: `/t/c/${token}` })).statusCode).toBe(302);
    expect((await orderStatus(h, order)).clicked_at).toBe(firstClick);

    // Changing the target in the payload breaks the signature: no redirect at all.
    const [, mac] = token.split('.');
    const evil = `${Buffer.from(JSON.stringify({ shop: shop.shop_id, order, message: 'reminder', target: 'https://evil.example', link: 'review' })).toString('base64url')}.${mac}`;
    for (const url of [`/t/c/${evil}`, `/t/c/${openToken(h.deps.secretKey, { shop: shop.shop_id, order, message: 'request' })}`, '/t/c/x']) {
      const refused = await h.app.inject({ method: 'GET', url });
      expect(refused.statusCode).toBe(404);
      expect(refused.headers.location).toBeUndefined();
    }
    // The two genuine clicks, and nothing for the refused tokens.
    expect(await events(h, shop)).toHaveLength(2);
  });

  it('the unsubscribe page changes nothing on GET; the one-click POST unsubscribes and cancels pending requests', async () => {
    const h = harness();
    const shop = await h.newShop(`unsubscribe-${dialect}.example.com`);
    const pending = envelope<{ id: number }>(
      await h.call('POST', 'create_order', { body: { order_id: '77', order_name: '#77', email: 'eva@example.com', products: [{ product_id: '1' }], fulfilled_at: '2026-06-16' } }, shop),
    ).data!.id;
    const url = `/u/${unsubscribeToken(h.deps.secretKey, { shop: shop.shop_id, email: 'eva@example.com' })}`;
    const page = await h.app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('e***@example.com');
    expect(page.body).not.toContain('eva@example.com');
    expect(envelope<{ list: unknown[] }>(await h.call('GET', 'get_unsubscribes', {}, shop)).data!.list).toEqual([]);

    const oneClick = await h.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('You are unsubscribed');
    const again = await h.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click&scope=all' });
    expect(again.statusCode).toBe(200);
    const unsubscribes = envelope<{ list: Array<{ email_type: string; source: string }> }>(await h.call('GET', 'get_unsubscribes', { query: 'sort_by=created-ascending' }, shop)).data!.list;
    expect(unsubscribes.map((u) => [u.email_type, u.source])).toEqual([['review_request', 'email_link'], ['all', 'email_link']]);
    expect(await orderStatus(h, pending)).toMatchObject({ status: 6, cancel_reason: 'unsubscribed' });
    expect((await events(h, shop)).map((e) => [e.event_type, e.extra])).toEqual([['UNSUBSCRIBE', { email_type: 'review_request' }], ['UNSUBSCRIBE', { email_type: 'all' }]]);
  });

  it('the unsubscribe pages speak the shop\'s language', async () => {
    const h = harness();
    const shop = await h.newShop(`unsubscribe-de-${dialect}.example.com`);
    await h.deps.db.kysely.updateTable('shops').set({ settings: JSON.stringify({ language: 'de' }) }).where('id', '=', shop.shop_id).execute();
    const url = `/u/${unsubscribeToken(h.deps.secretKey, { shop: shop.shop_id, email: 'uwe@example.com' })}`;
    const page = await h.app.inject({ method: 'GET', url });
    expect(page.body).toContain('<html lang="de">');
    expect(page.body).toContain(`Keine E-Mails mehr von unsubscribe-de-${dialect} an u***@example.com?`);
    expect(page.body).toContain('>Keine Bewertungsanfragen mehr</button>');
    expect(page.body).toContain('>Keine E-Mails mehr von diesem Shop</button>');
    const done = await h.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click&scope=all' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('<html lang="de">');
    expect(done.body).toContain('Sie sind abgemeldet');
    expect(done.body).toContain(`u***@example.com erhält keine E-Mails mehr von unsubscribe-de-${dialect}.`);
  });

  it('an invalid unsubscribe token is 404 to GET and POST and changes nothing', async () => {
    const h = harness();
    const shop = await h.newShop(`unsubscribe-bad-${dialect}.example.com`);
    const genuine = unsubscribeToken(h.deps.secretKey, { shop: shop.shop_id, email: 'fay@example.com' });
    const other = `${Buffer.from(JSON.stringify({ shop: shop.shop_id, email: 'victim@example.com' })).toString('base64url')}.${genuine.split('.')[1]}`;
    for (const url of [`/u/${other}`, '/u/garbage', `/u/${openToken(h.deps.secretKey, { shop: shop.shop_id, order: 1, message: 'request' })}`]) {
      expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(404);
      expect((await h.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })).statusCode).toBe(404);
    }
    expect(envelope<{ list: unknown[] }>(await h.call('GET', 'get_unsubscribes', {}, shop)).data!.list).toEqual([]);
  });
});
