import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCustomerExcludeOperation } from '../../src/open-api/customers/create-customer-exclude.route.js';
import { deleteCustomerExcludeOperation } from '../../src/open-api/customers/delete-customer-exclude.route.js';
import { emailUnsubscribeOperation } from '../../src/open-api/customers/email-unsubscribe.route.js';
import { getCustomerExcludesOperation } from '../../src/open-api/customers/get-customer-excludes.route.js';
import { getUnsubscribesOperation } from '../../src/open-api/customers/get-unsubscribes.route.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { securitySuite } from '../support/security.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';

interface Exclusion {
  customer_id: string;
  email: string;
  first_name: string;
  created_at: string;
  updated_at: string;
}
interface Paged<T> {
  page: { page: number; page_size: number; total_page: number; count: number };
  list: T[];
}

const address = () => `shopper-${randomBytes(4).toString('hex')}@example.com`;

/** A customer record as create_order will write it (issue 6); set up directly until then. */
async function customer(h: Harness, shop: ShopCredentials, fields: { id?: string; email?: string; firstName?: string; updatedAt?: number } = {}): Promise<string> {
  const id = fields.id ?? String(20_000_000_000 + Math.floor(Math.random() * 1_000_000_000));
  const now = fields.updatedAt ?? Math.floor(h.clock.now() / 1000);
  await h.deps.db.kysely.insertInto('customers').values({ shop_id: shop.shop_id, customer_id: id, email: fields.email ?? '', first_name: fields.firstName ?? '', last_name: '', phone: '', created_at: now, updated_at: now }).execute();
  return id;
}

