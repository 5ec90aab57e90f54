import { describe, expect, it } from 'vitest';
import { gmtSeconds, orderFromWoo } from '../../src/connectors/woocommerce/woo-payloads.js';

describe('WooCommerce payloads', () => {
  it('reads WooCommerce GMT times as UTC and nothing else as a time', () => {
    expect(gmtSeconds('2026-06-12T10:00:00')).toBe(Date.parse('2026-06-12T10:00:00Z') / 1000);
    for (const value of [null, undefined, '', '2026-06-12', '2026-06-12T10:00:00+02:00', 'yesterday']) expect(gmtSeconds(value)).toBeUndefined();
  });

  it('maps an order to Create Order: completion is the fulfilment, custom lines without a product are left out', () => {
    const order = {
      id: 7,
      number: 'A-7',
      status: 'completed',
      date_created_gmt: '2026-06-01T08:00:00',
      date_modified_gmt: '2026-06-03T08:00:00',
      date_completed_gmt: null,
      billing: { first_name: 'Ada', last_name: 'King', email: 'ada@example.com' },
      line_items: [{ product_id: 0, name: 'Gift wrap' }, { product_id: 12, name: 'Mug', quantity: 2 }],
    };
    expect(orderFromWoo(order)).toMatchObject({
      orderId: '7',
      orderName: '#A-7',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'King',
      products: [{ product_id: '12', title: 'Mug', quantity: 2 }],
      orderCreatedAt: Date.parse('2026-06-01T08:00:00Z') / 1000,
      // Completed without a completion date: its last change is when it was completed.
      fulfilledAt: Date.parse('2026-06-03T08:00:00Z') / 1000,
    });
    expect(orderFromWoo({ ...order, status: 'processing' }).fulfilledAt).toBeUndefined();
    expect(orderFromWoo({ id: 8, status: 'completed' })).toMatchObject({ orderName: '#8', email: '', products: [] });
  });
});
