import { randomUUID } from 'node:crypto';
import { describeEgressError, type SafeHttpClient } from '../egress/safe-http-client.js';
import { open } from '../crypto/secret-box.js';
import { revealClientSecret } from '../platforms/platform-service.js';
import { revealPrivateToken } from '../shops/shop-service.js';
import { deliveryBody } from './delivery-body.js';
import type { DeliveryLookups } from './delivery-lookups.js';
import type { DeliveryRow } from './delivery-repository.js';
import type { AttemptResult } from './retry-policy.js';
import { type SigningKeys, signatureHeaders } from './signatures.js';
import { liveSecrets } from './subscription-service.js';
import { secondsOf } from '../time/clock.js';

export const USER_AGENT = 'Plaudit-Webhooks/1.0';
export const DEFAULT_TIMEOUTS: DeliveryTimeouts = { connectMs: 5_000, totalMs: 15_000 };
const MAX_RESPONSE_BYTES = 64 * 1024;
const EXCERPT_BYTES = 2048;

export interface SendContext {
  lookups: DeliveryLookups;
  secretKey: Buffer;
  http: SafeHttpClient;
  /** Milliseconds since the epoch (the injected clock). */
  now(): number;
  /** docs/reference/webhooks.md §5: 5 s to connect, 15 s in all; tests shorten them. */
  timeouts?: DeliveryTimeouts;
}

export interface DeliveryTimeouts {
  connectMs: number;
  totalMs: number;
}

export interface SentAttempt extends AttemptResult {
  requestId: string;
  error: string | null;
  durationMs: number;
  excerpt: string;
}

/** Nothing left to send to: the subscription was deleted or disabled, or the shop is gone. */
export type SendOutcome = { kind: 'sent'; attempt: SentAttempt } | { kind: 'cancelled' };

/**
 * A 2xx whose JSON body has a numeric `code` other than 0 is a Trustoo-style receiver saying no
 * (docs/reference/webhooks.md §5); any other 2xx body counts as accepted.
 */
function accepted(status: number, body: Buffer): boolean {
  if (status < 200 || status >= 300) return false;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (parsed !== null && typeof parsed === 'object' && typeof (parsed as { code?: unknown }).code === 'number') return (parsed as { code: number }).code === 0;
  } catch {
    // Not JSON: the status decides.
  }
  return true;
}

function retryAfterOf(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function signingKeys(ctx: SendContext, delivery: DeliveryRow, nowSeconds: number): Promise<SigningKeys | undefined> {
  const { lookups, secretKey } = ctx;
  const shop = await lookups.shop(delivery.shop_id);
  if (!shop) return undefined;
  const platformKeys = async (clientId: string) => {
    const platform = await lookups.platform(clientId);
    if (!platform) return undefined;
    return lookups.derived(`platform:${clientId}`, () => ({
      trustooKey: revealClientSecret(secretKey, platform),
      trustooPublicToken: platform.client_id,
      webhookSecret: open(secretKey, platform.webhook_secret_sealed),
    }));
  };
  if (delivery.subscription_id === null) {
    const keys = await platformKeys(delivery.platform_id);
    return keys && { trustooKey: keys.trustooKey, trustooPublicToken: keys.trustooPublicToken, standardSecrets: [keys.webhookSecret] };
  }
  const subscription = await lookups.subscription(Number(delivery.subscription_id));
  if (!subscription || subscription.status !== 'active') return undefined;
  const standardSecrets = lookups.derived(`subscription:${subscription.id}`, () => liveSecrets(secretKey, subscription, nowSeconds));
  if (subscription.platform_id === '') {
    return { trustooKey: lookups.derived(`shop:${shop.id}`, () => revealPrivateToken(secretKey, shop)), trustooPublicToken: shop.public_token, standardSecrets };
  }
  const keys = await platformKeys(subscription.platform_id);
  return keys && { trustooKey: keys.trustooKey, trustooPublicToken: keys.trustooPublicToken, standardSecrets };
}

/** One attempt of one delivery: build the body, sign it both ways, POST it through the safe client. */
export async function sendDelivery(ctx: SendContext, delivery: DeliveryRow): Promise<SendOutcome> {
  const nowSeconds = secondsOf(ctx.now());
  const keys = await signingKeys(ctx, delivery, nowSeconds);
  const event = await ctx.lookups.event(Number(delivery.outbox_event_id));
  const shop = await ctx.lookups.shop(delivery.shop_id);
  if (!keys || !event || !shop) return { kind: 'cancelled' };

  const body = ctx.lookups.derived(`body:${delivery.outbox_event_id}`, () => deliveryBody(event, shop));
  const requestId = randomUUID().replaceAll('-', '');
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    ...signatureHeaders(keys, { eventId: delivery.event_id, attemptRequestId: requestId }, nowSeconds, body),
  };
  const started = performance.now();
  try {
    const response = await ctx.http.post(delivery.url, body, { headers, connectTimeoutMs: (ctx.timeouts ?? DEFAULT_TIMEOUTS).connectMs, totalTimeoutMs: (ctx.timeouts ?? DEFAULT_TIMEOUTS).totalMs, maxResponseBytes: MAX_RESPONSE_BYTES });
    const ok = accepted(response.status, response.body);
    return {
      kind: 'sent',
      attempt: {
        ok,
        httpStatus: response.status,
        retryAfterSeconds: retryAfterOf(response.headers['retry-after']),
        requestId,
        error: ok ? null : response.status >= 200 && response.status < 300 ? 'receiver answered a non-zero code' : `HTTP ${response.status}`,
        durationMs: Math.round(performance.now() - started),
        // PostgreSQL text cannot hold NUL; a binary answer is kept as far as it reads.
        excerpt: response.body.subarray(0, EXCERPT_BYTES).toString('utf8').replaceAll('\u0000', ''),
      },
    };
  } catch (error) {
    return {
      kind: 'sent',
      attempt: { ok: false, httpStatus: null, retryAfterSeconds: undefined, requestId, error: describeEgressError(error), durationMs: Math.round(performance.now() - started), excerpt: '' },
    };
  }
}