describeEachDatabase('customers: unsubscribes and exclusions', (dialect) => {
  const harness = useHarness(dialect);

  describe('security', () => {
    describe('email_unsubscribe', () => securitySuite(harness, { op: emailUnsubscribeOperation, valid: async () => ({ body: { email: address(), email_type: 'review_request' } }) }));
    describe('get_unsubscribes', () => securitySuite(harness, { op: getUnsubscribesOperation, valid: async () => ({ query: 'email_type=all' }) }));
    describe('get_customer_excludes', () => securitySuite(harness, { op: getCustomerExcludesOperation, valid: async () => ({ query: 'page=1' }) }));
    describe('create_customer_exclude', () =>
      securitySuite(harness, {
        op: createCustomerExcludeOperation,
        valid: async () => ({ body: { email: address() } }),
        foreign: async (h) => {
          const foreignId = await customer(h, h.otherShop);
          return { foreign: { body: { customer_id: foreignId } }, missing: { body: { customer_id: '404404404' } }, foreignId, missingId: '404404404' };
        },
      }));
    describe('delete_customer_exclude', () =>
      securitySuite(harness, {
        op: deleteCustomerExcludeOperation,
        valid: async (h) => {
          const email = address();
          expect(envelope(await h.call('POST', 'create_customer_exclude', { body: { email } })).code).toBe(0);
          return { body: { email } };
        },
        foreign: async (h) => {
          const foreignId = await customer(h, h.otherShop);
          expect(envelope(await h.call('POST', 'create_customer_exclude', { body: { customer_id: foreignId } }, h.otherShop)).code).toBe(0);
          return { foreign: { body: { customer_id: foreignId } }, missing: { body: { customer_id: '404404404' } }, foreignId, missingId: '404404404' };
        },
      }));
  });

  describe('Email Unsubscribe', () => {
    it('normalises the address, is idempotent and keeps the first created_at', async () => {
      const h = harness();
      const shop = await h.newShop(`unsub-${dialect}.example.com`);
      const first = envelope(await h.call('POST', 'email_unsubscribe', { body: { email: '  Bea@Example.COM ', email_type: 'review_request' } }, shop));
      // Trustoo's answer is {code: 0, message: "OK"}; data is Plaudit's addition.
      expect(first).toMatchObject({ code: 0, message: 'OK', data: { email: 'bea@example.com', email_type: 'review_request' } });
      h.clock.advanceSeconds(60);
      try {
        const again = envelope(await h.call('POST', 'email_unsubscribe', { body: { email: 'bea@example.com', email_type: 'review_request' } }, shop));
        expect(again.data).toEqual(first.data);
      } finally {
        h.clock.advanceSeconds(-60);
      }
      await h.call('POST', 'email_unsubscribe', { body: { email: 'bea@example.com', email_type: 'all' } }, shop);
      const listed = envelope<Paged<{ email: string; email_type: string; source: string; created_at: string }>>(await h.call('GET', 'get_unsubscribes', { query: 'email=BEA@' }, shop)).data!;
      expect(listed.page).toEqual({ page: 1, page_size: 20, total_page: 1, count: 2 });
      expect(listed.list.map((u) => u.email_type).sort()).toEqual(['all', 'review_request']);
      expect(listed.list.every((u) => u.source === 'api' && u.created_at === '2026-06-17T07:55:00Z')).toBe(true);
    });

    it('also answers at the older /open_api/ path', async () => {
      const h = harness();
      const response = await h.call('POST', '/api/v1/open_api/email_unsubscribe', { body: { email: address(), email_type: 'market_email' } });
      expect(envelope(response).code).toBe(0);
    });

    it('refuses an invalid address or an unknown stream, naming the field', async () => {
      const h = harness();
      const answer = envelope<{ errors: Array<{ field: string }> }>(await h.call('POST', 'email_unsubscribe', { body: { email: 'not-an-address', email_type: 'newsletters' } }));
      expect(answer.code).toBe(3);
      expect(answer.data!.errors.map((e) => e.field).sort()).toEqual(['email', 'email_type']);
      expect(envelope(await h.call('POST', 'email_unsubscribe', { body: {} })).code).toBe(3);
    });

    it('filters by stream, treats % and _ in the address filter literally, and pages in both orders', async () => {
      const h = harness();
      const shop = await h.newShop(`unsub-list-${dialect}.example.com`);
      for (const [i, email] of ['a_b@example.com', 'axb@example.com', 'c@example.com'].entries()) {
        h.clock.advanceSeconds(1);
        await h.call('POST', 'email_unsubscribe', { body: { email, email_type: i === 2 ? 'all' : 'review_request' } }, shop);
      }
      h.clock.advanceSeconds(-3);
      const underscore = envelope<Paged<{ email: string }>>(await h.call('GET', 'get_unsubscribes', { query: 'email=a_b' }, shop)).data!;
      expect(underscore.list.map((u) => u.email)).toEqual(['a_b@example.com']);
      const streams = envelope<Paged<{ email: string }>>(await h.call('GET', 'get_unsubscribes', { query: 'email_type=review_request&sort_by=created-ascending' }, shop)).data!;
      expect(streams.list.map((u) => u.email)).toEqual(['a_b@example.com', 'axb@example.com']);
      const second = envelope<Paged<{ email: string }>>(await h.call('GET', 'get_unsubscribes', { query: 'page=2&page_size=2' }, shop)).data!;
      expect(second).toEqual({ page: { page: 2, page_size: 2, total_page: 2, count: 3 }, list: [{ email: 'a_b@example.com', email_type: 'review_request', source: 'api', created_at: expect.any(String) }] });
      expect(envelope(await h.call('GET', 'get_unsubscribes', { query: 'sort_by=newest' }, shop)).code).toBe(3);
    });
  });

  describe('customer exclusions', () => {
    it('excludes by e-mail, creating a customer with a generated id when none exists', async () => {
      const h = harness();
      const shop = await h.newShop(`exclude-new-${dialect}.example.com`);
      const created = envelope<Exclusion>(await h.call('POST', 'create_customer_exclude', { body: { email: 'Example@Gmail.com' } }, shop));
      expect(created.data).toEqual({ customer_id: expect.stringMatching(/^c_[0-9a-f]{20}$/), first_name: '', last_name: '', email: 'example@gmail.com', phone: '', created_at: '2026-06-17T07:55:00Z', updated_at: '2026-06-17T07:55:00Z' });
      const again = envelope(await h.call('POST', 'create_customer_exclude', { body: { email: 'example@gmail.com' } }, shop));
      expect(again.code).toBe(6);
      const listed = envelope<Paged<Exclusion>>(await h.call('GET', 'get_customer_excludes', { query: 'email=GMAIL' }, shop)).data!;
      expect(listed.list).toEqual([created.data]);
    });

    it('excludes the most recently updated customer sharing an address, and by customer_id (string or number)', async () => {
      const h = harness();
      const shop = await h.newShop(`exclude-existing-${dialect}.example.com`);
      const now = Math.floor(h.clock.now() / 1000);
      await customer(h, shop, { id: '111', email: 'twin@example.com', firstName: 'Old', updatedAt: now - 100 });
      await customer(h, shop, { id: '222', email: 'twin@example.com', firstName: 'New', updatedAt: now - 10 });
      const byEmail = envelope<Exclusion>(await h.call('POST', 'create_customer_exclude', { body: { email: 'twin@example.com' } }, shop));
      expect(byEmail.data).toMatchObject({ customer_id: '222', first_name: 'New' });
      // Any customer with the address already excluded: code 6.
      expect(envelope(await h.call('POST', 'create_customer_exclude', { body: { email: 'twin@example.com' } }, shop)).code).toBe(6);
      const byId = envelope<Exclusion>(await h.call('POST', 'create_customer_exclude', { body: { customer_id: 111 } }, shop));
      expect(byId.data).toMatchObject({ customer_id: '111', first_name: 'Old' });
      expect(envelope(await h.call('POST', 'create_customer_exclude', { body: { customer_id: '111' } }, shop)).code).toBe(6);
    });

    it('requires exactly one of email and customer_id', async () => {
      const h = harness();
      for (const body of [{}, { email: address(), customer_id: '1' }]) {
        const answer = envelope(await h.call('POST', 'create_customer_exclude', { body }));
        expect(answer).toMatchObject({ code: 3, message: 'request body must carry exactly one of customer_id and email', data: { errors: [{ field: 'body', reason: 'must carry exactly one of customer_id and email' }] } });
        expect(envelope(await h.call('POST', 'delete_customer_exclude', { body })).code).toBe(3);
      }
      expect(envelope(await h.call('POST', 'create_customer_exclude', { body: { customer_id: '404404404' } })).code).toBe(5);
    });

    it('removes the exclusions of every customer with an address and answers the newest; nothing left is code 5', async () => {
      const h = harness();
      const shop = await h.newShop(`include-${dialect}.example.com`);
      await customer(h, shop, { id: '333', email: 'pair@example.com' });
      await customer(h, shop, { id: '444', email: 'pair@example.com' });
      await h.call('POST', 'create_customer_exclude', { body: { customer_id: '333' } }, shop);
      h.clock.advanceSeconds(5);
      try {
        await h.call('POST', 'create_customer_exclude', { body: { customer_id: '444' } }, shop);
      } finally {
        h.clock.advanceSeconds(-5);
      }
      const removed = envelope<Exclusion>(await h.call('POST', 'delete_customer_exclude', { body: { email: 'PAIR@example.com' } }, shop));
      expect(removed.data).toMatchObject({ customer_id: '444' });
      expect(envelope<Paged<Exclusion>>(await h.call('GET', 'get_customer_excludes', {}, shop)).data!.list).toEqual([]);
      expect(envelope(await h.call('POST', 'delete_customer_exclude', { body: { email: 'pair@example.com' } }, shop)).code).toBe(5);
      expect(envelope(await h.call('POST', 'delete_customer_exclude', { body: { customer_id: '333' } }, shop)).code).toBe(5);
    });
  });
});
