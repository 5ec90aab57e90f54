import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyStandardWebhook, verifyTrustooWebhook } from '../src/index.js';

const NOW = 1_781_682_900_000;
const now = () => NOW;
const body = '{"topic":"review/created","event_id":"evt_1","list":[{"id":1}]}';

/** Signs as docs/reference/webhooks.md §4 describes, with node:crypto, independently of the SDK. */
function standardHeaders(secretBytes: Buffer, id: string, timestamp: number, payload: string) {
  const signature = createHmac('sha256', secretBytes).update(`${id}.${timestamp}.${payload}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
}

describe('webhook verification', () => {
  const secretBytes = randomBytes(24);
  const secret = `whsec_${secretBytes.toString('base64')}`;

  it('accepts a Standard Webhooks delivery and refuses any change', async () => {
    const headers = standardHeaders(secretBytes, 'evt_1', NOW / 1000, body);
    expect(await verifyStandardWebhook(headers, body, secret, { now })).toBe(true);
    expect(await verifyStandardWebhook(new Headers(headers), body, secret, { now })).toBe(true);
    expect(await verifyStandardWebhook(headers, body.replace('1', '2'), secret, { now })).toBe(false);
    expect(await verifyStandardWebhook({ ...headers, 'webhook-id': 'evt_2' }, body, secret, { now })).toBe(false);
    expect(await verifyStandardWebhook(headers, body, `whsec_${randomBytes(24).toString('base64')}`, { now })).toBe(false);
  });

  it('accepts any listed signature during a secret rotation', async () => {
    const old = standardHeaders(randomBytes(24), 'evt_1', NOW / 1000, body)['webhook-signature'];
    const current = standardHeaders(secretBytes, 'evt_1', NOW / 1000, body)['webhook-signature'];
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(NOW / 1000), 'webhook-signature': `${old} ${current}` };
    expect(await verifyStandardWebhook(headers, body, secret, { now })).toBe(true);
  });

  it('refuses a delivery outside the tolerance window', async () => {
    const stale = standardHeaders(secretBytes, 'evt_1', NOW / 1000 - 301, body);
    expect(await verifyStandardWebhook(stale, body, secret, { now })).toBe(false);
    expect(await verifyStandardWebhook(stale, body, secret, { now, toleranceSeconds: 600 })).toBe(true);
  });

  it('verifies the Trustoo-compatible headers', async () => {
    const timestamp = String(NOW / 1000);
    const sign = createHmac('sha256', 'private-token').update(`timestamp=${timestamp}|${body}`).digest('hex');
    const headers = { 'Open-Trustoo-Webhook-Timestamp': timestamp, 'Open-Trustoo-Webhook-Sign': sign, 'Open-Trustoo-Webhook-Public-token': 'pub' };
    expect(await verifyTrustooWebhook(headers, body, 'private-token', { now })).toBe(true);
    expect(await verifyTrustooWebhook(headers, `${body} `, 'private-token', { now })).toBe(false);
    expect(await verifyTrustooWebhook(headers, body, 'other-key', { now })).toBe(false);
    expect(await verifyTrustooWebhook({ ...headers, 'Open-Trustoo-Webhook-Timestamp': String(NOW / 1000 - 3600) }, body, 'private-token', { now })).toBe(false);
  });
});
