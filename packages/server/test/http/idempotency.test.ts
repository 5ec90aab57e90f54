import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { outboxTopics, reviewBody } from '../support/factories.js';
import { envelope, useHarness } from '../support/harness.js';

describeEachDatabase('Idempotency-Key', (dialect) => {
  const harness = useHarness(dialect);
  let n = 0;
  const freshShop = () => harness().newShop(`idem-${n++}-${dialect}.example.com`);

  it('replays the stored answer byte for byte and runs nothing again', async () => {
    const h = harness();
    const shop = await freshShop();
    const first = await h.call('POST', 'create_review', { body: reviewBody(), headers: { 'idempotency-key': 'order-4987-review' } }, shop);
    h.clock.advanceSeconds(60);
    const retry = await h.call('POST', 'create_review', { body: reviewBody(), headers: { 'idempotency-key': 'order-4987-review' } }, shop);
    expect(retry.statusCode).toBe(200);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['x-request-id']).toBe(envelope(first).request_id);
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created']);
  });

  it('refuses the same key for a different request with HTTP 422', async () => {
    const h = harness();
    const shop = await freshShop();
    await h.call('POST', 'create_review', { body: reviewBody(), headers: { 'idempotency-key': 'k1' } }, shop);
    const other = await h.call('POST', 'create_review', { body: reviewBody({ rating: 1 }), headers: { 'idempotency-key': 'k1' } }, shop);
    expect([other.statusCode, envelope(other).code]).toEqual([422, 3]);
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created']);
  });

  it('stores a validation refusal and replays it', async () => {
    const h = harness();
    const shop = await freshShop();
    const first = await h.call('POST', 'create_review', { body: reviewBody({ rating: 9 }), headers: { 'idempotency-key': 'bad-one' } }, shop);
    const again = await h.call('POST', 'create_review', { body: reviewBody({ rating: 9 }), headers: { 'idempotency-key': 'bad-one' } }, shop);
    expect(first.statusCode).toBe(400);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('keeps the key free after an answer that is not stored (a missing scope)', async () => {
    const h = harness();
    const shop = await freshShop();
    const token = await h.bearerToken(shop, ['read_reviews']);
    const refused = await h.app.inject({ method: 'POST', url: '/api/v1/openapi/create_review', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'scoped' }, payload: JSON.stringify(reviewBody()) });
    expect(envelope(refused).code).toBe(7);
    const ok = await h.call('POST', 'create_review', { body: reviewBody(), headers: { 'idempotency-key': 'scoped' } }, shop);
    expect(envelope(ok).code).toBe(0);
    expect(ok.headers['idempotent-replayed']).toBeUndefined();
  });

  it('scopes keys per shop and per caller', async () => {
    const h = harness();
    const a = await freshShop();
    const b = await freshShop();
    const one = await h.call('POST', 'create_review', { body: reviewBody(), headers: { 'idempotency-key': 'shared' } }, a);
    const two = await h.call('POST', 'create_review', { body: reviewBody(), headers: { 'idempotency-key': 'shared' } }, b);
    expect(envelope<{ id: string }>(one).data!.id).not.toBe(envelope<{ id: string }>(two).data!.id);
    const token = await h.bearerToken(a, ['write_reviews']);
    const platform = await h.app.inject({ method: 'POST', url: '/api/v1/openapi/create_review', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'shared' }, payload: JSON.stringify(reviewBody()) });
    expect(platform.headers['idempotent-replayed']).toBeUndefined();
    expect(await outboxTopics(h, a.shop_id)).toEqual(['review/created', 'review/created']);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const h = harness();
    const shop = await freshShop();
    const now = Math.floor(h.clock.now() / 1000);
    await h.deps.db.kysely.insertInto('idempotency_keys').values({ shop_id: shop.shop_id, caller: 'hmac', idempotency_key: 'busy', fingerprint: 'x', state: 'running', response_status: null, response_body: null, locked_until: now + 30, expires_at: now + 86_400 }).execute();
    // The fingerprint differs from the stored one only because this row was planted: use the real one.
    const { fingerprintOf } = await import('../../src/http/idempotency.js');
    const body = JSON.stringify(reviewBody());
    await h.deps.db.kysely.updateTable('idempotency_keys').set({ fingerprint: fingerprintOf('POST', '/api/v1/openapi/create_review', body) }).where('idempotency_key', '=', 'busy').execute();
    const response = await h.call('POST', 'create_review', { rawBody: body, headers: { 'idempotency-key': 'busy' } }, shop);
    expect([response.statusCode, envelope(response).code]).toEqual([409, 6]);
    expect(response.headers['retry-after']).toBe('1');
    h.clock.advanceSeconds(61);
    const after = await h.call('POST', 'create_review', { rawBody: body, headers: { 'idempotency-key': 'busy' } }, shop);
    expect(envelope(after).code).toBe(0);
  });

  it('frees a key 24 hours after completion', async () => {
    const h = harness();
    const shop = await freshShop();
    await h.call('POST', 'create_review', { body: reviewBody(), headers: { 'idempotency-key': 'daily' } }, shop);
    h.clock.advanceSeconds(24 * 3600 + 1);
    const later = await h.call('POST', 'create_review', { body: reviewBody(), headers: { 'idempotency-key': 'daily' } }, shop);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await outboxTopics(h, shop.shop_id)).toEqual(['review/created', 'review/created']);
  });

  it('refuses a malformed key with code 3 on Idempotency-Key', async () => {
    const h = harness();
    for (const key of ['has space', 'x'.repeat(256), 'ünicode']) {
      const answer = envelope<{ errors: Array<{ field: string }> }>(await h.call('POST', 'create_review', { body: reviewBody(), headers: { 'idempotency-key': key } }));
      expect(answer.code).toBe(3);
      expect(answer.data!.errors[0]!.field).toBe('Idempotency-Key');
    }
  });
});
