import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cancelOrderRequestOperation } from '../../src/open-api/orders/cancel-order-request.route.js';
import { createOrderOperation } from '../../src/open-api/orders/create-order.route.js';
import { getOrdersOperation } from '../../src/open-api/orders/get-orders.route.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { outboxTopics } from '../support/factories.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';

interface Order {
  id: number;
  order_id: string;
  status: number;
  cancel_reason: string;
  scheduled_at: string | null;
  cancelled_at: string | null;
  customer_id: string;
  customer_name: string;
  email: string;
}

const orderId = () => String(5_000_000 + Math.floor(Math.random() * 4_000_000));

function orderBody(overrides: Record<string, unknown> = {}) {
  return {
    order_id: orderId(),
    order_name: '#5020',
    email: `buyer-${randomBytes(3).toString('hex')}@example.org`,
    products: [{ product_id: '9200305176832', title: 'Stoneware Mug', handle: 'stoneware-mug', quantity: 1 }],
    ...overrides,
  };
}

async function create(h: Harness, body: Record<string, unknown>, shop?: ShopCredentials): Promise<Order> {
  const answer = envelope<Order>(await h.call('POST', 'create_order', { body }, shop));
  expect(answer.code).toBe(0);
  return answer.data!;
}

describeEachDatabase('orders', (dialect) => {
  const harness = useHarness(dialect);

  describe('security', () => {
    describe('create_order', () => securitySuite(harness, { op: createOrderOperation, valid: async () => ({ body: orderBody() }) }));
    describe('get_orders', () => securitySuite(harness, { op: getOrdersOperation, valid: async () => ({ query: 'type=0' }) }));
    describe('cancel_order_request', () =>
      securitySuite(harness, {
        op: cancelOrderRequestOperation,
        valid: async (h) => ({ body: { order_id: (await create(h, orderBody())).order_id } }),
        foreign: async (h) => {
          const foreignId = (await create(h, orderBody(), h.otherShop)).order_id;
          return { foreign: { body: { order_id: foreignId } }, missing: { body: { order_id: '404404' } }, foreignId, missingId: '404404' };
        },
      }));
  });

  it('answers the contract example: a fulfilled order is scheduled request_delay_days later', async () => {
    const h = harness();
    const shop = await h.newShop(`orders-example-${dialect}.example.com`);
    const answer = envelope(
      await h.call(
        'POST',
        'create_order',
        {
          body: {
            order_id: '5020',
            order_name: '#5020',
            email: 'Eva.Lind@example.org',
            customer_id: '23044610361111',
            first_name: 'Eva',
            last_name: 'Lind',
            phone: '',
            order_created_at: '2026-06-14 09:12:00',
            fulfilled_at: '2026-06-15 16:00:00',
            products: [{ product_id: '9200305176832', title: 'Stoneware Mug', handle: 'stoneware-mug', quantity: 1, image: 'https://cdn.example.com/mug.jpg' }],
          },
        },
        shop,
      ),
    );
    expect(answer.data).toEqual({
      id: expect.any(Number),
      order_id: '5020',
      order_name: '#5020',
      customer_id: '23044610361111',
      email: 'eva.lind@example.org',
      customer_name: 'Eva Lind',
      products: [{ product_id: '9200305176832', title: 'Stoneware Mug', handle: 'stoneware-mug', quantity: 1 }],
      status: 2,
      cancel_reason: '',
      order_created_at: '2026-06-14T09:12:00Z',
      fulfilled_at: '2026-06-15T16:00:00Z',
      scheduled_at: '2026-06-22T16:00:00Z',
      sent_at: null,
      opened_at: null,
      reviewed_at: null,
      cancelled_at: null,
      reminder_sent_at: null,
      created_at: '2026-06-17T07:55:00Z',
      updated_at: '2026-06-17T07:55:00Z',
    });
    const product = await h.deps.db.kysely.selectFrom('products').selectAll().where('shop_id', '=', shop.shop_id).where('product_id', '=', '9200305176832').executeTakeFirstOrThrow();
    expect(product).toMatchObject({ title: 'Stoneware Mug', image: 'https://cdn.example.com/mug.jpg' });
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['order/updated']);
  });

  it('is idempotent on order_id: the same id, data updated, an event only when the status changes', async () => {
    const h = harness();
    const shop = await h.newShop(`orders-idempotent-${dialect}.example.com`);
    const body = orderBody();
    const waiting = await create(h, body, shop);
    expect(waiting).toMatchObject({ status: 1, scheduled_at: null });
    const renamed = await create(h, { ...body, order_name: '#5020-b' }, shop);
    expect(renamed).toMatchObject({ id: waiting.id, status: 1 });
    const fulfilled = await create(h, { ...body, fulfilled_at: '2026-06-16 10:00:00' }, shop);
    expect(fulfilled).toMatchObject({ id: waiting.id, status: 2, scheduled_at: '2026-06-23T10:00:00Z' });
    // Without fulfilled_at the stored fulfilment stays: it cannot be withdrawn.
    expect(await create(h, body, shop)).toMatchObject({ status: 2, scheduled_at: '2026-06-23T10:00:00Z' });
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['order/updated', 'order/updated']);
    const { count } = envelope<{ page: { count: number } }>(await h.call('GET', 'get_orders', {}, shop)).data!.page;
    expect(count).toBe(1);
  });

  it('cancels as too_old an order fulfilled more than 30 days ago, and honours exclusions and unsubscribes', async () => {
    const h = harness();
    const shop = await h.newShop(`orders-rules-${dialect}.example.com`);
    expect(await create(h, orderBody({ fulfilled_at: '2026-05-10 00:00:00' }), shop)).toMatchObject({ status: 6, cancel_reason: 'too_old' });
    await h.call('POST', 'create_customer_exclude', { body: { email: 'excluded@example.org' } }, shop);
    expect(await create(h, orderBody({ email: 'Excluded@example.org', fulfilled_at: '2026-06-16' }), shop)).toMatchObject({ status: 6, cancel_reason: 'excluded' });
    await h.call('POST', 'email_unsubscribe', { body: { email: 'gone@example.org', email_type: 'all' } }, shop);
    expect(await create(h, orderBody({ email: 'gone@example.org' }), shop)).toMatchObject({ status: 6, cancel_reason: 'unsubscribed' });
    // A marketing unsubscribe does not stop review requests.
    await h.call('POST', 'email_unsubscribe', { body: { email: 'ads@example.org', email_type: 'market_email' } }, shop);
    expect(await create(h, orderBody({ email: 'ads@example.org' }), shop)).toMatchObject({ status: 1 });
  });

  it('cancels pending requests when the customer is excluded or unsubscribes later', async () => {
    const h = harness();
    const shop = await h.newShop(`orders-later-${dialect}.example.com`);
    const a = await create(h, orderBody({ email: 'ann@example.org', customer_id: '777' }), shop);
    const b = await create(h, orderBody({ email: 'bo@example.org', fulfilled_at: '2026-06-16' }), shop);
    await h.call('POST', 'create_customer_exclude', { body: { customer_id: '777' } }, shop);
    await h.call('POST', 'email_unsubscribe', { body: { email: 'bo@example.org', email_type: 'review_request' } }, shop);
    const list = envelope<{ list: Order[] }>(await h.call('GET', 'get_orders', { query: 'type=6' }, shop)).data!.list;
    expect(list.map((o) => [o.id, o.cancel_reason]).sort()).toEqual([[a.id, 'excluded'], [b.id, 'unsubscribed']].sort());
    expect((await outboxTopics(h, shop.shop_id)).filter((t) => t === 'order/updated')).toHaveLength(4);
  });

  it('refuses invalid orders and changes nothing', async () => {
    const h = harness();
    const shop = await h.newShop(`orders-invalid-${dialect}.example.com`);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ products: [] }, 'products'],
      [{ products: [{ product_id: '0' }] }, 'products[0].product_id'],
      [{ email: 'nope' }, 'email'],
      [{ fulfilled_at: '2026-06-17 10:00:00' }, 'fulfilled_at'],
      [{ order_name: '' }, 'order_name'],
      [{ products: [{ product_id: '1', quantity: 0 }] }, 'products[0].quantity'],
    ];
    for (const [overrides, field] of cases) {
      const answer = envelope<{ errors: Array<{ field: string }> }>(await h.call('POST', 'create_order', { body: orderBody(overrides) }, shop));
      expect(answer.code, field).toBe(3);
      expect(answer.data!.errors.map((e) => e.field)).toContain(field);
    }
    expect(envelope<{ page: { count: number } }>(await h.call('GET', 'get_orders', {}, shop)).data!.page.count).toBe(0);
  });

  it('cancels a request not yet sent, keeps a cancelled one, refuses a sent one', async () => {
    const h = harness();
    const shop = await h.newShop(`orders-cancel-${dialect}.example.com`);
    const order = await create(h, orderBody({ fulfilled_at: '2026-06-16' }), shop);
    const cancelled = envelope<Order>(await h.call('POST', 'cancel_order_request', { body: { order_id: order.order_id } }, shop)).data!;
    expect(cancelled).toMatchObject({ status: 6, cancel_reason: 'merchant', cancelled_at: '2026-06-17T07:55:00Z' });
    expect(envelope<Order>(await h.call('POST', 'cancel_order_request', { body: { order_id: order.order_id } }, shop)).data).toEqual(cancelled);
    const sent = await create(h, orderBody(), shop);
    await h.deps.db.kysely.updateTable('orders').set({ status: 3 }).where('id', '=', sent.id).execute();
    expect(envelope(await h.call('POST', 'cancel_order_request', { body: { order_id: Number(sent.order_id) } }, shop))).toMatchObject({ code: 3 });
  });

  it('filters by status and order time, sorts and pages; bad filters are code 3', async () => {
    const h = harness();
    const shop = await h.newShop(`orders-list-${dialect}.example.com`);
    const first = await create(h, orderBody({ order_created_at: '2026-06-01 10:00:00' }), shop);
    const second = await create(h, orderBody({ order_created_at: '2026-06-05 10:00:00', fulfilled_at: '2026-06-06' }), shop);
    const third = await create(h, orderBody({ order_created_at: '2026-06-10 10:00:00' }), shop);
    const ids = async (query: string) => envelope<{ list: Order[] }>(await h.call('GET', 'get_orders', { query }, shop)).data!.list.map((o) => o.id);
    expect(await ids('')).toEqual([third.id, second.id, first.id]);
    expect(await ids('sort_by=created-ascending')).toEqual([first.id, second.id, third.id]);
    expect(await ids('type=2')).toEqual([second.id]);
    expect(await ids('start_time=2026-06-02&end_time=2026-06-09')).toEqual([second.id]);
    expect(await ids('end_time=2026-06-05')).toEqual([second.id, first.id]);
    expect(await ids('start_sent_at=2026-06-01')).toEqual([]);
    expect(await ids('type=0&start_sent_at=&end_sent_at=&page_size=1&page=2')).toEqual([second.id]);
    for (const bad of ['type=7', 'start_time=2026-06-09&end_time=2026-06-01', 'start_time=yesterday', 'sort_by=newest']) {
      expect(envelope(await h.call('GET', 'get_orders', { query: bad }, shop)).code, bad).toBe(3);
    }
    expect(envelope(await h.call('GET', '/api/v1/open_api/orders', { query: 'type=1' }, shop)).code).toBe(0);
  });
});

