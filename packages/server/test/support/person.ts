import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { recordCustomerEvents } from '../../src/events/customer-events.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { createReviewVia } from './factories.js';
import { envelope, type Harness } from './harness.js';
import { testJpeg, uploadImage } from './media.js';

export interface Person {
  email: string;
  phone: string;
  customerId: string;
  name: string;
  reviewIds: number[];
  photoUrl: string;
}

export const unique = () => randomBytes(4).toString('hex');
export const PRODUCT = '7001';

/**
 * Gives the shop one person with everything Plaudit can hold about someone: a customer record and
 * an order (create_order), reviews written with their address, one with a photo and one deleted,
 * e-mail and storefront events, and an unsubscribe.
 */
export async function seedPerson(h: Harness, shop: ShopCredentials, options: { email?: string; customerId?: string } = {}): Promise<Person> {
  const tag = unique();
  const person = { email: options.email ?? `bea-${tag}@example.com`, customerId: options.customerId ?? `cust-${tag}`, name: `Beatrix Quill${tag}`, phone: `+44 7700 ${parseInt(tag, 16) % 1_000_000}` };
  const ok = async (operation: string, body: unknown) => expect(envelope(await h.call('POST', operation, { body }, shop)).code).toBe(0);
  await ok('create_order', { order_id: `ORD-${tag}`, order_name: `#${tag}`, email: person.email, customer_id: person.customerId, first_name: 'Beatrix', last_name: `Quill${tag}`, phone: person.phone, products: [{ product_id: PRODUCT, title: 'Mug' }] });
  const photo = await uploadImage(h, { name: `${person.name}.jpg`, type: 'image/jpeg', data: await testJpeg(64, 48) }, shop);
  const withPhoto = await createReviewVia(h, { product_id: PRODUCT, rating: 2, author: person.name, author_email: person.email, author_phone: person.phone, content: 'The handle chipped.', is_published: 1, media: [{ url: photo.url }] }, shop);
  const plain = await createReviewVia(h, { product_id: PRODUCT, rating: 4, author: person.name, author_email: person.email, content: 'Keeps tea warm.', is_published: 1 }, shop);
  const deleted = await createReviewVia(h, { product_id: PRODUCT, rating: 1, author: person.name, author_email: person.email, content: 'Changed my mind.', is_published: 1 }, shop);
  await ok('delete_review', { id: deleted });
  await recordCustomerEvents(h.deps.db.kysely, shop.shop_id, [
    { eventType: 'OPEN_EMAIL', eventSource: 'EMAIL', osType: 'IOS', email: person.email, customerId: person.customerId },
    { eventType: 'VIEW_WIDGET', eventSource: 'STOREFRONT', osType: 'WINDOWS', customerId: person.customerId, sessionId: `s_${tag}`, productId: PRODUCT },
  ], h.clock.now());
  await ok('email_unsubscribe', { email: person.email, email_type: 'market_email' });
  return { ...person, reviewIds: [withPhoto, plain, deleted], photoUrl: photo.url };
}
