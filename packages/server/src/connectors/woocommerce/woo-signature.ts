import { createHmac } from 'node:crypto';
import { safeEqual } from '../../crypto/tokens.js';

/**
 * WooCommerce's webhook signature: the base64 HMAC-SHA256 of the raw request body under the
 * webhook's secret, in `X-WC-Webhook-Signature` (WC_Webhook::generate_signature). Compared in
 * constant time; a missing header is a refusal.
 */
export function isGenuineWooDelivery(rawBody: string, signature: string | undefined, secret: string): boolean {
  if (signature === undefined || signature === '') return false;
  const expected = createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
  return safeEqual(signature, expected);
}
