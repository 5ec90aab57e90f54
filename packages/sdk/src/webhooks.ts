import { hmacSha256Base64, hmacSha256Hex, stringToSign, timingSafeEqual } from './signing.js';

/** How far a delivery's timestamp may be from now before it is refused as a replay (seconds). */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const bag = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : bag[key];
  return Array.isArray(value) ? value[0] : value;
}

function fresh(timestamp: string | undefined, toleranceSeconds: number, nowMs: number): timestamp is string {
  return timestamp !== undefined && /^\d{1,10}$/.test(timestamp) && Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) <= toleranceSeconds;
}

export interface VerifyOptions {
  toleranceSeconds?: number;
  now?: () => number;
}

/**
 * Standard Webhooks scheme (docs/reference/webhooks.md §4): `webhook-signature` lists `v1,<base64 HMAC>` of
 * `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the bytes of the `whsec_` secret. Any listed
 * signature may match, so deliveries keep verifying while a secret is being rotated.
 */
export async function verifyStandardWebhook(headers: HeaderBag, rawBody: string, secret: string, options: VerifyOptions = {}): Promise<boolean> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (id === undefined || signatures === undefined) return false;
  if (!fresh(timestamp, options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS, (options.now ?? Date.now)())) return false;
  const key = Uint8Array.from(atob(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret), (c) => c.charCodeAt(0));
  const expected = await hmacSha256Base64(key, `${id}.${timestamp}.${rawBody}`);
  return signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .some((entry) => timingSafeEqual(entry.slice(3), expected));
}

/**
 * Trustoo-compatible scheme: `Open-Trustoo-Webhook-Sign` is the hex HMAC of
 * `timestamp=<Open-Trustoo-Webhook-Timestamp>|<body>`, keyed with the shop's private token (shop
 * subscriptions) or the platform's client secret (platform subscriptions, system webhooks).
 */
export async function verifyTrustooWebhook(headers: HeaderBag, rawBody: string, key: string, options: VerifyOptions = {}): Promise<boolean> {
  const timestamp = header(headers, 'open-trustoo-webhook-timestamp');
  const sign = header(headers, 'open-trustoo-webhook-sign');
  if (sign === undefined) return false;
  if (!fresh(timestamp, options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS, (options.now ?? Date.now)())) return false;
  return timingSafeEqual(sign, await hmacSha256Hex(key, stringToSign('', timestamp, rawBody)));
}