describeEachDatabase('orders and reviews', (dialect) => {
  const harness = useHarness(dialect);

  it('verifies a review by its order, and the buyer’s review of an ordered product marks the request evaluated', async () => {
    const h = harness();
    const shop = await h.newShop(`orders-reviews-${dialect}.example.com`);
    const order = await create(h, orderBody({ email: 'eva@example.org', fulfilled_at: '2026-06-16', products: [{ product_id: '42' }, { product_id: '43' }] }), shop);
    const other = await create(h, orderBody({ email: 'eva@example.org', products: [{ product_id: '99' }] }), shop);
    const review = envelope<{ id: number }>(
      await h.call('POST', 'create_review', { body: { product_id: '43', rating: 5, author: 'Eva', author_email: 'Eva@Example.org', is_verified: 1 } }, shop),
    ).data!;
    const stored = envelope<{ verification_method: string }>(await h.call('GET', 'get_review', { query: `id=${review.id}` }, shop)).data!;
    expect(stored.verification_method).toBe('order');
    const orders = envelope<{ list: Array<{ id: number; status: number; reviewed_at: string | null }> }>(await h.call('GET', 'get_orders', {}, shop)).data!.list;
    expect(orders.find((o) => o.id === order.id)).toMatchObject({ status: 5, reviewed_at: '2026-06-17T07:55:00Z' });
    // An order without the reviewed product is untouched.
    expect(orders.find((o) => o.id === other.id)).toMatchObject({ status: 1, reviewed_at: null });
    // Evaluated is final: a cancel is refused as already past sending.
    expect(envelope(await h.call('POST', 'cancel_order_request', { body: { order_id: order.order_id } }, shop)).code).toBe(3);
  });

  it('leaves a verified review without a matching order as platform-verified', async () => {
    const h = harness();
    const shop = await h.newShop(`orders-noverify-${dialect}.example.com`);
    await create(h, orderBody({ email: 'zed@example.org', products: [{ product_id: '42' }] }), shop);
    const review = envelope<{ id: number }>(await h.call('POST', 'create_review', { body: { product_id: '77', rating: 4, author: 'Zed', author_email: 'zed@example.org', is_verified: 1 } }, shop)).data!;
    expect(envelope<{ verification_method: string }>(await h.call('GET', 'get_review', { query: `id=${review.id}` }, shop)).data!.verification_method).toBe('platform');
  });
});
