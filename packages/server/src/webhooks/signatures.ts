import { createHmac } from 'node:crypto';
import { signRequest } from '../crypto/hmac-signature.js';

export interface SigningKeys {
  /** The Trustoo key: the shop's private token, or the platform's client secret. */
  trustooKey: string;
  /** The Trustoo `Public-token` header: the shop's public token, or the platform's client id. */
  trustooPublicToken: string;
  /** Live `whsec_…` secrets, newest first (two during a rotation). */
  standardSecrets: string[];
}

/** Standard Webhooks v1: base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed with the decoded secret. */
export function standardSignature(secret: string, webhookId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${webhookId}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * Both signature schemes of docs/reference/webhooks.md §4 for one attempt. The Trustoo scheme reuses request
 * signing on `timestamp=<ts>|<body>`; the Standard Webhooks id is the event id, the same on every
 * retry and replay, so receivers can de-duplicate on it.
 */
export function signatureHeaders(keys: SigningKeys, delivery: { eventId: string; attemptRequestId: string }, timestamp: number, body: string): Record<string, string> {
  return {
    'open-trustoo-webhook-public-token': keys.trustooPublicToken,
    'open-trustoo-webhook-timestamp': String(timestamp),
    'open-trustoo-webhook-sign': signRequest(keys.trustooKey, '', String(timestamp), body),
    'open-trustoo-webhook-requestid': delivery.attemptRequestId,
    'webhook-id': delivery.eventId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': keys.standardSecrets.map((secret) => standardSignature(secret, delivery.eventId, timestamp, body)).join(' '),
  };
}
